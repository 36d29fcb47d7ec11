import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'cert-manager',
  description:
    "cert-manager: the upstream cert-manager chart with Kubeflow's settings, plus its namespace, the self-signing ClusterIssuer and the NetworkPolicies Kubeflow adds.",
  appVersion: 'v1.19.4',
  values,
  keywords: ['cert-manager', 'certificates'],
  release: { name: 'cert-manager', namespace: 'cert-manager' },
  upstreamCharts: [
    {
      name: 'cert-manager',
      version: 'v1.19.4',
      repository: 'https://charts.jetstack.io',
      alias: 'cert-manager',
      condition: 'cert-manager.enabled',
      imageHubs: [
        'image.repository',
        'webhook.image.repository',
        'cainjector.image.repository',
        'acmesolver.image.repository',
        'startupapicheck.image.repository',
      ],
    },
  ],
  followUpRelease: {
    suffix: 'issuer',
    reason:
      "The ClusterIssuer is a cert-manager custom resource checked by cert-manager's webhook: it can only be applied once the chart's CRDs exist and its webhook serves.",
    firstValues: { selfSigningIssuer: { enabled: false } },
    values: { 'cert-manager': { enabled: false }, networkPolicies: { enabled: false } },
  },
  deviations: [
    {
      object: "metadata.labels of the cert-manager chart's objects",
      reason:
        "The chart labels its objects itself (app.kubernetes.io/name, component, instance, version, helm.sh/chart); Kubeflow's Kustomize overlay relabels upstream's static manifest with kustomize.component and app.kubernetes.io/name/component = cert-manager. Selectors and every other field are the same.",
    },
  ],
};
