import { k8s } from 'cdk8s-plus-33';
import { ref, type Expr, type ValueType } from './expr.js';
import { resourceRequirementsSchema, s, type JsonSchema } from './schema.js';
import { sentinel, Token } from './tokens.js';

/**
 * Value declarations. A value is declared once (type, default, description, constraints) and that
 * declaration yields values.yaml, values.schema.json, the README table, the typed construct API
 * and, at synthesis, either a concrete value (Kustomize, plain cdk8s apps) or a Helm expression.
 */
export interface Leaf<T> {
  readonly kind: 'leaf';
  readonly type: ValueType;
  readonly default: T;
  readonly description: string;
  readonly schema: JsonSchema;
  /** Objects and lists: the field is left out when the value is empty. */
  readonly omitEmpty?: boolean;
  /** Concrete mode: converts the plain value into what construct props expect. */
  readonly toProp?: (v: T) => unknown;
  /** A `global.*` value (path below `global`) that replaces this one when set (non-empty). */
  readonly globalOverride?: string[];
}
export interface Group<C extends Specs> {
  readonly kind: 'group';
  readonly description: string;
  readonly children: C;
}
export interface ImageValue {
  registry: string;
  repository: string;
  tag: string;
  digest?: string;
  pullPolicy?: string;
}
export interface ImageSpec {
  readonly kind: 'image';
  readonly description: string;
  readonly default: ImageValue;
}
export type Spec = Leaf<any> | Group<any> | ImageSpec;
export type Specs = Record<string, Spec>;

/** What a construct reads: plain values in concrete mode, sentinels/tokens in symbolic mode. */
export interface ImageAccess {
  /** Full image reference, honouring `global.imageRegistry` and an optional digest. */
  readonly ref: string;
  readonly pullPolicy: string;
}
export type Access<S> = S extends Leaf<infer T>
  ? T
  : S extends ImageSpec
    ? ImageAccess
    : S extends Group<infer C>
      ? { readonly [K in keyof C]: Access<C[K]> }
      : never;
export type ValuesOf<S> = S extends Leaf<infer T>
  ? T
  : S extends ImageSpec
    ? ImageValue
    : S extends Group<infer C>
      ? { [K in keyof C]: ValuesOf<C[K]> }
      : never;
export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

interface LeafOpts { omitEmpty?: boolean }

const leaf = <T>(type: ValueType, def: T, description: string, schema: JsonSchema, extra: Partial<Leaf<T>> = {}): Leaf<T> => ({
  kind: 'leaf', type, default: def, description, schema, ...extra,
});

export const v = {
  str: (def: string, description: string, schema: Partial<JsonSchema> = {}) => leaf<string>('string', def, description, s.string(schema)),
  /** A string that `global.<path>` replaces when set, so one umbrella value reaches every component. */
  strWithGlobal: (globalPath: string, def: string, description: string, schema: Partial<JsonSchema> = {}) =>
    leaf<string>('string', def, `${description} \`global.${globalPath}\` replaces it when set.`, s.string(schema), { globalOverride: globalPath.split('.') }),
  int: (def: number, description: string, schema: Partial<JsonSchema> = {}) => leaf<number>('integer', def, description, s.integer(schema)),
  num: (def: number, description: string, schema: Partial<JsonSchema> = {}) => leaf<number>('number', def, description, s.number(schema)),
  bool: (def: boolean, description: string) => leaf<boolean>('boolean', def, description, s.boolean()),
  oneOf: <T extends string>(values: readonly T[], def: NoInfer<T>, description: string) =>
    leaf<T>('string', def, description, { type: 'string', enum: [...values] }),
  quantity: (def: string, description: string) =>
    leaf<k8s.Quantity>('string', def as unknown as k8s.Quantity, description, s.quantity(), {
      toProp: (q) => k8s.Quantity.fromString(String(q)),
    }),
  resources: (def: { limits?: Record<string, string>; requests?: Record<string, string> }, description: string) =>
    leaf<k8s.ResourceRequirements>('object', def as k8s.ResourceRequirements, description, resourceRequirementsSchema(), {
      omitEmpty: true,
      toProp: (r) => {
        const q = (m?: Record<string, unknown>) =>
          m && Object.fromEntries(Object.entries(m).map(([k, x]) => [k, k8s.Quantity.fromString(String(x))]));
        const plain = r as unknown as { limits?: Record<string, unknown>; requests?: Record<string, unknown> };
        return { ...plain, limits: q(plain.limits), requests: q(plain.requests) };
      },
    }),
  obj: <T>(def: T, description: string, schema: JsonSchema, opts: LeafOpts = {}) => leaf<T>('object', def, description, schema, opts),
  list: <T>(def: T[], description: string, items: JsonSchema, opts: LeafOpts & Partial<JsonSchema> = {}) => {
    const { omitEmpty, ...extra } = opts;
    return leaf<T[]>('array', def, description, s.array(items, extra), { omitEmpty });
  },
  map: <T>(def: Record<string, T>, description: string, values: JsonSchema, opts: LeafOpts = {}) =>
    leaf<Record<string, T>>('object', def, description, s.map(values), opts),
  image: (def: ImageValue, description: string): ImageSpec => ({ kind: 'image', description, default: def }),
  group: <C extends Specs>(description: string, children: C): Group<C> => ({ kind: 'group', description, children }),
};

