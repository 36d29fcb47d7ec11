import { prop, resourceSchema, type CrdSchema } from '../../core/crd/index.js';
import { addressable, componentPodFields, containerFields, knativeCondition, podSpec, stringMap, storageSpec } from './crd-schemas.js';

const METRIC_TARGET_TYPES = ['Utilization', 'Value', 'AverageValue'];

/** HPA-style scaling behavior of one direction. */
const scalingRules = (): CrdSchema =>
  prop.object({
    policies: prop.array(
      prop.object(
        { periodSeconds: prop.int32(), type: prop.string(), value: prop.int32() },
        { required: ['periodSeconds', 'type', 'value'] },
      ),
      { 'x-kubernetes-list-type': 'atomic' },
    ),
    selectPolicy: prop.string(),
    stabilizationWindowSeconds: prop.int32(),
    tolerance: prop.quantity(),
  });

const metricTarget = (): CrdSchema =>
  prop.object({
    averageUtilization: prop.int32(),
    averageValue: prop.quantity(),
    type: prop.enum(METRIC_TARGET_TYPES),
    value: prop.quantity(),
  });

/** KServe's autoscaling: resource, external (KEDA) and pod (OpenTelemetry) metrics. */
const autoScaling = (): CrdSchema =>
  prop.object({
    behavior: prop.object({ scaleDown: scalingRules(), scaleUp: scalingRules() }),
    metrics: prop.array(
      prop.object(
        {
          external: prop.object(
            {
              authenticationRef: prop.object(
                {
                  authModes: prop.string(),
                  authenticationRef: prop.object({ name: prop.string() }, { required: ['name'] }),
                },
                { required: ['authenticationRef'] },
              ),
              metric: prop.object({
                backend: prop.enum(['prometheus', 'graphite']),
                namespace: prop.string(),
                query: prop.string(),
                serverAddress: prop.string(),
              }),
              target: metricTarget(),
            },
            { required: ['metric', 'target'] },
          ),
          podmetric: prop.object(
            {
              metric: prop.object({
                backend: prop.enum(['opentelemetry']),
                metricNames: prop.array(prop.string()),
                operationOverTime: prop.string(),
                query: prop.string(),
                serverAddress: prop.string(),
              }),
              target: metricTarget(),
            },
            { required: ['metric', 'target'] },
          ),
          resource: prop.object({ name: prop.enum(['cpu', 'memory']), target: metricTarget() }, { required: ['name', 'target'] }),
          type: prop.enum(['Resource', 'External', 'PodMetric']),
        },
        { required: ['type'] },
      ),
    ),
  });

/** What every component (predictor, explainer, transformer) adds to its pod. */
const componentExtension = (): Record<string, CrdSchema> => ({
  annotations: stringMap(),
  autoScaling: autoScaling(),
  batcher: prop.object({ maxBatchSize: prop.integer(), maxLatency: prop.integer(), timeout: prop.integer() }),
  canaryTrafficPercent: prop.int64(),
  containerConcurrency: prop.int64(),
  deploymentStrategy: prop.object({
    rollingUpdate: prop.object({ maxSurge: prop.intOrString(), maxUnavailable: prop.intOrString() }),
    type: prop.string(),
  }),
  labels: stringMap(),
  logger: prop.object({
    metadataAnnotations: prop.array(prop.string()),
    metadataHeaders: prop.array(prop.string()),
    mode: prop.enum(['all', 'request', 'response']),
    storage: prop.object({ key: prop.string(), parameters: stringMap(), path: prop.string(), serviceAccountName: prop.string() }),
    url: prop.string(),
  }),
  maxReplicas: prop.int32(),
  minReplicas: prop.int32(),
  scaleMetric: prop.enum(['cpu', 'memory', 'concurrency', 'rps']),
  scaleMetricType: prop.enum(METRIC_TARGET_TYPES),
  scaleTarget: prop.int32(),
  storageUris: prop.array(
    prop.object(
      {
        mountPath: prop.string({ default: '/mnt/models', maxLength: 255, pattern: '^/.*' }),
        uri: prop.string({ minLength: 1 }),
      },
      { required: ['uri'] },
    ),
    { minItems: 1, 'x-kubernetes-list-type': 'atomic' },
  ),
  timeout: prop.int64(),
});

