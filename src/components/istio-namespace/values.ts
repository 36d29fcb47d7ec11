import { v } from '../../core/values.js';

export const values = {
  namespace: v.str('istio-system', 'Namespace of the Istio control plane and gateways.', { minLength: 1 }),
  podSecurity: v.oneOf(['privileged', 'baseline', 'restricted'], 'restricted', 'Pod Security Standard enforced on the namespace (`pod-security.kubernetes.io/enforce`).'),
  knativeNamespace: v.str('knative-serving', 'Namespace of Knative Serving, whose activator reaches the gateways on port 8080.', { minLength: 1 }),
  networkPolicies: v.group('Ingress NetworkPolicies of the Istio namespace.', {
    enabled: v.bool(true, 'Create the NetworkPolicies: same-namespace traffic, istiod (15012, 15017) and Knative to the gateways.'),
  }),
};
