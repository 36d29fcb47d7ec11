import type { Construct } from 'constructs';
import { CustomResourceDefinition, prop, resourceSchema, type CrdSchema } from '../../core/crd/index.js';
import { conditionsSchema, embeddedMeta, jobCounters, jobSetSpec, jobSetStatus, withFileKeyRef, withRules } from './jobset-schema.js';

const quiet = { descriptions: false } as const;
const GROUP = 'trainer.kubeflow.org';
const listMap = (key: string) => ({ 'x-kubernetes-list-map-keys': [key], 'x-kubernetes-list-type': 'map' as const });
const envList = (): CrdSchema => withFileKeyRef(prop.k8sList('EnvVar', { ...quiet, ...listMap('name') }));

/** The ML policy of a runtime: how many nodes, and the torchrun or MPI launch settings. */
function mlPolicy(): CrdSchema {
  const torch = prop.object({
    elasticPolicy: prop.object({
      maxNodes: prop.int32(),
      maxRestarts: prop.int32(),
      metrics: prop.k8sList('MetricSpecV2', { ...quiet, 'x-kubernetes-list-type': 'atomic' }),
      minNodes: prop.int32(),
    }),
    numProcPerNode: withRules(prop.intOrString({ default: 'auto' }), [
      { rule: "self > 0 || self in ['auto', 'cpu', 'gpu']", message: 'NumProcPerNode must be equal to auto, cpu, gpu, or int value' },
    ]),
  });
  const mpi = prop.object({
    mpiImplementation: prop.enum(['OpenMPI', ''], { default: 'OpenMPI' }),
    numProcPerNode: prop.int32({ default: 1 }),
    runLauncherAsNode: prop.boolean({ default: false }),
    sshAuthMountPath: prop.string({ default: '/root/.ssh' }),
  });
  return withRules(prop.object({ mpi, numNodes: prop.int32(), torch }), [
    {
      rule: '!(has(self.numNodes) && (has(self.torch) && has(self.torch.elasticPolicy)))',
      message: 'numNodes should not be set if torch.elasticPolicy is configured',
    },
    { rule: '!(has(self.torch) && has(self.mpi))', message: 'Only one of the policy can be configured' },
  ]);
}

/** Gang scheduling of a runtime's pods (coscheduling plugin or Volcano). */
const podGroupPolicy = (): CrdSchema =>
  prop.object({
    coscheduling: prop.object({ scheduleTimeoutSeconds: prop.int32({ default: 60 }) }),
    volcano: prop.object({
      networkTopology: prop.object({
        highestTierAllowed: prop.integer({ default: 1 }),
        mode: prop.enum(['hard', 'soft'], { default: 'hard' }),
      }),
    }),
  });

/** TrainingRuntime and ClusterTrainingRuntime share one schema: a JobSet template plus policies. */
const runtimeSchema = (): CrdSchema =>
  resourceSchema({
    spec: {
      ...prop.object({
        mlPolicy: mlPolicy(),
        podGroupPolicy: podGroupPolicy(),
        template: { ...prop.object({ metadata: embeddedMeta(), spec: jobSetSpec() }), minProperties: 1 },
      }),
      minProperties: 1,
    },
  });

/** What a TrainJob may override in the pods of its runtime's jobs. */
function podTemplateOverride(): CrdSchema {
  const container = prop.object(
    {
      env: envList(),
      name: prop.string({ minLength: 1 }),
      volumeMounts: prop.k8sList('VolumeMount', { ...quiet, ...listMap('name') }),
    },
    { required: ['name'] },
  );
  const containers = () => prop.array(container, listMap('name'));
  return prop.object(
    {
      metadata: embeddedMeta(),
      spec: prop.object({
        affinity: prop.k8s('Affinity', quiet),
        containers: containers(),
        imagePullSecrets: prop.k8sList('LocalObjectReference', { ...quiet, ...listMap('name') }),
        initContainers: containers(),
        nodeSelector: prop.map(prop.string()),
        schedulingGates: prop.k8sList('PodSchedulingGate', { ...quiet, ...listMap('name') }),
        serviceAccountName: prop.string(),
        tolerations: prop.k8sList('Toleration', { ...quiet, 'x-kubernetes-list-type': 'atomic' }),
        volumes: prop.k8sList('Volume', { ...quiet, ...listMap('name') }),
      }),
      targetJobs: prop.array(prop.object({ name: prop.string({ minLength: 1 }) }, { required: ['name'] }), {
        'x-kubernetes-list-type': 'atomic',
      }),
    },
    { required: ['targetJobs'] },
  );
}

