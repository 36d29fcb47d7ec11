import { v } from '../../core/values.js';
import { crudWebAppValues } from '../../lib/crud-web-app.js';
import { defaultLogos } from './logos.js';
import { s } from '../../core/schema.js';
import { spawnerFormDefaults } from './spawner.js';

export const values = {
  ...crudWebAppValues({
    what: 'Notebooks',
    image: { registry: 'ghcr.io', repository: 'kubeflow/kubeflow/jupyter-web-app', tag: 'v1.10.0' },
    prefix: '/jupyter',
  }),
  ui: v.oneOf(['default', 'rok'], 'default', 'UI flavor (UI): the default Kubeflow form, or the Arrikto Rok one.'),
  spawnerFormDefaults,
  logos: v.map<string>(
    defaultLogos,
    "SVG files of the image-group icons (jupyter-icon.svg, jupyterlab-logo.svg, group-one-icon.svg, group-one-logo.svg, group-two-icon.svg, group-two-logo.svg), mounted in the UI's logos folder; the defaults are simple icons drawn for this project. Set any file to your own artwork.",
    s.string({ minLength: 1 }),
  ),
};
