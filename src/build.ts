import { mount, type FileTree } from './core/files.js';
import { markTree } from './core/generated-marker.js';
import { synthComponent } from './core/synth.js';
import { components, platformOrder } from './components/index.js';
import { unknownRequirements } from './umbrella/dependencies.js';
import { kustomizeExample, UMBRELLA, umbrellaChart } from './umbrella/chart.js';

/** The whole dist/ tree, in memory. */
export function buildDist(): FileTree {
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
  for (const [k, v] of mount(umbrellaChart(components, charts), `helm/${UMBRELLA}`)) dist.set(k, v);
  for (const [k, v] of mount(kustomizeExample(components), 'kustomize/example')) dist.set(k, v);
  // every generated file says so, in its own syntax
  return markTree(dist);
}
