import { crudWebAppValues } from '../../lib/crud-web-app.js';

export const values = {
  ...crudWebAppValues({
    what: 'TensorBoards',
    image: { registry: 'ghcr.io', repository: 'kubeflow/kubeflow/tensorboards-web-app', tag: 'v1.10.0' },
    prefix: '/tensorboards',
  }),
};
