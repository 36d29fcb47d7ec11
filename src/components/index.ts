import type { ComponentEntry } from '../core/synth.js';
import { centraldashboard } from './centraldashboard/index.js';

/** Every component, in the order of upstream's example/kustomization.yaml. */
export const components: ComponentEntry[] = [centraldashboard];

export { CentralDashboard } from './centraldashboard/index.js';
