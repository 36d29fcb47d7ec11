import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { JupyterWebApp } from './jupyter-web-app.js';

export { JupyterWebApp } from './jupyter-web-app.js';
export const jupyterWebApp: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new JupyterWebApp(scope, id, props),
};
