import type { ComponentEntry } from '../../core/synth.js';
import { AdmissionWebhook } from './admission-webhook.js';
import { info } from './info.js';

export { AdmissionWebhook } from './admission-webhook.js';
export const admissionWebhook: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new AdmissionWebhook(scope, id, props),
};