/** Values every chart shares; the umbrella chart sets them once for all components. */
export const globalSpecs = {
  commonLabels: v.map<string>({}, 'Labels added to the metadata of every object (never to selectors or pod templates, so adding them never recreates a workload). An object\'s own labels win over these.', s.string()),
  createNamespaces: v.bool(true, 'Create the Namespace objects of each component. The install plan turns this off in every release but its first, `kubeflow-namespaces`, which creates every namespace of the platform before anything is stored in it.'),
  imageRegistry: v.str('', 'Registry that replaces the registry of every image (air-gapped clusters). Empty keeps each image\'s own registry.'),
  auth: v.group('Login settings shared by Dex, oauth2-proxy and the apps behind the gateway. Each replaces the matching value of every component when set; empty keeps the components\' own values (upstream defaults).', {
    issuerUrl: v.str('', 'OIDC issuer URL users log in with (Dex or an external provider).'),
    clientId: v.str('', 'OIDC client id of oauth2-proxy at the issuer.'),
    gateway: v.str('', 'Istio Gateway (`namespace/name`) the Kubeflow routes bind to.'),
  }),
};
export const GLOBAL_DESCRIPTION = 'Values shared with every Kubeflow chart (the umbrella chart sets them once).';

// ---- materialization ----

export function defaultsOf(specs: Specs): Record<string, unknown> {
  return Object.fromEntries(Object.entries(specs).map(([k, sp]) => [k, defaultOf(sp)]));
}
function defaultOf(sp: Spec): unknown {
  if (sp.kind === 'leaf') return structuredClone(sp.default);
  if (sp.kind === 'image') return { digest: '', pullPolicy: 'IfNotPresent', ...sp.default };
  return defaultsOf(sp.children);
}

const imageSchema = (): JsonSchema =>
  s.object({
    registry: s.string({ description: 'Image registry; empty for none.' }),
    repository: s.string({ minLength: 1, description: 'Image repository.' }),
    tag: s.string({ description: 'Image tag (used when no digest is set).' }),
    digest: s.string({ pattern: '^(sha256:[a-f0-9]{64})?$', description: 'Image digest; wins over the tag.' }),
    pullPolicy: s.enum(['Always', 'IfNotPresent', 'Never']),
  }, ['repository']);

/**
 * Declared keys are required: values always hold the defaults, so a key can only be missing when a
 * user deleted it (`--set key=null`), which templates would otherwise render as 0 or "<nil>". Values
 * whose schema admits null keep null (or a deleted key) as "leave the field out".
 */
export function schemaOf(specs: Specs, open = false): JsonSchema {
  const nullable = (sp: Spec) => sp.kind === 'leaf' && (sp.default === null || (Array.isArray(sp.schema.type) && sp.schema.type.includes('null')));
  return {
    type: 'object',
    additionalProperties: open,
    properties: Object.fromEntries(Object.entries(specs).map(([k, sp]) => [k, specSchema(sp)])),
    required: Object.entries(specs).filter(([, sp]) => !nullable(sp)).map(([k]) => k),
  };
}
function specSchema(sp: Spec): JsonSchema {
  if (sp.kind === 'leaf') return { ...sp.schema, description: sp.description };
  if (sp.kind === 'image') return { ...imageSchema(), description: sp.description };
  return { ...schemaOf(sp.children), description: sp.description };
}

