import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { IstioNamespace } from './istio-namespace.js';

export { IstioNamespace } from './istio-namespace.js';
export const istioNamespace: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new IstioNamespace(scope, id, props),
};
