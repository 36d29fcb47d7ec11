import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { Trainer } from './trainer.js';

export { Trainer } from './trainer.js';
export type { RuntimeValue } from './values.js';
export const trainer: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new Trainer(scope, id, props),
};
