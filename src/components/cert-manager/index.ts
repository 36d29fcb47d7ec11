import type { ComponentEntry } from '../../core/synth.js';
import { CertManager } from './cert-manager.js';
import { info } from './info.js';

export { CertManager } from './cert-manager.js';
export const certManager: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new CertManager(scope, id, props),
};
