import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'tensorboard-controller',
  description: 'Kubeflow Tensorboard controller: serves Tensorboard custom resources as Tensorboard servers behind Istio.',
  appVersion: 'v1.10.0',
  values,
  keywords: ['tensorboard'],
  presets: {
    standalone: {
      description: 'The controller on its own, in its own namespace (upstream overlays/standalone).',
      values: { namespace: 'tensorboard-controller-system', createNamespace: true },
    },
  },
};