export interface DocRow { path: string; type: string; default: unknown; description: string }
export function docsOf(specs: Specs, prefix = ''): DocRow[] {
  return Object.entries(specs).flatMap(([k, sp]): DocRow[] => {
    const path = prefix + k;
    if (sp.kind === 'group') return docsOf(sp.children, `${path}.`);
    if (sp.kind === 'image') return [{ path, type: 'image', default: defaultOf(sp), description: sp.description }];
    return [{ path, type: typeLabel(sp.schema) ?? sp.type, default: sp.default, description: sp.description }];
  });
}

/** The README's type column, read from the schema: `enum`, `integer \| null`, `quantity`… */
function typeLabel(sch: JsonSchema): string | undefined {
  if (sch.enum) return `enum (${sch.enum.map((x) => JSON.stringify(x)).join(', ')})`;
  if (Array.isArray(sch.type)) return sch.type.join(' \\| ');
  const alts = sch.anyOf ?? sch.oneOf;
  if (alts) {
    const types = [...new Set(alts.map((a) => (a.pattern ? 'string' : typeLabel(a) ?? 'object')))];
    return types.join(' \\| ');
  }
  return typeof sch.type === 'string' ? sch.type : undefined;
}

/** Symbolic accessor: scalars are sentinels, structured values are tokens. */
export function symbolicAccess(specs: Specs, path: string[] = []): any {
  return Object.fromEntries(Object.entries(specs).map(([k, sp]) => [k, symbolicOf(sp, [...path, k])]));
}
function symbolicOf(sp: Spec, path: string[]): unknown {
  if (sp.kind === 'group') return symbolicAccess(sp.children, path);
  if (sp.kind === 'image') {
    const e: Expr = { k: 'image', path };
    return { ref: sentinel(e), pullPolicy: sentinel(ref([...path, 'pullPolicy'], 'string')) };
  }
  const own = ref(path, sp.type);
  const e: Expr = sp.globalOverride ? { k: 'override', e: own, global: ref(['global', ...sp.globalOverride], sp.type) } : own;
  if (sp.type === 'object' || sp.type === 'array') return new Token({ kind: 'value', expr: e, omitEmpty: !!sp.omitEmpty });
  // scalars keep their prop shape (a quantity is a k8s.Quantity around the sentinel)
  return sp.toProp ? sp.toProp(sentinel(e)) : sentinel(e);
}

/** Concrete accessor over merged values. */
export function concreteAccess(specs: Specs, values: Record<string, any>, globals: Record<string, any>): any {
  return Object.fromEntries(Object.entries(specs).map(([k, sp]) => [k, concreteOf(sp, values[k], globals)]));
}
function concreteOf(sp: Spec, val: any, globals: Record<string, any>): unknown {
  if (sp.kind === 'group') return concreteAccess(sp.children, val ?? {}, globals);
  if (sp.kind === 'image') return { ref: imageRef(val, globals.imageRegistry), pullPolicy: val.pullPolicy };
  if (sp.omitEmpty && isEmpty(val)) return undefined;
  const g = sp.globalOverride?.reduce<any>((x, k) => x?.[k], globals);
  const chosen = sp.globalOverride && !isEmpty(g) && g !== '' ? g : val;
  return sp.toProp ? sp.toProp(chosen) : chosen;
}

export function imageRef(img: ImageValue, globalRegistry?: string): string {
  const registry = globalRegistry || img.registry;
  const repo = registry ? `${registry}/${img.repository}` : img.repository;
  return img.digest ? `${repo}@${img.digest}` : `${repo}:${img.tag}`;
}

/** Undefined, null, an empty list or an empty map (what `omitEmpty` leaves out). */
export const isEmpty = (x: unknown): boolean =>
  x === undefined || x === null || (Array.isArray(x) ? x.length === 0 : typeof x === 'object' && Object.keys(x).length === 0);

/** Helm's merge of user values over defaults: maps merge deeply, lists and scalars replace, null deletes. */
export function mergeValues(base: any, over: any): any {
  if (over === undefined) return structuredClone(base);
  if (!isPlain(base) || !isPlain(over)) return structuredClone(over);
  const out: Record<string, unknown> = structuredClone(base);
  for (const [k, x] of Object.entries(over)) {
    if (x === null) delete out[k];
    else out[k] = mergeValues(base[k], x);
  }
  return out;
}
const isPlain = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
