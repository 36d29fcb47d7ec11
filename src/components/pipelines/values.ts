import { envVarSchema, scheduling } from '../../lib/k8s-values.js';
import { resourceRequirementsSchema, s } from '../../core/schema.js';
import { v, type ImageValue } from '../../core/values.js';

/** Resources as plain quantities (the objects of this component are written as plain JSON). */
export interface Resources { limits?: Record<string, string>; requests?: Record<string, string> }

/** Replicas, resources and scheduling of one workload. */
const workload = (what: string, resources: Resources, nodeSelector: Record<string, string> = {}) => v.group(`${what}: replicas, resources and scheduling.`, {
  replicas: v.int(1, `Replicas of ${what}.`, { minimum: 0 }),
  ...server(what, resources, nodeSelector),
});
/** A single-replica server on its own volume (Recreate): resources and scheduling only. */
const server = (what: string, resources: Resources, nodeSelector: Record<string, string> = {}) => ({
  resources: v.obj<Resources>(resources, `Resources of the ${what} container.`, resourceRequirementsSchema(), { omitEmpty: true }),
  ...scheduling(),
  nodeSelector: v.map<string>(nodeSelector, `Node labels the ${what} pods must match.`, s.string(), { omitEmpty: true }),
});
const singleton = (what: string, resources: Resources) => v.group(`${what}: resources and scheduling (one replica on its volume).`, server(what, resources));

const kfp = (repository: string): ImageValue => ({ registry: 'ghcr.io', repository: `kubeflow/${repository}`, tag: '2.16.0' });
const image = (registry: string, repository: string, tag: string): ImageValue => ({ registry, repository, tag });

const secretKeys = (user: string, password: string, what: string) => v.group(`Keys of ${what} in \`existingSecret\`.`, {
  username: v.str(user, 'Key of the user name (access key).', { minLength: 1 }),
  password: v.str(password, 'Key of the password (secret key).', { minLength: 1 }),
});

