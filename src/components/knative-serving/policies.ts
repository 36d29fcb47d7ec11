import type { IDestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1alpha3/DestinationRule';
import type { IAuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1beta1/AuthorizationPolicy';
import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { customObject } from '../../core/custom-object.js';
import type { Access, Group } from '../../core/values.js';
import { inValues, networkPolicyProps, sameNamespacePolicy } from '../../lib/network-policies.js';
import type { values } from './values.js';

type Values = Access<Group<typeof values>>;

/**
 * Mesh rules of the namespace: mTLS to every Knative service, and ALLOW-all policies on the
 * control plane (so a deny-by-default mesh still lets probes, webhooks and the activator through).
 */
export function meshPolicies(scope: Construct, v: Values): void {
  const ns = v.namespace;
  customObject<IDestinationRule>(scope, 'destination-rule', {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'DestinationRule',
    metadata: { name: 'knative', namespace: ns },
    spec: { host: `*.${ns}.svc.${v.clusterDomain}`, trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } },
  });
  const allowAll = (name: string, selector: Record<string, string>) =>
    customObject<IAuthorizationPolicy>(scope, `authorization-policy-${name}`, {
      apiVersion: 'security.istio.io/v1beta1',
      kind: 'AuthorizationPolicy',
      metadata: { name, namespace: ns },
      spec: { action: 'ALLOW', rules: [{}], selector: { matchLabels: selector } },
    });
  allowAll('activator-service', { app: 'activator' });
  allowAll('autoscaler', { app: 'autoscaler' });
  allowAll('controller', { app: 'controller' });
  allowAll('istio-webhook', { app: 'net-istio-webhook' });
  allowAll('webhook', { role: 'webhook' });
}

/** The namespace talks to itself; the Istio gateways reach the activator; the API server the webhooks. */
export function networkPolicies(scope: Construct, v: Values): void {
  const ns = v.namespace;
  new k8s.KubeNetworkPolicy(
    scope,
    'allow-istio-gateways-to-activator',
    networkPolicyProps(
      {
        name: 'allow-istio-gateways-to-activator',
        pods: { expressions: { app: ['activator'] } },
        from: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': v.istio.namespace } },
            podSelector: { matchExpressions: inValues({ app: ['istio-ingressgateway', 'cluster-local-gateway'] }) },
          },
        ],
        ports: [8012],
      },
      ns,
    ),
  );
  new k8s.KubeNetworkPolicy(scope, 'same-namespace', networkPolicyProps(sameNamespacePolicy(`default-allow-same-namespace-${ns}`), ns));
  for (const app of ['net-istio-webhook', 'webhook']) {
    new k8s.KubeNetworkPolicy(
      scope,
      `${app}-apiserver`,
      networkPolicyProps({ name: `${app}-apiserver`, pods: { expressions: { app: [app], role: [app] } }, ports: [8443] }, ns),
    );
  }
}
