import type { IGateway } from '@kubernetes-models/istio/networking.istio.io/v1alpha3/Gateway';
import type { ISidecar } from '@kubernetes-models/istio/networking.istio.io/v1/Sidecar';
import type { IAuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1beta1/AuthorizationPolicy';
import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { items, nonEmpty, opt, when } from '../../core/conditions.js';
import { customObject } from '../../core/custom-object.js';
import { forEach } from '../../core/foreach.js';
import { networkPolicyProps, sameNamespacePolicy, type PolicySpec } from '../../lib/network-policies.js';
import { info } from './info.js';
import { namespaceItem, type values } from './values.js';

/**
 * Istio as Kubeflow installs it: Istio's `istiod`, `cni`, `gateway`, `ztunnel` and `base` charts
 * (dependencies, values under their keys) and the Kubeflow objects around them: the ingress
 * Gateway, the mesh-wide deny-all and gateway AuthorizationPolicies, the Sidecar egress limits and
 * exceptions, and for standalone installs namespaces and NetworkPolicies.
 */
export class IstioInstall extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    this.namespaces();
    this.sidecars();
    this.gateway();
    this.gatewayCredentials();
    this.authorizationPolicies();
    this.networkPolicies();
  }

  private namespaces(): void {
    forEach(
      this,
      'namespaces',
      this.v.namespaces,
      namespaceItem,
      (n) => n.name,
      (scope, n) => {
        const label = (x: string) => opt(nonEmpty(x), x);
        new k8s.KubeNamespace(scope, 'namespace', {
          metadata: {
            name: n.name,
            labels: {
              'control-plane': label(n.controlPlane),
              'istio-injection': label(n.istioInjection),
              'istio-operator-managed': label(n.operatorManaged),
              'istio.io/dataplane-mode': label(n.dataplaneMode),
              'pod-security.kubernetes.io/enforce': label(n.podSecurity),
            },
          },
        });
      },
    );
  }

  private sidecars(): void {
    const v = this.v;
    customObject<ISidecar>(this, 'sidecar-default', {
      apiVersion: 'networking.istio.io/v1',
      kind: 'Sidecar',
      metadata: { name: 'default', namespace: v.namespace },
      spec: { egress: [{ hosts: v.sidecars.egressHosts }] },
    });
    for (const app of ['ml-pipeline-ui', 'notebook-controller']) {
      customObject<ISidecar>(this, `sidecar-${app}`, {
        apiVersion: 'networking.istio.io/v1',
        kind: 'Sidecar',
        metadata: { name: `${app}-exception`, namespace: v.sidecars.exceptionsNamespace },
        spec: { egress: [{ hosts: ['*/*'] }], workloadSelector: { labels: { app } } },
      });
    }
  }

  private gateway(): void {
    const v = this.v;
    const tls = v.ingressGateway.tls;
    when(this, 'ingress-gateway', v.ingressGateway.enabled, (scope) => {
      customObject<IGateway>(scope, 'ingress-gateway', {
        apiVersion: 'networking.istio.io/v1alpha3',
        kind: 'Gateway',
        metadata: { name: 'istio-ingressgateway', namespace: v.namespace, labels: { release: 'istio' } },
        spec: {
          selector: v.gateway.labels,
          servers: [
            {
              hosts: v.ingressGateway.hosts,
              port: { name: 'http', number: 80, protocol: 'HTTP' },
              tls: opt(tls.httpsRedirect, { httpsRedirect: true }),
            },
            ...items(tls.enabled, [
              {
                hosts: v.ingressGateway.hosts,
                port: { name: 'https', number: 443, protocol: 'HTTPS' },
                tls: { mode: 'SIMPLE' as const, credentialName: tls.credentialName },
              },
            ]),
          ],
        },
      });
    });
  }

  private gatewayCredentials(): void {
    const v = this.v;
    when(this, 'gateway-credentials', v.gatewayCredentials.enabled, (scope) => {
      const metadata = { name: 'istio-ingressgateway-sds', namespace: v.namespace };
      new k8s.KubeRole(scope, 'sds-role', {
        metadata,
        rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'watch', 'list'] }],
      });
      new k8s.KubeRoleBinding(scope, 'sds-role-binding', {
        metadata,
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'istio-ingressgateway-sds' },
        subjects: [{ kind: 'ServiceAccount', name: v.gateway.serviceAccount.name }],
      });
    });
  }

  private authorizationPolicies(): void {
    const v = this.v;
    when(this, 'authorization-policies', v.authorizationPolicies.enabled, (scope) => {
      customObject<IAuthorizationPolicy>(scope, 'deny-all', {
        apiVersion: 'security.istio.io/v1beta1',
        kind: 'AuthorizationPolicy',
        metadata: { name: 'global-deny-all', namespace: v.namespace },
        spec: {},
      });
      customObject<IAuthorizationPolicy>(scope, 'gateway', {
        apiVersion: 'security.istio.io/v1beta1',
        kind: 'AuthorizationPolicy',
        metadata: { name: 'istio-ingressgateway', namespace: v.namespace },
        spec: { action: 'ALLOW', rules: [{}], selector: { matchLabels: v.gateway.labels } },
      });
    });
  }

  private networkPolicies(): void {
    const v = this.v;
    const policies: PolicySpec[] = [
      { name: 'allow-istiod-control-plane', pods: { labels: { app: 'istiod' } }, ports: [15012] },
      {
        name: 'allow-knative-to-istio-gateways',
        pods: { expressions: { app: ['istio-ingressgateway', 'cluster-local-gateway'] } },
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'knative-serving' } } }],
        ports: [8080],
      },
      sameNamespacePolicy('default-allow-same-namespace-istio-system'),
      { name: 'istiod-webhook-apiserver', pods: { expressions: { app: ['istiod'] } }, ports: [15017] },
    ];
    when(this, 'network-policies', v.networkPolicies.enabled, (scope) => {
      for (const p of policies) new k8s.KubeNetworkPolicy(scope, p.name, networkPolicyProps(p, v.namespace));
    });
  }
}
