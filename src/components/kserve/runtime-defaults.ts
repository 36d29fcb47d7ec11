/**
 * The ClusterServingRuntimes KServe 0.16 installs, as the default of the `runtimes` value: image,
 * arguments and model formats of each serving runtime.
 */
const TAG = 'v0.16.0';
const standardResources = { limits: { cpu: '1', memory: '2Gi' }, requests: { cpu: '1', memory: '2Gi' } };
const restricted = (runAsUser?: number) => ({
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  privileged: false,
  runAsNonRoot: true,
  ...(runAsUser !== undefined ? { runAsUser } : {}),
});
const prometheus = (port: number) => ({ 'prometheus.kserve.io/path': '/metrics', 'prometheus.kserve.io/port': String(port) });
const format = (name: string, version: string, priority?: number) =>
  priority === undefined ? { name, version } : { autoSelect: true, name, priority, version };
const modelServerArgs = (...extra: string[]) => ['--model_name={{.Name}}', '--model_dir=/mnt/models', '--http_port=8080', ...extra];
const fieldEnv = (name: string, fieldPath: string) => ({ name, valueFrom: { fieldRef: { fieldPath } } });

/** A runtime of KServe's own Python model servers (kserve/<server>:v0.16.0). */
const kserveServer = (name: string, server: string, formats: object[], args: string[], protocols = ['v1', 'v2']) => ({
  name,
  annotations: prometheus(8080),
  supportedModelFormats: formats,
  protocolVersions: protocols,
  container: { image: `kserve/${server}:${TAG}`, args, resources: standardResources, securityContext: restricted() },
});

/** Probes of the multi-node Hugging Face runtime, each running the server's own health check script. */
const exec = (script: string) => ({ exec: { command: ['bash', '-c', script] } });
const probe = (script: string) => ({ ...exec(script), failureThreshold: 2, periodSeconds: 5, successThreshold: 1, timeoutSeconds: 15 });
const startup = (script: string) => ({
  ...exec(script),
  failureThreshold: 40,
  initialDelaySeconds: 60,
  periodSeconds: 30,
  successThreshold: 1,
  timeoutSeconds: 30,
});
const HEALTH = 'python ./huggingfaceserver/health_check.py';
const HEAD_ADDRESS = '${HEAD_SVC}.${POD_NAMESPACE}.svc.cluster.local';
const multinodeResources = { limits: { cpu: '4', memory: '12Gi' }, requests: { cpu: '2', memory: '6Gi' } };
const shm = { emptyDir: { medium: 'Memory', sizeLimit: '3Gi' }, name: 'shm' };
const shmMount = { mountPath: '/dev/shm', name: 'shm' };

/**
 * The start scripts of the multi-node runtime are written here (upstream's are not copied): the
 * same steps, in our words. The head starts Ray, waits until the workers have joined (the server's
 * health check tool), then serves the model with vLLM across the Ray cluster; `bash -c` passes the
 * runtime's args as `$0 $@`.
 */
const HEAD_SCRIPT = `# kubeflow-cdk8s: Ray head of a multi-node vLLM runtime
model="\${MODEL_DIR:-\${MODEL_ID:-}}"
export RAY_ADDRESS="\${POD_IP}:\${RAY_PORT}"
ray start --head --port="\${RAY_PORT}" --disable-usage-stats --include-dashboard false
${HEALTH} registered_nodes --retries 200 --probe_name runtime_start
exec python -m huggingfaceserver \${model:+--model_dir="$model"} \\
  --tensor-parallel-size="\${TENSOR_PARALLEL_SIZE}" --pipeline-parallel-size="\${PIPELINE_PARALLEL_SIZE}" "$0" "$@"
`;

/** A worker: waits for the head's Ray control service to answer, then joins the cluster (blocking). */
const WORKER_SCRIPT = `# kubeflow-cdk8s: Ray worker of a multi-node vLLM runtime
head="${HEAD_ADDRESS}:6379"
until ray health-check --address "$head" >/dev/null 2>&1; do
  echo "Ray head $head not ready after \${SECONDS}s; retrying in 5s"
  sleep 5
done
exec ray start --address="$head" --block
`;

const huggingfaceMultinode = {
  name: 'kserve-huggingfaceserver-multinode',
  annotations: prometheus(8080),
  supportedModelFormats: [format('huggingface', '1', 2)],
  protocolVersions: ['v2', 'v1'],
  container: {
    image: `kserve/huggingfaceserver:${TAG}-gpu`,
    command: ['bash', '-c', HEAD_SCRIPT],
    args: ['--model_name={{.Name}}'],
    env: [
      { name: 'RAY_PORT', value: '6379' },
      fieldEnv('POD_NAMESPACE', 'metadata.namespace'),
      fieldEnv('POD_IP', 'status.podIP'),
      { name: 'VLLM_CONFIG_ROOT', value: '/tmp' },
      { name: 'HF_HUB_CACHE', value: '/tmp' },
    ],
    resources: multinodeResources,
    volumeMounts: [shmMount],
    livenessProbe: probe(
      `${HEALTH} registered_node_and_runtime_health --health_check_url http://localhost:8080 --probe_name head_liveness\n`,
    ),
    readinessProbe: probe(`${HEALTH} runtime_health --health_check_url http://localhost:8080 --probe_name head_readiness\n`),
    startupProbe: startup(
      `${HEALTH} registered_node_and_runtime_health --health_check_url http://localhost:8080 --probe_name head_startup\n`,
    ),
  },
  volumes: [shm],
  workerSpec: {
    containers: [
      {
        name: 'worker-container',
        image: `kserve/huggingfaceserver:${TAG}-gpu`,
        command: ['bash', '-c', WORKER_SCRIPT],
        env: [fieldEnv('POD_NAME', 'metadata.name'), fieldEnv('POD_NAMESPACE', 'metadata.namespace')],
        resources: multinodeResources,
        volumeMounts: [shmMount],
        livenessProbe: probe(`export RAY_ADDRESS=${HEAD_ADDRESS}:6379\n${HEALTH} registered_nodes --probe_name worker_liveness\n`),
        startupProbe: startup(
          `export RAY_HEAD_NODE=${HEAD_ADDRESS}\nexport RAY_ADDRESS=\${RAY_HEAD_NODE}:6379\n${HEALTH} registered_node_and_runtime_models --runtime_url http://\${RAY_HEAD_NODE}:8080/v1/models --probe_name worker_startup\n`,
        ),
      },
    ],
    pipelineParallelSize: 1,
    tensorParallelSize: 1,
    volumes: [shm],
  },
};

