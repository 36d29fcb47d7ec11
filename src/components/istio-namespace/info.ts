import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'istio-namespace',
  description: 'The istio-system namespace and its NetworkPolicies (istiod, webhook, Knative to the gateways).',
  appVersion: '26.03',
  values,
  keywords: ['istio', 'namespace', 'network-policy'],
};
