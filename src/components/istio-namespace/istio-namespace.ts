import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { when } from '../../core/conditions.js';
import { networkPolicyProps, sameNamespacePolicy, type PolicySpec } from '../../lib/network-policies.js';
import { info } from './info.js';
import type { values } from './values.js';

/** The `istio-system` namespace and its NetworkPolicies. */
export class IstioNamespace extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    const v = this.v;
    new k8s.KubeNamespace(this, 'namespace', {
      metadata: {
        name: v.namespace,
        labels: {
          'istio-injection': 'disabled',
          'istio-operator-managed': 'Reconcile',
          'pod-security.kubernetes.io/enforce': v.podSecurity,
        },
      },
    });
    const policies: [string, PolicySpec][] = [
      ['istiod-control-plane', { name: 'allow-istiod-control-plane', pods: { labels: { app: 'istiod' } }, ports: [15012] }],
      [
        'knative-to-gateways',
        {
          name: 'allow-knative-to-istio-gateways',
          pods: { expressions: { app: ['istio-ingressgateway', 'cluster-local-gateway'] } },
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': v.knativeNamespace } } }],
          ports: [8080],
        },
      ],
      ['same-namespace', sameNamespacePolicy(`default-allow-same-namespace-${v.namespace}`)],
      ['istiod-webhook', { name: 'istiod-webhook-apiserver', pods: { expressions: { app: ['istiod'] } }, ports: [15017] }],
    ];
    when(this, 'network-policies', v.networkPolicies.enabled, (scope) => {
      for (const [id, p] of policies) new k8s.KubeNetworkPolicy(scope, id, networkPolicyProps(p, v.namespace));
    });
  }
}
