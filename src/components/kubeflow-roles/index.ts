import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { KubeflowRoles } from './kubeflow-roles.js';

export { KubeflowRoles } from './kubeflow-roles.js';
export const kubeflowRoles: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new KubeflowRoles(scope, id, props),
};
