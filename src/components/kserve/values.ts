import type { ClusterServingRuntimeSpec } from '../../../imports/serving.kserve.io.js';
import { IMAGE_TAG, s } from '../../core/schema.js';
import { v } from '../../core/values.js';
import { DEFAULT_RUNTIMES } from './runtime-defaults.js';

const TAG = 'v0.16.0';
const kserveImage = (repo: string) => `kserve/${repo}:${TAG}`;

/** A non-negative Kubernetes quantity, kept a string (it is written into KServe's JSON config). */
const QUANTITY = s.quantity({ nonNegative: true });
/** An image reference (`[registry/]repository[:tag][@digest]`). */
const IMAGE = s.imageRef({ minLength: 1 });
/** `host:port` of a collector endpoint. */
const HOST_PORT = { pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*(:[0-9]{1,5})?$' };

/** The CPU/memory requests and limits of a sidecar or init container, as KServe's config spells them. */
const sidecarResources = (cpuRequest: string, cpuLimit: string, memoryRequest: string, memoryLimit: string, what: string) => ({
  cpuRequest: v.str(cpuRequest, `CPU request of the ${what}.`, QUANTITY),
  cpuLimit: v.str(cpuLimit, `CPU limit of the ${what}.`, QUANTITY),
  memoryRequest: v.str(memoryRequest, `Memory request of the ${what}.`, QUANTITY),
  memoryLimit: v.str(memoryLimit, `Memory limit of the ${what}.`, QUANTITY),
});

const resourcesSchema = s.object({ limits: { type: 'object' }, requests: { type: 'object' } });

/** The fields of one ClusterServingRuntime, as the construct reads them. */
type Runtime = ClusterServingRuntimeSpec;
type Container = Runtime['containers'][number];
type Req<T> = NonNullable<T>;

export const runtimeItem = {
  name: v.str('', 'Runtime name.'),
  annotations: v.map<string>({}, 'Annotations of the runtime pods.', s.string(), { omitEmpty: true }),
  supportedModelFormats: v.list<Req<Runtime['supportedModelFormats']>[number]>([], 'Model formats.', { type: 'object' }),
  protocolVersions: v.list<string>([], 'Protocols.', s.string(), { omitEmpty: true }),
  hostIPC: v.oneOf(['', 'true', 'false'], '', 'hostIPC of the runtime pods; empty leaves it out.'),
  container: v.group('The kserve-container.', {
    image: v.str('', 'Image.'),
    command: v.list<string>([], 'Command.', s.string(), { omitEmpty: true }),
    args: v.list<string>([], 'Arguments.', s.string(), { omitEmpty: true }),
    env: v.list<Req<Container['env']>[number]>([], 'Environment.', { type: 'object' }, { omitEmpty: true }),
    resources: v.obj<Req<Container['resources']>>({}, 'Resources.', resourcesSchema, { omitEmpty: true }),
    securityContext: v.obj<Req<Container['securityContext']>>({}, 'Security context.', { type: 'object' }, { omitEmpty: true }),
    volumeMounts: v.list<Req<Container['volumeMounts']>[number]>([], 'Volume mounts.', { type: 'object' }, { omitEmpty: true }),
    livenessProbe: v.obj<Req<Container['livenessProbe']>>({}, 'Liveness probe.', { type: 'object' }, { omitEmpty: true }),
    readinessProbe: v.obj<Req<Container['readinessProbe']>>({}, 'Readiness probe.', { type: 'object' }, { omitEmpty: true }),
    startupProbe: v.obj<Req<Container['startupProbe']>>({}, 'Startup probe.', { type: 'object' }, { omitEmpty: true }),
  }),
  volumes: v.list<Req<Runtime['volumes']>[number]>([], 'Volumes.', { type: 'object' }, { omitEmpty: true }),
  workerSpec: v.obj<Req<Runtime['workerSpec']>>(
    {} as Req<Runtime['workerSpec']>,
    'Worker pods of multi-node runtimes.',
    { type: 'object' },
    { omitEmpty: true },
  ),
};

const runtimeSchema = s.object(
  {
    name: s.string({ minLength: 1, pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', description: 'ClusterServingRuntime name.' }),
    annotations: s.annotationMap(),
    supportedModelFormats: s.array(
      s.object(
        {
          name: s.string({ minLength: 1 }),
          version: s.string(),
          autoSelect: s.boolean(),
          priority: s.integer({ minimum: 1 }),
        },
        ['name'],
      ),
    ),
    protocolVersions: s.array(s.string()),
    hostIPC: s.enum(['', 'true', 'false']),
    container: s.object(
      {
        image: s.imageRef({ minLength: 1, description: 'Image of the kserve-container (`[registry/]repository[:tag][@digest]`).' }),
        command: s.array(s.string()),
        args: s.array(s.string()),
        env: s.array({ type: 'object' }),
        resources: resourcesSchema,
        securityContext: { type: 'object' },
        volumeMounts: s.array({ type: 'object' }),
        livenessProbe: { type: 'object' },
        readinessProbe: { type: 'object' },
        startupProbe: { type: 'object' },
      },
      ['image'],
    ),
    volumes: s.array({ type: 'object' }),
    workerSpec: {
      type: 'object',
      description: 'Worker pod spec of a multi-node runtime (containers, volumes, tensorParallelSize, pipelineParallelSize).',
    },
  },
  ['name', 'supportedModelFormats', 'container'],
);

export const values = {
  namespace: v.dnsLabel('kubeflow', "Namespace of the KServe controllers (upstream's Kubeflow install uses `kubeflow`)."),
  controller: v.group('The KServe controller manager (InferenceService, InferenceGraph, TrainedModel and runtime webhooks).', {
    image: v.image({ registry: '', repository: 'kserve/kserve-controller', tag: TAG, pullPolicy: 'Always' }, 'Controller image.'),
    resources: v.resources(
      { limits: { cpu: '100m', memory: '300Mi' }, requests: { cpu: '100m', memory: '200Mi' } },
      'Resources of the manager container.',
    ),
    rbacProxyImage: v.image(
      { registry: 'quay.io', repository: 'brancz/kube-rbac-proxy', tag: 'v0.18.0' },
      'kube-rbac-proxy sidecar in front of the metrics endpoint.',
    ),
  }),
  localModel: v.group('Local model cache: a controller that pre-downloads models to node-local volumes (LocalModelCache).', {
    controllerImage: v.image(
      { registry: '', repository: 'kserve/kserve-localmodel-controller', tag: TAG, pullPolicy: 'Always' },
      'Local model controller image.',
    ),
    resources: v.resources(
      { limits: { cpu: '100m', memory: '300Mi' }, requests: { cpu: '100m', memory: '200Mi' } },
      'Resources of the local model controller.',
    ),
    controller: v.bool(true, "Run the local model controller (with the node agent's account and role)."),
    enabled: v.bool(false, 'Enable the local model cache in the controllers (localModel.enabled).'),
    jobNamespace: v.dnsLabel('kserve-localmodel-jobs', 'Namespace of the download jobs.'),
    defaultJobImage: v.str(kserveImage('storage-initializer'), 'Image of the download jobs.', IMAGE),
    fsGroup: v.int(1000, 'fsGroup of the download jobs (the group that owns the model files).', { minimum: 0 }),
  }),
  llmisvc: v.group('The LLMInferenceService controller.', {
    enabled: v.bool(true, 'Run the LLMInferenceService controller, its webhook and certificate.'),
    image: v.image(
      { registry: '', repository: 'kserve/llmisvc-controller', tag: TAG, pullPolicy: 'Always' },
      'LLMInferenceService controller image.',
    ),
    resources: v.resources(
      { limits: { cpu: '100m', memory: '300Mi' }, requests: { cpu: '100m', memory: '300Mi' } },
      'Resources of the LLMInferenceService controller.',
    ),
  }),
  deploymentMode: v.oneOf(
    ['Serverless', 'RawDeployment'],
    'Serverless',
    'How InferenceServices run by default: `Serverless` (Knative Services, scale to zero; needs Knative Serving and Istio) or `RawDeployment` (plain Deployments, Services and HPAs; needs neither).',
  ),
  ingress: v.group('How InferenceServices are exposed (the `ingress` entry of inferenceservice-config).', {
    enableGatewayApi: v.bool(false, 'Expose through the Gateway API (HTTPRoutes) instead of Istio VirtualServices.'),
    kserveIngressGateway: v.namespacedName(
      'kserve/kserve-ingress-gateway',
      'Gateway API gateway (`namespace/name`) used when enableGatewayApi is on.',
    ),
    ingressGateway: v.strWithGlobal(
      'auth.gateway',
      'kubeflow/kubeflow-gateway',
      'Istio gateway (`namespace/name`) of external traffic.',
      s.namespacedName(),
    ),
    localGateway: v.namespacedName('knative-serving/knative-local-gateway', 'Istio gateway (`namespace/name`) of cluster-local traffic.'),
    localGatewayService: v.subdomain('knative-local-gateway.istio-system.svc.cluster.local', 'Service host of the local gateway.'),
    ingressDomain: v.subdomain('example.com', 'Domain of InferenceService hostnames.'),
    ingressClassName: v.subdomain('istio', 'IngressClass of the Ingresses KServe creates in raw deployment mode.'),
    domainTemplate: v.str(
      '{{ .Name }}-{{ .Namespace }}.{{ .IngressDomain }}',
      'Go template of InferenceService hostnames (evaluated by KServe, not Helm; one line).',
      s.line({ minLength: 1 }),
    ),
    urlScheme: v.oneOf(['http', 'https'], 'http', 'Scheme of InferenceService URLs.'),
    disableIstioVirtualHost: v.bool(false, 'Do not add the Istio virtual host.'),
    disableIngressCreation: v.bool(false, 'Create no ingress objects at all.'),
    pathTemplate: v.str(
      '/serving/{{ .Namespace }}/{{ .Name }}',
      'Go template of the path-based route (evaluated by KServe; one line). Empty for host-based routing only.',
      s.line(),
    ),
  }),
  storageInitializer: v.group('The init container that downloads models (storageInitializer entry).', {
    image: v.str(kserveImage('storage-initializer'), 'Image of the storage initializer.', IMAGE),
    ...sidecarResources('100m', '1', '100Mi', '1Gi', 'storage initializer'),
    caBundleConfigMapName: v.subdomain('', 'ConfigMap with a CA bundle for model downloads (empty: none).', { optional: true }),
    caBundleVolumeMountPath: v.str('/etc/ssl/custom-certs', 'Where that CA bundle is mounted.', s.absolutePath({ minLength: 1 })),
    enableModelcar: v.bool(true, 'Allow OCI model images (modelcar).'),
    cpuModelcar: v.str('10m', 'CPU of the modelcar container.', QUANTITY),
    memoryModelcar: v.str('15Mi', 'Memory of the modelcar container.', QUANTITY),
    uidModelcar: v.int(1010, 'User id of the modelcar container.', { minimum: 0 }),
  }),
  agent: v.group('The agent sidecar (model pulling of multi-model serving).', {
    image: v.str(kserveImage('agent'), 'Image of the agent sidecar.', IMAGE),
    ...sidecarResources('100m', '1', '100Mi', '1Gi', 'agent'),
  }),
  logger: v.group('The request/response logger sidecar.', {
    image: v.str(kserveImage('agent'), 'Image of the logger sidecar.', IMAGE),
    ...sidecarResources('100m', '1', '100Mi', '1Gi', 'logger'),
    defaultUrl: v.url('http://default-broker', 'Where logged payloads go unless an InferenceService says otherwise.'),
  }),
  batcher: v.group('The request batcher sidecar.', {
    image: v.str(kserveImage('agent'), 'Image of the batcher sidecar.', IMAGE),
    ...sidecarResources('1', '1', '1Gi', '1Gi', 'batcher'),
    maxBatchSize: v.int(32, 'Default largest batch.', { minimum: 1 }),
    maxLatency: v.int(5000, 'Default longest wait for a batch (ms).', { minimum: 1 }),
  }),
  router: v.group('The InferenceGraph router.', {
    image: v.str(kserveImage('router'), 'Image of the InferenceGraph router.', IMAGE),
    ...sidecarResources('100m', '1', '100Mi', '1Gi', 'router'),
    imagePullPolicy: v.oneOf(['Always', 'IfNotPresent', 'Never'], 'IfNotPresent', 'Pull policy of the router.'),
  }),
  explainers: v.group('Explainer runtimes.', {
    artImage: v.str('kserve/art-explainer', 'ART explainer image (without tag).', s.imageRef({ minLength: 1 })),
    artDefaultImageVersion: v.str('latest', 'Tag of the ART explainer image.', { pattern: IMAGE_TAG }),
  }),
  credentials: v.group('Storage credentials (credentials entry).', {
    storageSpecSecretName: v.subdomain('storage-config', 'Secret that holds storage specs.'),
    storageSecretNameAnnotation: v.str(
      'serving.kserve.io/storageSecretName',
      'Annotation naming a per-service storage secret.',
      s.labelKey(),
    ),
    gcsCredentialFileName: v.str('gcloud-application-credentials.json', 'File name of GCS credentials in a secret (a Secret key).', {
      pattern: '^[-._a-zA-Z0-9]+$',
      maxLength: 253,
    }),
    s3: v.map<string>(
      {
        s3AccessKeyIDName: 'AWS_ACCESS_KEY_ID',
        s3SecretAccessKeyName: 'AWS_SECRET_ACCESS_KEY',
        s3Endpoint: '',
        s3UseHttps: '',
        s3Region: '',
        s3VerifySSL: '',
        s3UseVirtualBucket: '',
        s3UseAccelerate: '',
        s3UseAnonymousCredential: '',
        s3CABundle: '',
      },
      'S3 settings (the `s3` object of the credentials entry), as strings (one line each).',
      s.line(),
    ),
  }),
  inferenceServiceResources: v.group(
    'Default resources of InferenceService containers (inferenceService.resource).',
    sidecarResources('1', '1', '2Gi', '2Gi', 'InferenceService containers'),
  ),
  autoscaler: v.group('HPA behaviour of raw deployments (autoscaler entry).', {
    scaleUpStabilizationWindowSeconds: v.int(0, 'Scale-up stabilization window.', { minimum: 0 }),
    scaleDownStabilizationWindowSeconds: v.int(300, 'Scale-down stabilization window.', { minimum: 0 }),
  }),
  metricsAggregator: v.group('Metrics aggregation of the queue-proxy and model containers.', {
    enableMetricAggregation: v.bool(false, 'Aggregate metrics.'),
    enablePrometheusScraping: v.bool(false, 'Add Prometheus scrape annotations.'),
  }),
  opentelemetryCollector: v.group('OpenTelemetry collector for pod-metric autoscaling (KEDA).', {
    scrapeInterval: v.duration('5s', 'Scrape interval.'),
    metricReceiverEndpoint: v.str('keda-otel-scaler.keda.svc:4317', 'Receiver endpoint (`host:port`).', HOST_PORT),
    metricScalerEndpoint: v.str('keda-otel-scaler.keda.svc:4318', 'Scaler endpoint (`host:port`).', HOST_PORT),
    ...sidecarResources('200m', '1', '512Mi', '2Gi', 'collector'),
  }),
  autoMountServiceAccountToken: v.bool(true, 'Mount service account tokens into InferenceService pods (security entry).'),
  runtimes: v.list<Record<string, unknown>>(
    DEFAULT_RUNTIMES,
    "ClusterServingRuntimes by name: one per item (name, supportedModelFormats, protocolVersions, annotations, hostIPC, the kserve-`container` with image, command, args, env, resources, securityContext, volumeMounts and probes, volumes, workerSpec). The default is upstream's eleven runtimes; replace the list to change an image or resources or to drop runtimes.",
    runtimeSchema,
    { key: 'name' },
  ),
  extraRuntimes: v.list<Record<string, unknown>>(
    [],
    'More ClusterServingRuntimes, in the form of `runtimes` items, added to them (add a runtime without repeating the defaults).',
    runtimeSchema,
    { key: 'name' },
  ),
  storageContainer: v.group('The `default` ClusterStorageContainer: the storage initializer and the URIs it downloads.', {
    image: v.str(kserveImage('storage-initializer'), 'Image of the storage initializer of the ClusterStorageContainer.', IMAGE),
    resources: v.obj<Record<string, unknown>>(
      { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '100m', memory: '100Mi' } },
      'Resources of the storage initializer container.',
      resourcesSchema,
    ),
    supportedUriFormats: v.list<Record<string, string>>(
      [
        { prefix: 'gs://' },
        { prefix: 's3://' },
        { prefix: 'hdfs://' },
        { prefix: 'hf://' },
        { prefix: 'webhdfs://' },
        { regex: 'https://(.+?).blob.core.windows.net/(.+)' },
        { regex: 'https://(.+?).file.core.windows.net/(.+)' },
        { regex: 'https?://(.+)/(.+)' },
      ],
      'URI prefixes or regular expressions the storage initializer handles.',
      s.object({ prefix: s.string(), regex: s.string() }),
    ),
  }),
  crds: v.group("KServe's 13 CustomResourceDefinitions.", {
    install: v.bool(true, 'Install the CRDs with the chart (kept on uninstall).'),
  }),
};
