import { envVarSchema, scheduling } from '../../lib/k8s-values.js';
import { gatewayValue, INGRESS_GATEWAY_PRINCIPAL } from '../../lib/istio.js';
import { resourceRequirementsSchema, s } from '../../core/schema.js';
import { v, type ImageValue } from '../../core/values.js';

/** Resources as plain quantities (the objects of this component are written as plain JSON). */
export interface Resources {
  limits?: Record<string, string>;
  requests?: Record<string, string>;
}

/** Replicas, resources and scheduling of one workload. */
const workload = (what: string, resources: Resources, nodeSelector: Record<string, string> = {}) =>
  v.group(`${what}: replicas, resources and scheduling.`, {
    replicas: v.int(1, `Replicas of ${what}.`, { minimum: 0 }),
    ...server(what, resources, nodeSelector),
  });
/** A single-replica server on its own volume (Recreate): resources and scheduling only. */
const server = (what: string, resources: Resources, nodeSelector: Record<string, string> = {}) => ({
  resources: v.obj<Resources>(resources, `Resources of the ${what} container.`, resourceRequirementsSchema(), { omitEmpty: true }),
  ...scheduling(),
  nodeSelector: v.labelMap(nodeSelector, `Node labels the ${what} pods must match.`, { omitEmpty: true }),
});
const singleton = (what: string, resources: Resources) =>
  v.group(`${what}: resources and scheduling (one replica on its volume).`, server(what, resources));

const kfp = (repository: string): ImageValue => ({ registry: 'ghcr.io', repository: `kubeflow/${repository}`, tag: '2.16.0' });
const image = (registry: string, repository: string, tag: string): ImageValue => ({ registry, repository, tag });

/** A key of a Secret's data. */
const SECRET_KEY = { pattern: '^[-._a-zA-Z0-9]+$', maxLength: 253 };
/** A database name (an SQL identifier). */
const DB_NAME = { pattern: '^[A-Za-z_][A-Za-z0-9_$]*$', maxLength: 63 };

const secretKeys = (user: string, password: string, what: string) =>
  v.group(`Keys of ${what} in \`existingSecret\`.`, {
    username: v.str(user, 'Key of the user name (access key).', SECRET_KEY),
    password: v.str(password, 'Key of the password (secret key).', SECRET_KEY),
  });

