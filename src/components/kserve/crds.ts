import type { Construct } from 'constructs';
import {
  CustomResourceDefinition,
  prop,
  resourceSchema,
  type CrdSchema,
  type CrdVersion,
  type PrinterColumn,
} from '../../core/crd/index.js';
import { inferenceServiceSchema } from './crd-inference-service.js';
import { llmInferenceServiceConfigSchema, llmInferenceServiceSchema } from './crd-llm.js';
import {
  containerFields,
  gw,
  inferencePoolSpec,
  knativeCondition,
  knativeStatus,
  podSpec,
  quiet,
  servingRuntimePodFields,
  stringMap,
  tolerations,
} from './crd-schemas.js';

const SERVING = 'serving.kserve.io';
const INFERENCE = 'inference.networking.x-k8s.io';
const col = (name: string, jsonPath: string, type: PrinterColumn['type'] = 'string', priority?: number): PrinterColumn => ({
  jsonPath,
  name,
  type,
  ...(priority ? { priority } : {}),
});
const AGE = col('Age', '.metadata.creationTimestamp', 'date');
const URL = col('URL', '.status.url');
const READY = col('Ready', ".status.conditions[?(@.type=='Ready')].status");

/** ServingRuntime and ClusterServingRuntime: the pod template that serves some model formats. */
function servingRuntimeSchema(): CrdSchema {
  const fields = servingRuntimePodFields();
  return resourceSchema({
    spec: prop.object(
      {
        ...fields,
        builtInAdapter: prop.object({
          env: prop.k8sList('EnvVar', quiet),
          memBufferBytes: prop.integer(),
          modelLoadingTimeoutMillis: prop.integer(),
          runtimeManagementPort: prop.integer(),
          serverType: prop.string(),
        }),
        disabled: prop.boolean(),
        grpcDataEndpoint: prop.string(),
        grpcEndpoint: prop.string(),
        httpDataEndpoint: prop.string(),
        multiModel: prop.boolean(),
        protocolVersions: prop.array(prop.string()),
        replicas: prop.integer(),
        storageHelper: prop.object({ disabled: prop.boolean() }),
        supportedModelFormats: prop.array(
          prop.object(
            {
              autoSelect: prop.boolean(),
              name: prop.string(),
              priority: prop.int32({ minimum: 1 }),
              version: prop.string(),
            },
            { required: ['name'] },
          ),
        ),
        tolerations: tolerations(),
        workerSpec: prop.object(
          { ...fields, pipelineParallelSize: prop.integer(), tensorParallelSize: prop.integer() },
          { required: ['containers'] },
        ),
      },
      { required: ['containers'] },
    ),
    status: prop.object({}),
  });
}

function inferenceGraphSchema(): CrdSchema {
  const pod = podSpec().properties!;
  return resourceSchema({
    spec: prop.object(
      {
        affinity: pod.affinity!,
        maxReplicas: prop.int32(),
        minReplicas: prop.int32(),
        nodeName: prop.string(),
        nodeSelector: stringMap(),
        nodes: prop.map(
          prop.object(
            {
              routerType: prop.enum(['Sequence', 'Splitter', 'Ensemble', 'Switch']),
              steps: prop.array(
                prop.object({
                  condition: prop.string(),
                  data: prop.string(),
                  dependency: prop.enum(['Soft', 'Hard']),
                  name: prop.string(),
                  nodeName: prop.string(),
                  serviceName: prop.string(),
                  serviceUrl: prop.string(),
                  weight: prop.int64(),
                }),
              ),
            },
            { required: ['routerType'] },
          ),
        ),
        resources: prop.k8s('ResourceRequirements', quiet),
        routerTimeouts: prop.object({
          serverIdle: prop.int64(),
          serverRead: prop.int64(),
          serverWrite: prop.int64(),
          serviceClient: prop.int64(),
        }),
        scaleMetric: prop.enum(['cpu', 'memory', 'concurrency', 'rps']),
        scaleTarget: prop.int32(),
        serviceAccountName: prop.string(),
        timeout: prop.int64(),
        tolerations: tolerations(),
      },
      { required: ['nodes'] },
    ),
    status: prop.object({
      annotations: stringMap(),
      conditions: prop.array(knativeCondition()),
      deploymentMode: prop.string(),
      observedGeneration: prop.int64(),
      url: prop.string(),
    }),
  });
}

