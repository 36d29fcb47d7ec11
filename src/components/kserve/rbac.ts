import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { configMapLeaderElectionRole } from '../../lib/kubebuilder.js';
import { objectMeta } from '../../lib/metadata.js';
import { aggregateTo, aggregating, rule } from '../../lib/rbac.js';

const RW = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const STATUS = ['get', 'patch', 'update'];
const READ = ['get', 'list', 'watch'];
const owned = (group: string, resources: string[]) => [
  rule(
    [group],
    resources.flatMap((r) => [r, `${r}/finalizers`]),
    RW,
  ),
  rule(
    [group],
    resources.map((r) => `${r}/status`),
    STATUS,
  ),
];
const S = 'serving.kserve.io';
const nodeRead = [rule([''], ['configmaps'], ['get']), rule([''], ['nodes'], READ), rule([''], ['nodes/status'], ['get', 'watch'])];

/** The roles of the local model controller and its node agent. */
export const LOCAL_MODEL_ROLES: Record<string, k8s.PolicyRule[]> = {
  'kserve-localmodel-manager-role': [
    ...nodeRead,
    rule([''], ['persistentvolumeclaims', 'persistentvolumes'], ['create', 'get', 'list', 'patch', 'update', 'watch']),
    rule([S], ['inferenceservices', 'localmodelnodegroups'], READ),
    rule([S], ['localmodelcaches', 'localmodelnodes'], RW),
    rule([S], ['localmodelcaches/status'], STATUS),
    rule([S], ['localmodelnodes/status'], ['get', 'watch']),
  ],
  'kserve-localmodelnode-agent-role': [
    ...nodeRead,
    rule(['batch'], ['jobs'], RW),
    rule(['batch'], ['jobs/status'], ['get']),
    rule([S], ['clusterstoragecontainers', 'localmodelnodegroups'], READ),
    rule([S], ['localmodelnodes'], RW),
    rule([S], ['localmodelnodes/status'], STATUS),
  ],
};

