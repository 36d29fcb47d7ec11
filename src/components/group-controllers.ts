import type { ComponentEntry } from '../core/synth.js';

/** Notebook, tensorboard and PVC viewer controllers. */
export const controllerComponents: ComponentEntry[] = [];
