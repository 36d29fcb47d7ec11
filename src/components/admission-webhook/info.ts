import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'admission-webhook',
  description:
    'PodDefaults admission webhook: injects volumes, environment and labels from PodDefault resources into pods of profile namespaces.',
  appVersion: 'v1.10.0',
  values,
  // cert-manager issues the webhook's certificate and injects its CA (an external prerequisite for now).
  requires: ['cert-manager'],
  keywords: ['poddefaults', 'admission-webhook'],
  deviations: [
    {
      object: 'CustomResourceDefinition/poddefaults.kubeflow.org',
      reason:
        'Schema generated from the Kubernetes 1.33 types (a superset of the 1.23 types upstream embeds); top-level fields carry our own descriptions; no controller-gen annotation.',
    },
  ],
};