/** The roles of the KServe controller manager. */
const ROLES: Record<string, k8s.PolicyRule[]> = {
  'kserve-manager-role': [
    rule([''], ['configmaps'], ['create', 'get', 'update']),
    rule([''], ['events', 'services'], RW),
    rule([''], ['namespaces', 'pods'], READ),
    rule([''], ['secrets', 'serviceaccounts'], ['get']),
    rule(['admissionregistration.k8s.io'], ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations'], RW),
    rule(['apps'], ['deployments'], RW),
    rule(['autoscaling'], ['horizontalpodautoscalers'], RW),
    rule(['gateway.networking.k8s.io'], ['httproutes'], RW),
    ...owned('keda.sh', ['scaledobjects']),
    ...owned('networking.istio.io', ['virtualservices']),
    rule(['networking.k8s.io'], ['ingresses'], RW),
    ...owned('opentelemetry.io', ['opentelemetrycollectors']),
    ...owned('serving.knative.dev', ['services']),
    rule(
      [S],
      [
        'clusterservingruntimes',
        'clusterservingruntimes/finalizers',
        'clusterstoragecontainers',
        'inferencegraphs',
        'inferencegraphs/finalizers',
        'inferenceservices',
        'inferenceservices/finalizers',
        'servingruntimes',
        'servingruntimes/finalizers',
        'trainedmodels',
      ],
      RW,
    ),
    rule(
      [S],
      [
        'clusterservingruntimes/status',
        'inferencegraphs/status',
        'inferenceservices/status',
        'servingruntimes/status',
        'trainedmodels/status',
      ],
      STATUS,
    ),
    rule([S], ['localmodelcaches'], READ),
  ],
  'kserve-proxy-role': [
    rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
    rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
  ],
};

/** The LLMInferenceService controller's role. */
export const LLM_ROLE: k8s.PolicyRule[] = [
  { nonResourceUrLs: ['/metrics'], verbs: ['get'] },
  rule([''], ['configmaps'], ['get']),
  rule([''], ['events'], ['create', 'patch', 'update']),
  rule([''], ['pods'], READ),
  rule([''], ['secrets', 'serviceaccounts', 'services'], RW),
  rule(['apps'], ['deployments'], RW),
  rule(['authentication.k8s.io'], ['subjectaccessreviews', 'tokenreviews'], ['create']),
  rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
  rule(['discovery.k8s.io'], ['endpointslices'], READ),
  rule(['gateway.networking.k8s.io'], ['gatewayclasses', 'gateways', 'httproutes'], RW),
  rule(['inference.networking.x-k8s.io'], ['inferencemodels', 'inferencepools'], RW),
  rule(['leaderworkerset.x-k8s.io'], ['leaderworkersets'], RW),
  rule(['networking.k8s.io'], ['ingresses'], RW),
  rule(['rbac.authorization.k8s.io'], ['clusterrolebindings', 'rolebindings', 'roles'], RW),
  rule([S], ['llminferenceserviceconfigs', 'llminferenceservices'], RW),
  rule([S], ['llminferenceserviceconfigs/finalizers', 'llminferenceservices/finalizers'], ['update']),
  rule([S], ['llminferenceservices/status'], STATUS),
];

// Upstream's user roles name `lllminferenceserviceconfigs` (sic); kept so the roles match what Kubeflow installs.
const USER_RESOURCES = [
  'inferencegraphs',
  'inferenceservices',
  'servingruntimes',
  'trainedmodels',
  'llminferenceservices',
  'lllminferenceserviceconfigs',
];
const KNATIVE_RESOURCES = ['services', 'routes', 'configurations', 'revisions'].flatMap((r) => [r, `${r}/status`]);

export function kserveRbac(scope: Construct, ns: string, labels: Record<string, string>): void {
  const meta = objectMeta(ns, labels);
  // The controller takes both locks: Leases and ConfigMaps.
  configMapLeaderElectionRole(scope, 'leader-election-role', meta('kserve-leader-election-role'), LEASE_RULE);
  for (const [name, rules] of Object.entries(ROLES)) {
    new k8s.KubeClusterRole(scope, name, { metadata: meta(name, false), rules });
  }
  new k8s.KubeClusterRole(scope, 'kubeflow-kserve-admin', {
    metadata: meta('kubeflow-kserve-admin', false, aggregateTo('kubeflow-admin')),
    aggregationRule: aggregating('kubeflow-kserve-admin'),
    rules: [],
  });
  const all = ['get', 'list', 'watch', 'create', 'delete', 'deletecollection', 'patch', 'update'];
  new k8s.KubeClusterRole(scope, 'kubeflow-kserve-edit', {
    metadata: meta('kubeflow-kserve-edit', false, aggregateTo('kubeflow-edit', 'kubeflow-kserve-admin')),
    rules: [rule([S], USER_RESOURCES, all), rule(['serving.knative.dev'], KNATIVE_RESOURCES, all)],
  });
  new k8s.KubeClusterRole(scope, 'kubeflow-kserve-view', {
    metadata: meta('kubeflow-kserve-view', false, aggregateTo('kubeflow-view')),
    rules: [rule([S], USER_RESOURCES, READ), rule(['serving.knative.dev'], KNATIVE_RESOURCES, ['get', 'list'])],
  });

  const bind = binder(scope, ns, labels);
  bind(
    'leader-election-rolebinding',
    'kserve-leader-election-rolebinding',
    'Role',
    'kserve-leader-election-role',
    'kserve-controller-manager',
  );
  bind('manager-rolebinding', 'kserve-manager-rolebinding', 'ClusterRole', 'kserve-manager-role', 'kserve-controller-manager');
  bind('proxy-rolebinding', 'kserve-proxy-rolebinding', 'ClusterRole', 'kserve-proxy-role', 'kserve-controller-manager');
}

/** The lease-only leader election of the newer controllers. */
export const LEASE_RULE = rule(['coordination.k8s.io'], ['leases'], ['create', 'get', 'list', 'update']);

/** Binds a Role (in `ns`) or ClusterRole to a service account of `ns`. */
export function binder(scope: Construct, ns: string, labels: Record<string, string>) {
  const meta = objectMeta(ns, labels);
  return (id: string, name: string, kind: 'Role' | 'ClusterRole', role: string, account: string): void => {
    const props = {
      metadata: meta(name, kind === 'Role'),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind, name: role },
      subjects: [{ kind: 'ServiceAccount', name: account, namespace: ns }],
    };
    if (kind === 'Role') new k8s.KubeRoleBinding(scope, id, props);
    else new k8s.KubeClusterRoleBinding(scope, id, props);
  };
}
