import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { Pipelines } from './pipelines.js';

export { Pipelines } from './pipelines.js';
export const pipelines: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new Pipelines(scope, id, props),
};