/** A container with where its model comes from (PredictorExtensionSpec). */
const predictorExtension = (extra: Record<string, CrdSchema> = {}): CrdSchema =>
  prop.object({
    ...containerFields(),
    protocolVersion: prop.string(),
    runtimeVersion: prop.string(),
    storage: storageSpec(),
    storageUri: prop.string(),
    ...extra,
  });

const FRAMEWORKS = ['huggingface', 'lightgbm', 'onnx', 'paddle', 'pmml', 'pytorch', 'sklearn', 'tensorflow', 'triton', 'xgboost'];

const predictor = (): CrdSchema =>
  prop.object({
    ...componentPodFields(),
    ...componentExtension(),
    ...Object.fromEntries(FRAMEWORKS.map((f) => [f, predictorExtension()])),
    model: predictorExtension({
      modelFormat: prop.object({ name: prop.string(), version: prop.string() }, { required: ['name'] }),
      runtime: prop.string(),
    }),
    workerSpec: prop.object({ ...(podSpec().properties ?? {}), pipelineParallelSize: prop.integer(), tensorParallelSize: prop.integer() }),
  });

const explainer = (): CrdSchema =>
  prop.object({
    ...componentPodFields(),
    ...componentExtension(),
    art: prop.object({
      ...containerFields(),
      config: stringMap(),
      runtimeVersion: prop.string(),
      storage: storageSpec(),
      storageUri: prop.string(),
      type: prop.string(),
    }),
  });

const transformer = (): CrdSchema => prop.object({ ...componentPodFields(), ...componentExtension() });

const MODEL_STATES = ['', 'Pending', 'Standby', 'Loading', 'Loaded', 'FailedToLoad'];

const status = (): CrdSchema => ({
  ...prop.object(
    {
      address: addressable(),
      annotations: stringMap(),
      clusterServingRuntimeName: prop.string(),
      components: prop.map(
        prop.object({
          address: addressable(),
          grpcUrl: prop.string(),
          latestCreatedRevision: prop.string(),
          latestReadyRevision: prop.string(),
          latestRolledoutRevision: prop.string(),
          previousRolledoutRevision: prop.string(),
          restUrl: prop.string(),
          traffic: prop.array(
            prop.object({
              configurationName: prop.string(),
              latestRevision: prop.boolean(),
              percent: prop.int64(),
              revisionName: prop.string(),
              tag: prop.string(),
              url: prop.string(),
            }),
          ),
          url: prop.string(),
        }),
      ),
      conditions: prop.array(knativeCondition()),
      deploymentMode: prop.string(),
      modelStatus: prop.object(
        {
          copies: prop.object({ failedCopies: prop.integer({ default: 0 }), totalCopies: prop.integer() }, { required: ['failedCopies'] }),
          lastFailureInfo: prop.object({
            exitCode: prop.int32(),
            location: prop.string(),
            message: prop.string(),
            modelRevisionName: prop.string(),
            reason: prop.enum([
              'ModelLoadFailed',
              'RuntimeUnhealthy',
              'RuntimeDisabled',
              'NoSupportingRuntime',
              'RuntimeNotRecognized',
              'InvalidPredictorSpec',
            ]),
            time: prop.dateTime(),
          }),
          states: prop.object(
            {
              activeModelState: prop.enum(MODEL_STATES, { default: 'Pending' }),
              targetModelState: prop.enum(MODEL_STATES, { default: '' }),
            },
            { required: ['activeModelState'] },
          ),
          transitionStatus: prop.enum(['', 'UpToDate', 'InProgress', 'BlockedByFailedLoad', 'InvalidSpec'], { default: 'UpToDate' }),
        },
        { required: ['transitionStatus'] },
      ),
      observedGeneration: prop.int64(),
      servingRuntimeName: prop.string(),
      url: prop.string(),
    },
    { preserveUnknownFields: true },
  ),
});

/** InferenceService v1beta1: a predictor, optionally an explainer and a transformer. */
export const inferenceServiceSchema = (): CrdSchema =>
  resourceSchema({
    spec: prop.object({ explainer: explainer(), predictor: predictor(), transformer: transformer() }, { required: ['predictor'] }),
    status: status(),
  });