export const DEFAULT_RUNTIMES: Record<string, unknown>[] = [
  {
    name: 'kserve-huggingfaceserver',
    annotations: prometheus(8080),
    supportedModelFormats: [format('huggingface', '1', 1)],
    protocolVersions: ['v2', 'v1'],
    hostIPC: 'false',
    container: {
      image: `kserve/huggingfaceserver:${TAG}`,
      args: ['--model_name={{.Name}}'],
      env: [{ name: 'LMCACHE_USE_EXPERIMENTAL', value: 'True' }],
      resources: standardResources,
      securityContext: restricted(),
      volumeMounts: [{ mountPath: '/dev/shm', name: 'devshm' }],
    },
    volumes: [{ emptyDir: { medium: 'Memory' }, name: 'devshm' }],
  },
  huggingfaceMultinode,
  kserveServer('kserve-lgbserver', 'lgbserver', [format('lightgbm', '3', 1)], modelServerArgs('--nthread=1')),
  {
    name: 'kserve-mlserver',
    annotations: prometheus(8080),
    supportedModelFormats: [
      format('sklearn', '0', 2),
      format('sklearn', '1', 2),
      format('xgboost', '1', 2),
      format('xgboost', '2', 2),
      format('lightgbm', '3', 2),
      format('lightgbm', '4', 2),
      format('mlflow', '1', 1),
      format('mlflow', '2', 1),
    ],
    protocolVersions: ['v2'],
    container: {
      image: 'docker.io/seldonio/mlserver:1.5.0',
      env: [
        { name: 'MLSERVER_MODEL_IMPLEMENTATION', value: '{{.Labels.modelClass}}' },
        { name: 'MLSERVER_HTTP_PORT', value: '8080' },
        { name: 'MLSERVER_GRPC_PORT', value: '9000' },
        { name: 'MODELS_DIR', value: '/mnt/models' },
      ],
      resources: standardResources,
      securityContext: restricted(),
    },
  },
  kserveServer('kserve-paddleserver', 'paddleserver', [format('paddle', '2', 1)], modelServerArgs()),
  kserveServer('kserve-pmmlserver', 'pmmlserver', [format('pmml', '3', 1), format('pmml', '4', 1)], modelServerArgs()),
  kserveServer('kserve-sklearnserver', 'sklearnserver', [format('sklearn', '1', 1)], modelServerArgs()),
  {
    name: 'kserve-tensorflow-serving',
    annotations: prometheus(8080),
    supportedModelFormats: [format('tensorflow', '1', 2), format('tensorflow', '2', 2)],
    protocolVersions: ['v1', 'grpc-v1'],
    container: {
      image: 'tensorflow/serving:2.6.2',
      command: ['/usr/bin/tensorflow_model_server'],
      args: [
        '--model_name={{.Name}}',
        '--port=9000',
        '--rest_api_port=8080',
        '--model_base_path=/mnt/models',
        '--rest_api_timeout_in_ms=60000',
      ],
      resources: standardResources,
      securityContext: restricted(1000),
    },
  },
  {
    name: 'kserve-torchserve',
    annotations: prometheus(8082),
    supportedModelFormats: [format('pytorch', '1', 2)],
    protocolVersions: ['v1', 'v2', 'grpc-v2'],
    container: {
      image: 'pytorch/torchserve-kfs:0.9.0',
      args: ['torchserve', '--start', '--model-store=/mnt/models/model-store', '--ts-config=/mnt/models/config/config.properties'],
      env: [{ name: 'TS_SERVICE_ENVELOPE', value: '{{.Labels.serviceEnvelope}}' }],
      resources: standardResources,
      securityContext: restricted(1000),
    },
  },
  {
    name: 'kserve-tritonserver',
    annotations: prometheus(8002),
    supportedModelFormats: [
      format('tensorrt', '8', 1),
      format('tensorflow', '1', 1),
      format('tensorflow', '2', 1),
      format('onnx', '1', 1),
      format('pytorch', '1'),
      format('triton', '2', 1),
    ],
    protocolVersions: ['v2', 'grpc-v2'],
    container: {
      image: 'nvcr.io/nvidia/tritonserver:23.05-py3',
      args: ['tritonserver', '--model-store=/mnt/models', '--grpc-port=9000', '--http-port=8080', '--allow-grpc=true', '--allow-http=true'],
      resources: standardResources,
      securityContext: restricted(1000),
    },
  },
  kserveServer('kserve-xgbserver', 'xgbserver', [format('xgboost', '1', 1)], modelServerArgs('--nthread=1')),
];
