import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'notebook-controller',
  description:
    'Kubeflow notebook controller: runs Notebook custom resources (Jupyter, VS Code, RStudio servers) as StatefulSets behind Istio.',
  appVersion: 'v1.10.0',
  rbacWildcards: [
    {
      role: 'ClusterRole/notebook-controller-role',
      reason: 'The controller owns StatefulSets, Services, VirtualServices and Notebooks it creates for users (verbs *), as upstream.',
    },
  ],
  // PodDefaults (admission-webhook) inject the notebook defaults the spawner offers.
  requires: ['admission-webhook'],
  values,
  keywords: ['notebooks', 'jupyter'],
  presets: {
    standalone: {
      description: 'The controller on its own, in its own namespace and without Istio (upstream overlays/standalone).',
      values: { namespace: 'notebook-controller-system', createNamespace: true, istio: { enabled: false } },
    },
  },
};
