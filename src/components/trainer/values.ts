import { LABEL_VALUE, s, resourceRequirementsSchema } from '../../core/schema.js';
import { v } from '../../core/values.js';
import { scheduling } from '../../lib/k8s-values.js';

/** One cluster training runtime as a platform team declares it. */
export interface RuntimeValue {
  name: string;
  framework: string;
  image: string;
  policy?: 'torch' | 'mpi';
  numNodes?: number;
  numProcPerNode: number | string;
  command?: string[];
  args?: string[];
  resources?: Record<string, unknown>;
  initializers?: { dataset: string; model: string };
}

export const runtimeSchema = s.object(
  {
    name: s.subdomain({ description: 'Runtime name (TrainJobs refer to it in `runtimeRef.name`).' }),
    framework: s.string({
      pattern: LABEL_VALUE,
      minLength: 1,
      maxLength: 63,
      description: 'Value of the `trainer.kubeflow.org/framework` label (torch, deepspeed, mlx, torchtune…).',
    }),
    image: s.imageRef({ description: 'Image of the training nodes (`[registry/]repository[:tag][@digest]`).' }),
    policy: s.enum(['torch', 'mpi']),
    numNodes: s.integer({ minimum: 1 }),
    numProcPerNode: {
      anyOf: [s.integer({ minimum: 1 }), s.enum(['auto', 'cpu', 'gpu'])],
      description: 'Processes per node: a number, or `auto`/`cpu`/`gpu` (torch).',
    },
    command: s.array(s.string()),
    args: s.array(s.string()),
    resources: resourceRequirementsSchema(),
    initializers: s.object(
      {
        dataset: s.line({ minLength: 1, description: 'Storage URI the dataset initializer downloads (e.g. `hf://tatsu-lab/alpaca`).' }),
        model: s.line({
          minLength: 1,
          description: 'Storage URI the model initializer downloads (e.g. `hf://Qwen/Qwen2.5-1.5B-Instruct`).',
        }),
      },
      ['dataset', 'model'],
      {
        description:
          'torch only: download a dataset and a model into a PVC named like the runtime (which you create) before the nodes start.',
      },
    ),
  },
  ['name', 'framework', 'image', 'numProcPerNode'],
);

/** The fields of one runtime, as the construct reads them (types and defaults of optional fields). */
export const runtimeItem = {
  name: v.subdomain('', 'Runtime name.', { optional: true }),
  framework: v.str('', 'Framework label.'),
  image: v.str('', 'Node image.'),
  policy: v.oneOf(['torch', 'mpi'], 'torch', 'Launch policy.'),
  numNodes: v.int(1, 'Nodes.'),
  numProcPerNode: v.obj<number | string>('auto', 'Processes per node.', { type: ['integer', 'string'] }),
  command: v.list<string>([], 'Command.', s.string(), { omitEmpty: true }),
  args: v.list<string>([], 'Arguments.', s.string(), { omitEmpty: true }),
  resources: v.obj<Record<string, unknown>>({}, 'Resources.', { type: 'object' }, { omitEmpty: true }),
  initializers: v.group('Initializers.', {
    dataset: v.str('', 'Dataset URI.'),
    model: v.str('', 'Model URI.'),
  }),
};

const TRAINER = 'ghcr.io/kubeflow/trainer';
const torchtune = (name: string, config: string, model: string, tokenizer: string[]): RuntimeValue => ({
  name: `torchtune-${name}`,
  framework: 'torchtune',
  image: `${TRAINER}/torchtune-trainer:v2.1.0`,
  numProcPerNode: 'auto',
  command: [
    'tune',
    'run',
    '--rdzv_endpoint=localhost:29500',
    'full_finetune_distributed',
    '--config',
    config,
    'dataset=torchtune.datasets.instruct_dataset',
    'dataset.source=parquet',
    'dataset.data_dir=/workspace/dataset/data',
    'output_dir=/workspace/output',
    ...tokenizer,
    'checkpointer.checkpoint_dir=/workspace/model',
  ],
  resources: { limits: { 'nvidia.com/gpu': 2 } },
  initializers: { dataset: 'hf://tatsu-lab/alpaca', model },
});
const llamaTokenizer = ['tokenizer.path=/workspace/model/original/tokenizer.model'];

/** Trainer v2.1.0's cluster training runtimes (upstream's manifests/base/runtimes). */
export const defaultRuntimes: RuntimeValue[] = [
  { name: 'deepspeed-distributed', framework: 'deepspeed', image: `${TRAINER}/deepspeed-runtime:v2.1.0`, policy: 'mpi', numProcPerNode: 1 },
  { name: 'mlx-distributed', framework: 'mlx', image: `${TRAINER}/mlx-runtime:v2.1.0`, policy: 'mpi', numProcPerNode: 1 },
  { name: 'torch-distributed', framework: 'torch', image: 'pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime', numProcPerNode: 'auto' },
  torchtune('llama3.2-1b', 'llama3_2/1B_full', 'hf://meta-llama/Llama-3.2-1B-Instruct', llamaTokenizer),
  torchtune('llama3.2-3b', 'llama3_2/3B_full', 'hf://meta-llama/Llama-3.2-3B-Instruct', llamaTokenizer),
  torchtune('qwen2.5-1.5b', 'qwen2_5/1.5B_full', 'hf://Qwen/Qwen2.5-1.5B-Instruct', [
    'tokenizer.path=/workspace/model/vocab.json',
    'tokenizer.merges_file=/workspace/model/merges.txt',
  ]),
];

