import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

// Maps merge key by key (in Helm too): null removes the Pod Security Standards label.
const withoutPss = { 'pod-security.kubernetes.io/enforce': null } as unknown as Record<string, string>;

export const info: ComponentInfo<typeof values> = {
  name: 'profiles',
  description: 'Profile controller (one namespace, RBAC and Istio policies per user profile) and KFAM, the access-management API.',
  appVersion: 'v1.10.0',
  values,
  keywords: ['profiles', 'multi-tenancy', 'kfam'],
  presets: {
    kubeflow: {
      description:
        'Profiles inside Kubeflow without Pod Security Standards labels on profile namespaces (upstream upstream/overlays/kubeflow).',
      values: { namespaceLabels: withoutPss },
    },
    standalone: {
      description:
        'The profile controller alone in its own namespace: no KFAM, no Istio sidecar, no PSS namespace label (upstream upstream/overlays/standalone; like it, the pod runs as ServiceAccount `controller-manager`, which must exist).',
      values: {
        namespace: 'profiles-system',
        createNamespace: true,
        namespaceLabels: withoutPss,
        kfam: { enabled: false },
        istio: { sidecarInjection: false },
        podSecurityContext: null,
        labelNamespaceLabelsConfigMap: false,
        // Reproduces upstream's standalone overlay, which names this account but does not create it:
        // the pods start only where a `controller-manager` ServiceAccount exists. Set '' to use ours.
        serviceAccountName: 'controller-manager',
      },
    },
  },
  deviations: [
    {
      object: 'ConfigMap/namespace-labels-data',
      reason:
        "namespace-labels.yaml is generated from the `namespaceLabels` map: our own comment header instead of upstream's prose, labels sorted by key, so the text (and the hash suffix) differ from upstream; the labels are the same.",
    },
    {
      object: 'CustomResourceDefinition/profiles.kubeflow.org',
      reason: 'Schema generated from the Kubernetes 1.33 types; our own descriptions; no controller-gen annotation or status stub.',
    },
  ],
};
