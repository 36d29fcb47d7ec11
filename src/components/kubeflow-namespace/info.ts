import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'kubeflow-namespace',
  description:
    'The kubeflow and kubeflow-system namespaces (Pod Security, Istio injection) and the NetworkPolicies of the applications in them.',
  appVersion: '26.03',
  values,
  keywords: ['namespace', 'network-policy'],
};
