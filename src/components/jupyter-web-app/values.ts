import { v } from '../../core/values.js';
import { crudWebAppValues } from '../../lib/crud-web-app.js';
import { spawnerFormDefaults } from './spawner.js';

export const values = {
  ...crudWebAppValues({
    what: 'Notebooks',
    image: { registry: 'ghcr.io', repository: 'kubeflow/kubeflow/jupyter-web-app', tag: 'v1.10.0' },
    prefix: '/jupyter',
  }),
  ui: v.oneOf(['default', 'rok'], 'default', 'UI flavor (UI): the default Kubeflow form, or the Arrikto Rok one.'),
  spawnerFormDefaults,
};
