import { prop, type CrdSchema } from '../../core/crd/index.js';

/**
 * Sub-schemas the KServe CRDs share, written once. Descriptions are left out: with them the 13 CRDs
 * are 3.4 MB and the chart's stored release would pass Helm's 1 MiB Secret (declared deviation).
 * Embedded ObjectMeta stays `type: object`, as KServe's controller-gen emits it.
 */
export const quiet = { descriptions: false, objectMeta: 'opaque' } as const;

const props = (s: CrdSchema): Record<string, CrdSchema> => ({ ...(s.properties ?? {}) });
const omit = (s: CrdSchema, keys: string[]): Record<string, CrdSchema> =>
  Object.fromEntries(Object.entries(props(s)).filter(([k]) => !keys.includes(k)));
const pickKeys = (s: CrdSchema, keys: string[]): Record<string, CrdSchema> =>
  Object.fromEntries(Object.entries(props(s)).filter(([k]) => keys.includes(k)));

export const stringMap = (): CrdSchema => prop.map(prop.string());
export const podSpec = (): CrdSchema => prop.k8s('PodSpec', quiet);
const container = (): CrdSchema => prop.k8s('Container', quiet);

/** A Container whose fields sit inline next to others (Go struct embedding): no field is required. */
export const containerFields = (): Record<string, CrdSchema> => props(container());

/** Where a model's files are: a key of the storage secret, a path and parameters. */
export const storageSpec = (): CrdSchema =>
  prop.object({
    key: prop.string(),
    parameters: stringMap(),
    path: prop.string(),
    schemaPath: prop.string(),
  });

/** Knative's condition (apis.Condition), used by KServe's status types. */
export const knativeCondition = (): CrdSchema =>
  prop.object(
    {
      lastTransitionTime: prop.string(),
      message: prop.string(),
      reason: prop.string(),
      severity: prop.string(),
      status: prop.string(),
      type: prop.string(),
    },
    { required: ['status', 'type'] },
  );

/** Knative's Addressable. */
export const addressable = (): CrdSchema =>
  prop.object({
    CACerts: prop.string(),
    audience: prop.string(),
    name: prop.string(),
    url: prop.string(),
  });

/** The status every KServe resource with Knative-style conditions reports. */
export const knativeStatus = (extra: Record<string, CrdSchema> = {}): Record<string, CrdSchema> => ({
  address: addressable(),
  annotations: stringMap(),
  conditions: prop.array(knativeCondition()),
  observedGeneration: prop.int64(),
  url: prop.string(),
  ...extra,
});

// Gateway API name formats.
const DNS_SUBDOMAIN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
export const gw = {
  group: (def?: string) => prop.string({ maxLength: 253, pattern: `^$|${DNS_SUBDOMAIN}`, ...(def !== undefined ? { default: def } : {}) }),
  kind: (def?: string) =>
    prop.string({
      maxLength: 63,
      minLength: 1,
      pattern: '^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$',
      ...(def !== undefined ? { default: def } : {}),
    }),
  name: () => prop.string({ maxLength: 253, minLength: 1 }),
  namespace: () => prop.string({ maxLength: 63, minLength: 1, pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' }),
  port: () => prop.int32({ minimum: 1, maximum: 65535 }),
  duration: () => prop.string({ pattern: '^([0-9]{1,5}(h|m|s|ms)){1,4}$' }),
  hostname: () => prop.string({ maxLength: 253, minLength: 1, pattern: DNS_SUBDOMAIN }),
};

/** The InferencePool spec (inference.networking.x-k8s.io), also embedded by LLMInferenceService's scheduler. */
export const inferencePoolSpec = (): CrdSchema =>
  prop.object(
    {
      extensionRef: prop.object(
        {
          failureMode: prop.enum(['FailOpen', 'FailClose'], { default: 'FailClose' }),
          group: gw.group(''),
          kind: gw.kind('Service'),
          name: gw.name(),
          portNumber: gw.port(),
        },
        { required: ['name'] },
      ),
      selector: prop.map(prop.string({ maxLength: 63, minLength: 0, pattern: '^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$' })),
      targetPortNumber: gw.port(),
    },
    { required: ['extensionRef', 'selector', 'targetPortNumber'] },
  );

/** Fields of the pod a ServingRuntime describes (a subset of PodSpec, plus labels and annotations). */
export const servingRuntimePodFields = (): Record<string, CrdSchema> => ({
  ...pickKeys(podSpec(), ['affinity', 'containers', 'hostIPC', 'imagePullSecrets', 'nodeSelector', 'tolerations', 'volumes']),
  annotations: stringMap(),
  labels: stringMap(),
});

export const tolerations = (): CrdSchema => prop.k8sList('Toleration', quiet);

/** PodSpec without the fields an InferenceService component does not take. */
export const componentPodFields = (): Record<string, CrdSchema> => omit(podSpec(), ['ephemeralContainers']);
export { omit, pickKeys };
