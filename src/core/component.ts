import { Ajv, type ErrorObject } from 'ajv';
import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import {
  concreteAccess,
  defaultsOf,
  GLOBAL_DESCRIPTION,
  globalSpecs,
  mergeValues,
  schemaOf,
  symbolicAccess,
  type Access,
  type DeepPartial,
  type Group,
  type Specs,
  type ValuesOf,
} from './values.js';
import type { JsonSchema } from './schema.js';
import { isLate } from './stages.js';
import { imageRegistryOverrides, type FollowUpRelease, type ReleaseInfo, type UpstreamChart } from './upstream.js';
import { duplicateKeys, exampleCredentialsInUse } from './value-checks.js';
import { applyPatches, PATCHES_DESCRIPTION, patchesSchema, type ObjectPatch } from './patches.js';

/** Context flag set by the chart synthesizer: values become Helm expressions. */
export const SYMBOLIC_CONTEXT = 'kubeflow-cdk8s/symbolic';

export type GlobalSpecs = typeof globalSpecs;
export type ComponentValues<S extends Specs> = ValuesOf<Group<S>> & { global: ValuesOf<Group<GlobalSpecs>>; patches: ObjectPatch[] };

export interface Preset<S extends Specs> {
  readonly description: string;
  /** Values over the defaults; the Helm preset file and the Kustomize overlay both come from them. */
  readonly values: DeepPartial<ComponentValues<S>>;
}

/** A declared, intentional difference from the upstream manifests. */
export interface Deviation {
  readonly object: string;
  readonly reason: string;
}

/**
 * A component this one needs; `unlessGlobal` names a `global.*` value that, when set, stands in for
 * it (oauth2-proxy needs Dex unless `global.auth.issuerUrl` points at another issuer); `when` limits
 * it to values of this component (dotted path → value, all must match), for a part that only some
 * settings enable (Model Registry's Kubeflow-mode UI needs the dashboard, its other layers do not).
 */
export type Requirement =
  | string
  | {
      readonly component: string;
      readonly unlessGlobal?: string;
      readonly when?: Readonly<Record<string, string | boolean>>;
    };

/** The kubeflow/manifests release the upstream components reproduce (the platform version). */
export const UPSTREAM_RELEASE = '26.03';

/** Where a component's defaults come from: an entry of kubeflow/manifests at a release. */
export interface UpstreamRef {
  /** The entry's name in upstream's example/kustomization.yaml (usually the component name). */
  readonly entry: string;
  /** The kubeflow/manifests release (`26.03`). */
  readonly release: string;
  /**
   * For a component that renders part of another entry (istio-cni: the CNI objects of upstream's
   * `istio-install`): which of this component's presets reproduces its part of each of the entry's
   * variants, by the entry's preset name (variants not listed: this component's defaults). The
   * entry's parity test renders the entry's component and its parts together against the reference.
   */
  readonly variants?: Readonly<Record<string, string>>;
}

export interface Maintainer {
  readonly name: string;
  readonly email?: string;
  readonly url?: string;
}

