import type { ComponentEntry } from '../core/synth.js';

/** Jupyter, volumes and tensorboards web apps. */
export const webappComponents: ComponentEntry[] = [];
