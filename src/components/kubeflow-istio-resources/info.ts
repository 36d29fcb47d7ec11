import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'kubeflow-istio-resources',
  description: 'Istio permissions aggregated into the Kubeflow user roles, and the kubeflow-gateway Gateway on the Istio ingress gateway.',
  appVersion: '26.03',
  values,
  requires: ['kubeflow-roles'],
  keywords: ['istio', 'rbac', 'gateway'],
};
