import { synthDefaults, type ComponentEntry } from '../core/synth.js';
import { wrapsUpstreamCharts } from '../core/upstream.js';
import { mergeValues, type Spec } from '../core/values.js';
import { UMBRELLA } from '../umbrella/chart.js';
import { requiredNames } from '../umbrella/dependencies.js';
import { crdCharts, type CrdChart } from './crd-charts.js';
import { withImageRegistry } from './customize.js';
import { resolvePlatform, type PlatformValues, type ResolvedPlatform } from './definition.js';
import { NAMESPACES_CHART, namespacesOf, type ComponentNamespaces } from './namespaces.js';

/**
 * The install plan: the ordered Helm releases of a platform. One release cannot hold the whole
 * platform (Helm's 1 MiB release Secret; the CRDs alone are most of it) and a custom resource cannot
 * be created in the release that creates its CRD on a blank cluster, so the platform installs as:
 * 0. `kubeflow-namespaces`: every namespace, so that each later release can be stored in its own;
 * 1. prerequisites: components that wrap upstream charts (cert-manager, Istio…), each its own
 *    release, preceded by any component whose namespace or objects they need (hoisted out of the umbrella);
 * 2. the `kubeflow-crds` charts: every CRD of the Kubeflow components, split to stay under the size limit;
 * 3. `kubeflow`: the umbrella chart with every other enabled component and `crds.install=false`;
 * 4. add-ons: upstream-chart components that need Kubeflow's own objects (namespaces, roles) first.
 */
export interface Release {
  /** Helm release name. */
  readonly name: string;
  readonly namespace: string;
  /** Chart folder under dist/helm. */
  readonly chart: string;
  /** The release's values (what `-f values/<name>.yaml` holds). */
  readonly values: Record<string, unknown>;
  /** Releases that must be installed (and ready) first. */
  readonly needs: string[];
  readonly role: 'namespaces' | 'prerequisite' | 'crds' | 'platform' | 'late' | 'addon';
  /** Components whose objects the release applies. */
  readonly components: string[];
  /** Large CRDs exceed client-side apply's annotation limit: GitOps tools apply these server-side. */
  readonly serverSideApply: boolean;
  /** Chart repositories the chart's dependencies come from (`helm dependency build` needs them). */
  readonly repositories: { name: string; url: string }[];
}

export interface InstallPlan {
  readonly releases: Release[];
  readonly crdCharts: CrdChart[];
}

/** Components that are releases of their own: those that wrap upstream charts (not vendored into the umbrella). */
export const isSeparateRelease = (e: ComponentEntry): boolean => wrapsUpstreamCharts(e.info);

/** Namespace a component installs into: its `namespace` value, else kubeflow. */
function namespaceOf(e: ComponentEntry, values: Record<string, unknown>): string {
  if (e.info.release) return e.info.release.namespace;
  const own = values.namespace;
  if (typeof own === 'string' && own) return own;
  const sp = (e.info.values as Record<string, Spec>).namespace;
  return sp?.kind === 'leaf' && typeof sp.default === 'string' && sp.default ? sp.default : 'kubeflow';
}

/** Whether a component builds objects that must wait for it to run (src/core/stages.ts). */
export const hasLateObjects = (e: ComponentEntry): boolean => synthDefaults(e).objects.some((o) => o.late);

/** Components with a `crds.install` value: the plan installs their CRDs from the kubeflow-crds charts. */
export function hasCrdSwitch(e: ComponentEntry): boolean {
  const crds = (e.info.values as Record<string, Spec>).crds;
  return crds?.kind === 'group' && 'install' in crds.children;
}

/** A short repository name for `helm repo add`: the URL's last path segment, or its host's first label. */
const repoName = (url: string): string => {
  const u = new URL(url);
  const last = u.pathname.split('/').filter(Boolean).pop();
  return last && last !== 'charts' ? last : (u.hostname.split('.').find((p) => p !== 'charts') ?? 'upstream');
};

/** The plan for the full platform (`values` in umbrella form, optionally over a platform preset). */
export function installPlan(entries: ComponentEntry[], values: PlatformValues = {}, preset?: string): InstallPlan {
  return planOf(resolvePlatform(entries, values, preset), entries);
}