export const values = {
  namespace: v.dnsLabel('kubeflow-system', 'Namespace of the Trainer and JobSet controllers.'),
  createNamespace: v.bool(
    false,
    'Create the namespace (standalone installs; inside Kubeflow the platform overlay leaves it to the cluster).',
  ),
  istio: v.group('Istio sidecars next to the controllers.', {
    excludeWebhookPort: v.bool(
      true,
      'Annotate the controller pods so the Istio sidecar lets the API server reach the webhook port 9443 directly (`traffic.sidecar.istio.io/excludeInboundPorts`).',
    ),
  }),
  kubeflowRoles: v.bool(
    true,
    "Aggregate TrainJob and TrainingRuntime rights into Kubeflow's kubeflow-admin/edit/view roles, and let every authenticated user read the cluster training runtimes.",
  ),
  crds: v.group('TrainJob, TrainingRuntime, ClusterTrainingRuntime and JobSet CustomResourceDefinitions.', {
    install: v.bool(true, 'Install the CRDs with the chart (kept on uninstall).'),
  }),
  manager: v.group('The Trainer controller manager (TrainJobs → JobSets).', {
    enabled: v.bool(true, 'Run the Trainer controller, its webhooks and RBAC.'),
    image: v.image(
      { registry: 'ghcr.io', repository: 'kubeflow/trainer/trainer-controller-manager', tag: 'v2.1.0', pullPolicy: undefined },
      'Trainer controller image. `pullPolicy` unset leaves the Kubernetes default (upstream sets none).',
    ),
    replicas: v.int(1, 'Controller replicas (leader election picks the active one).', { minimum: 0 }),
    logLevel: v.int(2, 'Verbosity of the controller log (`--zap-log-level`).', { minimum: 0 }),
    resources: v.resources({}, 'Resources of the controller container.'),
    podSeccompProfile: v.bool(
      true,
      'Set the RuntimeDefault seccomp profile on the controller pod as well as on its container (the platform overlay does).',
    ),
    ...scheduling(),
    trainJobConcurrency: v.int(5, 'TrainJobs reconciled in parallel (`controller.groupKindConcurrency`).', { minimum: 1 }),
    clientConnection: v.group("Rate limits of the controller's API client.", {
      qps: v.int(50, 'Queries per second.', { minimum: 1 }),
      burst: v.int(100, 'Burst above qps.', { minimum: 1 }),
    }),
  }),
  jobset: v.group('The JobSet controller that runs the JobSets TrainJobs become (shipped with Trainer).', {
    enabled: v.bool(true, 'Run the JobSet controller, its webhooks and RBAC.'),
    image: v.image(
      { registry: 'registry.k8s.io', repository: 'jobset/jobset', tag: 'v0.10.1', pullPolicy: undefined },
      'JobSet controller image. `pullPolicy` unset leaves the Kubernetes default.',
    ),
    replicas: v.int(1, 'Controller replicas (leader election picks the active one).', { minimum: 0 }),
    logLevel: v.int(2, 'Verbosity of the controller log (`--zap-log-level`).', { minimum: 0 }),
    resources: v.resources(
      { limits: { memory: '4Gi' }, requests: { cpu: '500m', memory: '128Mi' } },
      'Resources of the JobSet controller.',
    ),
    ...scheduling(),
  }),
  runtimes: v.group('Cluster training runtimes: the blueprints TrainJobs start from.', {
    enabled: v.bool(
      true,
      'Create the runtimes of `runtimes.list`. Their CRD and validating webhook come with the controller: on a fresh cluster install with this false, then upgrade with it true once the controller runs (as upstream applies overlays/manager before overlays/runtimes).',
    ),
    namespaceField: v.bool(
      true,
      'Write `metadata.namespace` into the (cluster-scoped) runtimes as the platform overlay does; the API server ignores it.',
    ),
    datasetInitializerImage: v.image(
      { registry: 'ghcr.io', repository: 'kubeflow/trainer/dataset-initializer', tag: 'v2.1.0' },
      "Image that downloads a runtime's dataset (`initializers.dataset`).",
    ),
    modelInitializerImage: v.image(
      { registry: 'ghcr.io', repository: 'kubeflow/trainer/model-initializer', tag: 'v2.1.0' },
      "Image that downloads a runtime's model (`initializers.model`).",
    ),
    list: v.list<RuntimeValue>(
      defaultRuntimes,
      "ClusterTrainingRuntimes to create. `policy: torch` runs torchrun on `numNodes` nodes; `policy: mpi` runs an OpenMPI launcher plus sshd nodes (DeepSpeed, MLX images). With `initializers`, dataset/model initializer jobs download into a PVC named like the runtime before the nodes start. Defaults: Trainer v2.1.0's runtimes.",
      runtimeSchema,
      { key: 'name' },
    ),
  }),
};
