import type { k8s } from 'cdk8s-plus-33';
import { gatewayValue } from '../../lib/istio.js';
import { envVarSchema, scheduling } from '../../lib/k8s-values.js';
import { ISTIO_HOST } from '../../core/schema.js';
import { v } from '../../core/values.js';

// Upstream sets no pull policy on these containers (Kubernetes then derives it from the tag).
const noPullPolicy = { pullPolicy: undefined };

export const values = {
  namespace: v.dnsLabel('kubeflow', 'Namespace of the controller.'),
  createNamespace: v.bool(false, 'Create the namespace (standalone installs; inside Kubeflow the platform creates `kubeflow`).'),
  image: v.image(
    { registry: 'ghcr.io', repository: 'kubeflow/kubeflow/tensorboard-controller', tag: 'v1.10.0', ...noPullPolicy },
    'Tensorboard controller image. `pullPolicy` unset leaves the Kubernetes default.',
  ),
  replicas: v.int(1, 'Controller replicas. More than one needs `leaderElection`.', { minimum: 0 }),
  leaderElection: v.bool(false, 'Elect one active replica (`--leader-elect`); needed when `replicas` > 1.'),
  resources: v.resources(
    { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '10m', memory: '64Mi' } },
    'Resources of the controller container.',
  ),
  ...scheduling(),
  tensorboardImage: v.image(
    { registry: '', repository: 'tensorflow/tensorflow', tag: '2.5.1', ...noPullPolicy },
    'Image of the Tensorboard servers the controller starts (TENSORBOARD_IMAGE); `pullPolicy` is not used.',
  ),
  rwoPvcScheduling: v.bool(
    true,
    'Schedule a Tensorboard that reads a ReadWriteOnce volume onto the node that already mounts it (RWO_PVC_SCHEDULING).',
  ),
  istio: v.group('Istio integration of the Tensorboards the controller creates.', {
    gateway: gatewayValue(
      'kubeflow/kubeflow-gateway',
      'Gateway (`namespace/name`) the Tensorboard VirtualServices bind to (ISTIO_GATEWAY).',
    ),
    host: v.str('*', 'Host the Tensorboard VirtualServices match (ISTIO_HOST).', { pattern: ISTIO_HOST }),
  }),
  crds: v.group('The Tensorboard CustomResourceDefinition.', {
    install: v.bool(true, 'Install the Tensorboard CRD with the chart (kept on uninstall).'),
  }),
  extraEnv: v.list<k8s.EnvVar>([], 'Environment variables appended to the controller container.', envVarSchema(), { omitEmpty: true }),
  kubeRbacProxy: v.group('The kube-rbac-proxy sidecar in front of the metrics endpoint.', {
    image: v.image({ registry: 'quay.io', repository: 'brancz/kube-rbac-proxy', tag: 'v0.8.0', ...noPullPolicy }, 'kube-rbac-proxy image.'),
    resources: v.resources(
      { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '5m', memory: '64Mi' } },
      'Resources of the proxy container.',
    ),
  }),
};