export interface ComponentInfo<S extends Specs> {
  /** Chart and Kustomize folder name; for upstream components, the name of the upstream entry. */
  readonly name: string;
  readonly description: string;
  /**
   * Version of the application the chart deploys (Chart.yaml `appVersion`): the version of the
   * component's own software (its main image tag), never the platform release.
   */
  readonly appVersion: string;
  /**
   * Where the defaults come from. Omitted: the upstream entry of the same name at
   * UPSTREAM_RELEASE (tests compare with its render). `null`: not an upstream entry; generated
   * text (values.yaml, README, adoption commands) then claims nothing upstream.
   */
  readonly upstream?: UpstreamRef | null;
  /** Chart.yaml `home` (defaults to the Kubeflow site for upstream components). */
  readonly home?: string;
  /** Chart.yaml `sources` (defaults to kubeflow/manifests for upstream components). */
  readonly sources?: string[];
  /** Chart.yaml `maintainers`. */
  readonly maintainers?: Maintainer[];
  /** Markdown for the README's "Usage" section: what to do with the component beyond installing it. */
  readonly usage?: string;
  /** Whether the umbrella chart and KubeflowPlatform install it unless told otherwise (default `enabled`). */
  readonly umbrellaDefault?: 'enabled' | 'disabled';
  readonly values: S;
  readonly presets?: Record<string, Preset<S>>;
  readonly deviations?: Deviation[];
  /**
   * Workloads that do not meet Pod Security Standard "restricted" as upstream ships them, each with
   * the reason (`Kind/name`). Every other workload must meet it; the tests enforce both.
   */
  readonly securityExceptions?: { workload: string; reason: string }[];
  /**
   * Roles (`Kind/name`) that carry wildcard RBAC rules as upstream ships them, with the reason. Any
   * other wildcard fails the tests; with the reference present, a declared one must be upstream's.
   */
  readonly rbacWildcards?: { role: string; reason: string }[];
  /**
   * A parity floor below the project's 98 % for a component whose upstream objects carry text we must not
   * copy (e.g. documentation blocks in ConfigMaps). Every differing object must then be a declared deviation.
   */
  readonly parityMinimum?: { share: number; reason: string };
  /** Components this one needs at run time (enforced by the umbrella chart and KubeflowPlatform). */
  readonly requires?: Requirement[];
  readonly keywords?: string[];
  /** Defaults of `global.*` for this chart (a platform team's values, see src/platform/customize.ts). */
  readonly globalDefaults?: Record<string, unknown>;
  /**
   * Upstream Helm charts this component wraps (src/core/upstream.ts). Such a component is a separate
   * release of the platform: the `kubeflow` umbrella chart leaves it out of its subcharts.
   */
  readonly upstreamCharts?: UpstreamChart[];
  /** Release name and namespace to install as; required with `upstreamCharts` (their objects are named after it). */
  readonly release?: ReleaseInfo;
  /** Objects the install plan applies in a second release, after the wrapped chart is ready (src/core/upstream.ts). */
  readonly followUpRelease?: FollowUpRelease;
  /** What users must know after installing (example credentials, follow-up steps): NOTES.txt and the README. */
  readonly notes?: string;
}

/** The upstream entry a component reproduces, or null when it has none. */
export function upstreamOf(info: ComponentInfo<any>): UpstreamRef | null {
  if (info.upstream === null) return null;
  return info.upstream ?? { entry: info.name, release: UPSTREAM_RELEASE };
}

/** Whether the platform installs the component by default. */
export const enabledByDefault = (info: ComponentInfo<any>): boolean => (info.umbrellaDefault ?? 'enabled') === 'enabled';

export interface ComponentProps<S extends Specs> {
  /** Values over the defaults (concrete synthesis). Validated against the chart's schema. */
  readonly values?: DeepPartial<ComponentValues<S>>;
  /** Start from a named preset; `values` apply on top of it. */
  readonly preset?: string;
}

// Compiled validators run a handful of times per process: unoptimized code compiles twice as fast.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { optimize: false } });

/** Values as TypeScript users may write them, made plain: a cdk8s `k8s.Quantity` becomes its value (`'512Mi'`). */
export function plainValues<T>(x: T): T {
  if (x instanceof k8s.Quantity) return x.value as T;
  if (Array.isArray(x)) return x.map(plainValues) as T;
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, plainValues(y)])) as T;
  return x;
}

/**
 * Base of every Kubeflow component. Subclasses read `this.v` and create Kubernetes objects; the
 * same code serves concrete synthesis (plain values) and chart synthesis (Helm expressions).
 */
