import { prop, type CrdSchema } from '../../core/crd/index.js';

/**
 * Schemas JobSet (jobset.x-k8s.io v1alpha2) and Kubeflow Trainer share: Trainer's runtimes embed a
 * whole JobSet spec as their template, so it is written once here. Descriptions are left out (as
 * for every large CRD of this project): the release must stay small and the fields are documented
 * by the JobSet API.
 */
const quiet = { descriptions: false } as const;
const immutable = [{ rule: 'self == oldSelf', message: 'Value is immutable' }];
const atomicStrings = (): CrdSchema => prop.array(prop.string(), { 'x-kubernetes-list-type': 'atomic' });

export const conditionsSchema = (): CrdSchema =>
  prop.array(prop.condition(), { 'x-kubernetes-list-map-keys': ['type'], 'x-kubernetes-list-type': 'map' });

/** The five ObjectMeta fields controller-gen keeps for an embedded object's metadata. */
export const embeddedMeta = (): CrdSchema =>
  prop.object({
    annotations: prop.map(prop.string()),
    finalizers: prop.array(prop.string()),
    labels: prop.map(prop.string()),
    name: prop.string(),
    namespace: prop.string(),
  });

/** Replicated-job counters (JobSet status and TrainJob status). */
export const jobCounters = (x: Parameters<typeof prop.int32>[0] = {}): Record<string, CrdSchema> =>
  Object.fromEntries(['active', 'failed', 'ready', 'succeeded', 'suspended'].map((k) => [k, prop.int32(x)]));

/** JobSetSpec: the replicated Jobs (each a Kubernetes JobTemplateSpec) and the policies over them. */
export function jobSetSpec(): CrdSchema {
  const replicatedJob = prop.object(
    {
      dependsOn: {
        ...prop.array(prop.object({ name: prop.string(), status: prop.enum(['Ready', 'Complete']) }, { required: ['name', 'status'] }), {
          maxItems: 5,
          'x-kubernetes-list-map-keys': ['name'],
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-validations': immutable,
        }),
      },
      groupName: prop.string({ default: 'default' }),
      name: prop.string(),
      replicas: prop.int32({ default: 1 }),
      template: withFileKeyRef(prop.k8s('JobTemplateSpec', quiet)),
    },
    { required: ['name', 'template'] },
  );
  const failureRule = prop.object(
    {
      action: prop.enum(['FailJobSet', 'RestartJobSet', 'RestartJobSetAndIgnoreMaxRestarts']),
      name: prop.string(),
      onJobFailureMessagePatterns: prop.array(prop.string()),
      onJobFailureReasons: prop.array(prop.string()),
      targetReplicatedJobs: atomicStrings(),
    },
    { required: ['action', 'name'] },
  );
  const spec = prop.object({
    coordinator: prop.object(
      { jobIndex: prop.integer(), podIndex: prop.integer(), replicatedJob: prop.string() },
      { required: ['replicatedJob'] },
    ),
    failurePolicy: withRules(
      prop.object({
        maxRestarts: prop.int32(),
        restartStrategy: prop.enum(['Recreate', 'BlockingRecreate'], { default: 'Recreate' }),
        rules: prop.array(failureRule),
      }),
      immutable,
    ),
    managedBy: prop.string(),
    network: withRules(
      prop.object({ enableDNSHostnames: prop.boolean(), publishNotReadyAddresses: prop.boolean(), subdomain: prop.string() }),
      immutable,
    ),
    replicatedJobs: prop.array(replicatedJob, { 'x-kubernetes-list-map-keys': ['name'], 'x-kubernetes-list-type': 'map' }),
    startupPolicy: withRules(
      prop.object({ startupPolicyOrder: prop.enum(['AnyOrder', 'InOrder']) }, { required: ['startupPolicyOrder'] }),
      immutable,
    ),
    successPolicy: withRules(
      prop.object({ operator: prop.enum(['All', 'Any']), targetReplicatedJobs: atomicStrings() }, { required: ['operator'] }),
      immutable,
    ),
    suspend: prop.boolean(),
    ttlSecondsAfterFinished: prop.int32({ minimum: 0 }),
  });
  return withRules(spec, [
    {
      rule: "!(has(self.startupPolicy) && self.startupPolicy.startupPolicyOrder == 'InOrder' && self.replicatedJobs.exists(x, has(x.dependsOn)))",
      message: 'StartupPolicy and DependsOn APIs are mutually exclusive',
    },
  ]);
}

/** JobSetStatus. */
export function jobSetStatus(): CrdSchema {
  return prop.object({
    conditions: conditionsSchema(),
    replicatedJobsStatus: prop.array(
      prop.object({ ...jobCounters(), name: prop.string() }, { required: ['active', 'failed', 'name', 'ready', 'succeeded', 'suspended'] }),
      {
        'x-kubernetes-list-map-keys': ['name'],
        'x-kubernetes-list-type': 'map',
      },
    ),
    restarts: prop.int32(),
    restartsCountTowardsMax: prop.int32(),
    terminalState: prop.string(),
  });
}

/**
 * Kubernetes 1.34 added `fileKeyRef` to EnvVarSource (env values read from a file in a volume);
 * the cdk8s-plus-33 assembly describes 1.33, so the field is added to every EnvVarSource here.
 */
export function withFileKeyRef(root: CrdSchema): CrdSchema {
  const fileKeyRef: CrdSchema = {
    ...prop.object(
      { key: prop.string(), optional: prop.boolean({ default: false }), path: prop.string(), volumeName: prop.string() },
      { required: ['key', 'path', 'volumeName'] },
    ),
    'x-kubernetes-map-type': 'atomic',
  };
  const walk = (x: CrdSchema): CrdSchema => {
    const props = x.properties && Object.fromEntries(Object.entries(x.properties).map(([k, y]) => [k, walk(y)]));
    const isEnvSource = !!props?.configMapKeyRef && !!props.secretKeyRef && !!props.fieldRef;
    return {
      ...x,
      ...(props ? { properties: isEnvSource ? { ...props, fileKeyRef } : props } : {}),
      ...(x.items ? { items: walk(x.items) } : {}),
      ...(x.additionalProperties && typeof x.additionalProperties === 'object'
        ? { additionalProperties: walk(x.additionalProperties) }
        : {}),
    };
  };
  return walk(root);
}

/** CEL validation rules on a schema node. */
export function withRules(s: CrdSchema, rules: NonNullable<CrdSchema['x-kubernetes-validations']>): CrdSchema {
  return { ...s, 'x-kubernetes-validations': rules };
}
