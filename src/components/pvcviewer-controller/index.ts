import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { PvcViewerController } from './pvcviewer-controller.js';

export { PvcViewerController } from './pvcviewer-controller.js';
export const pvcviewerController: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new PvcViewerController(scope, id, props),
};
