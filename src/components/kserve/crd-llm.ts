import { prop, resourceSchema, type CrdSchema } from '../../core/crd/index.js';
import { addressable, gw, inferencePoolSpec, knativeStatus, podSpec } from './crd-schemas.js';

/** A Gateway API HTTPRoute spec (v1), as LLMInferenceService embeds it for its route. */
function httpRouteSpec(): CrdSchema {
  const header = (valueMax: number, withType: boolean) =>
    prop.object(
      {
        name: prop.string({ maxLength: 256, minLength: 1, pattern: "^[A-Za-z0-9!#$%&'*+\\-.^_\\x60|~]+$" }),
        ...(withType ? { type: prop.enum(['Exact', 'RegularExpression'], { default: 'Exact' }) } : {}),
        value: prop.string({ maxLength: valueMax, minLength: 1 }),
      },
      { required: ['name', 'value'] },
    );
  const byName = { 'x-kubernetes-list-type': 'map' as const, 'x-kubernetes-list-map-keys': ['name'], maxItems: 16 };
  const headerModifier = () =>
    prop.object({
      add: prop.array(header(4096, false), byName),
      remove: prop.array(prop.string(), { 'x-kubernetes-list-type': 'set', maxItems: 16 }),
      set: prop.array(header(4096, false), byName),
    });
  const pathModifier = () =>
    prop.object(
      {
        replaceFullPath: prop.string({ maxLength: 1024 }),
        replacePrefixMatch: prop.string({ maxLength: 1024 }),
        type: prop.enum(['ReplaceFullPath', 'ReplacePrefixMatch']),
      },
      { required: ['type'] },
    );
  const backendRef = (extra: Record<string, CrdSchema> = {}) =>
    prop.object(
      {
        group: gw.group(''),
        kind: gw.kind('Service'),
        name: gw.name(),
        namespace: gw.namespace(),
        port: gw.port(),
        ...extra,
      },
      { required: ['name'] },
    );
  const filter = () =>
    prop.object(
      {
        extensionRef: prop.object({ group: gw.group(), kind: gw.kind(), name: gw.name() }, { required: ['group', 'kind', 'name'] }),
        requestHeaderModifier: headerModifier(),
        requestMirror: prop.object(
          {
            backendRef: backendRef(),
            fraction: prop.object(
              { denominator: prop.int32({ default: 100, minimum: 1 }), numerator: prop.int32({ minimum: 0 }) },
              { required: ['numerator'] },
            ),
            percent: prop.int32({ minimum: 0, maximum: 100 }),
          },
          { required: ['backendRef'] },
        ),
        requestRedirect: prop.object({
          hostname: gw.hostname(),
          path: pathModifier(),
          port: gw.port(),
          scheme: prop.enum(['http', 'https']),
          statusCode: { type: 'integer', enum: [301, 302], default: 302 },
        }),
        responseHeaderModifier: headerModifier(),
        type: prop.enum([
          'RequestHeaderModifier',
          'ResponseHeaderModifier',
          'RequestMirror',
          'RequestRedirect',
          'URLRewrite',
          'ExtensionRef',
        ]),
        urlRewrite: prop.object({ hostname: gw.hostname(), path: pathModifier() }),
      },
      { required: ['type'] },
    );
  const filters = () => prop.array(filter(), { maxItems: 16 });
  const rootPath = { type: 'PathPrefix', value: '/' };
  const match = prop.object({
    headers: prop.array(header(4096, true), byName),
    method: prop.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']),
    path: {
      ...prop.object({
        type: prop.enum(['Exact', 'PathPrefix', 'RegularExpression'], { default: 'PathPrefix' }),
        value: prop.string({ default: '/', maxLength: 1024 }),
      }),
      default: rootPath,
    },
    queryParams: prop.array(header(1024, true), byName),
  });
  const rule = prop.object({
    backendRefs: prop.array(backendRef({ filters: filters(), weight: prop.int32({ default: 1, minimum: 0, maximum: 1000000 }) }), {
      maxItems: 16,
    }),
    filters: filters(),
    matches: prop.array(match, { default: [{ path: rootPath }], maxItems: 64 }),
    name: gw.hostname(),
    retry: prop.object({
      attempts: prop.integer(),
      backoff: gw.duration(),
      codes: prop.array(prop.integer({ minimum: 400, maximum: 599 })),
    }),
    sessionPersistence: prop.object({
      absoluteTimeout: gw.duration(),
      cookieConfig: prop.object({ lifetimeType: prop.enum(['Permanent', 'Session'], { default: 'Session' }) }),
      idleTimeout: gw.duration(),
      sessionName: prop.string({ maxLength: 128 }),
      type: prop.enum(['Cookie', 'Header'], { default: 'Cookie' }),
    }),
    timeouts: prop.object({ backendRequest: gw.duration(), request: gw.duration() }),
  });
  return prop.object({
    hostnames: prop.array(
      prop.string({ maxLength: 253, minLength: 1, pattern: '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$' }),
      { maxItems: 16 },
    ),
    parentRefs: prop.array(
      prop.object(
        {
          group: gw.group('gateway.networking.k8s.io'),
          kind: gw.kind('Gateway'),
          name: gw.name(),
          namespace: gw.namespace(),
          port: gw.port(),
          sectionName: gw.hostname(),
        },
        { required: ['name'] },
      ),
      { maxItems: 32 },
    ),
    rules: prop.array(rule, { default: [{ matches: [{ path: rootPath }] }], maxItems: 16 }),
  });
}

