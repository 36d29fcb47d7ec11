import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { QUANTITY_PATTERN } from '../schema.js';
import { ATOMIC_TYPES, FIELD_MARKERS } from './k8s-markers.js';
import type { CrdSchema } from './props.js';

/**
 * OpenAPI v3 schemas of Kubernetes types, generated from the jsii assembly of cdk8s-plus-33 (the
 * typed, machine-readable description of the Kubernetes 1.33 API that ships with the npm package),
 * so CRDs that embed Kubernetes types never carry copied schema text.
 */

interface JsiiTypeRef {
  primitive?: 'string' | 'number' | 'boolean' | 'any' | 'date' | 'json';
  fqn?: string;
  collection?: { kind: 'array' | 'map'; elementtype: JsiiTypeRef };
  union?: { types: JsiiTypeRef[] };
}
interface JsiiDocs {
  summary?: string;
  remarks?: string;
  custom?: { schema?: string };
}
interface JsiiProperty {
  name: string;
  optional?: boolean;
  type: JsiiTypeRef;
  docs?: JsiiDocs;
}
interface JsiiType {
  fqn: string;
  kind: 'interface' | 'class' | 'enum';
  name: string;
  properties?: JsiiProperty[];
  docs?: JsiiDocs;
}

const PREFIX = 'cdk8s-plus-33.k8s.';

let assembly: Record<string, JsiiType> | undefined;
function types(): Record<string, JsiiType> {
  if (!assembly) {
    const pkg = createRequire(import.meta.url).resolve('cdk8s-plus-33/package.json');
    assembly = (JSON.parse(readFileSync(join(dirname(pkg), '.jsii'), 'utf8')) as { types: Record<string, JsiiType> }).types;
  }
  return assembly;
}

/**
 * Integer fields that Kubernetes declares int64 (jsii only says "number"). Every other number
 * field of the embedded types is int32; the few floating-point ones are JSONSchemaProps bounds.
 */
const INT64 = new Set([
  'io.k8s.api.core.v1.SleepAction#seconds',
  'io.k8s.api.core.v1.Probe#terminationGracePeriodSeconds',
  'io.k8s.api.core.v1.SecurityContext#runAsGroup',
  'io.k8s.api.core.v1.SecurityContext#runAsUser',
  'io.k8s.api.core.v1.PodSecurityContext#fsGroup',
  'io.k8s.api.core.v1.PodSecurityContext#runAsGroup',
  'io.k8s.api.core.v1.PodSecurityContext#runAsUser',
  'io.k8s.api.core.v1.PodSecurityContext#supplementalGroups',
  'io.k8s.api.core.v1.PodSpec#activeDeadlineSeconds',
  'io.k8s.api.core.v1.PodSpec#terminationGracePeriodSeconds',
  'io.k8s.api.core.v1.Toleration#tolerationSeconds',
  'io.k8s.api.core.v1.ServiceAccountTokenProjection#expirationSeconds',
  'io.k8s.api.batch.v1.JobSpec#activeDeadlineSeconds',
  'io.k8s.api.batch.v1.CronJobSpec#startingDeadlineSeconds',
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta#deletionGracePeriodSeconds',
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta#generation',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Condition#observedGeneration',
  'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions#gracePeriodSeconds',
  ...['maxItems', 'maxLength', 'maxProperties', 'minItems', 'minLength', 'minProperties'].map(
    (f) => `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps#${f}`,
  ),
]);
const FLOAT = new Set(
  ['maximum', 'minimum', 'multipleOf'].map((f) => `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps#${f}`),
);

export interface K8sSchemaOptions {
  /** Keep descriptions (summary + remarks of the jsii docs). Default true. */
  readonly descriptions?: boolean;
  /**
   * How an ObjectMeta nested below the root is described: `embedded` (default) as controller-gen's
   * `generateEmbeddedObjectMeta` does (annotations, finalizers, labels, name, namespace), `opaque` as
   * a bare `type: object` (older controller-gen), `full` with every ObjectMeta field.
   */
  readonly objectMeta?: 'embedded' | 'opaque' | 'full';
}

const EMBEDDED_META = new Set(['annotations', 'finalizers', 'labels', 'name', 'namespace']);

export const intOrStringSchema = (): CrdSchema => ({
  anyOf: [{ type: 'integer' }, { type: 'string' }],
  'x-kubernetes-int-or-string': true,
});
export const quantitySchema = (): CrdSchema => ({
  anyOf: [{ type: 'integer' }, { type: 'string' }],
  pattern: QUANTITY_PATTERN,
  'x-kubernetes-int-or-string': true,
});