/** The CRD chart family of all components (what dist/helm holds). */
const families = new Map<string, CrdChart[]>();
export function crdFamily(entries: ComponentEntry[]): CrdChart[] {
  const members = entries.filter((e) => !isSeparateRelease(e) && hasCrdSwitch(e));
  const key = members.map((e) => e.info.name).join(',');
  if (!families.has(key)) families.set(key, crdCharts(members));
  return families.get(key)!;
}

export function planOf(platform: ResolvedPlatform, allEntries: ComponentEntry[]): InstallPlan {
  const { enabled } = platform;
  // every release but the namespaces one leaves Namespace objects to it
  const global = mergeValues(platform.global, { createNamespaces: false }) as Record<string, unknown>;
  const valuesOf = (e: ComponentEntry) => platform.values.get(e.info.name) ?? {};
  const separate = enabled.filter(isSeparateRelease);
  const inUmbrella = enabled.filter((e) => !isSeparateRelease(e));
  const byName = new Map(enabled.map((e) => [e.info.name, e]));
  const needsOf = (e: ComponentEntry): string[] => requiredNames(e).filter((r) => byName.has(r));

  // Umbrella components that a prerequisite requires are hoisted before it, as releases of their own chart.
  const prerequisiteNames = new Set(separate.map((e) => e.info.name));
  const hoisted = new Set<string>();
  const addons = new Set<string>();
  const hoist = (name: string, seen: Set<string>): boolean => {
    if (prerequisiteNames.has(name) || hoisted.has(name)) return true;
    if (seen.has(name)) return false;
    seen.add(name);
    const ok = needsOf(byName.get(name)!).every((n) => !prerequisiteNames.has(n) && hoist(n, seen));
    if (ok) hoisted.add(name);
    return ok;
  };
  for (const e of separate) {
    // a separate release that needs umbrella components which themselves need a prerequisite comes after the umbrella
    if (!needsOf(e).every((n) => hoist(n, new Set()))) addons.add(e.info.name);
  }

  const releases: Release[] = [];
  const nsParts = namespacesFamily(allEntries);
  const enabledNames = new Set(enabled.map((e) => e.info.name));
  releases.push({
    name: NAMESPACES_CHART,
    namespace: 'default',
    chart: NAMESPACES_CHART,
    values: mergeValues(
      Object.fromEntries(nsParts.map((p) => [p.component, { enabled: enabledNames.has(p.component) }])),
      platform.global.commonLabels ? { global: { commonLabels: platform.global.commonLabels } } : {},
    ),
    needs: [],
    role: 'namespaces',
    components: nsParts.map((p) => p.component).filter((n) => enabledNames.has(n)),
    serverSideApply: false,
    repositories: [],
  });
  const release = (e: ComponentEntry, role: Release['role'], needs: string[]): Release => ({
    name: e.info.release?.name ?? e.info.name,
    namespace: namespaceOf(e, valuesOf(e)),
    chart: e.info.name,

    values: withImageRegistry(e.info, mergeValues(valuesOf(e), { global })),
    needs: [NAMESPACES_CHART, ...needs],
    role,
    components: [e.info.name],
    serverSideApply: false,
    repositories: (e.info.upstreamCharts ?? []).map((u) => ({ name: repoName(u.repository), url: u.repository })),
  });
  // prerequisites and hoisted components, in platform order, each after what it needs
  const early = enabled.filter((e) => (prerequisiteNames.has(e.info.name) && !addons.has(e.info.name)) || hoisted.has(e.info.name));
  const pending = [...early];
  const releaseName = (component: string) => byName.get(component)?.info.release?.name ?? component;
  while (pending.length) {
    const done = new Set(releases.flatMap((r) => r.components));
    const i = pending.findIndex((e) => needsOf(e).every((n) => done.has(n)));
    const e = pending.splice(Math.max(i, 0), 1)[0]!;
    releases.push(
      release(
        e,
        prerequisiteNames.has(e.info.name) ? 'prerequisite' : 'platform',
        needsOf(e)
          .filter((n) => done.has(n))
          .map(releaseName),
      ),
    );
    const follow = e.info.followUpRelease;
    if (follow) {
      const first = releases[releases.length - 1]!;
      releases[releases.length - 1] = { ...first, values: mergeValues(first.values, follow.firstValues) };
      releases.push({
        ...first,
        name: `${first.name}-${follow.suffix}`,
        values: mergeValues(first.values, follow.values),
        needs: [...first.needs, first.name],
      });
    }
  }
  const early_ = releases.slice(1).map((r) => r.name);

  // The CRD charts are one fixed family (dist/helm); a plan switches each component's CRDs on or off.
  const umbrellaMembers = inUmbrella.filter((e) => !hoisted.has(e.info.name));
  const withCrds = new Set(inUmbrella.filter(hasCrdSwitch).map((e) => e.info.name));
  const charts = crdFamily(allEntries).filter((c) => c.components.some((n) => withCrds.has(n)));
  for (const c of charts) {
    releases.push({
      name: c.name,
      namespace: 'kubeflow',
      chart: c.name,
      values: mergeValues(Object.fromEntries(c.components.map((n) => [n, { enabled: withCrds.has(n) }])), { global }),
      needs: [NAMESPACES_CHART],
      role: 'crds',
      components: c.components.filter((n) => withCrds.has(n)),
      serverSideApply: true,
      repositories: [],
    });
  }
  // hoisted components install their CRDs from the family too
  for (const r of releases)
    if (hoisted.has(r.components[0]!) && withCrds.has(r.components[0]!)) (r.values as Record<string, unknown>).crds = { install: false };
  if (umbrellaMembers.length) {
    const umbrellaValues: Record<string, unknown> = { global };
    for (const e of allEntries.filter((x) => !isSeparateRelease(x))) {
      umbrellaValues[e.info.name] = umbrellaMembers.includes(e)
        ? mergeValues(valuesOf(e), { enabled: true, ...(hasCrdSwitch(e) ? { crds: { install: false } } : {}) })
        : { enabled: false };
    }
    // objects that need their own component running (src/core/stages.ts) follow in a second release of the umbrella
    const withLate = umbrellaMembers.filter(hasLateObjects).map((e) => e.info.name);
    if (withLate.length) umbrellaValues.global = mergeValues(global, { stage: 'main' });
    releases.push({
      name: UMBRELLA,
      namespace: 'kubeflow',
      chart: UMBRELLA,
      values: umbrellaValues,
      needs: [NAMESPACES_CHART, ...early_, ...charts.map((c) => c.name)],
      role: 'platform',
      components: umbrellaMembers.map((e) => e.info.name),
      serverSideApply: false,
      repositories: [],
    });
    if (withLate.length) {
      const lateValues: Record<string, unknown> = { global: mergeValues(global, { stage: 'late' }) };
      for (const [k, x] of Object.entries(umbrellaValues))
        if (k !== 'global') lateValues[k] = withLate.includes(k) ? x : { enabled: false };
      releases.push({
        name: `${UMBRELLA}-late`,
        namespace: 'kubeflow',
        chart: UMBRELLA,
        values: lateValues,
        needs: [UMBRELLA],
        role: 'late',
        components: withLate,
        serverSideApply: false,
        repositories: [],
      });
    }
  }
  for (const e of separate.filter((x) => addons.has(x.info.name))) {
    releases.push(release(e, 'addon', [...early_, ...(umbrellaMembers.length ? [UMBRELLA] : [])]));
  }
  return { releases, crdCharts: charts };
}

let nsCache: { key: string; parts: ComponentNamespaces[] } | undefined;
/** The namespaces chart's parts (what dist/helm/kubeflow-namespaces holds): each component's Namespace objects. */
export function namespacesFamily(entries: ComponentEntry[]): ComponentNamespaces[] {
  const key = entries.map((e) => e.info.name).join(',');
  if (nsCache?.key !== key) {
    const parts = namespacesOf(entries);
    const seen = new Map<string, string>();
    for (const p of parts)
      for (const o of p.objects) {
        const name = (o.json.metadata as { name: string }).name;
        if (seen.has(name)) throw new Error(`${p.component} and ${seen.get(name)} both create the namespace '${name}'`);
        seen.set(name, p.component);
      }
    nsCache = { key, parts };
  }
  return nsCache.parts;
}
