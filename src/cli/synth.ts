import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { components, componentByName } from '../components/index.js';
import { mount, writeTree, type FileTree } from '../core/files.js';
import { kustomization } from '../core/kustomize/writer.js';
import { synthComponent, type ComponentEntry } from '../core/synth.js';
import { withValues } from '../platform/customize.js';
import { resolvePlatform, type PlatformValues } from '../platform/definition.js';
import { isSeparateRelease, platformOutputs, type PlanSource } from '../platform/index.js';
import { UMBRELLA, umbrellaChart } from '../umbrella/chart.js';
import { UsageError } from './errors.js';
import { committedVersions } from '../build.js';
import { applyVersions, chartVersions } from '../core/helm/versions.js';

export interface SynthOptions {
  /** Platform values (umbrella form), or one component's values when `component` is set. */
  readonly values: Record<string, unknown>;
  readonly preset?: string;
  readonly component?: string;
  readonly source?: PlanSource;
  readonly progress?: (line: string) => void;
}

/** The components of a platform definition with its values as their defaults, in platform order. */
export function customizedPlatform(values: PlatformValues, preset?: string): ComponentEntry[] {
  const p = withErrors(() => resolvePlatform(components, values, preset));
  return p.enabled.map((e) => withValues(e, p.values.get(e.info.name) ?? {}, p.global));
}

/**
 * Everything for these values, in memory: `helm/<chart>` (values as defaults; the umbrella and the
 * plan's charts too), `kustomize/<component>` (bases with the values applied, presets as overlays),
 * `kustomize/example` and `platform/` (the install plan and its GitOps forms).
 */
export function synthTree(o: SynthOptions): FileTree {
  const log = o.progress ?? (() => {});
  const tree: FileTree = new Map();
  const entries = o.component
    ? [
        withValues(
          withErrors(() => componentByName(o.component!)),
          o.values,
        ),
      ]
    : customizedPlatform(o.values as PlatformValues, o.preset);
  const charts = new Map<string, FileTree>();
  for (const e of entries) {
    log(`synthesizing ${e.info.name}`);
    const out = withErrors(() => synthComponent(e));
    charts.set(e.info.name, out.helm);
    for (const [k, x] of mount(out.helm, `helm/${e.info.name}`)) tree.set(k, x);
    for (const [k, x] of mount(out.kustomize, `kustomize/${e.info.name}`)) tree.set(k, x);
  }
  if (o.component) return versioned(tree);
  log('synthesizing the umbrella chart, the Kustomize example and the install plan');
  const members = entries.filter((e) => !isSeparateRelease(e));
  const global = (o.values.global ?? {}) as Record<string, unknown>;
  for (const [k, x] of mount(umbrellaChart(members, charts, global), `helm/${UMBRELLA}`)) tree.set(k, x);
  // the umbrella's Kustomize twin: the components the umbrella holds (wrapped upstream charts are releases of their own)
  tree.set('kustomize/example/kustomization.yaml', kustomization({ resources: members.map((e) => `../${e.info.name}/base`) }));
  const { platform, charts: planCharts } = platformOutputs(entries, {}, o.source, { presets: false });
  for (const [name, t] of planCharts) for (const [k, x] of mount(t, `helm/${name}`)) tree.set(k, x);
  for (const [k, x] of mount(platform, 'platform')) tree.set(k, x);
  return versioned(tree);
}

/** A team's charts carry the package's version with a `custom.g<digest>` pre-release (the `g` keeps an all-digit digest from being a number with a leading zero, which semver refuses): never mistaken for published ones. */
const versioned = (tree: FileTree): FileTree =>
  applyVersions(
    tree,
    chartVersions(tree, committedVersions(), (digest) => `custom.g${digest.slice(0, 8)}`),
    false,
  );

/** Writes the tree under `out`, replacing only the folders it generates (helm/, kustomize/, platform/). */
export function writeOutput(out: string, tree: FileTree): void {
  const root = resolve(out);
  for (const top of ['helm', 'kustomize', 'platform']) {
    rmSync(join(root, top), { recursive: true, force: true });
    const sub = new Map([...tree].filter(([k]) => k.startsWith(`${top}/`)).map(([k, x]) => [k.slice(top.length + 1), x]));
    if (sub.size) writeTree(join(root, top), sub);
  }
}

/** Errors from the engine name the component and value already; they are the user's to fix. */
function withErrors<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
