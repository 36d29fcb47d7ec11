import type { ComponentEntry } from '../core/synth.js';
import { centraldashboard } from './centraldashboard/index.js';

/** Dashboard, profiles and PodDefaults: the platform core. */
export const platformComponents: ComponentEntry[] = [centraldashboard];
