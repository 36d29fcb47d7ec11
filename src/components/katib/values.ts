import { resourceRequirementsSchema, s } from '../../core/schema.js';
import { gatewayValue, INGRESS_GATEWAY_PRINCIPAL } from '../../lib/istio.js';
import { v } from '../../core/values.js';
import { scheduling } from '../../lib/k8s-values.js';

const KATIB = 'ghcr.io/kubeflow/katib';
const TAG = 'v0.19.0';
const image = (repo: string) => ({ registry: 'ghcr.io', repository: `kubeflow/katib/${repo}`, tag: TAG, pullPolicy: undefined });
const katibImage = (name: string) => `${KATIB}/${name}:${TAG}`;

/** One algorithm service (suggestion or early stopping) as katib-config lists it. */
export interface AlgorithmValue {
  algorithmName: string;
  image: string;
  resources?: Record<string, unknown>;
  persistentVolumeClaimSpec?: Record<string, unknown>;
}
export interface MetricsCollectorValue {
  kind: string;
  image: string;
  resources?: Record<string, unknown>;
}

const algorithmSchema = (pvc: boolean) =>
  s.object(
    {
      algorithmName: s.dnsLabel({ minLength: 1, description: 'Algorithm name Experiments select (`spec.algorithm.algorithmName`).' }),
      image: s.imageRef({ description: 'Image of the algorithm service (`[registry/]repository[:tag][@digest]`).' }),
      resources: resourceRequirementsSchema(),
      ...(pvc
        ? {
            persistentVolumeClaimSpec: { type: 'object', description: 'A PersistentVolumeClaimSpec for algorithms that keep state (pbt).' },
          }
        : {}),
    },
    ['algorithmName', 'image'],
  );

const collectorSchema = s.object(
  {
    kind: s.enum(['StdOut', 'File', 'TensorFlowEvent', 'PrometheusMetric', 'Custom', 'None']),
    image: s.imageRef({ description: 'Image of the metrics collector sidecar (`[registry/]repository[:tag][@digest]`).' }),
    resources: resourceRequirementsSchema(),
  },
  ['kind', 'image'],
);

const algo = (algorithmName: string, img: string, extra: Partial<AlgorithmValue> = {}): AlgorithmValue => ({
  algorithmName,
  image: katibImage(img),
  ...extra,
});

/** Katib v0.19.0's algorithm services and collectors (the facts of upstream's katib-config). */
export const defaultSuggestions: AlgorithmValue[] = [
  algo('random', 'suggestion-hyperopt'),
  algo('tpe', 'suggestion-hyperopt'),
  algo('grid', 'suggestion-optuna'),
  algo('hyperband', 'suggestion-hyperband'),
  algo('bayesianoptimization', 'suggestion-skopt'),
  algo('cmaes', 'suggestion-goptuna'),
  algo('sobol', 'suggestion-goptuna'),
  algo('multivariate-tpe', 'suggestion-optuna'),
  algo('enas', 'suggestion-enas', { resources: { limits: { memory: '400Mi' } } }),
  algo('darts', 'suggestion-darts'),
  algo('pbt', 'suggestion-pbt', {
    persistentVolumeClaimSpec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '5Gi' } } },
  }),
];
const defaultCollectors: MetricsCollectorValue[] = [
  { kind: 'StdOut', image: katibImage('file-metrics-collector') },
  { kind: 'File', image: katibImage('file-metrics-collector') },
  { kind: 'TensorFlowEvent', image: katibImage('tfevent-metrics-collector'), resources: { limits: { memory: '1Gi' } } },
];
export const TRAINJOB_RESOURCE = 'TrainJob.v1alpha1.trainer.kubeflow.org';
export const defaultTrialResources = [
  TRAINJOB_RESOURCE,
  'Job.v1.batch',
  'TFJob.v1.kubeflow.org',
  'PyTorchJob.v1.kubeflow.org',
  'MPIJob.v1.kubeflow.org',
  'XGBoostJob.v1.kubeflow.org',
];

