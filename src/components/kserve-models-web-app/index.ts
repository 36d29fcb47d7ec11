import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { KServeModelsWebApp } from './kserve-models-web-app.js';

export { KServeModelsWebApp } from './kserve-models-web-app.js';
export const kserveModelsWebApp: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new KServeModelsWebApp(scope, id, props),
};
