import type { k8s } from 'cdk8s-plus-33';
import { scheduling } from '../../lib/k8s-values.js';
import { ISTIO_HOST, s } from '../../core/schema.js';
import { v } from '../../core/values.js';

export const values = {
  namespace: v.dnsLabel('istio-system', 'Namespace of the gateway (the Istio control plane namespace).'),
  image: v.image({ registry: 'gcr.io', repository: 'istio-release/proxyv2', tag: '1.28.0' }, 'Istio proxy image of the gateway.'),
  resources: v.resources(
    { limits: { cpu: '2000m', memory: '1024Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
    'Resources of the gateway proxy.',
  ),
  autoscaling: v.group('HorizontalPodAutoscaler of the gateway.', {
    minReplicas: v.int(1, 'Fewest replicas.', { minimum: 1 }),
    maxReplicas: v.int(5, 'Most replicas.', { minimum: 1 }),
    targetCPUUtilizationPercentage: v.int(80, 'Average CPU utilization the autoscaler aims at.', { minimum: 1, maximum: 100 }),
  }),
  ...scheduling(),
  affinity: v.obj<k8s.Affinity>(
    { nodeAffinity: {} },
    'Affinity of the gateway pods (a Kubernetes Affinity).',
    { type: 'object' },
    { omitEmpty: true },
  ),
  istio: v.group('Istio mesh settings the proxy starts with (they must match the Istio install).', {
    revision: v.dnsLabel('default', 'Istio revision (`istio.io/rev`).'),
    version: v.str('1.29.0', 'Istio chart version recorded in the labels (`app.kubernetes.io/version`, `helm.sh/chart`).', {
      ...s.labelValue(),
      minLength: 1,
    }),
    caAddress: v.str('istiod.istio-system.svc:15012', 'Address of the Istio CA (CA_ADDR), `host:port`.', {
      pattern: '^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?:[0-9]{1,5}$',
    }),
    meshId: v.subdomain('cluster.local', 'Mesh id (ISTIO_META_MESH_ID).'),
    trustDomain: v.subdomain('cluster.local', 'Trust domain (TRUST_DOMAIN).'),
    clusterId: v.str('Kubernetes', 'Cluster id (ISTIO_META_CLUSTER_ID).', { ...s.labelValue(), minLength: 1 }),
    clusterDomain: v.subdomain('cluster.local', 'Cluster DNS domain (proxy `--domain`).'),
    proxyLogLevel: v.oneOf(['trace', 'debug', 'info', 'warning', 'error', 'critical', 'off'], 'warning', 'Envoy log level.'),
  }),
  gateway: v.group('The `cluster-local-gateway` Istio Gateway (cluster-internal traffic, e.g. Knative).', {
    hosts: v.list<string>(
      ['*'],
      'Hosts the gateway accepts (`*`, a DNS name, or `namespace/host`).',
      { type: 'string', pattern: ISTIO_HOST },
      { minItems: 1 },
    ),
  }),
};
