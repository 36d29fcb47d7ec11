import type { IClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer';
import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { when } from '../../core/conditions.js';
import { customObject } from '../../core/custom-object.js';
import { inValues, networkPolicyProps, sameNamespacePolicy } from '../../lib/network-policies.js';
import { info } from './info.js';
import type { values } from './values.js';

/** Labels Kubeflow's Kustomize overlay puts on the objects it adds around cert-manager. */
const KUBEFLOW_LABELS = {
  'app.kubernetes.io/component': 'cert-manager',
  'app.kubernetes.io/name': 'cert-manager',
  'kustomize.component': 'cert-manager',
};

/**
 * cert-manager as Kubeflow installs it: the upstream chart (a dependency, values under
 * `cert-manager`) and the objects Kubeflow adds: the namespace, the self-signing ClusterIssuer and
 * the namespace's NetworkPolicies.
 */
export class CertManager extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    this.namespace();
    this.issuer();
    this.networkPolicies();
  }

  private namespace(): void {
    new k8s.KubeNamespace(this, 'namespace', {
      metadata: { name: this.v.namespace, labels: { ...KUBEFLOW_LABELS, 'pod-security.kubernetes.io/enforce': this.v.podSecurity } },
    });
  }

  private issuer(): void {
    when(this, 'issuer', this.v.selfSigningIssuer.enabled, (scope) => {
      customObject<IClusterIssuer>(scope, 'cluster-issuer', {
        apiVersion: 'cert-manager.io/v1',
        kind: 'ClusterIssuer',
        metadata: { name: this.v.selfSigningIssuer.name, labels: KUBEFLOW_LABELS },
        spec: { selfSigned: {} },
      });
    });
  }

  private networkPolicies(): void {
    const v = this.v;
    when(this, 'network-policies', v.networkPolicies.enabled, (scope) => {
      new k8s.KubeNetworkPolicy(scope, 'webhook', {
        metadata: { name: 'cert-manager-webhook', namespace: v.namespace, labels: KUBEFLOW_LABELS },
        spec: {
          ingress: [{ ports: [{ port: k8s.IntOrString.fromNumber(v['cert-manager'].webhook.securePort), protocol: 'TCP' }] }],
          podSelector: {
            matchExpressions: inValues({ 'app.kubernetes.io/name': ['webhook'], 'app.kubernetes.io/component': ['webhook'] }),
          },
          policyTypes: ['Ingress'],
        },
      });
      const same = networkPolicyProps(sameNamespacePolicy('default-allow-same-namespace-cert-manager'), v.namespace);
      new k8s.KubeNetworkPolicy(scope, 'same-namespace', { ...same, metadata: { ...same.metadata, labels: KUBEFLOW_LABELS } });
    });
  }
}
