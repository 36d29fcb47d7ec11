import type { ComponentEntry } from '../../core/synth.js';
import { IstioCni } from './istio-cni.js';
import { info } from './info.js';

export { IstioCni } from './istio-cni.js';
export const istioCni: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new IstioCni(scope, id, props),
};
