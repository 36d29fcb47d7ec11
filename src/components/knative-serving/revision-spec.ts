import { k8sSchema, prop, type CrdSchema } from '../../core/crd/index.js';

/**
 * The pod template Knative accepts in a Revision: a subset of the Kubernetes PodSpec and Container,
 * embedded from the Kubernetes 1.33 types of cdk8s-plus-33 (without descriptions, to keep three
 * copies of it small). Fields that sit behind a `config-features` flag are open objects, as Knative
 * ships them: the webhook checks them against the flags, the schema keeps them as given.
 */
type Pick = true | 'open' | { [field: string]: Pick };

const quiet = { descriptions: false } as const;

/** Keeps the listed fields of an object schema (recursing into arrays and maps). */
function pick(schema: CrdSchema, tree: Pick): CrdSchema {
  if (tree === true) return schema;
  if (tree === 'open') {
    return schema.type === 'array'
      ? { ...schema, items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } }
      : {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
          ...(schema.description ? { description: schema.description } : {}),
        };
  }
  if (schema.type === 'array' && schema.items) return { ...schema, items: pick(schema.items, tree) };
  const properties: Record<string, CrdSchema> = {};
  for (const [field, sub] of Object.entries(tree)) {
    const s = schema.properties?.[field];
    if (!s) throw new Error(`revision spec: no field '${field}' in the Kubernetes schema`);
    properties[field] = pick(s, sub);
  }
  const { required: all, ...rest } = schema;
  const required = (all ?? []).filter((r) => r in properties);
  return { ...rest, properties, ...(required.length ? { required } : {}) };
}

const probe: Pick = {
  exec: true,
  failureThreshold: true,
  grpc: true,
  httpGet: true,
  initialDelaySeconds: true,
  periodSeconds: true,
  successThreshold: true,
  tcpSocket: true,
  timeoutSeconds: true,
};
const securityContext: Pick = {
  allowPrivilegeEscalation: true,
  capabilities: true,
  privileged: true,
  readOnlyRootFilesystem: true,
  runAsGroup: true,
  runAsNonRoot: true,
  runAsUser: true,
  seccompProfile: true,
};
const container: Pick = {
  args: true,
  command: true,
  env: { name: true, value: true, valueFrom: { configMapKeyRef: true, fieldRef: 'open', resourceFieldRef: 'open', secretKeyRef: true } },
  envFrom: true,
  image: true,
  imagePullPolicy: true,
  livenessProbe: probe,
  name: true,
  ports: { containerPort: true, name: true, protocol: true },
  readinessProbe: probe,
  resources: { limits: true, requests: true },
  securityContext,
  startupProbe: probe,
  terminationMessagePath: true,
  terminationMessagePolicy: true,
  volumeMounts: { mountPath: true, mountPropagation: true, name: true, readOnly: true, subPath: true },
  workingDir: true,
};
const podSpec: Pick = {
  affinity: 'open',
  automountServiceAccountToken: true,
  containers: container,
  dnsConfig: 'open',
  dnsPolicy: true,
  enableServiceLinks: true,
  hostAliases: 'open',
  hostIPC: true,
  hostNetwork: true,
  hostPID: true,
  imagePullSecrets: true,
  initContainers: 'open',
  nodeSelector: true,
  priorityClassName: true,
  runtimeClassName: true,
  schedulerName: true,
  securityContext: 'open',
  serviceAccountName: true,
  shareProcessNamespace: true,
  tolerations: 'open',
  topologySpreadConstraints: 'open',
  volumes: {
    configMap: true,
    csi: 'open',
    emptyDir: 'open',
    hostPath: 'open',
    image: 'open',
    name: true,
    persistentVolumeClaim: 'open',
    projected: true,
    secret: true,
  },
};

/** Knative's own lists are applied as maps keyed like Kubernetes' (env by name, mounts by path, …). */
const listMap = (s: CrdSchema, ...keys: string[]): CrdSchema => ({
  ...s,
  'x-kubernetes-list-type': 'map',
  'x-kubernetes-list-map-keys': keys,
});

/**
 * Server-side-apply markers of the Kubernetes API (`+listType=atomic` lists, `+default=""` names of
 * embedded object references) that the cdk8s-plus-33 assembly does not carry, on the fields Knative keeps.
 */
const ATOMIC_LISTS = new Set(['args', 'command', 'envFrom', 'httpHeaders', 'add', 'drop', 'items', 'sources']);
function applyMarkers(s: CrdSchema): CrdSchema {
  for (const [k, x] of Object.entries(s.properties ?? {})) {
    if (x.type === 'array' && ATOMIC_LISTS.has(k) && !x['x-kubernetes-list-type']) x['x-kubernetes-list-type'] = 'atomic';
    if (k === 'name' && x.type === 'string' && s['x-kubernetes-map-type'] === 'atomic') x.default = '';
    if ((k === 'fieldRef' || k === 'resourceFieldRef') && x['x-kubernetes-preserve-unknown-fields']) x['x-kubernetes-map-type'] = 'atomic';
    if (k === 'grpc' && x.properties?.service) x.properties.service.default = '';
    applyMarkers(x);
  }
  if (s.items) applyMarkers(s.items);
  return s;
}

/** RevisionSpec: the pod template plus Knative's per-revision settings. */
export function revisionSpec(): CrdSchema {
  const spec = applyMarkers(structuredClone(pick(k8sSchema('PodSpec', quiet), podSpec)));
  const p = spec.properties!;
  const c = p.containers!.items!.properties!;
  c.env = listMap(c.env!, 'name');
  c.volumeMounts = listMap(c.volumeMounts!, 'mountPath');
  p.imagePullSecrets = listMap(p.imagePullSecrets!, 'name');
  p.volumes = listMap(p.volumes!, 'name');
  return {
    ...spec,
    description: "The revision's pod template (a subset of the Kubernetes PodSpec) and its request settings.",
    properties: {
      ...p,
      containerConcurrency: prop.int64('Most requests one container takes at a time; 0 is no limit.'),
      idleTimeoutSeconds: prop.int64('Longest time a request may go without response bytes.'),
      responseStartTimeoutSeconds: prop.int64('Longest time until the first response byte.'),
      timeoutSeconds: prop.int64('Longest time a request may take.'),
    },
    required: ['containers'],
  };
}

/** The template of a Configuration or Service: the revision's metadata (its labels and annotations) and spec. */
export function revisionTemplate(): CrdSchema {
  const meta = k8sSchema('ObjectMeta', quiet);
  const keep = ['annotations', 'finalizers', 'labels', 'name', 'namespace'];
  return prop.object(
    {
      metadata: {
        type: 'object',
        'x-kubernetes-preserve-unknown-fields': true,
        properties: Object.fromEntries(keep.map((k) => [k, meta.properties![k]!])),
      },
      spec: revisionSpec(),
    },
    'The revision to create: each change of the template creates a new Revision.',
  );
}