const describe = (d: JsiiDocs | undefined): string | undefined => {
  const text = [d?.summary, d?.remarks].filter((x) => x && x.trim()).join('\n\n');
  return text || undefined;
};

const cache = new Map<string, CrdSchema>();

/** The names of Kubernetes types the assembly describes (`PodSpec`, `Container`, …). */
export function k8sTypeNames(): string[] {
  return Object.values(types())
    .filter((t) => t.fqn.startsWith(PREFIX) && t.kind === 'interface')
    .map((t) => t.name);
}

/**
 * The OpenAPI v3 schema of a Kubernetes type, e.g. `k8sSchema('PodSpec')`, `k8sSchema('Toleration')`.
 * Property names are the API's JSON names (`hostIP`, `volumeID`, `$ref`), taken from each property's
 * `io.k8s…#field` reference; required fields are the non-optional ones. A fresh copy is returned.
 */
export function k8sSchema(name: string, opts: K8sSchemaOptions = {}): CrdSchema {
  const fqn = name.startsWith(PREFIX) ? name : PREFIX + name;
  const t = types()[fqn];
  if (!t || t.kind !== 'interface') throw new Error(`k8sSchema: no Kubernetes type '${name}' in cdk8s-plus-33`);
  const o = { descriptions: opts.descriptions ?? true, objectMeta: opts.objectMeta ?? 'embedded' };
  return structuredClone(typeSchema(fqn, o, new Set(), true));
}

type Resolved = Required<K8sSchemaOptions>;

function typeSchema(fqn: string, o: Resolved, stack: Set<string>, root = false): CrdSchema {
  if (fqn === `${PREFIX}IntOrString`) return intOrStringSchema();
  if (fqn === `${PREFIX}Quantity`) return quantitySchema();
  const t = types()[fqn];
  if (!t) throw new Error(`k8sSchema: unknown type ${fqn}`);
  if (t.kind === 'enum') return { type: 'string' };
  if (t.kind !== 'interface') return { 'x-kubernetes-preserve-unknown-fields': true };
  if (fqn === `${PREFIX}ObjectMeta` && !root && o.objectMeta !== 'full') {
    if (o.objectMeta === 'opaque') return { type: 'object' };
  }
  if (stack.has(fqn)) return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  const key = `${fqn}|${o.descriptions}|${o.objectMeta}|${root && fqn === `${PREFIX}ObjectMeta`}`;
  const hit = cache.get(key);
  if (hit) return hit;
  stack.add(fqn);
  const properties: Record<string, CrdSchema> = {};
  const required: string[] = [];
  let props = t.properties ?? [];
  if (fqn === `${PREFIX}ObjectMeta` && !root && o.objectMeta === 'embedded') props = props.filter((p) => EMBEDDED_META.has(p.name));
  for (const p of props) {
    const ref = p.docs?.custom?.schema ?? '';
    const jsonName = ref.includes('#') ? ref.slice(ref.indexOf('#') + 1) : p.name;
    const sch = { ...refSchema(p.type, ref, o, stack), ...FIELD_MARKERS[ref] };
    const d = o.descriptions ? describe(p.docs) : undefined;
    if (d) sch.description = d;
    else delete sch.description;
    properties[jsonName] = sch;
    if (!p.optional) required.push(jsonName);
  }
  stack.delete(fqn);
  const d = o.descriptions ? describe(t.docs) : undefined;
  const out: CrdSchema = {
    ...(d ? { description: d } : {}),
    type: 'object',
    properties,
    ...(required.length ? { required: required.sort() } : {}),
    ...(ATOMIC_TYPES.has(t.docs?.custom?.schema ?? '') ? { 'x-kubernetes-map-type': 'atomic' } : {}),
  };
  cache.set(key, out);
  return out;
}

function refSchema(ty: JsiiTypeRef, ref: string, o: Resolved, stack: Set<string>): CrdSchema {
  if (ty.primitive) {
    switch (ty.primitive) {
      case 'string':
        return { type: 'string' };
      case 'boolean':
        return { type: 'boolean' };
      case 'date':
        return { type: 'string', format: 'date-time' };
      case 'number':
        if (FLOAT.has(ref)) return { type: 'number' };
        return { type: 'integer', format: INT64.has(ref) ? 'int64' : 'int32' };
      default:
        return { 'x-kubernetes-preserve-unknown-fields': true };
    }
  }
  if (ty.fqn) return typeSchema(ty.fqn, o, stack);
  if (ty.collection) {
    const el = refSchema(ty.collection.elementtype, ref, o, stack);
    return ty.collection.kind === 'array' ? { type: 'array', items: el } : { type: 'object', additionalProperties: el };
  }
  return { 'x-kubernetes-preserve-unknown-fields': true };
}
