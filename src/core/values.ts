import { STAGES } from './stages.js';
import { k8s } from 'cdk8s-plus-33';
import { ref, type Expr, type ValueType } from './expr.js';
import { IMAGE_DIGEST, IMAGE_REGISTRY, IMAGE_REPOSITORY, IMAGE_TAG, resourceRequirementsSchema, s, type JsonSchema } from './schema.js';
import { sentinel, Token } from './tokens.js';

/**
 * Value declarations. A value is declared once (type, default, description, constraints) and that
 * declaration yields values.yaml, values.schema.json, the README table, the typed construct API
 * and, at synthesis, either a concrete value (Kustomize, plain cdk8s apps) or a Helm expression.
 */
export interface Leaf<T, In = T> {
  readonly kind: 'leaf';
  /** Phantom: the type users write for this value (props, presets); `T` is what constructs read. */
  readonly input?: In;
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
  /** Lists: items are identified by this field; two items with the same key fail (chart and synthesis). */
  readonly uniqueKey?: string;
  /**
   * A credential whose default is a well-known example (upstream's example user, password, client
   * secret). While it is in use at its default, NOTES.txt warns, and `global.requireSecureCredentials`
   * fails naming it. Lists and maps count as at their default while they still hold a default item.
   * `unless`: value paths (`!path` for false) under which the credential is not used (an existingSecret).
   */
  readonly exampleCredential?: { readonly unless?: string[] };
}
export interface Group<C extends Specs> {
  readonly kind: 'group';
  readonly description: string;
  readonly children: C;
  /**
   * Keys other than the declared ones are accepted and passed on (values of an upstream chart that
   * we do not type: the upstream chart's own schema validates them). Closed when unset.
   */
  readonly open?: boolean;
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
export type Spec = Leaf<any, any> | Group<any> | ImageSpec;
export type Specs = Record<string, Spec>;

/** What a construct reads: plain values in concrete mode, sentinels/tokens in symbolic mode. */
export interface ImageAccess {
  /** Full image reference, honouring `global.imageRegistry` and an optional digest. */
  readonly ref: string;
  readonly pullPolicy: string;
}
export type Access<S> =
  S extends Leaf<infer T>
    ? T
    : S extends ImageSpec
      ? ImageAccess
      : S extends Group<infer C>
        ? { readonly [K in keyof C]: Access<C[K]> }
        : never;
export type ValuesOf<S> =
  S extends Leaf<any, infer In>
    ? In
    : S extends ImageSpec
      ? ImageValue
      : S extends Group<infer C>
        ? { [K in keyof C]: ValuesOf<C[K]> }
        : never;
export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

interface LeafOpts {
  omitEmpty?: boolean;
  exampleCredential?: { unless?: string[] };
}
interface ListOpts extends LeafOpts {
  /** Items are identified by this field (profiles by `name`, users by `email`): duplicates fail, naming list and key. */
  key?: string;
}

const leaf = <T, In = T>(
  type: ValueType,
  def: T,
  description: string,
  schema: JsonSchema,
  extra: Partial<Leaf<T, In>> = {},
): Leaf<T, In> => ({
  kind: 'leaf',
  type,
  default: def,
  description,
  schema,
  ...extra,
});

/** A number stays a number (as the chart renders it), anything else is the quantity's text. */
const toQuantity = (x: unknown): k8s.Quantity => (typeof x === 'number' ? k8s.Quantity.fromNumber(x) : k8s.Quantity.fromString(String(x)));

/** A quantity as users write it: `'512Mi'`, `2`, or a cdk8s `k8s.Quantity` (read back as its value). */
export type QuantityInput = string | number | k8s.Quantity;
export interface ResourcesInput {
  limits?: Record<string, QuantityInput>;
  requests?: Record<string, QuantityInput>;
}

/** A string leaf with a format schema (see `s` in schema.ts); `optional` also admits `''` (not set). */
const formatted =
  (schema: JsonSchema) =>
  (def: string, description: string, opts: LeafOpts & { optional?: boolean } = {}) => {
    const { optional, ...rest } = opts;
    return leaf<string>('string', def, description, optional ? s.orEmpty(schema) : schema, rest);
  };

export const v = {
  str: (def: string, description: string, schema: Partial<JsonSchema> = {}, opts: LeafOpts = {}) =>
    leaf<string>('string', def, description, s.string(schema), opts),
  /** A string that `global.<path>` replaces when set, so one umbrella value reaches every component. */
  strWithGlobal: (globalPath: string, def: string, description: string, schema: Partial<JsonSchema> = {}) =>
    leaf<string>('string', def, `${description} \`global.${globalPath}\` replaces it when set.`, s.string(schema), {
      globalOverride: globalPath.split('.'),
    }),
  int: (def: number, description: string, schema: Partial<JsonSchema> = {}) => leaf<number>('integer', def, description, s.integer(schema)),
  num: (def: number, description: string, schema: Partial<JsonSchema> = {}) => leaf<number>('number', def, description, s.number(schema)),
  bool: (def: boolean, description: string) => leaf<boolean>('boolean', def, description, s.boolean()),
  oneOf: <T extends string>(values: readonly T[], def: NoInfer<T>, description: string) =>
    leaf<T>('string', def, description, { type: 'string', enum: [...values] }),
  /** A Kubernetes quantity; `nonNegative` (requests, limits, sizes) refuses `-1`. */
  quantity: (def: string, description: string, opts: { nonNegative?: boolean } = { nonNegative: true }) =>
    leaf<k8s.Quantity, QuantityInput>('string', def as unknown as k8s.Quantity, description, s.quantity(opts), {
      toProp: (q) => toQuantity(q),
    }),
  /** Container resources: limits/requests by resource name, non-negative quantities (`'512Mi'`, `0.5` or `k8s.Quantity`). */
  resources: (def: { limits?: Record<string, string>; requests?: Record<string, string> }, description: string) =>
    leaf<k8s.ResourceRequirements, ResourcesInput>('object', def as k8s.ResourceRequirements, description, resourceRequirementsSchema(), {
      omitEmpty: true,
      toProp: (r) => {
        const q = (m?: Record<string, unknown>) => m && Object.fromEntries(Object.entries(m).map(([k, x]) => [k, toQuantity(x)]));
        const plain = r as unknown as { limits?: Record<string, unknown>; requests?: Record<string, unknown> };
        return { ...plain, limits: q(plain.limits), requests: q(plain.requests) };
      },
    }),
  obj: <T>(def: T, description: string, schema: JsonSchema, opts: LeafOpts = {}) => leaf<T>('object', def, description, schema, opts),
  /**
   * A value (object or number) that null leaves out: users write `T | null`, constructs read `T | undefined`
   * (an empty value is never passed on), so `replicas: v.replicas` needs no cast. `schema` admits null.
   */
  nullable: <T>(def: T | null, description: string, schema: JsonSchema) =>
    // The default stays null in values.yaml; constructs never read it as such (omitEmpty).
    leaf<T | undefined, T | null>('object', def as T | undefined, description, schema, { omitEmpty: true }),
  list: <T>(def: T[], description: string, items: JsonSchema, opts: ListOpts & Partial<JsonSchema> = {}) => {
    const { omitEmpty, key, exampleCredential, ...extra } = opts;
    if (key && items.properties && !items.properties[key]) throw new Error(`v.list: key '${key}' is not a property of the items`);
    return leaf<T[]>('array', def, description, s.array(items, extra), { omitEmpty, uniqueKey: key, exampleCredential });
  },
  /** A map; `keys` constrains its keys (a pattern schema such as `s.labelKey()`), reported at the map's path. */
  map: <T>(def: Record<string, T>, description: string, values: JsonSchema, opts: LeafOpts & { keys?: JsonSchema } = {}) => {
    const { keys, ...rest } = opts;
    return leaf<Record<string, T>>('object', def, description, keys?.pattern ? s.keyedMap(keys.pattern, values) : s.map(values), rest);
  },
  // ---- Kubernetes and program formats: the same schema checks values.schema.json and construct props ----
  /** DNS-1123 label (namespaces, Service and profile names). */
  dnsLabel: formatted(s.dnsLabel()),
  /** DNS-1123 subdomain (names of Secrets, ConfigMaps, ServiceAccounts; cluster domains). */
  subdomain: formatted(s.subdomain()),
  /** Kubernetes labels: key and value grammar and lengths. */
  labelMap: (def: Record<string, string>, description: string, opts: LeafOpts = {}) =>
    leaf<Record<string, string>>('object', def, description, s.labelMap(), opts),
  /** Kubernetes annotations: key grammar, any value. */
  annotationMap: (def: Record<string, string>, description: string, opts: LeafOpts = {}) =>
    leaf<Record<string, string>>('object', def, description, s.annotationMap(), opts),
  /** A Go duration (`24h`, `90s`, `0`), never negative. */
  duration: formatted(s.duration()),
  /** An absolute http(s) URL. */
  url: formatted(s.url()),
  /** An http(s) URL or an absolute path. */
  urlOrPath: formatted(s.urlOrPath()),
  /** `namespace/name`; `namespaceOptional` admits a bare name (resolved in the object's own namespace, as Istio does). */
  namespacedName: (def: string, description: string, opts: LeafOpts & { optional?: boolean; namespaceOptional?: boolean } = {}) => {
    const { namespaceOptional, ...rest } = opts;
    return formatted(s.namespacedName({ namespaceOptional }))(def, description, rest);
  },
  /** An HTTP header name. */
  headerName: formatted(s.headerName()),
  /** An email address (user ids, static users). */
  email: formatted(s.email()),
  /** One line of free text (display names, ids, scopes): no line breaks or control characters. */
  line: formatted(s.line()),
  /** A port number (1–65535). */
  port: (def: number, description: string) => leaf<number>('integer', def, description, s.port()),
  image: (def: ImageValue, description: string): ImageSpec => ({ kind: 'image', description, default: def }),
  group: <C extends Specs>(description: string, children: C): Group<C> => ({ kind: 'group', description, children }),
  /**
   * The values of a wrapped upstream chart (src/core/upstream.ts), at the chart's own paths under its
   * alias: the declared keys are typed (defaults = Kubeflow's settings), every other key passes through
   * to the upstream chart, whose own values.schema.json validates it. Groups inside are open too.
   */
  upstream: <C extends Specs>(description: string, children: C): Group<C> => ({
    kind: 'group',
    description,
    children: openGroups(children),
    open: true,
  }),
};

function openGroups<C extends Specs>(specs: C): C {
  return Object.fromEntries(
    Object.entries(specs).map(([k, sp]) => [k, sp.kind === 'group' ? { ...sp, children: openGroups(sp.children), open: true } : sp]),
  ) as C;
}

/** Values every chart shares; the umbrella chart sets them once for all components. */
export const globalSpecs = {
  commonLabels: v.labelMap(
    {},
    "Labels added to the metadata of every object (never to selectors or pod templates, so adding them never recreates a workload). An object's own labels win over these.",
  ),
  createNamespaces: v.bool(
    true,
    'Create the Namespace objects of each component. The install plan turns this off in every release but its first, `kubeflow-namespaces`, which creates every namespace of the platform before anything is stored in it.',
  ),
  imageRegistry: v.str(
    '',
    "Registry that replaces the registry of every image (air-gapped clusters). Empty keeps each image's own registry.",
    { pattern: IMAGE_REGISTRY },
  ),
  auth: v.group(
    "Login settings shared by Dex, oauth2-proxy and the apps behind the gateway. Each replaces the matching value of every component when set; empty keeps the components' own values (upstream defaults).",
    {
      issuerUrl: v.url('', 'OIDC issuer URL users log in with (Dex or an external provider).', { optional: true }),
      clientId: v.str('', 'OIDC client id of oauth2-proxy at the issuer.', s.line()),
      gateway: v.namespacedName('', 'Istio Gateway (`namespace/name`) the Kubeflow routes bind to.', { optional: true }),
    },
  ),
  stage: v.oneOf(
    STAGES,
    'all',
    'What this release renders: `all` objects (one release, as upstream), `main` (all but those that need their own component running first, such as custom resources its own webhook checks) or `late` (only those). The install plan uses `main`, then `late` in a second release.',
  ),
  requireSecureCredentials: v.bool(
    false,
    "Fail, listing them, while any credential is still at its well-known example default (Dex's example user and password, example client and cookie secrets, and every value a chart declares as an example credential). Set it for production; the `secure` platform preset leaves none.",
  ),
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
  s.object(
    {
      registry: s.string({ pattern: IMAGE_REGISTRY, description: 'Image registry (`host[:port][/path]`); empty for none.' }),
      repository: s.string({ minLength: 1, maxLength: 255, pattern: IMAGE_REPOSITORY, description: 'Image repository.' }),
      tag: s.string({ pattern: IMAGE_TAG, description: 'Image tag (used when no digest is set).' }),
      digest: s.string({ pattern: IMAGE_DIGEST, description: 'Image digest (`sha256:…`); wins over the tag.' }),
      pullPolicy: s.enum(['Always', 'IfNotPresent', 'Never']),
    },
    ['repository'],
  );

/**
 * Declared keys are required: values always hold the defaults, so a key can only be missing when a
 * user deleted it (`--set key=null`), which templates would otherwise render as 0 or "<nil>". Values
 * whose schema admits null keep null (or a deleted key) as "leave the field out".
 */
export function schemaOf(specs: Specs, open = false): JsonSchema {
  const nullable = (sp: Spec) =>
    sp.kind === 'leaf' && (sp.default === null || (Array.isArray(sp.schema.type) && sp.schema.type.includes('null')));
  return {
    type: 'object',
    additionalProperties: open,
    properties: Object.fromEntries(Object.entries(specs).map(([k, sp]) => [k, specSchema(sp)])),
    required: Object.entries(specs)
      .filter(([, sp]) => !nullable(sp))
      .map(([k]) => k),
  };
}
function specSchema(sp: Spec): JsonSchema {
  if (sp.kind === 'leaf') return { ...sp.schema, description: sp.description };
  if (sp.kind === 'image') return { ...imageSchema(), description: sp.description };
  return { ...schemaOf(sp.children, !!sp.open), description: sp.description };
}

export interface DocRow {
  path: string;
  type: string;
  default: unknown;
  description: string;
}
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
    const types = [...new Set(alts.map((a) => (a.pattern ? 'string' : (typeLabel(a) ?? 'object'))))];
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