const clusterStorageContainerSchema = (): CrdSchema =>
  resourceSchema({
    spec: prop.object(
      {
        container: prop.object(containerFields(), { required: ['name'] }),
        supportedUriFormats: prop.array(prop.object({ prefix: prop.string(), regex: prop.string() })),
        supportsMultiModelDownload: prop.boolean({ default: false }),
        workloadType: prop.string({ default: 'initContainer' }),
      },
      { required: ['container', 'supportedUriFormats'] },
    ),
    extra: { disabled: prop.boolean() },
  });

const trainedModelSchema = (): CrdSchema =>
  resourceSchema({
    spec: prop.object(
      {
        inferenceService: prop.string(),
        model: prop.object(
          { framework: prop.string(), memory: prop.quantity(), storageUri: prop.string() },
          { required: ['framework', 'memory', 'storageUri'] },
        ),
      },
      { required: ['inferenceService', 'model'] },
    ),
    status: prop.object(knativeStatus()),
  });

const localModelCacheSchema = (): CrdSchema =>
  resourceSchema({
    spec: prop.object(
      {
        modelSize: prop.quantity(),
        nodeGroups: prop.array(prop.string(), { minItems: 1 }),
        sourceModelUri: prop.string({ 'x-kubernetes-validations': [{ message: 'StorageUri is immutable', rule: 'self == oldSelf' }] }),
      },
      { required: ['modelSize', 'nodeGroups', 'sourceModelUri'] },
    ),
    status: prop.object({
      copies: prop.object({ available: prop.integer(), failed: prop.integer(), total: prop.integer() }),
      inferenceServices: prop.array(prop.object({ name: prop.string(), namespace: prop.string() })),
      nodeStatus: prop.map(
        prop.enum(['', 'NodeNotReady', 'NodeDownloadPending', 'NodeDownloading', 'NodeDownloaded', 'NodeDownloadError']),
      ),
    }),
  });

const localModelNodeGroupSchema = (): CrdSchema =>
  resourceSchema({
    spec: prop.object(
      {
        persistentVolumeClaimSpec: prop.k8s('PersistentVolumeClaimSpec', quiet),
        persistentVolumeSpec: prop.k8s('PersistentVolumeSpec', quiet),
        storageLimit: prop.quantity(),
      },
      { required: ['persistentVolumeClaimSpec', 'persistentVolumeSpec', 'storageLimit'] },
    ),
    status: prop.object({ available: prop.quantity(), used: prop.quantity() }),
  });

const localModelNodeSchema = (): CrdSchema =>
  resourceSchema({
    spec: prop.object(
      {
        localModels: prop.array(
          prop.object({ modelName: prop.string(), sourceModelUri: prop.string() }, { required: ['modelName', 'sourceModelUri'] }),
        ),
      },
      { required: ['localModels'] },
    ),
    status: prop.object({
      modelStatus: prop.map(prop.enum(['', 'ModelDownloadPending', 'ModelDownloading', 'ModelDownloaded', 'ModelDownloadError'])),
    }),
  });

const PENDING = [
  { lastTransitionTime: '1970-01-01T00:00:00Z', message: 'Waiting for controller', reason: 'Pending', status: 'Unknown', type: 'Accepted' },
];
const conditionsByType = { 'x-kubernetes-list-type': 'map' as const, 'x-kubernetes-list-map-keys': ['type'], maxItems: 8 };

