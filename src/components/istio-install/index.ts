import type { ComponentEntry } from '../../core/synth.js';
import { IstioInstall } from './istio-install.js';
import { info } from './info.js';

export { IstioInstall } from './istio-install.js';
export const istioInstall: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new IstioInstall(scope, id, props),
};
