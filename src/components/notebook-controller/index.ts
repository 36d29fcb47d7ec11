import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { NotebookController } from './notebook-controller.js';

export { NotebookController } from './notebook-controller.js';
export const notebookController: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new NotebookController(scope, id, props),
};