const inferenceModelSchema = (): CrdSchema =>
  resourceSchema({
    spec: prop.object(
      {
        criticality: prop.enum(['Critical', 'Standard', 'Sheddable']),
        modelName: prop.string({
          maxLength: 256,
          'x-kubernetes-validations': [{ message: 'modelName is immutable', rule: 'self == oldSelf' }],
        }),
        poolRef: prop.object({ group: gw.group(INFERENCE), kind: gw.kind('InferencePool'), name: gw.name() }, { required: ['name'] }),
        targetModels: prop.array(
          prop.object(
            { name: prop.string({ maxLength: 253 }), weight: prop.int32({ minimum: 1, maximum: 1000000 }) },
            { required: ['name'] },
          ),
          {
            maxItems: 10,
            'x-kubernetes-validations': [
              {
                message: 'Weights should be set for all models, or none of the models.',
                rule: 'self.all(model, has(model.weight)) || self.all(model, !has(model.weight))',
              },
            ],
          },
        ),
      },
      { required: ['modelName', 'poolRef'] },
    ),
    status: prop.object({ conditions: prop.array(prop.condition(), { ...conditionsByType, default: [{ ...PENDING[0], type: 'Ready' }] }) }),
  });

const inferencePoolSchema = (): CrdSchema =>
  resourceSchema({
    spec: inferencePoolSpec(),
    status: {
      ...prop.object({
        parent: prop.array(
          prop.object(
            {
              conditions: prop.array(prop.condition(), { ...conditionsByType, default: PENDING }),
              parentRef: prop.object(
                { group: gw.group('gateway.networking.k8s.io'), kind: gw.kind('Gateway'), name: gw.name(), namespace: gw.namespace() },
                { required: ['name'] },
              ),
            },
            { required: ['parentRef'] },
          ),
          { maxItems: 32 },
        ),
      }),
      default: { parent: [{ conditions: PENDING, parentRef: { kind: 'Status', name: 'default' } }] },
    },
  });

interface KServeCrd {
  id: string;
  group: string;
  kind: string;
  scope: 'Namespaced' | 'Cluster';
  version: string;
  schema: () => CrdSchema;
  status?: boolean;
  columns?: PrinterColumn[];
  shortNames?: string[];
  /** The empty `subresources: {}` controller-gen writes for a type with no status subresource marker. */
  emptySubresources?: boolean;
  generator?: string;
  caInjection?: boolean;
}

const RUNTIME_COLUMNS = [
  col('Disabled', '.spec.disabled', 'boolean'),
  col('ModelType', '.spec.supportedModelFormats[*].name'),
  col('Containers', '.spec.containers[*].name'),
  AGE,
];

