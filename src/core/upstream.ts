import type { ComponentInfo } from './component.js';
import { mergeValues } from './values.js';

/**
 * An upstream Helm chart that a component wraps (DESIGN §3): referenced by repository, name and
 * version only, never copied. Its values live at the chart's own paths under `alias` in the
 * component's values (declared with `v.upstream`), so Helm passes them to the dependency unchanged
 * and kustomize gets the same concrete values as `valuesInline`.
 */
export interface UpstreamChart {
  /** Chart name in the repository. */
  readonly name: string;
  /** Pinned chart version. */
  readonly version: string;
  /** Chart repository URL (`helm repo` style). */
  readonly repository: string;
  /** Key of the chart's values in the component's values (and its `Chart.yaml` alias). */
  readonly alias: string;
  /** A boolean value path (e.g. `cni.enabled`) that switches the chart on and off, in both outputs. */
  readonly condition?: string;
  /** The chart ships CRDs in its `crds/` folder (Helm installs them; kustomize needs `includeCRDs`). */
  readonly crdsFolder?: boolean;
  /**
   * Paths inside the chart's values of image hubs (`registry/path` the chart's images sit under, e.g.
   * `global.hub`, `hub`). `global.imageRegistry` replaces their registry: Helm cannot compute a
   * dependency's values from the parent's, so concrete synthesis and the install plan write the hubs
   * (imageRegistryOverrides), and the chart fails, naming the hub and the value to set, when
   * `global.imageRegistry` is set and a hub is not under it (imageHubChecks).
   */
  readonly imageHubs?: readonly string[];
  /**
   * Paths inside the chart's values that hold a bare image registry (`image.registry: ghcr.io`):
   * `global.imageRegistry` replaces them, written and checked like `imageHubs`.
   */
  readonly imageRegistries?: readonly string[];
  /**
   * The chart renders CRDs in one of its templates without `helm.sh/resource-policy: keep`, and no value
   * of it adds that (Istio's `base`). The component's values switch the chart's own rendering of them off;
   * the Helm chart renders `template` of the dependency itself (Helm's `include` of the dependency's
   * file, with the dependency's values and `on` over them) and adds the annotation to every CRD, so
   * `helm uninstall` keeps them. Kustomize inflates the chart with `on` (its output carries no Helm policy).
   */
  readonly keepCrds?: { readonly template: string; readonly on: Record<string, unknown> };
}

/** Release name and namespace a wrapped chart is installed as (its objects and selectors are named after them). */
export interface ReleaseInfo {
  readonly name: string;
  readonly namespace: string;
  /**
   * The charts leave some namespaced objects without a namespace (Helm puts them into the release
   * namespace at install): the Kustomize output sets it too (`namespace:` in the kustomization).
   * Only for components whose namespaced objects all live in the release namespace.
   */
  readonly setNamespace?: boolean;
}

/**
 * Objects of a wrapper that need the wrapped chart running first (a custom resource of its own CRDs,
 * checked by its own webhook): the install plan applies them in a second release of the same chart,
 * once the first is ready. `firstValues` leave them out of the first release; `values` leave
 * everything else out of the second.
 */
export interface FollowUpRelease {
  /** The second release is named `<release>-<suffix>`. */
  readonly suffix: string;
  readonly firstValues: Record<string, unknown>;
  readonly values: Record<string, unknown>;
  readonly reason: string;
}

/** Components that wrap upstream charts are separate releases of the platform, not umbrella subcharts. */
export const wrapsUpstreamCharts = (info: ComponentInfo<any>): boolean => !!info.upstreamCharts?.length;

/** `Chart.yaml` dependencies of a component chart. */
export function chartDependencies(info: ComponentInfo<any>): Record<string, string>[] | undefined {
  if (!info.upstreamCharts?.length) return undefined;
  return info.upstreamCharts.map((c) => ({
    name: c.name,
    version: c.version,
    repository: c.repository,
    alias: c.alias,
    ...(c.condition ? { condition: c.condition } : {}),
  }));
}

const at = (values: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], values);

