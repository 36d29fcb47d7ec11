import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { Kale } from './kale.js';

export { Kale } from './kale.js';
export const kale: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new Kale(scope, id, props),
};
