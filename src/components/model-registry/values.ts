import { scheduling } from '../../lib/k8s-values.js';
import { gatewayValue } from '../../lib/istio.js';
import { v } from '../../core/values.js';
import { USER_PATTERN } from './auth-proxy.js';

const NAMESPACE_DOC =
  'Namespace of every namespaced object. Empty leaves `metadata.namespace` (and the namespace of the RBAC subjects) out, ' +
  "so `kubectl apply -n <ns>` or `helm install -n <ns>` chooses it, as upstream's overlays without a namespace are applied.";

/**
 * Upstream installs Model Registry as layers (server + database, UI, Istio route, storage initializer,
 * controller); each layer is a group here with its own `enabled`. The defaults are the layers a
 * Kubeflow platform installs: server with MySQL, Kubeflow-mode UI, Istio route and storage initializer.
 */
export const values = {
  namespace: v.dnsLabel('kubeflow', NAMESPACE_DOC, { optional: true }),
  serverNamespace: v.dnsLabel(
    '',
    "Namespace of the registry server as written in its cluster-local address (Istio route and DestinationRule, storage initializer). Empty uses `namespace`, or `kubeflow` (upstream's address) when that is empty too.",
    { optional: true },
  ),
  clusterDomain: v.subdomain('cluster.local', 'Cluster DNS domain, used in service hostnames.'),

  server: v.group('The registry server (REST API) and its database configuration (upstream overlays/db and overlays/postgres).', {
    enabled: v.bool(true, 'Run the registry server (and, with `database.bundled`, its database).'),
    image: v.image(
      { registry: 'ghcr.io', repository: 'kubeflow/model-registry/server', tag: 'v0.3.7', pullPolicy: undefined },
      'Registry server image.',
    ),
    replicas: v.int(1, 'Server replicas.', { minimum: 0 }),
    resources: v.resources({}, 'Resources of the server container.'),
    ...scheduling(),
    port: v.port(8080, 'Port of the REST API (container and Service).'),
    displayName: v.line('Kubeflow Model Registry', 'Name the UI shows for this registry (Service annotation `displayName`).'),
    description: v.line('An example model registry', 'Description the UI shows for this registry (Service annotation `description`).'),
  }),

  database: v.group("The registry's database: bundled MySQL or PostgreSQL, or an external server.", {
    type: v.oneOf(['mysql', 'postgres'], 'mysql', 'Database engine: MySQL (upstream overlays/db) or PostgreSQL (overlays/postgres).'),
    bundled: v.bool(
      true,
      'Deploy the database in the cluster: Deployment `model-registry-db`, its Service and a PersistentVolumeClaim kept on uninstall. False connects to your own server at `host`/`port`.',
    ),
    host: v.subdomain(
      'model-registry-db',
      "Database host (DNS name): the bundled database's Service `model-registry-db`, or your own server.",
    ),
    port: v.int(0, "Database port; 0 uses the engine's default (3306 MySQL, 5432 PostgreSQL).", { minimum: 0, maximum: 65535 }),
    name: v.str('metadb', 'Database (schema) name: letters, digits, `_`, `-`.', { pattern: '^[A-Za-z0-9_-]+$', maxLength: 63 }),
    user: v.str(
      'root',
      'Database user: letters, digits, `_`, `-`, `.`. With the bundled MySQL it must stay `root` (the password is the root password, as upstream).',
      { pattern: '^[A-Za-z0-9_.-]+$', maxLength: 63 },
    ),
    password: v.str(
      'test',
      "Database password. The default `test` is upstream's well-known example: replace it, or use `existingSecret`.",
      {},
      { exampleCredential: { unless: ['database.existingSecret', 'database.generateSecret', '!server.enabled'] } },
    ),
    generateSecret: v.bool(
      false,
      "Helm only: generate a random password on first install and keep it on upgrades (lookup of the live Secret `model-registry-db-secrets`, kept on uninstall) instead of `password`. Needs a non-empty `namespace` (the lookup's). Set it before the bundled database first starts: the database keeps the password it was initialized with. Kustomize/cdk8s synthesis fails when this is true.",
    ),
    existingSecret: v.subdomain(
      '',
      'Secret of your own with the credentials (MySQL: keys MYSQL_USER_NAME and MYSQL_ROOT_PASSWORD; PostgreSQL: POSTGRES_USER and POSTGRES_PASSWORD), used by the server and the bundled database instead of `user`/`password`; the Secret `model-registry-db-secrets` is then not created.',
      { optional: true },
    ),
    mysqlImage: v.image({ registry: '', repository: 'mysql', tag: '8.3', pullPolicy: undefined }, 'Image of the bundled MySQL.'),
    postgresImage: v.image(
      { registry: '', repository: 'postgres', tag: '16-alpine', pullPolicy: undefined },
      'Image of the bundled PostgreSQL.',
    ),
    resources: v.resources({}, 'Resources of the bundled database container.'),
    storage: v.group('Volume of the bundled database.', {
      size: v.quantity('10Gi', 'Size of the PersistentVolumeClaim.'),
      storageClassName: v.subdomain('', 'StorageClass of the claim; empty uses the cluster default.', { optional: true }),
    }),
  }),

  ui: v.group('The Model Registry web UI (upstream options/ui).', {
    enabled: v.bool(true, 'Deploy the UI.'),
    mode: v.oneOf(
      ['kubeflow', 'standalone'],
      'kubeflow',
      'kubeflow: embedded in the central dashboard, which passes the user identity (overlays/kubeflow). standalone: its own nginx auth proxy injects a fixed user (overlays/standalone; for trying it out, not for shared clusters).',
    ),
    image: v.image({ registry: 'ghcr.io', repository: 'kubeflow/model-registry/ui', tag: 'v0.3.7', pullPolicy: 'Always' }, 'UI image.'),
    replicas: v.int(1, 'UI replicas.', { minimum: 0 }),
    resources: v.resources({ limits: { memory: '2Gi' }, requests: { cpu: '500m', memory: '2Gi' } }, 'Resources of the UI container.'),
    ...scheduling(),
    standalone: v.group('Standalone mode only.', {
      user: v.str(
        'user@example.com',
        "User the auth proxy logs everyone in as (header `kubeflow-userid`). The default is upstream's well-known example user. Letters, digits and `._%+@-` only (it is written into the nginx configuration).",
        { pattern: USER_PATTERN },
      ),
      clusterAdmin: v.bool(
        true,
        'Bind that user to `cluster-admin` (ClusterRoleBinding `service-access-cluster-binding`, as upstream does so the UI can see every namespace).',
      ),
      proxyImage: v.image(
        { registry: '', repository: 'nginx', tag: '1.25-alpine', pullPolicy: undefined },
        'Image of the nginx auth proxy.',
      ),
      proxyResources: v.resources(
        { limits: { cpu: '100m', memory: '128Mi' }, requests: { cpu: '50m', memory: '64Mi' } },
        'Resources of the auth proxy container.',
      ),
    }),
  }),

  istio: v.group('Istio route to the REST API at `/api/model_registry/` (upstream options/istio).', {
    enabled: v.bool(true, 'Create the VirtualService, DestinationRule (mutual TLS) and AuthorizationPolicy of the server.'),
    gateway: gatewayValue('kubeflow-gateway', 'Gateway the VirtualService binds to.'),
  }),

  storageInitializer: v.group(
    'KServe storage initializer for `model-registry://` URIs (upstream options/csi; a KServe ClusterStorageContainer).',
    {
      enabled: v.bool(true, "Create the ClusterStorageContainer (needs KServe's CRDs)."),
      image: v.image(
        { registry: 'ghcr.io', repository: 'kubeflow/model-registry/storage-initializer', tag: 'latest', pullPolicy: undefined },
        'Storage initializer image (upstream ships `latest`).',
      ),
      resources: v.resources(
        { limits: { memory: '1Gi' }, requests: { cpu: '100m', memory: '100Mi' } },
        'Resources of the storage initializer container.',
      ),
    },
  ),

  controller: v.group('Controller that registers KServe InferenceServices in the registry (upstream options/controller).', {
    enabled: v.bool(false, 'Deploy the controller.'),
    image: v.image(
      { registry: 'ghcr.io', repository: 'kubeflow/model-registry/controller', tag: 'latest', pullPolicy: undefined },
      'Controller image (upstream ships `latest`).',
    ),
    resources: v.resources(
      { limits: { memory: '128Mi' }, requests: { cpu: '10m', memory: '64Mi' } },
      'Resources of the manager container.',
    ),
    leaderElect: v.bool(true, 'Leader election (`--leader-elect`).'),
    settings: v.group("Controller settings (environment variables of the manager; empty keeps the controller's built-in default).", {
      namespaceLabel: v.line('', 'NAMESPACE_LABEL: label naming the registry namespace on an InferenceService.', { optional: true }),
      nameLabel: v.line('', 'NAME_LABEL: label naming the registry on an InferenceService.', { optional: true }),
      urlAnnotation: v.line('', 'URL_ANNOTATION: annotation with the registry URL.', { optional: true }),
      inferenceServiceIdLabel: v.line('', 'INFERENCE_SERVICE_ID_LABEL.', { optional: true }),
      modelVersionIdLabel: v.line('', 'MODEL_VERSION_ID_LABEL.', { optional: true }),
      registeredModelIdLabel: v.line('', 'REGISTERED_MODEL_ID_LABEL.', { optional: true }),
      finalizer: v.line('', 'FINALIZER: finalizer the controller puts on InferenceServices.', { optional: true }),
      serviceAnnotation: v.line('', 'SERVICE_ANNOTATION.', { optional: true }),
      registriesNamespace: v.line('', 'REGISTRIES_NAMESPACE: namespace where registries run.', { optional: true }),
      skipTlsVerify: v.bool(false, "SKIP_TLS_VERIFY: do not verify the registry's TLS certificate."),
      inferenceServiceController: v.line('', 'INFERENCE_SERVICE_CONTROLLER.', { optional: true }),
    }),
  }),
};
