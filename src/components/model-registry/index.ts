import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { ModelRegistry } from './model-registry.js';

export { ModelRegistry } from './model-registry.js';
export const modelRegistry: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new ModelRegistry(scope, id, props),
};
