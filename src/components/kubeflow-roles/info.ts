import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'kubeflow-roles',
  description:
    'Aggregated ClusterRoles kubeflow-admin, kubeflow-edit and kubeflow-view that profiles grant to their owners and contributors.',
  appVersion: '26.03',
  values,
  keywords: ['rbac'],
};
