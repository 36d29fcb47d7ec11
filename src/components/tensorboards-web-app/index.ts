import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { TensorboardsWebApp } from './tensorboards-web-app.js';

export { TensorboardsWebApp } from './tensorboards-web-app.js';
export const tensorboardsWebApp: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new TensorboardsWebApp(scope, id, props),
};
