import type { IGateway } from '@kubernetes-models/istio/networking.istio.io/v1alpha3/Gateway';
import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { customObject } from '../../core/custom-object.js';
import { aggregateTo, aggregating } from '../../lib/rbac.js';
import { info } from './info.js';
import type { values } from './values.js';

const READ = ['get', 'list', 'watch'];

/** Istio permissions for the Kubeflow user roles, and the `kubeflow-gateway` Gateway. */
export class KubeflowIstioResources extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    const v = this.v;
    const istioGroups = { apiGroups: ['istio.io', 'networking.istio.io'], resources: ['*'], verbs: READ };
    new k8s.KubeClusterRole(this, 'istio-admin', {
      metadata: { name: 'kubeflow-istio-admin', labels: aggregateTo('kubeflow-admin') },
      aggregationRule: aggregating('kubeflow-istio-admin'),
      rules: [],
    });
    new k8s.KubeClusterRole(this, 'istio-edit', {
      metadata: { name: 'kubeflow-istio-edit', labels: aggregateTo('kubeflow-edit', 'kubeflow-istio-admin') },
      rules: [istioGroups],
    });
    new k8s.KubeClusterRole(this, 'istio-view', {
      metadata: { name: 'kubeflow-istio-view', labels: aggregateTo('kubeflow-view') },
      rules: [istioGroups, { apiGroups: ['security.istio.io'], resources: ['authorizationpolicies'], verbs: READ }],
    });
    customObject<IGateway>(this, 'gateway', {
      apiVersion: 'networking.istio.io/v1alpha3',
      kind: 'Gateway',
      metadata: { name: v.gateway.name, namespace: v.namespace },
      spec: {
        selector: v.gateway.selector,
        servers: [{ hosts: v.gateway.hosts, port: { name: 'http', number: v.gateway.port, protocol: 'HTTP' } }],
      },
    });
  }
}