/** The 13 CRDs, in the order kustomize lists them. */
export const KSERVE_CRDS: KServeCrd[] = [
  {
    id: 'clusterservingruntimes',
    group: SERVING,
    kind: 'ClusterServingRuntime',
    scope: 'Cluster',
    version: 'v1alpha1',
    schema: servingRuntimeSchema,
    columns: RUNTIME_COLUMNS,
    emptySubresources: true,
  },
  {
    id: 'clusterstoragecontainers',
    group: SERVING,
    kind: 'ClusterStorageContainer',
    scope: 'Cluster',
    version: 'v1alpha1',
    schema: clusterStorageContainerSchema,
  },
  {
    id: 'inferencegraphs',
    group: SERVING,
    kind: 'InferenceGraph',
    scope: 'Namespaced',
    version: 'v1alpha1',
    schema: inferenceGraphSchema,
    status: true,
    columns: [URL, READY, AGE],
    shortNames: ['ig'],
  },
  {
    id: 'inferencemodels',
    group: INFERENCE,
    kind: 'InferenceModel',
    scope: 'Namespaced',
    version: 'v1alpha2',
    schema: inferenceModelSchema,
    status: true,
    generator: 'v0.16.1',
    columns: [
      col('Model Name', '.spec.modelName'),
      col('Inference Pool', '.spec.poolRef.name'),
      col('Criticality', '.spec.criticality'),
      AGE,
    ],
  },
  {
    id: 'inferencepools',
    group: INFERENCE,
    kind: 'InferencePool',
    scope: 'Namespaced',
    version: 'v1alpha2',
    schema: inferencePoolSchema,
    status: true,
    generator: 'v0.16.1',
  },
  {
    id: 'inferenceservices',
    group: SERVING,
    kind: 'InferenceService',
    scope: 'Namespaced',
    version: 'v1beta1',
    schema: inferenceServiceSchema,
    status: true,
    shortNames: ['isvc'],
    caInjection: true,
    columns: [
      URL,
      READY,
      col('Prev', ".status.components.predictor.traffic[?(@.tag=='prev')].percent", 'integer'),
      col('Latest', '.status.components.predictor.traffic[?(@.latestRevision==true)].percent', 'integer'),
      col('PrevRolledoutRevision', ".status.components.predictor.traffic[?(@.tag=='prev')].revisionName"),
      col('LatestReadyRevision', '.status.components.predictor.traffic[?(@.latestRevision==true)].revisionName'),
      AGE,
    ],
  },
  {
    id: 'llminferenceserviceconfigs',
    group: SERVING,
    kind: 'LLMInferenceServiceConfig',
    scope: 'Namespaced',
    version: 'v1alpha1',
    schema: llmInferenceServiceConfigSchema,
  },
  {
    id: 'llminferenceservices',
    group: SERVING,
    kind: 'LLMInferenceService',
    scope: 'Namespaced',
    version: 'v1alpha1',
    schema: llmInferenceServiceSchema,
    status: true,
    shortNames: ['llmisvc'],
    columns: [
      URL,
      READY,
      col('Reason', ".status.conditions[?(@.type=='Ready')].reason"),
      AGE,
      col('URLs', '.status.addresses[*].url', 'string', 1),
    ],
  },
  {
    id: 'localmodelcaches',
    group: SERVING,
    kind: 'LocalModelCache',
    scope: 'Cluster',
    version: 'v1alpha1',
    schema: localModelCacheSchema,
    status: true,
  },
  {
    id: 'localmodelnodegroups',
    group: SERVING,
    kind: 'LocalModelNodeGroup',
    scope: 'Cluster',
    version: 'v1alpha1',
    schema: localModelNodeGroupSchema,
  },
  {
    id: 'localmodelnodes',
    group: SERVING,
    kind: 'LocalModelNode',
    scope: 'Cluster',
    version: 'v1alpha1',
    schema: localModelNodeSchema,
    status: true,
  },
  {
    id: 'servingruntimes',
    group: SERVING,
    kind: 'ServingRuntime',
    scope: 'Namespaced',
    version: 'v1alpha1',
    schema: servingRuntimeSchema,
    columns: RUNTIME_COLUMNS,
    emptySubresources: true,
  },
  {
    id: 'trainedmodels',
    group: SERVING,
    kind: 'TrainedModel',
    scope: 'Namespaced',
    version: 'v1alpha1',
    schema: trainedModelSchema,
    status: true,
    shortNames: ['tm'],
    columns: [URL, READY, AGE],
  },
];

/** Creates KServe's CRDs; `serving-cert` in `namespace` signs the InferenceService conversion webhook's CA. */
export function kserveCrds(scope: Construct, labels: Record<string, string>, namespace: string): CustomResourceDefinition[] {
  return KSERVE_CRDS.map((c) => {
    const version: CrdVersion = {
      name: c.version,
      storage: true,
      schema: c.schema(),
      ...(c.status ? { subresources: { status: true } } : {}),
      ...(c.columns ? { additionalPrinterColumns: c.columns } : {}),
    };
    const crd = new CustomResourceDefinition(scope, c.id, {
      group: c.group,
      kind: c.kind,
      scope: c.scope,
      labels,
      shortNames: c.shortNames,
      annotations: {
        ...(c.caInjection ? { 'cert-manager.io/inject-ca-from': `${namespace}/serving-cert` } : {}),
        'controller-gen.kubebuilder.io/version': c.generator ?? 'v0.16.2',
      },
      versions: [version],
    });
    return c.emptySubresources ? emptySubresources(crd) : crd;
  });
}

/** controller-gen writes `subresources: {}` for the runtime kinds; our builder leaves empty subresources out. */
function emptySubresources(crd: CustomResourceDefinition): CustomResourceDefinition {
  const toJson = crd.toJson.bind(crd);
  crd.toJson = () => {
    const json = toJson();
    json.spec.versions = json.spec.versions.map((v: Record<string, unknown>) => ({ ...v, subresources: {} }));
    return json;
  };
  return crd;
}
