import type { k8s } from 'cdk8s-plus-33';
import { gatewayValue } from '../../lib/istio.js';
import { envVarSchema, scheduling } from '../../lib/k8s-values.js';
import { ISTIO_HOST } from '../../core/schema.js';
import { v } from '../../core/values.js';

export const values = {
  namespace: v.dnsLabel('kubeflow', 'Namespace of the controller.'),
  createNamespace: v.bool(false, 'Create the namespace (standalone installs; inside Kubeflow the platform creates `kubeflow`).'),
  image: v.image(
    { registry: 'ghcr.io', repository: 'kubeflow/kubeflow/notebook-controller', tag: 'v1.10.0' },
    'Notebook controller image.',
  ),
  replicas: v.int(1, 'Controller replicas. More than one needs `leaderElection`.', { minimum: 0 }),
  leaderElection: v.bool(false, 'Elect one active replica (`--enable-leader-election`); needed when `replicas` > 1.'),
  resources: v.resources({}, 'Resources of the controller container.'),
  ...scheduling(),
  clusterDomain: v.subdomain('cluster.local', 'Cluster DNS domain, used in the hostnames of notebook services (CLUSTER_DOMAIN).'),
  istio: v.group('Istio integration of the notebooks the controller creates.', {
    enabled: v.bool(true, 'Create an Istio VirtualService for every notebook (USE_ISTIO).'),
    gateway: gatewayValue('kubeflow/kubeflow-gateway', 'Gateway (`namespace/name`) the notebook VirtualServices bind to (ISTIO_GATEWAY).'),
    host: v.str('*', 'Host the notebook VirtualServices match (ISTIO_HOST).', { pattern: ISTIO_HOST }),
  }),
  culling: v.group('Culling: scale idle notebooks down to zero.', {
    enabled: v.bool(false, 'Stop notebooks whose kernels have been idle longer than `idleTime` (ENABLE_CULLING).'),
    idleTime: v.int(1440, 'Minutes of kernel idleness after which a notebook is stopped (CULL_IDLE_TIME).', { minimum: 1 }),
    checkPeriod: v.int(1, 'Minutes between two idleness checks of each notebook (IDLENESS_CHECK_PERIOD).', { minimum: 1 }),
  }),
  crds: v.group('The Notebook CustomResourceDefinition.', {
    install: v.bool(true, 'Install the Notebook CRD with the chart (kept on uninstall).'),
  }),
  extraEnv: v.list<k8s.EnvVar>([], 'Environment variables appended to the controller container.', envVarSchema(), { omitEmpty: true }),
};
