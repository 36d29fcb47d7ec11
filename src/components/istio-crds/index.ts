import type { ComponentEntry } from '../../core/synth.js';
import { IstioCrds } from './istio-crds.js';
import { info } from './info.js';

export { IstioCrds } from './istio-crds.js';
export const istioCrds: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new IstioCrds(scope, id, props),
};
