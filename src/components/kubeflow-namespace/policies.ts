import { namespaceNamed, namespacesWhere, sameNamespacePods, sameNamespacePolicy, type PolicySpec } from '../../lib/network-policies.js';

/** The NetworkPolicies of the `kubeflow` namespace, one per application that receives traffic. */
export function kubeflowPolicies(istioNs: string): PolicySpec[] {
  const gateway = namespaceNamed(istioNs);
  const profiles = namespacesWhere('app.kubernetes.io/part-of', 'kubeflow-profile');
  const webhook = (name: string, key: string, value: string, port: number): PolicySpec => ({
    name,
    pods: { expressions: { [key]: [value] } },
    ports: [port],
  });
  /** Web apps: reached through the ingress gateway (and, for some, from their own namespace). */
  const webApp = (name: string, key: string, value: string, from: PolicySpec['from'], ports?: number[]): PolicySpec => ({
    name,
    pods: { expressions: { [key]: [value] } },
    from,
    ...(ports ? { ports } : {}),
  });
  return [
    webhook('cache-server', 'app', 'cache-server', 8443),
    webApp('centraldashboard', 'app', 'centraldashboard', [gateway, sameNamespacePods]),
    sameNamespacePolicy('default-allow-same-namespace'),
    webApp('jupyter-web-app', 'app', 'jupyter-web-app', [gateway, sameNamespacePods]),
    webhook('katib-controller', 'katib.kubeflow.org/component', 'controller', 8443),
    webApp('katib-db-manager', 'katib.kubeflow.org/component', 'db-manager', [profiles, sameNamespacePods]),
    webApp('katib-ui', 'katib.kubeflow.org/component', 'ui', [gateway]),
    webhook('kserve', 'control-plane', 'kserve-controller-manager', 9443),
    webApp('kserve-models-web-app', 'app.kubernetes.io/component', 'kserve-models-web-app', [gateway]),
    webApp('metadata-grpc-server', 'component', 'metadata-grpc-server', [profiles, sameNamespacePods]),
    // sic: upstream's name has the typo
    webApp('metatada-envoy', 'component', 'metadata-envoy', [gateway, sameNamespacePods]),
    webApp('ml-pipeline', 'app', 'ml-pipeline', [profiles, gateway]),
    webApp('ml-pipeline-ui', 'app', 'ml-pipeline-ui', [gateway]),
    webApp('model-catalog', 'component', 'model-catalog-server', [profiles, gateway], [8080]),
    webApp('model-registry', 'component', 'model-registry-server', [profiles, gateway], [8080]),
    webApp('model-registry-ui', 'app', 'model-registry-ui', [gateway, sameNamespacePods]),
    webhook('poddefaults', 'app', 'poddefaults', 4443),
    webhook('pvcviewer-webhook', 'app', 'pvcviewer', 9443),
    {
      name: 'spark-operator-webhook',
      pods: { expressions: { 'app.kubernetes.io/name': ['spark-operator'], 'app.kubernetes.io/component': ['webhook'] } },
      ports: [9443],
    },
    webApp('tensorboards-web-app', 'app', 'tensorboards-web-app', [gateway], [5000]),
    webhook('training-operator-webhook', 'control-plane', 'kubeflow-training-operator', 9443),
    webApp('volumes-web-app', 'app', 'volumes-web-app', [gateway, sameNamespacePods]),
  ];
}

/** The NetworkPolicies of the `kubeflow-system` namespace. */
export function systemPolicies(systemNs: string): PolicySpec[] {
  return [
    sameNamespacePolicy(`default-allow-same-namespace-${systemNs}`),
    { name: 'jobset-webhook', pods: { labels: { 'service.istio.io/canonical-name': 'jobset-controller-manager' } }, ports: [9443] },
    { name: 'trainer-webhook', pods: { labels: { 'service.istio.io/canonical-name': 'trainer' } }, ports: [9443] },
  ];
}
