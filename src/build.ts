import { mount, type FileTree } from './core/files.js';
import { synthComponent } from './core/synth.js';
import { components } from './components/index.js';
import { kustomizeExample, UMBRELLA, umbrellaChart } from './umbrella/chart.js';
import { isSeparateRelease, platformOutputs } from './platform/index.js';

/** The whole dist/ tree, in memory. */
export function buildDist(): FileTree {
  const dist: FileTree = new Map();
  const charts = new Map<string, FileTree>();
  for (const entry of components) {
    const out = synthComponent(entry);
    charts.set(entry.info.name, out.helm);
    for (const [k, v] of mount(out.helm, `helm/${entry.info.name}`)) dist.set(k, v);
    for (const [k, v] of mount(out.kustomize, `kustomize/${entry.info.name}`)) dist.set(k, v);
  }
  const umbrellaMembers = components.filter((e) => !isSeparateRelease(e));
  for (const [k, v] of mount(umbrellaChart(umbrellaMembers, charts), `helm/${UMBRELLA}`)) dist.set(k, v);
  const { platform, charts: planCharts } = platformOutputs(components);
  for (const [name, tree] of planCharts) for (const [k, v] of mount(tree, `helm/${name}`)) dist.set(k, v);
  for (const [k, v] of mount(platform, 'platform')) dist.set(k, v);
  for (const [k, v] of mount(kustomizeExample(components), 'kustomize/example')) dist.set(k, v);
  return dist;
}
