import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyVersions, chartVersions, VERSIONS_FILE, type VersionRecords } from './core/helm/versions.js';
import { mount, packageRoot, type FileTree } from './core/files.js';
import { synthComponent } from './core/synth.js';
import { components, umbrellaComponents } from './components/index.js';
import { markTree } from './core/generated-marker.js';
import { platformOrder } from './components/index.js';
import { unknownRequirements } from './umbrella/dependencies.js';
import { kustomizeExample, UMBRELLA, umbrellaChart } from './umbrella/chart.js';
import { platformOutputs } from './platform/index.js';

/** The chart version record of the repository's committed dist/ (see src/core/helm/versions.ts). */
export function committedVersions(): VersionRecords {
  const root = packageRoot();
  // the record of the last commit (so synthesizing again before committing bumps once), else the file
  try {
    const text = execFileSync('git', ['show', `HEAD:dist/${VERSIONS_FILE}`], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    return withoutMarker(JSON.parse(text) as VersionRecords);
  } catch {
    /* not a git checkout (an installed package), or no record committed yet */
  }
  const file = join(root, 'dist', VERSIONS_FILE);
  return existsSync(file) ? withoutMarker(JSON.parse(readFileSync(file, 'utf8')) as VersionRecords) : {};
}

/** The record without the generated-file marker (`$comment`, src/core/generated-marker.ts). */
function withoutMarker(r: VersionRecords): VersionRecords {
  const { $comment: _, ...charts } = r as VersionRecords & { $comment?: string };
  return charts;
}

/** The whole dist/ tree, in memory, chart versions bumped where output changed since `record`. */
export function buildDist(record: VersionRecords = committedVersions()): FileTree {
  const dist: FileTree = new Map();
  const charts = new Map<string, FileTree>();
  const problems = unknownRequirements(components, platformOrder);
  if (problems.length) throw new Error(problems.join('\n'));
  const known = new Set(components.map((c) => c.info.name));
  for (const entry of components) {
    const out = synthComponent(entry, known);
    charts.set(entry.info.name, out.helm);
    for (const [k, v] of mount(out.helm, `helm/${entry.info.name}`)) dist.set(k, v);
    for (const [k, v] of mount(out.kustomize, `kustomize/${entry.info.name}`)) dist.set(k, v);
  }
  for (const [k, v] of mount(umbrellaChart(umbrellaComponents, charts), `helm/${UMBRELLA}`)) dist.set(k, v);
  const { platform, charts: planCharts } = platformOutputs(components);
  for (const [name, tree] of planCharts) for (const [k, v] of mount(tree, `helm/${name}`)) dist.set(k, v);
  for (const [k, v] of mount(platform, 'platform')) dist.set(k, v);
  for (const [k, v] of mount(kustomizeExample(umbrellaComponents), 'kustomize/example')) dist.set(k, v);
  // every generated file says so, in its own syntax
  return markTree(applyVersions(dist, chartVersions(dist, record), true));
}
