import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { Katib } from './katib.js';

export { Katib } from './katib.js';
export const katib: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new Katib(scope, id, props),
};
