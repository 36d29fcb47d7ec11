import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { KubeflowNamespace } from './kubeflow-namespace.js';

export { KubeflowNamespace } from './kubeflow-namespace.js';
export const kubeflowNamespace: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new KubeflowNamespace(scope, id, props),
};
