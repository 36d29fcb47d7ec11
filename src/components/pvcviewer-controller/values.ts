import type { k8s } from 'cdk8s-plus-33';
import { scheduling } from '../../lib/k8s-values.js';
import { v } from '../../core/values.js';

/** kubebuilder's default: run on Linux nodes of the architectures the image is built for. */
const linuxNodes = {
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [
        {
          matchExpressions: [
            { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64', 'arm64', 'ppc64le', 's390x'] },
            { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
          ],
        },
      ],
    },
  },
};

export const values = {
  namespace: v.dnsLabel('kubeflow', 'Namespace of the controller and its webhook.'),
  image: v.image(
    { registry: 'ghcr.io', repository: 'kubeflow/kubeflow/pvcviewer-controller', tag: 'v1.10.0' },
    'PVC viewer controller image.',
  ),
  replicas: v.int(1, 'Controller replicas (leader election keeps one active; all serve the webhook).', { minimum: 0 }),
  leaderElection: v.bool(true, 'Elect one active replica (`--leader-elect`).'),
  resources: v.resources(
    { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '10m', memory: '64Mi' } },
    'Resources of the controller container.',
  ),
  ...scheduling(),
  affinity: v.obj<k8s.Affinity>(
    linuxNodes,
    'Affinity of the pods (a Kubernetes Affinity); the default keeps them on Linux nodes of the supported architectures.',
    { type: 'object' },
    { omitEmpty: true },
  ),
  clusterDomain: v.subdomain('cluster.local', 'Cluster DNS domain, in the DNS names of the webhook certificate.'),
  webhook: v.group('Admission webhooks that default and validate PVCViewers.', {
    failurePolicy: v.oneOf(['Fail', 'Ignore'], 'Fail', 'What the API server does with a PVCViewer when the webhook cannot be reached.'),
  }),
  certificate: v.group('Serving certificate of the webhooks, issued by cert-manager.', {
    issuer: v.group('Issuer that signs the certificate.', {
      create: v.bool(true, 'Create a self-signed Issuer named `name` in the namespace; false: use an existing issuer.'),
      kind: v.oneOf(['Issuer', 'ClusterIssuer'], 'Issuer', 'Kind of the issuer.'),
      name: v.subdomain('pvcviewer-selfsigned-issuer', 'Name of the issuer.'),
    }),
  }),
  crds: v.group('The PVCViewer CustomResourceDefinition.', {
    install: v.bool(true, 'Install the PVCViewer CRD with the chart (kept on uninstall).'),
  }),
  kubeRbacProxy: v.group('The kube-rbac-proxy sidecar in front of the metrics endpoint.', {
    image: v.image(
      { registry: 'quay.io', repository: 'brancz/kube-rbac-proxy', tag: 'v0.13.1', pullPolicy: undefined },
      'kube-rbac-proxy image. `pullPolicy` unset leaves the Kubernetes default.',
    ),
    resources: v.resources(
      { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '5m', memory: '64Mi' } },
      'Resources of the proxy container.',
    ),
  }),
};