const localRef = () => prop.object({ name: prop.string({ default: '' }) });
const atomicRef = (): CrdSchema => ({ ...localRef(), 'x-kubernetes-map-type': 'atomic' });
const namespacedRefs = () =>
  prop.object({
    refs: prop.array(prop.object({ name: gw.name(), namespace: gw.namespace() })),
  });

const parallelism = (): CrdSchema =>
  prop.object({
    data: prop.int32({ minimum: 1 }),
    dataLocal: prop.int32({ minimum: 1 }),
    dataRPCPort: prop.int32({ minimum: 1, maximum: 65535 }),
    expert: prop.boolean(),
    pipeline: prop.int32({ minimum: 1 }),
    tensor: prop.int32({ minimum: 1 }),
  });

/** The spec LLMInferenceService and LLMInferenceServiceConfig share (the config is its reusable base). */
export function llmSpec(): CrdSchema {
  const workload = () => ({ parallelism: parallelism(), replicas: prop.int32({ minimum: 0 }), template: podSpec(), worker: podSpec() });
  return prop.object({
    baseRefs: prop.array(atomicRef()),
    model: prop.object(
      {
        criticality: prop.enum(['Critical', 'Standard', 'Sheddable']),
        lora: prop.object({ adapters: { 'x-kubernetes-preserve-unknown-fields': true } }),
        name: prop.string(),
        uri: prop.string(),
      },
      { required: ['uri'] },
    ),
    ...workload(),
    prefill: prop.object(workload()),
    router: prop.object({
      gateway: namespacedRefs(),
      ingress: namespacedRefs(),
      route: prop.object({ http: prop.object({ refs: prop.array(atomicRef()), spec: httpRouteSpec() }) }),
      scheduler: prop.object({
        pool: prop.object({ ref: atomicRef(), spec: inferencePoolSpec() }),
        template: podSpec(),
      }),
    }),
  });
}

export const llmInferenceServiceSchema = (): CrdSchema =>
  resourceSchema({
    spec: llmSpec(),
    status: prop.object({
      ...knativeStatus(),
      addresses: prop.array(addressable()),
    }),
  });

export const llmInferenceServiceConfigSchema = (): CrdSchema => resourceSchema({ spec: llmSpec() });
