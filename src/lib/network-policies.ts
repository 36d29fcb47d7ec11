import { k8s } from 'cdk8s-plus-33';

/**
 * A compact description of an ingress NetworkPolicy, as Kubeflow's namespaces use them: which pods
 * it selects, where traffic may come from, and on which ports.
 */
export interface PolicySpec {
  name: string;
  /** Pods the policy applies to: `key In [values]` expressions, or exact labels. */
  pods: { expressions?: Record<string, string[]>; labels?: Record<string, string> };
  /** Peers allowed in; none means any source (only the ports restrict). */
  from?: k8s.NetworkPolicyPeer[];
  ports?: number[];
}

export const inValues = (m: Record<string, string[]>): k8s.LabelSelectorRequirement[] =>
  Object.entries(m).map(([key, values]) => ({ key, operator: 'In', values }));

/** Peer: every pod of namespaces whose label `key` is one of `values`. */
export const namespacesWhere = (key: string, ...values: string[]): k8s.NetworkPolicyPeer => ({
  namespaceSelector: { matchExpressions: inValues({ [key]: values }) },
});
export const namespaceNamed = (...names: string[]) => namespacesWhere('kubernetes.io/metadata.name', ...names);
/** Peer: every pod of the policy's own namespace. */
export const sameNamespacePods: k8s.NetworkPolicyPeer = { podSelector: {} };

export function networkPolicyProps(p: PolicySpec, namespace: string): k8s.KubeNetworkPolicyProps {
  const rule: k8s.NetworkPolicyIngressRule = {
    ...(p.from ? { from: p.from } : {}),
    ...(p.ports ? { ports: p.ports.map((port) => ({ port: k8s.IntOrString.fromNumber(port), protocol: 'TCP' })) } : {}),
  };
  return {
    metadata: { name: p.name, namespace },
    spec: {
      ingress: [rule],
      podSelector: p.pods.expressions
        ? { matchExpressions: inValues(p.pods.expressions) }
        : p.pods.labels
          ? { matchLabels: p.pods.labels }
          : {},
      policyTypes: ['Ingress'],
    },
  };
}

/** Allows traffic between the pods of one namespace (Kubeflow's baseline in every namespace it owns). */
export const sameNamespacePolicy = (name: string): PolicySpec => ({ name, pods: {}, from: [sameNamespacePods] });