export abstract class Component<S extends Specs> extends Construct {
  /** The values as the construct reads them. */
  public readonly v: Access<Group<S>> & { readonly global: Access<Group<GlobalSpecs>> };
  /** Concrete values after defaults, preset and overrides (undefined in symbolic synthesis). */
  public readonly resolvedValues?: ComponentValues<S>;
  public readonly symbolic: boolean;

  protected constructor(
    scope: Construct,
    id: string,
    public readonly info: ComponentInfo<S>,
    props: ComponentProps<S> = {},
  ) {
    super(scope, id);
    this.symbolic = this.node.tryGetContext(SYMBOLIC_CONTEXT) === true;
    const specs = allSpecs(info);
    if (this.symbolic) {
      if (props.values || props.preset) throw new Error(`${info.name}: props.values/preset are not used in chart synthesis`);
      this.v = symbolicAccess(specs);
      return;
    }
    let merged = defaultsOf(specs);
    const given = new Set(Object.keys(props.values ?? {}));
    if (props.preset) {
      const preset = info.presets?.[props.preset];
      if (!preset) {
        throw new Error(
          `${info.name}: prop 'preset' is '${props.preset}', expected one of: ${Object.keys(info.presets ?? {}).join(', ') || '(none)'}`,
        );
      }
      merged = mergeValues(merged, plainValues(preset.values));
      for (const k of Object.keys(preset.values)) given.add(k);
    }
    merged = mergeValues(merged, plainValues(props.values ?? {}));
    assertValid(info, merged, 'props.values', [...given]);
    const dups = duplicateKeys(specs, merged);
    if (dups.length) throw new Error(`${info.name}: invalid props.values:\n${dups.map((d) => `- ${d}`).join('\n')}`);
    const examples = exampleCredentialsInUse(specs, merged);
    if (examples.length && (merged.global as { requireSecureCredentials?: boolean }).requireSecureCredentials) {
      throw new Error(
        `${info.name}: global.requireSecureCredentials is true, but these credentials are still at their example defaults: ${examples.join(', ')}`,
      );
    }
    // the wrapped charts read their own image hubs: global.imageRegistry reaches them here (Helm checks them instead)
    merged = mergeValues(merged, imageRegistryOverrides(info, merged));
    this.resolvedValues = merged as ComponentValues<S>;
    this.v = concreteAccess(specs, merged, merged.global as Record<string, unknown>);
    // cdk8s validates every construct before it synthesizes: by then all objects exist
    this.node.addValidation({
      validate: () => {
        this.applyGlobalObjectRules();
        this.applyPatches();
        return [];
      },
    });
  }

  private patched = false;
  /** The `patches` value (concrete synthesis; charts apply it in templates). Runs once. */
  public applyPatches(): void {
    if (this.patched || !this.resolvedValues) return;
    this.patched = true;
    applyPatches(this, this.resolvedValues.patches ?? [], this.info.name);
  }

  /**
   * Global rules every object follows (concrete synthesis; charts do the same in templates):
   * `global.createNamespaces: false` leaves Namespace objects out, `global.commonLabels` labels every object's metadata.
   */
  public applyGlobalObjectRules(): void {
    if (this.resolvedValues?.global.stage === 'late') {
      for (const o of this.node.findAll()) {
        if (o instanceof ApiObject && !isLate(o)) o.node.scope?.node.tryRemoveChild(o.node.id);
      }
    }
    if (this.resolvedValues?.global.createNamespaces === false) {
      for (const o of this.node.findAll()) {
        if (o instanceof ApiObject && o.kind === 'Namespace') o.node.scope?.node.tryRemoveChild(o.node.id);
      }
    }
    const common = this.resolvedValues?.global.commonLabels ?? {};
    if (!Object.keys(common).length) return;
    for (const o of this.node.findAll()) {
      if (!(o instanceof ApiObject)) continue;
      for (const [k, x] of Object.entries(common)) if (o.metadata.getLabel(k) === undefined) o.metadata.addLabel(k, x);
    }
  }
}

