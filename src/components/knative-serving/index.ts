import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { KnativeServing } from './knative-serving.js';

export { KnativeServing } from './knative-serving.js';
export const knativeServing: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new KnativeServing(scope, id, props),
};
