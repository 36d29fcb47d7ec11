import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { TensorboardController } from './tensorboard-controller.js';

export { TensorboardController } from './tensorboard-controller.js';
export const tensorboardController: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new TensorboardController(scope, id, props),
};
