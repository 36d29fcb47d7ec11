import { v } from '../../core/values.js';

export const values = {
  namespace: v.dnsLabel('istio-system', 'Namespace of the Istio control plane and gateways.'),
  podSecurity: v.oneOf(
    ['privileged', 'baseline', 'restricted'],
    'restricted',
    'Pod Security Standard enforced on the namespace (`pod-security.kubernetes.io/enforce`).',
  ),
  knativeNamespace: v.dnsLabel('knative-serving', 'Namespace of Knative Serving, whose activator reaches the gateways on port 8080.'),
  networkPolicies: v.group('Ingress NetworkPolicies of the Istio namespace.', {
    enabled: v.bool(true, 'Create the NetworkPolicies: same-namespace traffic, istiod (15012, 15017) and Knative to the gateways.'),
  }),
};
