import type { ComponentInfo } from '../../core/component.js';
import { DEFAULT_RUNTIMES } from './runtime-defaults.js';
import { values } from './values.js';

/** Small requests and limits for an edge device: what the controller and single-node models need to start. */
const edgeRuntimeResources = { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '100m', memory: '256Mi' } };
const edgeRuntimes = DEFAULT_RUNTIMES.filter((r) => r.name !== 'kserve-huggingfaceserver-multinode').map((r) => ({
  ...r,
  container: { ...(r.container as Record<string, unknown>), resources: edgeRuntimeResources },
}));

export const info: ComponentInfo<typeof values> = {
  name: 'kserve',
  description: 'KServe model serving: InferenceService, LLMInferenceService and local model cache controllers, serving runtimes and CRDs.',
  appVersion: 'v0.16.0',
  values,
  keywords: ['kserve', 'serving', 'inference'],
  // Serverless (the default) runs InferenceServices as Knative Services behind Istio; RawDeployment needs neither
  requires: [
    'cert-manager',
    { component: 'knative-serving', when: { deploymentMode: 'Serverless' } },
    { component: 'istio-install', when: { deploymentMode: 'Serverless' } },
  ],
  parityMinimum: {
    share: 0.96,
    reason:
      "Below the 98 % the issue asks, because two objects must differ under the project's rule that no upstream code or prose is carried as data: `inferenceservice-config` leaves out upstream's `_example` documentation, and the multi-node runtime's Ray start scripts are written here. Every other object is upstream's; both are declared.",
  },
  deviations: [
    {
      object: 'ClusterServingRuntime/kserve-huggingfaceserver-multinode',
      reason:
        "The head and worker start scripts are written here, not copied from upstream: the same steps (the head starts Ray, waits for the workers with the server's health check, then serves with vLLM across the Ray cluster; a worker waits for the head's Ray to answer, then joins it). They are part of the `runtimes` value: supply your own script there.",
    },
    {
      object: 'ConfigMap/inferenceservice-config',
      reason:
        "Every entry is a JSON document generated from typed values (sorted keys, two-space indent); upstream's `_example` entry (documentation prose) is left out.",
    },
    {
      object: 'CustomResourceDefinition/*',
      reason:
        "Schemas are built with the CRD builder without descriptions: with them the 13 CRDs are 3.4 MB and the chart's stored release would not fit Helm's 1 MiB Secret. CEL validation rules of the embedded Gateway API HTTPRoute are left out.",
    },
  ],
  presets: {
    'raw-deployment': {
      description: 'InferenceServices as plain Deployments (RawDeployment): no Knative Serving or Istio needed.',
      values: { deploymentMode: 'RawDeployment' },
    },
    edge: {
      description:
        'KServe on a small device: raw deployments (no Knative or Istio), no LLMInferenceService or local model controllers, no multi-node runtime, small resources.',
      values: {
        deploymentMode: 'RawDeployment',
        controller: { resources: { limits: { cpu: '100m', memory: '200Mi' }, requests: { cpu: '50m', memory: '100Mi' } } },
        llmisvc: { enabled: false },
        localModel: { controller: false },
        storageInitializer: { cpuRequest: '50m', memoryRequest: '64Mi' },
        agent: { cpuRequest: '50m', memoryRequest: '64Mi' },
        logger: { cpuRequest: '50m', memoryRequest: '64Mi' },
        inferenceServiceResources: { cpuRequest: '100m', cpuLimit: '1', memoryRequest: '256Mi', memoryLimit: '1Gi' },
        runtimes: edgeRuntimes,
        storageContainer: { resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '50m', memory: '64Mi' } } },
      },
    },
  },
};
