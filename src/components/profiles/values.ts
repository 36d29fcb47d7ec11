import type { k8s } from 'cdk8s-plus-33';
import { gatewayValue, INGRESS_GATEWAY_PRINCIPAL } from '../../lib/istio.js';
import { scheduling } from '../../lib/k8s-values.js';
import { s } from '../../core/schema.js';
import { v } from '../../core/values.js';
import { defaultNamespaceLabels, LABEL_KEY_PATTERN, LABEL_VALUE_PATTERN } from './namespace-labels.js';

const principal = (def: string, description: string) => v.str(def, description, s.principal());

export const values = {
  namespace: v.dnsLabel('kubeflow', 'Namespace of the profile controller.'),
  createNamespace: v.bool(false, 'Create the namespace (standalone installs; inside Kubeflow the platform creates `kubeflow`).'),
  image: v.image({ registry: 'ghcr.io', repository: 'kubeflow/kubeflow/profile-controller', tag: 'v1.10.0' }, 'Profile controller image.'),
  replicas: v.int(1, 'Controller replicas.', { minimum: 0 }),
  resources: v.resources({}, 'Resources of the controller container.'),
  ...scheduling(),
  podSecurityContext: v.nullable<k8s.PodSecurityContext>(
    { seccompProfile: { type: 'RuntimeDefault' } },
    'Security context of the pod; null leaves it out.',
    { type: ['object', 'null'] },
  ),
  serviceAccountName: v.subdomain(
    '',
    'Service account the pod runs as; empty: the one this chart creates (`profiles-controller-service-account`).',
    { optional: true },
  ),
  userIdHeader: v.headerName('kubeflow-userid', 'Request header that carries the user identity (set by the auth proxy).'),
  userIdPrefix: v.line('', 'Prefix the auth proxy puts before the user id in that header.'),
  admin: v.line('', 'User who is cluster admin for KFAM (ADMIN); empty for none.'),
  workloadIdentity: v.email(
    '',
    'GCP service account bound to profile namespaces through Workload Identity (WORKLOAD_IDENTITY); empty for none.',
    { optional: true },
  ),
  principals: v.group('Istio principals the controller grants access in profile namespaces (its AuthorizationPolicies).', {
    istioIngressGateway: principal(INGRESS_GATEWAY_PRINCIPAL, 'Ingress gateway (ISTIO_INGRESS_GATEWAY_PRINCIPAL).'),
    kfpUi: principal('cluster.local/ns/kubeflow/sa/ml-pipeline-ui', 'Pipelines UI (KFP_UI_PRINCIPAL).'),
    notebookController: principal(
      'cluster.local/ns/kubeflow/sa/notebook-controller-service-account',
      'Notebook controller (NOTEBOOK_CONTROLLER_PRINCIPAL).',
    ),
  }),
  namespaceLabels: v.obj<Record<string, string>>(
    defaultNamespaceLabels,
    'Labels set on every profile namespace (namespace-labels.yaml); an empty value removes the label.',
    s.keyedMap(LABEL_KEY_PATTERN, s.string({ pattern: LABEL_VALUE_PATTERN, maxLength: 63 })),
  ),
  labelNamespaceLabelsConfigMap: v.bool(
    true,
    "Put `kustomize.component: profiles` on the namespace-labels ConfigMap too (upstream's standalone overlay leaves it off).",
  ),
  kfam: v.group('KFAM, the access-management API the dashboard uses to share profiles.', {
    enabled: v.bool(true, 'Run the KFAM container, its Service and (with Istio) its VirtualService and AuthorizationPolicy.'),
    image: v.image({ registry: 'ghcr.io', repository: 'kubeflow/kubeflow/kfam', tag: 'v1.10.0' }, 'KFAM image.'),
    resources: v.resources({}, 'Resources of the KFAM container.'),
  }),
  istio: v.group('Istio integration.', {
    sidecarInjection: v.bool(true, 'Inject the Istio sidecar into the controller pod (needed for KFAM behind the mesh).'),
    enabled: v.bool(true, 'Create the VirtualService and AuthorizationPolicy of KFAM (when KFAM is enabled).'),
    gateway: gatewayValue('kubeflow-gateway', 'Gateway the KFAM VirtualService binds to.'),
    clusterDomain: v.subdomain('cluster.local', 'Cluster DNS domain, used in the KFAM service host.'),
    kfamCallers: v.list<string>(
      ['cluster.local/ns/kubeflow/sa/centraldashboard'],
      'Principals allowed to call KFAM (its AuthorizationPolicy): the central dashboard.',
      s.principal(),
      { minItems: 1 },
    ),
  }),
  crds: v.group('The Profile CustomResourceDefinition.', {
    install: v.bool(true, 'Install the Profile CRD with the chart (kept on uninstall).'),
  }),
};
