import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { KubeflowIstioResources } from './kubeflow-istio-resources.js';

export { KubeflowIstioResources } from './kubeflow-istio-resources.js';
export const kubeflowIstioResources: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new KubeflowIstioResources(scope, id, props),
};
