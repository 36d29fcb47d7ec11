import type { ComponentEntry } from '../core/synth.js';
import { admissionWebhook } from './admission-webhook/index.js';
import { centraldashboard } from './centraldashboard/index.js';
import { profiles } from './profiles/index.js';

/** Dashboard, profiles and PodDefaults: the platform core. */
export const platformComponents: ComponentEntry[] = [centraldashboard, admissionWebhook, profiles];