export const values = {
  namespace: v.str('kubeflow', 'Namespace of Kubeflow Pipelines.', { minLength: 1 }),
  clusterDomain: v.str('cluster.local', 'Cluster DNS domain (CLUSTER_DOMAIN of the API server and UI).', { minLength: 1 }),
  multiUser: v.group('Multi-user mode: one Kubeflow profile namespace per user, behind Istio and the Kubeflow login.', {
    enabled: v.bool(true, 'Run Pipelines multi-user (MULTIUSER, per-profile controller, cluster-wide roles, Istio policies). Off: a standalone single-namespace install.'),
    userIdHeader: v.str('kubeflow-userid', 'Request header that carries the user id (KUBEFLOW_USERID_HEADER).', { minLength: 1 }),
    userIdPrefix: v.str('', 'Prefix stripped from the user id header (KUBEFLOW_USERID_PREFIX).'),
    runnerServiceAccount: v.str('default-editor', 'Service account pipeline runs use in profile namespaces (DEFAULTPIPELINERUNNERSERVICEACCOUNT).', { minLength: 1 }),
  }),
  platformLabels: v.bool(true, 'Label objects `app.kubernetes.io/component: ml-pipeline` and `app.kubernetes.io/name: kubeflow-pipelines` (metadata only; selectors always carry them so that switching modes never recreates a workload).'),
  istio: v.group('Istio integration (multi-user).', {
    enabled: v.bool(true, 'DestinationRules (mutual TLS), AuthorizationPolicies and the VirtualServices of the UI and metadata gRPC.'),
    gateway: v.strWithGlobal('auth.gateway', 'kubeflow-gateway', 'Gateway (`name` in the Pipelines namespace, or `namespace/name`) of the `/pipeline` and `/ml_metadata` routes.', { minLength: 1 }),
    gatewayPrincipal: v.str('cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account', 'Principal of the ingress gateway allowed to reach the UI and metadata.', { minLength: 1 }),
  }),
  kubernetesNativeStorage: v.bool(false, 'Store pipelines and pipeline versions as Kubernetes custom resources (Pipeline/PipelineVersion CRDs and their webhooks) instead of the database.'),
  pipelineRoot: v.str('', 'Default pipeline root (defaultPipelineRoot of pipeline-install-config and kfp-launcher); empty: the object store bucket.'),
  artifactsProxy: v.bool(false, 'Run an artifact server (ml-pipeline-ui-artifact) in every profile namespace (ARTIFACTS_PROXY_ENABLED).'),
  logLevel: v.str('info', 'Log level of the API server (LOG_LEVEL).', { minLength: 1 }),
  artifactRetentionDays: v.int(-1, 'Days artifacts are kept in the bucket (ARTIFACT_RETENTION_DAYS); -1 keeps them.', { minimum: -1 }),
  cache: v.group('Step caching.', {
    enabled: v.bool(true, 'Cache server and its mutating webhook.'),
    certManager: v.bool(true, 'The webhook certificate comes from cert-manager (Issuer + Certificate); off: the cache deployer creates it (standalone).'),
  }),
  database: v.group('Database of the API server, the cache and ML Metadata.', {
    type: v.oneOf(['mysql', 'postgresql'] as const, 'mysql', 'Database engine.'),
    bundled: v.bool(true, 'Run the database in the cluster (Deployment, Service, PVC). Off: use `host`/`port` (an external database).'),
    host: v.str('', 'Host of an external database (`bundled: false`); empty: the bundled one.'),
    port: v.int(0, 'Port of an external database; 0: 3306 (MySQL) or 5432 (PostgreSQL).', { minimum: 0, maximum: 65535 }),
    names: v.group('Database names.', {
      pipeline: v.str('mlpipeline', 'Database of the API server.', { minLength: 1 }),
      metadata: v.str('metadb', 'Database of ML Metadata.', { minLength: 1 }),
      cache: v.str('cachedb', 'Database of the cache server.', { minLength: 1 }),
    }),
    username: v.str('root', 'User name. The default is upstream\'s well-known example credential: change it, or use `existingSecret` or `generate`.', { minLength: 1 }),
    password: v.str('', 'Password (empty as upstream\'s example MySQL). Ignored with `existingSecret` or `generate`.'),
    existingSecret: v.str('', 'Secret of your own holding the user name and password (keys in `secretKeys`); replaces the chart\'s Secret.'),
    secretKeys: secretKeys('username', 'password', 'the database user'),
    generate: v.bool(false, 'Helm only: generate a random password on first install and keep it on upgrades (lookup, `helm.sh/resource-policy: keep`).'),
    persistence: v.group('Volume of the bundled database (kept on uninstall).', {
      size: v.str('20Gi', 'Size of the PVC.', { minLength: 1 }),
      storageClass: v.str('', 'StorageClass of the PVC; empty: the cluster default.'),
    }),
  }),
  objectStore: v.group('S3-compatible object storage for artifacts.', {
    bundled: v.bool(true, 'Run SeaweedFS in the cluster. Off: use `host`/`port` (external S3-compatible storage).'),
    host: v.str('seaweedfs.kubeflow', 'Host of the object store (the bundled SeaweedFS service by default).', { minLength: 1 }),
    port: v.int(9000, 'Port of the object store.', { minimum: 1, maximum: 65535 }),
    region: v.str('us-east-1', 'Region of the bucket.', { minLength: 1 }),
    bucket: v.str('mlpipeline', 'Bucket of pipeline artifacts.', { pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' }),
    secure: v.bool(false, 'TLS to the object store.'),
    pathStyle: v.bool(true, 'Path-style bucket addressing (needed by most non-AWS stores).'),
    accessKey: v.str('minio', 'Access key. The default is upstream\'s well-known example credential: change it, or use `existingSecret` or `generate`.', { pattern: '^[A-Za-z0-9+/=._-]+$' }),
    secretKey: v.str('minio123', 'Secret key (upstream\'s well-known example credential).', { pattern: '^[A-Za-z0-9+/=._-]+$' }),
    existingSecret: v.str('', 'Secret of your own with the access and secret key (keys in `secretKeys`); replaces `mlpipeline-minio-artifact`.'),
    secretKeys: secretKeys('accesskey', 'secretkey', 'the access and secret key'),
    generate: v.bool(false, 'Helm only: generate random keys on first install and keep them on upgrades (lookup, `helm.sh/resource-policy: keep`).'),
    persistence: v.group('Volume of the bundled SeaweedFS (kept on uninstall).', {
      size: v.str('20Gi', 'Size of the PVC.', { minLength: 1 }),
      storageClass: v.str('', 'StorageClass of the PVC; empty: the cluster default.'),
    }),
  }),
  argo: v.group('Argo Workflows controller.', {
    namespaced: v.bool(false, 'Watch only the Pipelines namespace (`--namespaced`, standalone).'),
    parallelism: v.int(0, 'Workflows run at once (0: unlimited).', { minimum: 0 }),
    executor: v.group('Workflow pod executor (the `wait` sidecar).', {
      resources: v.obj<Resources>({}, 'Resources of the executor container.', resourceRequirementsSchema(), { omitEmpty: true }),
    }),
    keyFormat: v.str('private-artifacts/{{workflow.namespace}}/{{workflow.name}}/{{workflow.creationTimestamp.Y}}/{{workflow.creationTimestamp.m}}/{{workflow.creationTimestamp.d}}/{{pod.name}}',
      'Key format of workflow artifacts in the bucket.', { minLength: 1 }),
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
    metacontroller: v.image(image('ghcr.io', 'metacontroller/metacontroller', 'v4.11.22'), 'Metacontroller (runs the per-profile controller).'),
    profileController: v.image(image('docker.io', 'alpine/k8s', '1.32.3'), 'Image that runs the per-profile controller hook (needs python3).'),
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
  workflowController: workload('the Argo workflow controller', { requests: { cpu: '100m', memory: '500Mi' } }, { 'kubernetes.io/os': 'linux' }),
  mysql: singleton('the bundled MySQL', { requests: { cpu: '100m', memory: '800Mi' } }),
  postgresql: singleton('the bundled PostgreSQL', {}),
  seaweedfs: singleton('the bundled SeaweedFS', { requests: { cpu: '32m', memory: '128Mi' } }),
  crds: v.group('CRDs (Argo Workflows, ScheduledWorkflow, Viewer, metacontroller, Pipeline/PipelineVersion).', {
    install: v.bool(true, 'Install the CRDs with the chart (kept on uninstall).'),
  }),
  extraEnv: v.list<{ name: string; value?: string }>([], 'Environment variables appended to the API server container.', envVarSchema(), { omitEmpty: true }),
};
