import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { pick, when } from '../../core/conditions.js';
import { info } from './info.js';
import { networkPolicyProps } from '../../lib/network-policies.js';
import { kubeflowPolicies, systemPolicies } from './policies.js';
import type { values } from './values.js';

/** The `kubeflow` and `kubeflow-system` namespaces and the NetworkPolicies that guard them. */
export class KubeflowNamespace extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    const v = this.v;
    const labels = {
      'control-plane': 'kubeflow',
      'istio-injection': pick(v.istioInjection, 'enabled', 'disabled'),
      'pod-security.kubernetes.io/enforce': v.podSecurity,
    };
    new k8s.KubeNamespace(this, 'namespace', { metadata: { name: v.namespace, labels } });
    new k8s.KubeNamespace(this, 'system-namespace', { metadata: { name: v.systemNamespace, labels } });
    when(this, 'network-policies', v.networkPolicies.enabled, (scope) => {
      for (const p of kubeflowPolicies(v.istioNamespace)) new k8s.KubeNetworkPolicy(scope, p.name, networkPolicyProps(p, v.namespace));
      // one policy name holds the namespace value, so these files are named by position
      for (const [i, p] of systemPolicies(v.systemNamespace).entries()) {
        new k8s.KubeNetworkPolicy(scope, `system-${i}`, networkPolicyProps(p, v.systemNamespace));
      }
    });
  }
}