export const values = {
  namespace: v.dnsLabel('kubeflow', 'Namespace of Kubeflow Pipelines.'),
  clusterDomain: v.subdomain('cluster.local', 'Cluster DNS domain (CLUSTER_DOMAIN of the API server and UI).'),
  multiUser: v.group('Multi-user mode: one Kubeflow profile namespace per user, behind Istio and the Kubeflow login.', {
    enabled: v.bool(
      true,
      'Run Pipelines multi-user (MULTIUSER, per-profile controller, cluster-wide roles, Istio policies). Off: a standalone single-namespace install.',
    ),
    userIdHeader: v.headerName('kubeflow-userid', 'Request header that carries the user id (KUBEFLOW_USERID_HEADER).'),
    userIdPrefix: v.line('', 'Prefix stripped from the user id header (KUBEFLOW_USERID_PREFIX).'),
    runnerServiceAccount: v.subdomain(
      'default-editor',
      'Service account pipeline runs use in profile namespaces (DEFAULTPIPELINERUNNERSERVICEACCOUNT).',
    ),
  }),
  platformLabels: v.bool(
    true,
    'Label objects `app.kubernetes.io/component: ml-pipeline` and `app.kubernetes.io/name: kubeflow-pipelines` (metadata only; selectors always carry them so that switching modes never recreates a workload).',
  ),
  istio: v.group('Istio integration (multi-user).', {
    enabled: v.bool(true, 'DestinationRules (mutual TLS), AuthorizationPolicies and the VirtualServices of the UI and metadata gRPC.'),
    gateway: gatewayValue(
      'kubeflow-gateway',
      'Gateway (`name` in the Pipelines namespace, or `namespace/name`) of the `/pipeline` and `/ml_metadata` routes.',
    ),
    gatewayPrincipal: v.str(
      INGRESS_GATEWAY_PRINCIPAL,
      'Principal of the ingress gateway allowed to reach the UI and metadata (`<trust domain>/ns/<namespace>/sa/<service account>`).',
      s.principal(),
    ),
  }),
  kubernetesNativeStorage: v.bool(
    false,
    'Store pipelines and pipeline versions as Kubernetes custom resources (Pipeline/PipelineVersion CRDs and their webhooks) instead of the database.',
  ),
  pipelineRoot: v.str(
    '',
    'Default pipeline root, a URI such as `minio://bucket/path` or `s3://bucket/path` (defaultPipelineRoot of pipeline-install-config and kfp-launcher); empty: the object store bucket.',
    { pattern: '^([a-z][a-z0-9+.-]*://[^\\s"\'<>\\\\{}`]+)?$' },
  ),
  artifactsProxy: v.bool(false, 'Run an artifact server (ml-pipeline-ui-artifact) in every profile namespace (ARTIFACTS_PROXY_ENABLED).'),
  logLevel: v.oneOf(
    ['trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'panic'],
    'info',
    'Log level of the API server (LOG_LEVEL).',
  ),
  artifactRetentionDays: v.int(-1, 'Days artifacts are kept in the bucket (ARTIFACT_RETENTION_DAYS); -1 keeps them.', { minimum: -1 }),
  cache: v.group('Step caching.', {
    enabled: v.bool(true, 'Cache server and its mutating webhook.'),
    certManager: v.bool(
      true,
      'The webhook certificate comes from cert-manager (Issuer + Certificate); off: the cache deployer creates it (standalone).',
    ),
  }),
  database: v.group('Database of the API server, the cache and ML Metadata.', {
    type: v.oneOf(['mysql', 'postgresql'] as const, 'mysql', 'Database engine.'),
    bundled: v.bool(true, 'Run the database in the cluster (Deployment, Service, PVC). Off: use `host`/`port` (an external database).'),
    host: v.subdomain('', 'Host name (or IPv4 address) of an external database (`bundled: false`); empty: the bundled one.', {
      optional: true,
    }),
    port: v.int(0, 'Port of an external database; 0: 3306 (MySQL) or 5432 (PostgreSQL).', { minimum: 0, maximum: 65535 }),
    names: v.group('Database names.', {
      pipeline: v.str('mlpipeline', 'Database of the API server.', DB_NAME),
      metadata: v.str('metadb', 'Database of ML Metadata.', DB_NAME),
      cache: v.str('cachedb', 'Database of the cache server.', DB_NAME),
    }),
    username: v.str(
      'root',
      "User name. The default is upstream's well-known example credential: change it, or use `existingSecret` or `generate`.",
      s.line({ minLength: 1 }),
      { exampleCredential: { unless: ['database.existingSecret', 'database.generate'] } },
    ),
    password: v.str(
      '',
      "Password (empty as upstream's example MySQL). Ignored with `existingSecret` or `generate`.",
      {},
      { exampleCredential: { unless: ['database.existingSecret', 'database.generate'] } },
    ),
    existingSecret: v.subdomain(
      '',
      "Secret of your own holding the user name and password (keys in `secretKeys`); replaces the chart's Secret.",
      { optional: true },
    ),
    secretKeys: secretKeys('username', 'password', 'the database user'),
    generate: v.bool(
      false,
      'Helm only: generate a random password on first install and keep it on upgrades (lookup, `helm.sh/resource-policy: keep`).',
    ),
    persistence: v.group('Volume of the bundled database (kept on uninstall).', {
      size: v.str('20Gi', 'Size of the PVC.', s.quantity({ nonNegative: true })),
      storageClass: v.subdomain('', 'StorageClass of the PVC; empty: the cluster default.', { optional: true }),
    }),
  }),
  objectStore: v.group('S3-compatible object storage for artifacts.', {
    bundled: v.bool(true, 'Run SeaweedFS in the cluster. Off: use `host`/`port` (external S3-compatible storage).'),
    host: v.subdomain('seaweedfs.kubeflow', 'Host name (or IPv4 address) of the object store (the bundled SeaweedFS service by default).'),
    port: v.port(9000, 'Port of the object store.'),
    region: v.str('us-east-1', 'Region of the bucket.', s.plainText({ minLength: 1 })),
    bucket: v.str('mlpipeline', 'Bucket of pipeline artifacts.', { pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' }),
    secure: v.bool(false, 'TLS to the object store.'),
    pathStyle: v.bool(true, 'Path-style bucket addressing (needed by most non-AWS stores).'),
    accessKey: v.str(
      'minio',
      "Access key. The default is upstream's well-known example credential: change it, or use `existingSecret` or `generate`.",
      { pattern: '^[A-Za-z0-9+/=._-]+$' },
      { exampleCredential: { unless: ['objectStore.existingSecret', 'objectStore.generate'] } },
    ),
    secretKey: v.str(
      'minio123',
      "Secret key (upstream's well-known example credential): change it, or use `existingSecret` or `generate`.",
      { pattern: '^[A-Za-z0-9+/=._-]+$' },
      { exampleCredential: { unless: ['objectStore.existingSecret', 'objectStore.generate'] } },
    ),
    existingSecret: v.subdomain(
      '',
      'Secret of your own with the access and secret key (keys in `secretKeys`); replaces `mlpipeline-minio-artifact`.',
      { optional: true },
    ),
    secretKeys: secretKeys('accesskey', 'secretkey', 'the access and secret key'),
    generate: v.bool(
      false,
      'Helm only: generate random keys on first install and keep them on upgrades (lookup, `helm.sh/resource-policy: keep`).',
    ),
    persistence: v.group('Volume of the bundled SeaweedFS (kept on uninstall).', {
      size: v.str('20Gi', 'Size of the PVC.', s.quantity({ nonNegative: true })),
      storageClass: v.subdomain('', 'StorageClass of the PVC; empty: the cluster default.', { optional: true }),
    }),
  }),
  argo: v.group('Argo Workflows controller.', {
    namespaced: v.bool(false, 'Watch only the Pipelines namespace (`--namespaced`, standalone).'),
    parallelism: v.int(0, 'Workflows run at once (0: unlimited).', { minimum: 0 }),
    executor: v.group('Workflow pod executor (the `wait` sidecar).', {
      resources: v.obj<Resources>({}, 'Resources of the executor container.', resourceRequirementsSchema(), { omitEmpty: true }),
    }),
    keyFormat: v.str(
      'private-artifacts/{{workflow.namespace}}/{{workflow.name}}/{{workflow.creationTimestamp.Y}}/{{workflow.creationTimestamp.m}}/{{workflow.creationTimestamp.d}}/{{pod.name}}',
      'Key format of workflow artifacts in the bucket (one line).',
      s.line({ minLength: 1 }),
    ),
    archiveLogs: v.bool(true, 'Archive the logs of workflow pods in the bucket.'),
    ttlSecondsAfterFinished: v.int(0, 'Delete finished workflows after this many seconds (ttlStrategy default); 0: never.', { minimum: 0 }),
  }),
  images: v.group('Images (`global.imageRegistry` replaces every registry).', {
    apiServer: v.image(kfp('kfp-api-server'), 'API server.'),
    persistenceAgent: v.image(kfp('kfp-persistence-agent'), 'Persistence agent.'),
    scheduledWorkflow: v.image(kfp('kfp-scheduled-workflow-controller'), 'ScheduledWorkflow controller.'),
    cacheServer: v.image(kfp('kfp-cache-server'), 'Cache server.'),
    cacheDeployer: v.image(kfp('kfp-cache-deployer'), 'Cache deployer (certificate of the webhook without cert-manager).'),
    metadataEnvoy: v.image(kfp('kfp-metadata-envoy'), 'Envoy in front of ML Metadata.'),
    metadataWriter: v.image(kfp('kfp-metadata-writer'), 'Metadata writer.'),
    metadataServer: v.image(image('gcr.io', 'tfx-oss-public/ml_metadata_store_server', '1.14.0'), 'ML Metadata gRPC server.'),
    frontend: v.image(kfp('kfp-frontend'), 'UI (also the per-profile artifact server).'),
    visualizationServer: v.image(kfp('kfp-visualization-server'), 'Visualization server.'),
    viewerController: v.image(kfp('kfp-viewer-crd-controller'), 'Viewer controller.'),
    driver: v.image(kfp('kfp-driver'), 'Driver of v2 pipeline steps (V2_DRIVER_IMAGE).'),
    launcher: v.image(kfp('kfp-launcher'), 'Launcher of v2 pipeline steps (V2_LAUNCHER_IMAGE).'),
    metacontroller: v.image(
      image('ghcr.io', 'metacontroller/metacontroller', 'v4.11.22'),
      'Metacontroller (runs the per-profile controller).',
    ),
    profileController: v.image(
      image('docker.io', 'alpine/k8s', '1.32.3'),
      'Image that runs the per-profile controller hook (needs python3).',
    ),
    workflowController: v.image(image('quay.io', 'argoproj/workflow-controller', 'v3.7.3'), 'Argo Workflows controller.'),
    argoexec: v.image(image('quay.io', 'argoproj/argoexec', 'v3.7.3'), 'Argo executor.'),
    mysql: v.image(image('', 'mysql', '8.4'), 'Bundled MySQL.'),
    postgresql: v.image(image('', 'postgres', '14.7-alpine3.17'), 'Bundled PostgreSQL.'),
    seaweedfs: v.image(image('', 'chrislusf/seaweedfs', '4.00'), 'Bundled SeaweedFS.'),
  }),
  apiServer: workload('the API server', { requests: { cpu: '250m', memory: '500Mi' } }),
  persistenceAgent: workload('the persistence agent', { requests: { cpu: '120m', memory: '500Mi' } }),
  scheduledWorkflow: workload('the ScheduledWorkflow controller', {}),
  cacheServer: workload('the cache server', {}),
  metadataGrpc: workload('the ML Metadata gRPC server', {}),
  metadataEnvoy: workload('the metadata Envoy', {}),
  metadataWriter: workload('the metadata writer', {}),
  ui: workload('the UI', { requests: { cpu: '10m', memory: '70Mi' } }),
  visualizationServer: workload('the visualization server', { requests: { cpu: '30m', memory: '500Mi' } }),
  viewerController: workload('the viewer controller', {}),
  profileController: workload('the per-profile controller hook', {}),
  metacontroller: workload('metacontroller', { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '100m', memory: '256Mi' } }),
  workflowController: workload(
    'the Argo workflow controller',
    { requests: { cpu: '100m', memory: '500Mi' } },
    { 'kubernetes.io/os': 'linux' },
  ),
  mysql: singleton('the bundled MySQL', { requests: { cpu: '100m', memory: '800Mi' } }),
  postgresql: singleton('the bundled PostgreSQL', {}),
  seaweedfs: singleton('the bundled SeaweedFS', { requests: { cpu: '32m', memory: '128Mi' } }),
  crds: v.group('CRDs (Argo Workflows, ScheduledWorkflow, Viewer, metacontroller, Pipeline/PipelineVersion).', {
    install: v.bool(true, 'Install the CRDs with the chart (kept on uninstall).'),
  }),
  extraEnv: v.list<{ name: string; value?: string }>([], 'Environment variables appended to the API server container.', envVarSchema(), {
    omitEmpty: true,
  }),
};