function trainJobSchema(): CrdSchema {
  const initializer = () =>
    prop.object({
      env: envList(),
      secretRef: prop.k8s('LocalObjectReference', quiet),
      storageUri: prop.string(),
    });
  const spec = prop.object(
    {
      annotations: prop.map(prop.string()),
      initializer: prop.object({ dataset: initializer(), model: initializer() }),
      labels: prop.map(prop.string()),
      managedBy: withRules(prop.string({ default: 'trainer.kubeflow.org/trainjob-controller' }), [
        {
          rule: "self in ['trainer.kubeflow.org/trainjob-controller', 'kueue.x-k8s.io/multikueue']",
          message: 'ManagedBy must be trainer.kubeflow.org/trainjob-controller or kueue.x-k8s.io/multikueue if set',
        },
        { rule: 'self == oldSelf', message: 'ManagedBy value is immutable' },
      ]),
      podTemplateOverrides: prop.array(podTemplateOverride(), { 'x-kubernetes-list-type': 'atomic' }),
      runtimeRef: withRules(
        prop.object(
          {
            apiGroup: prop.string({ default: GROUP }),
            kind: prop.string({ default: 'ClusterTrainingRuntime' }),
            name: prop.string({ minLength: 1 }),
          },
          { required: ['name'] },
        ),
        [{ rule: 'self == oldSelf', message: 'runtimeRef is immutable' }],
      ),
      suspend: prop.boolean({ default: false }),
      trainer: prop.object({
        args: prop.array(prop.string(), { 'x-kubernetes-list-type': 'atomic' }),
        command: prop.array(prop.string(), { 'x-kubernetes-list-type': 'atomic' }),
        env: envList(),
        image: prop.string(),
        numNodes: prop.int32(),
        numProcPerNode: prop.intOrString(),
        resourcesPerNode: prop.k8s('ResourceRequirements', quiet),
      }),
    },
    { required: ['runtimeRef'] },
  );
  const status = {
    ...prop.object({
      conditions: conditionsSchema(),
      jobsStatus: prop.array(
        prop.object(
          { ...jobCounters({ minimum: 0 }), name: prop.string({ minLength: 1 }) },
          {
            required: ['active', 'failed', 'name', 'ready', 'succeeded', 'suspended'],
          },
        ),
        listMap('name'),
      ),
    }),
    minProperties: 1,
  };
  return withRules(resourceSchema({ spec, status }), [
    { rule: "self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$')", message: 'metadata.name must match RFC 1035 DNS label format' },
    { rule: 'size(self.metadata.name) <= 63', message: 'metadata.name must be no more than 63 characters' },
  ]);
}

const controllerGen = (version: string) => ({ 'controller-gen.kubebuilder.io/version': version });

/** Trainer's three kinds: TrainJob, and the namespaced and cluster-wide runtimes it starts from. */
export function trainerCrds(scope: Construct): void {
  for (const [id, kind, sc] of [
    ['clustertrainingruntimes', 'ClusterTrainingRuntime', 'Cluster'],
    ['trainingruntimes', 'TrainingRuntime', 'Namespaced'],
  ] as const) {
    new CustomResourceDefinition(scope, id, {
      group: GROUP,
      kind,
      scope: sc,
      annotations: controllerGen('v0.18.0'),
      versions: [{ name: 'v1alpha1', storage: true, schema: runtimeSchema() }],
    });
  }
  new CustomResourceDefinition(scope, 'trainjobs', {
    group: GROUP,
    kind: 'TrainJob',
    scope: 'Namespaced',
    annotations: controllerGen('v0.18.0'),
    versions: [
      {
        name: 'v1alpha1',
        storage: true,
        schema: trainJobSchema(),
        subresources: { status: true },
        additionalPrinterColumns: [
          { name: 'State', type: 'string', jsonPath: '.status.conditions[-1:].type' },
          { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
        ],
      },
    ],
  });
}

/** JobSet (jobset.x-k8s.io): converted by the JobSet webhook, whose CA the controller injects itself. */
export function jobSetCrd(scope: Construct, namespace: string, webhookService: string): void {
  new CustomResourceDefinition(scope, 'jobsets', {
    group: 'jobset.x-k8s.io',
    kind: 'JobSet',
    scope: 'Namespaced',
    annotations: { ...controllerGen('v0.17.2'), 'cert-manager.io/inject-ca-from': '$(CERTIFICATE_NAMESPACE)/$(CERTIFICATE_NAME)' },
    conversion: {
      strategy: 'Webhook',
      webhook: { clientConfig: { service: { name: webhookService, namespace, path: '/convert' } }, conversionReviewVersions: ['v1'] },
    },
    versions: [
      {
        name: 'v1alpha2',
        storage: true,
        subresources: { status: true },
        schema: resourceSchema({ spec: jobSetSpec(), status: jobSetStatus() }),
        additionalPrinterColumns: [
          { name: 'TerminalState', type: 'string', jsonPath: '.status.terminalState', description: 'Final state of JobSet' },
          { name: 'Restarts', type: 'string', jsonPath: '.status.restarts', description: 'Number of restarts' },
          { name: 'Completed', type: 'string', jsonPath: '.status.conditions[?(@.type=="Completed")].status' },
          { name: 'Suspended', type: 'string', jsonPath: '.spec.suspend', description: 'JobSet suspended' },
          { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', description: 'Time this JobSet was created' },
        ],
      },
    ],
  });
}
