import type { ComponentInfo } from '../../core/component.js';
import { values } from './values.js';

/** Why the standalone presets' workloads keep their platform labels (see the README). */
const STABLE_SELECTORS =
  'Standalone presets: upstream drops two app.kubernetes.io labels, also from workload selectors; ours keep them on selectors and pod templates so that switching to multi-user is one `helm upgrade` that never recreates a workload (selectors are immutable). Metadata labels and Service selectors follow `platformLabels`.';

export const info: ComponentInfo<typeof values> = {
  name: 'pipelines',
  description:
    'Kubeflow Pipelines: API server, persistence agent, scheduled workflows, caching, ML Metadata, UI and Argo Workflows, with a bundled MySQL/PostgreSQL and SeaweedFS or external database and S3 storage.',
  appVersion: '2.16.0',
  values,
  keywords: ['pipelines', 'kfp', 'argo', 'workflows', 'mlops'],
  deviations: [
    {
      object: 'ConfigMap/kubeflow-pipelines-profile-controller-code',
      reason:
        'The per-profile controller hook is ours: a short generic program (sync.py) that fills the profile namespace into children.json, the per-namespace objects synthesized from typed constructs (profile-children.ts). Upstream ships its own 20 KB script. Namespaces share the object store credentials of the chart (upstream creates a SeaweedFS IAM user per namespace).',
    },
    {
      object: 'ConfigMap/metadata-envoy-configmap',
      reason: "envoy-config.yaml is written from a typed structure (JSON, the same document as upstream's YAML).",
    },
    {
      object: 'ConfigMap/workflow-controller-configmap',
      reason: "artifactRepository and executor are written from typed values (the same documents, without upstream's comments).",
    },
    {
      object: 'ConfigMap/pipeline-install-config',
      reason:
        "The `warning` entry holds our own note instead of upstream's text; PostgreSQL installs keep ARTIFACT_RETENTION_DAYS and appVersion 2.16.0.",
    },
    {
      object: 'Deployment/seaweedfs',
      reason:
        'The start-up script that creates the bucket and the admin identity is ours (bucket and keys from values, through the environment); upstream ships its own script.',
    },
    {
      object: 'Secret/postgres-secret',
      reason: "The PostgreSQL superuser password as stringData from `database.password` (upstream's `data` value is not base64).",
    },
    { object: 'Deployment/cache-server', reason: STABLE_SELECTORS },
    { object: 'Deployment/metadata-writer', reason: STABLE_SELECTORS },
    { object: 'Deployment/ml-pipeline', reason: STABLE_SELECTORS },
    { object: 'Deployment/ml-pipeline-persistenceagent', reason: STABLE_SELECTORS },
    { object: 'Deployment/ml-pipeline-scheduledworkflow', reason: STABLE_SELECTORS },
    { object: 'Deployment/ml-pipeline-ui', reason: STABLE_SELECTORS },
    { object: 'Deployment/ml-pipeline-viewer-crd', reason: STABLE_SELECTORS },
    { object: 'Deployment/ml-pipeline-visualizationserver', reason: STABLE_SELECTORS },
    {
      object: 'Deployment/metadata-grpc-deployment',
      reason:
        "standalone-postgresql: the gRPC server's arguments follow the current ML Metadata PostgreSQL settings of the platform install; upstream's overlay carries older ones.",
    },
  ],
  parityMinimum: {
    share: 0.84,
    reason:
      "Below the 98 % the issue asks: the per-profile hook and SeaweedFS start-up are our own programs (upstream's scripts are not copied), `pipeline-install-config` carries our own note, and in the standalone presets the workloads keep their selector labels (upgrade safety). Every differing object is declared.",
  },
  rbacWildcards: [
    {
      role: 'Role/pipeline-runner',
      reason: 'Pipeline steps create and manage pods, volumes, services, jobs and Kubeflow resources of their runs (verbs *), as upstream.',
    },
    {
      role: 'ClusterRole/aggregate-to-kubeflow-pipelines-edit',
      reason: 'Profile editors manage scheduled workflows and Argo workflows of their pipelines (verbs *), as upstream.',
    },
    {
      role: 'Role/ml-pipeline-viewer-controller-role',
      reason: 'The viewer controller creates the deployments and services of TensorBoard viewers (apiGroups *), as upstream.',
    },
    {
      role: 'ClusterRole/ml-pipeline-viewer-controller-role',
      reason: 'The viewer controller creates viewer deployments and services in profile namespaces (apiGroups *), as upstream.',
    },
  ],
  securityExceptions: [
    {
      workload: 'Deployment/postgres',
      reason: 'The bundled PostgreSQL image starts as root to prepare its data directory (upstream ships it without a security context).',
    },
    {
      workload: 'Deployment/metadata-postgres-db',
      reason: "ML Metadata's bundled PostgreSQL, as upstream ships it: the image starts as root to prepare its data directory.",
    },
  ],
  // Multi-user mode (the default) runs in profile namespaces behind the Kubeflow gateway; cert-manager
  // (the cache webhook's and the Kubernetes-native webhooks' certificates) is not a component here yet.
  requires: ['profiles', 'kubeflow-istio-resources', 'cert-manager'],
  notes: [
    'Credentials: by default the bundled MySQL user (`root`, empty password) and the object store keys (`minio` / `minio123`)',
    "are upstream's well-known example credentials. Replace them for any real use: set `database.existingSecret` and",
    '`objectStore.existingSecret` to Secrets of your own, or `database.generate` / `objectStore.generate` to create random',
    'ones once (kept on upgrade and uninstall). The PVCs of the bundled database and SeaweedFS are kept on uninstall.',
  ].join('\n'),
  presets: {
    standalone: {
      description:
        'Single-user Pipelines in its own namespace, without Istio, profiles or cert-manager (upstream env/platform-agnostic; cluster-scoped objects and CRDs installed separately).',
      values: {
        multiUser: { enabled: false },
        platformLabels: false,
        istio: { enabled: false },
        cache: { certManager: false },
        argo: { namespaced: true },
        crds: { install: false },
      },
    },
    'standalone-postgresql': {
      description: 'The standalone install with the bundled PostgreSQL instead of MySQL (upstream env/platform-agnostic-postgresql).',
      values: {
        multiUser: { enabled: false },
        platformLabels: false,
        istio: { enabled: false },
        cache: { certManager: false },
        argo: { namespaced: true },
        crds: { install: false },
        database: { type: 'postgresql', username: 'user', password: 'password' },
      },
    },
    'external-storage': {
      description:
        'The platform install with an external MySQL and external S3-compatible storage: no bundled MySQL or SeaweedFS, credentials from Secrets of your own.',
      values: {
        database: {
          bundled: false,
          host: 'mysql.databases.svc.cluster.local',
          port: 3306,
          existingSecret: 'kfp-database',
          secretKeys: { username: 'user', password: 'password' },
        },
        objectStore: {
          bundled: false,
          host: 's3.eu-central-1.amazonaws.com',
          port: 443,
          secure: true,
          region: 'eu-central-1',
          bucket: 'kubeflow-pipelines-artifacts',
          existingSecret: 'kfp-object-store',
          secretKeys: { username: 'AWS_ACCESS_KEY_ID', password: 'AWS_SECRET_ACCESS_KEY' },
        },
      },
    },
    'multi-user-k8s-native': {
      description:
        'Multi-user Pipelines that stores pipelines and pipeline versions as Kubernetes objects (Pipeline/PipelineVersion CRDs and their webhooks).',
      values: { kubernetesNativeStorage: true },
    },
  },
};
