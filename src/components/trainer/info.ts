import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'trainer',
  description:
    'Kubeflow Trainer v2: TrainJobs run as JobSets from (cluster) training runtimes for PyTorch, DeepSpeed, MLX and torchtune; ships the JobSet controller.',
  appVersion: 'v2.1.0',
  // the platform's kubeflow-namespace creates kubeflow-system
  requires: ['kubeflow-namespace'],
  values,
  keywords: ['training', 'trainer', 'jobset', 'pytorch'],
  deviations: [
    {
      object: 'ConfigMap/kubeflow-trainer-config',
      reason:
        "The controller configuration is generated from typed values (same document); upstream's explanatory comments are not carried over.",
    },
  ],
  presets: {
    manager: {
      description:
        'The controllers, webhooks and CRDs on their own, in their own namespace, without runtimes or Kubeflow roles (upstream overlays/manager).',
      values: {
        createNamespace: true,
        istio: { excludeWebhookPort: false },
        kubeflowRoles: false,
        manager: { podSeccompProfile: false },
        runtimes: { enabled: false },
      },
    },
    runtimes: {
      description: 'Only the cluster training runtimes, for a cluster that already runs the controllers (upstream overlays/runtimes).',
      values: {
        crds: { install: false },
        kubeflowRoles: false,
        manager: { enabled: false },
        jobset: { enabled: false },
        runtimes: { namespaceField: false },
      },
    },
  },
};
