import { v } from '../../core/values.js';

export const podSecurityLevels = ['privileged', 'baseline', 'restricted'] as const;

export const values = {
  namespace: v.dnsLabel('kubeflow', 'Namespace of the Kubeflow applications (dashboard, web apps, pipelines, …).'),
  systemNamespace: v.dnsLabel('kubeflow-system', 'Namespace of Kubeflow system controllers (trainer, JobSet).'),
  istioNamespace: v.dnsLabel('istio-system', 'Namespace of the Istio gateways, the source the network policies let in.'),
  podSecurity: v.oneOf(
    podSecurityLevels,
    'restricted',
    'Pod Security Standard enforced on both namespaces (`pod-security.kubernetes.io/enforce`).',
  ),
  istioInjection: v.bool(true, 'Label both namespaces for Istio sidecar injection (`istio-injection: enabled`; `disabled` when false).'),
  networkPolicies: v.group("Ingress NetworkPolicies of the Kubeflow namespaces (upstream keeps every application's policy here).", {
    enabled: v.bool(true, 'Create the NetworkPolicies: same-namespace traffic, gateway access to the web apps, webhook ports.'),
  }),
};
