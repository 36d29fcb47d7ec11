import type { ComponentEntry } from '../core/synth.js';
import { notebookController } from './notebook-controller/index.js';
import { pvcviewerController } from './pvcviewer-controller/index.js';
import { tensorboardController } from './tensorboard-controller/index.js';

/** Notebook, tensorboard and PVC viewer controllers. */
export const controllerComponents: ComponentEntry[] = [notebookController, tensorboardController, pvcviewerController];
