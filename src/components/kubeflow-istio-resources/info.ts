import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'kubeflow-istio-resources',
  description: 'Istio permissions aggregated into the Kubeflow user roles, and the kubeflow-gateway Gateway on the Istio ingress gateway.',
  appVersion: '26.03',
  rbacWildcards: [
    {
      role: 'ClusterRole/kubeflow-istio-edit',
      reason: 'Aggregated into kubeflow-edit: full access to Istio networking/security objects in profile namespaces, as upstream.',
    },
    { role: 'ClusterRole/kubeflow-istio-view', reason: 'Aggregated into kubeflow-view, as upstream (wildcard resources, read verbs).' },
  ],
  values,
  requires: ['kubeflow-roles'],
  keywords: ['istio', 'rbac', 'gateway'],
};
