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
      const own = (values[c.alias] ?? {}) as Record<string, unknown>;
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
