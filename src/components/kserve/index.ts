import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { KServe } from './kserve.js';

export { KServe } from './kserve.js';
export const kserve: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new KServe(scope, id, props),
};