/** A hub's registry: its first path segment when that names a host (a dot or a port in it, or localhost), as Docker reads image names. */
const HUB_REGISTRY = /^([^/]*[.:][^/]*|localhost)\//;

/** The hub moved under `registry`: its own registry replaced, its path kept (`gcr.io/istio-release` → `<registry>/istio-release`). */
export function rehost(hub: string, registry: string): string {
  return hub.startsWith(`${registry}/`) ? hub : `${registry}/${hub.replace(HUB_REGISTRY, '')}`;
}

const setAt = (target: Record<string, unknown>, path: string[], x: unknown): void => {
  let o = target;
  for (const k of path.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[path.at(-1)!] = x;
};

/** Every image value of the wrapped charts `global.imageRegistry` must reach: hubs (`registry/path`) and bare registries. */
function imageValues(info: ComponentInfo<any>): { chart: UpstreamChart; path: string; kind: 'hub' | 'registry' }[] {
  return (info.upstreamCharts ?? []).flatMap((chart) => [
    ...(chart.imageRegistries ?? []).map((path) => ({ chart, path, kind: 'registry' as const })),
    ...(chart.imageHubs ?? []).map((path) => ({ chart, path, kind: 'hub' as const })),
  ]);
}

/**
 * Values that carry `global.imageRegistry` into the wrapped charts' image values (`imageHubs`,
 * `imageRegistries`), for concrete values (component values with `global`): each hub that is set
 * moves under the registry, each registry becomes it, and so does a top-level `global.<key>` that
 * replaces a chart's `global.<key>` (Helm hands a chart's globals to its dependencies). Empty when
 * `global.imageRegistry` is not set.
 */
export function imageRegistryOverrides(info: ComponentInfo<any>, values: Record<string, any>): Record<string, unknown> {
  const registry = values.global?.imageRegistry;
  const out: Record<string, unknown> = {};
  if (typeof registry !== 'string' || !registry) return out;
  for (const { chart, path, kind } of imageValues(info)) {
    const moved = (x: string) => (kind === 'hub' ? rehost(x, registry) : registry);
    const own = at((values[chart.alias] ?? {}) as Record<string, unknown>, path);
    if (typeof own === 'string' && own) setAt(out, [chart.alias, ...path.split('.')], moved(own));
    const top = path.startsWith('global.') ? at(values, path) : undefined;
    if (typeof top === 'string' && top) setAt(out, path.split('.'), moved(top));
  }
  return out;
}

/**
 * Helm: lines for templates/validate.yaml (they append to `$errors`) that refuse `global.imageRegistry`
 * while an image value of a wrapped chart does not follow it (a hub not under it, a registry not it),
 * naming the value to set and its value. The value as the dependency sees it: a top-level
 * `global.<key>` has replaced the chart's own by then.
 */
export function imageHubChecks(info: ComponentInfo<any>): string[] {
  const words = (keys: string[]) => keys.map((k) => JSON.stringify(k)).join(' ');
  const registry = '.Values.global.imageRegistry';
  const rule = {
    hub: {
      wrong: `(not (hasPrefix (printf "%s/" ${registry}) $hub))`,
      not: ', not under it',
      suggested: `(printf "%s/%s" ${registry} (regexReplaceAll ${JSON.stringify(HUB_REGISTRY.source.replace('\\/', '/'))} $hub ""))`,
    },
    registry: { wrong: `(ne $hub ${registry})`, not: '', suggested: registry },
  };
  return imageValues(info).map(({ chart, path, kind }) => {
    const keys = path.split('.');
    const own = JSON.stringify(`${chart.alias}.${path}`);
    const on = chart.condition ? ` (index .Values ${words(chart.condition.split('.'))})` : '';
    // a value under `global` may have been replaced by the top-level global.<key>: then that is the value to set
    const where =
      keys[0] === 'global' ? `(ternary ${JSON.stringify(path)} ${own} (ne (dig ${words(keys.slice(1))} "" .Values.global) ""))` : own;
    const { wrong, not, suggested } = rule[kind];
    return (
      `{{- $hub := (dig ${words(keys)} "" (index .Values ${JSON.stringify(chart.alias)} | default dict)) }}` +
      `{{- if and ${registry}${on} $hub ${wrong} }}` +
      `{{- $errors = append $errors (printf "global.imageRegistry is %s, but %s is %s${not}: Helm cannot carry global.imageRegistry into the wrapped chart's images; set %s=%s" ${registry} ${where} $hub ${where} ${suggested}) }}{{- end }}`
    );
  });
}

/**
 * Kustomize `helmCharts` entries for concrete values (defaults, a preset, overrides): what Helm
 * would pass to each dependency, i.e. the values under its alias with the component's `global`
 * merged into the chart's `global` (Helm shares globals with subcharts).
 */
export function helmChartsOf(info: ComponentInfo<any>, values: Record<string, any>): Record<string, unknown>[] {
  const release = releaseOf(info);
  return (info.upstreamCharts ?? [])
    .filter((c) => !c.condition || at(values, c.condition) !== false)
    .map((c) => {
      const own = mergeValues(values[c.alias] ?? {}, c.keepCrds?.on ?? {}) as Record<string, unknown>;
      const valuesInline = { ...own, global: mergeValues(own.global ?? {}, values.global ?? {}) };
      return {
        name: c.name,
        repo: c.repository,
        version: c.version,
        releaseName: release.name,
        namespace: release.namespace,
        ...(c.crdsFolder ? { includeCRDs: true } : {}),
        valuesInline,
      };
    });
}

/** `namespace:` of the kustomizations of a wrapper, when its release asks for it. */
export const kustomizeNamespace = (info: ComponentInfo<any>): Record<string, string> =>
  info.release?.setNamespace ? { namespace: info.release.namespace } : {};

export function releaseOf(info: ComponentInfo<any>): ReleaseInfo {
  if (!info.release) throw new Error(`${info.name}: a component with upstreamCharts declares info.release (name, namespace)`);
  return info.release;
}

/**
 * Helm: templates/<alias>-crds.yaml of a wrapper whose chart declares `keepCrds`: the dependency's CRD
 * template rendered here with its values and `on`, every CRD annotated `helm.sh/resource-policy: keep`.
 * Helm renders a chart's dependencies before its own templates, so the dependency's values are complete.
 */
const flat = (x: Record<string, unknown>, prefix = ''): string[] =>
  Object.entries(x).flatMap(([k, y]) =>
    y && typeof y === 'object' && !Array.isArray(y) ? flat(y as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}=${String(y)}`],
  );

export function keepCrdsTemplate(c: UpstreamChart): string {
  const k = c.keepCrds!;
  const q = (x: string) => JSON.stringify(x);
  return [
    `{{- /* Generated by kubeflow-cdk8s: the CRDs of the ${c.name} chart as its ${k.template} renders them with its values and ${flat(k.on).join(', ')}, each with helm.sh/resource-policy: keep so that helm uninstall leaves them (the chart itself cannot add it; its own rendering of them is off in this chart). */}}`,
    `{{- $dep := index .Subcharts ${q(c.alias)} }}`,
    `{{- $ctx := merge (dict "Values" (mergeOverwrite (deepCopy $dep.Values) (fromJson ${q(JSON.stringify(k.on))}))) $dep }}`,
    `{{- $out := include (printf "%s/charts/%s/%s" (dir .Template.BasePath) ${q(c.alias)} ${q(k.template)}) $ctx }}`,
    `{{- range $doc := regexSplit "(?m)^---[ \\t]*$" $out -1 }}`,
    `{{- $o := fromYaml $doc }}`,
    `{{- if hasKey $o "Error" }}{{- fail (printf "%s: cannot read what %s renders: %s" $.Chart.Name ${q(k.template)} $o.Error) }}{{- end }}`,
    `{{- if $o.kind }}`,
    `{{- if eq $o.kind "CustomResourceDefinition" }}{{- $_ := set $o.metadata "annotations" (merge (dict "helm.sh/resource-policy" "keep") ($o.metadata.annotations | default dict)) }}{{- end }}`,
    '---',
    '{{ toYaml $o }}',
    '{{- end }}',
    '{{- end }}',
    '',
  ].join('\n');
}
