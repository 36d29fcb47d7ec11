import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'cluster-local-gateway',
  description:
    'Istio cluster-local gateway for in-cluster traffic (Knative Serving, KServe): Deployment, Service, HPA, Gateway and AuthorizationPolicy.',
  appVersion: '1.28.0',
  values,
  requires: ['istio-install'],
  keywords: ['istio', 'gateway'],
};
