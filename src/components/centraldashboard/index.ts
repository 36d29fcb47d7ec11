import type { ComponentEntry } from '../../core/synth.js';
import { CentralDashboard } from './centraldashboard.js';
import { info } from './info.js';

export { CentralDashboard } from './centraldashboard.js';
export const centraldashboard: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new CentralDashboard(scope, id, props),
};