export function allSpecs(info: ComponentInfo<any>): Specs {
  if ('global' in info.values || 'enabled' in info.values || 'patches' in info.values) {
    throw new Error(`${info.name}: 'global', 'enabled' and 'patches' are reserved value names`);
  }
  const global = info.globalDefaults ? overrideDefaults(globalSpecs, info.globalDefaults) : globalSpecs;
  return {
    ...info.values,
    patches: { kind: 'leaf', type: 'array', default: [], description: PATCHES_DESCRIPTION, schema: patchesSchema() },
    global: { kind: 'group', description: GLOBAL_DESCRIPTION, children: global },
  };
}

/** The same declarations with the given values as their defaults (maps merge, lists and scalars replace). */
export function overrideDefaults(specs: Specs, values: Record<string, unknown>): Specs {
  return Object.fromEntries(
    Object.entries(specs).map(([k, sp]) => {
      if (!(k in values)) return [k, sp];
      const x = values[k];
      if (sp.kind === 'group') return [k, { ...sp, children: overrideDefaults(sp.children, (x ?? {}) as Record<string, unknown>) }];
      return [k, { ...sp, default: mergeValues(sp.default, x) }];
    }),
  );
}

/** values.schema.json: closed everywhere but `global`, which the umbrella chart extends. */
export function chartSchema(info: ComponentInfo<any>): JsonSchema {
  const sch = schemaOf(allSpecs(info));
  sch.properties!.global!.additionalProperties = true;
  sch.properties!.enabled = { type: 'boolean', description: 'Read by the kubeflow umbrella chart to include this component.' };
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...sch } as JsonSchema;
}

const validators = new WeakMap<ComponentInfo<any>, Map<string, ReturnType<typeof ajv.compile>>>();
/**
 * Checks values against the chart's schema. With `keys`, only those top-level values are checked
 * (the ones a preset or the caller set; the defaults are checked by `helm lint` of every chart):
 * the schema has no constraint across top-level values, and compiling all of it is most of the
 * cost of constructing a component.
 */
export function assertValid(info: ComponentInfo<any>, values: unknown, what: string, keys?: readonly string[]): void {
  if (keys?.length === 0) return;
  const cacheKey = keys ? [...keys].sort().join(',') : '*';
  const byKeys = validators.get(info) ?? new Map<string, ReturnType<typeof ajv.compile>>();
  validators.set(info, byKeys);
  let validate = byKeys.get(cacheKey);
  if (!validate) {
    validate = ajv.compile(keys ? schemaOfKeys(chartSchema(info), keys) : chartSchema(info));
    byKeys.set(cacheKey, validate);
  }
  const subject = keys ? Object.fromEntries(keys.map((k) => [k, (values as Record<string, unknown>)[k]])) : values;
  if (validate(subject)) return;
  throw new Error(`${info.name}: invalid ${what}:\n${formatErrors(validate.errors ?? [])}`);
}

/** The schema of an object that holds only `keys` (unknown keys stay refused). */
function schemaOfKeys(sch: JsonSchema, keys: readonly string[]): JsonSchema {
  const properties = Object.fromEntries(keys.filter((k) => sch.properties?.[k]).map((k) => [k, sch.properties![k]!]));
  const { required: all = [], ...rest } = sch;
  const required = all.filter((k) => keys.includes(k));
  return { ...rest, properties, ...(required.length ? { required } : {}) };
}

export function formatErrors(errors: ErrorObject[]): string {
  return errors
    .map((e) => {
      const at = e.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(root)';
      if (e.keyword === 'additionalProperties') {
        const key = (e.params as { additionalProperty: string }).additionalProperty;
        const patterns = Object.keys((e.parentSchema as JsonSchema | undefined)?.patternProperties ?? {});
        return patterns.length ? `- ${at}: key '${key}' must match ${patterns.join(' or ')}` : `- ${at}: unknown key '${key}'`;
      }
      return `- ${at}: ${e.message}`;
    })
    .join('\n');
}
