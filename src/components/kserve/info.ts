import type { ComponentInfo } from '../../core/component.js';
import type { k8s } from 'cdk8s-plus-33';
import { DEFAULT_RUNTIMES } from './runtime-defaults.js';
import { values } from './values.js';

/** Small requests and limits for an edge device: what the controller and single-node models need to start. */
const edgeRuntimeResources = { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '100m', memory: '256Mi' } };
/** Values are plain data; `v.resources` is typed as the construct reads it (Quantity), hence the cast. */
const quantities = (r: Record<'limits' | 'requests', Record<string, string>>) => r as unknown as k8s.ResourceRequirements;
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
  // Serverless mode (the default) needs Knative Serving and Istio; raw deployment mode needs neither.
  // Neither exists as a component of this branch yet, so only cert-manager's role is stated in the README.
  // Serverless (the default) runs InferenceServices as Knative Services behind Istio; RawDeployment needs neither
  requires: [
    'cert-manager',
    { component: 'knative-serving', when: { deploymentMode: 'Serverless' } },
    { component: 'istio-install', when: { deploymentMode: 'Serverless' } },
  ],
  deviations: [
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
        controller: { resources: quantities({ limits: { cpu: '100m', memory: '200Mi' }, requests: { cpu: '50m', memory: '100Mi' } }) },
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