const workload = (
  what: string,
  img: ReturnType<typeof image>,
  resources: { limits?: Record<string, string>; requests?: Record<string, string> } = {},
) => ({
  image: v.image(img, `${what} image. \`pullPolicy\` unset leaves the Kubernetes default (upstream sets none).`),
  replicas: v.int(1, `${what} replicas.`, { minimum: 0 }),
  resources: v.resources(resources, `Resources of the ${what.toLowerCase()} container.`),
  ...scheduling(),
});

export const values = {
  namespace: v.dnsLabel('kubeflow', 'Namespace of Katib.'),
  createNamespace: v.bool(false, 'Create the namespace, labelled for metrics-collector injection (standalone installs).'),
  kubeflowRoles: v.bool(true, "Aggregate Experiment, Trial and Suggestion rights into Kubeflow's kubeflow-admin/edit/view roles."),
  crds: v.group('Experiment, Trial and Suggestion CustomResourceDefinitions.', {
    install: v.bool(true, 'Install the CRDs with the chart (kept on uninstall).'),
  }),
  certificates: v.oneOf(
    ['cert-manager', 'controller'],
    'cert-manager',
    "Who provides the webhook certificate: `cert-manager` (a self-signed Issuer and a Certificate; cert-manager injects the CA into the webhooks) or `controller` (Katib's own cert generator fills the Secret `katib-webhook-cert`).",
  ),
  controller: v.group('The Katib controller (Experiments → Suggestions and Trials).', {
    ...workload('Controller', image('katib-controller')),
    leaderElection: v.bool(
      false,
      'Elect one active controller (needed with more than one replica): the Lease role and `enableLeaderElection` in katib-config.',
    ),
  }),
  ui: v.group('The Katib UI.', {
    ...workload('UI', image('katib-ui')),
    auth: v.bool(
      true,
      "Check users' rights with SubjectAccessReviews (the user comes from the auth proxy's header); false runs the UI without authorization (APP_DISABLE_AUTH).",
    ),
    istio: v.group('Istio in front of the UI.', {
      enabled: v.bool(true, 'Inject the sidecar, route `/katib/` through the Kubeflow gateway and admit only the ingress gateway.'),
      gateway: gatewayValue('kubeflow-gateway', "Gateway the VirtualService binds to (`namespace/name`, or a name in Katib's namespace)."),
      ingressGatewayPrincipal: v.str(
        INGRESS_GATEWAY_PRINCIPAL,
        'Principal of the ingress gateway that may reach the UI (`<trust domain>/ns/<namespace>/sa/<service account>`).',
        s.principal(),
      ),
    }),
    clusterDomain: v.subdomain('cluster.local', 'Cluster DNS domain (host of the VirtualService destination).'),
  }),
  dbManager: v.group('The DB manager (the only client of the database).', workload('DB manager', image('katib-db-manager'))),
  database: v.group('Where Katib stores observation logs.', {
    type: v.oneOf(
      ['mysql', 'postgres', 'external'],
      'mysql',
      'Bundled MySQL (PVC kept on uninstall), bundled PostgreSQL, or an external MySQL.',
    ),
    mysql: v.group('Bundled MySQL.', {
      image: v.image({ registry: '', repository: 'mysql', tag: '8.0', pullPolicy: undefined }, 'MySQL image.'),
      storage: v.quantity('10Gi', 'Size of the PVC `katib-mysql`.'),
      storageClassName: v.subdomain('', 'StorageClass of the PVC; empty for the cluster default.', { optional: true }),
      rootPassword: v.str(
        'test',
        "Root password (Secret `katib-mysql-secrets`); upstream's default is `test`, change it or use `existingSecret`.",
        {},
        { exampleCredential: { unless: ['database.mysql.existingSecret'] } },
      ),
      existingSecret: v.subdomain('', 'Secret with key MYSQL_ROOT_PASSWORD to use instead of creating `katib-mysql-secrets`.', {
        optional: true,
      }),
      resources: v.resources({}, 'Resources of the MySQL container.'),
    }),
    postgres: v.group('Bundled PostgreSQL.', {
      image: v.image({ registry: '', repository: 'postgres', tag: '14.5-alpine', pullPolicy: undefined }, 'PostgreSQL image.'),
      storage: v.quantity('3Gi', 'Size of the PVC `katib-postgres`.'),
      storageClassName: v.subdomain('', 'StorageClass of the PVC; empty for the cluster default.', { optional: true }),
      user: v.str('katib', 'Database user (Secret `katib-postgres-secrets`).', { ...s.line(), minLength: 1 }),
      password: v.str(
        'katib',
        "Database password (Secret `katib-postgres-secrets`; the DB manager gets it as an env value, as upstream); upstream's default is `katib`, change it.",
        { minLength: 1 },
      ),
      database: v.str('katib', 'Database name.', { ...s.line(), minLength: 1 }),
      resources: v.resources({}, 'Resources of the PostgreSQL container.'),
    }),
    external: v.group('An external MySQL server.', {
      host: v.subdomain('', 'Host name (or IPv4 address) of the server.', { optional: true }),
      port: v.str('', 'Port of the server (as text, e.g. `3306`).', { pattern: '^([1-9][0-9]{0,4})?$' }),
      database: v.str('', 'Database name.', s.line()),
      user: v.str('', 'User name.', s.line()),
      password: v.str('', 'Password.'),
      existingSecret: v.subdomain(
        '',
        'Secret with keys DB_USER, DB_PASSWORD, KATIB_MYSQL_DB_DATABASE, KATIB_MYSQL_DB_HOST and KATIB_MYSQL_DB_PORT to use instead of the values above.',
        { optional: true },
      ),
    }),
  }),
  config: v.group('katib-config: what the controller runs for Experiments.', {
    trialResources: v.list<string>(
      defaultTrialResources,
      'Kinds a Trial may run (`Kind.version.group`).',
      s.string({ pattern: '^[A-Z][A-Za-z0-9]*\\.v[0-9a-z]+(\\.[a-z0-9.-]+)?$' }),
      { minItems: 1 },
    ),
    metricsCollectors: v.list<MetricsCollectorValue>(
      defaultCollectors,
      'Metrics collector sidecars by kind, with their images and resources.',
      collectorSchema,
      { key: 'kind' },
    ),
    suggestions: v.list<AlgorithmValue>(
      defaultSuggestions,
      'Suggestion algorithms and their service images (and resources, PVC for stateful ones), by algorithm name.',
      algorithmSchema(true),
      { key: 'algorithmName' },
    ),
    earlyStoppings: v.list<AlgorithmValue>(
      [{ algorithmName: 'medianstop', image: katibImage('earlystopping-medianstop') }],
      'Early stopping algorithms and their images, by algorithm name.',
      algorithmSchema(false),
      { key: 'algorithmName' },
    ),
  }),
  trialTemplates: v.group('The trial templates Experiments can refer to (ConfigMap `trial-templates`).', {
    // a plain object (not v.resources, whose quantities become k8s.Quantity): it is written into a config file
    resources: v.obj<Record<string, unknown>>(
      {},
      'CPU, memory (and GPU) of the training container of every default trial template (a Kubernetes ResourceRequirements): what each trial of an experiment built on them gets.',
      resourceRequirementsSchema(),
      { omitEmpty: true },
    ),
    mnistImage: v.image(image('pytorch-mnist-cpu'), 'Image of the PyTorch MNIST trial templates.'),
    enasImage: v.image(image('enas-cnn-cifar10-cpu'), 'Image of the ENAS CIFAR-10 trial template.'),
  }),
};
