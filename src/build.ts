import { mount, type FileTree } from './core/files.js';
import { synthComponent } from './core/synth.js';
import { components } from './components/index.js';

/** The whole dist/ tree, in memory. */
export function buildDist(): FileTree {
  const dist: FileTree = new Map();
  for (const entry of components) {
    const out = synthComponent(entry);
    for (const [k, v] of mount(out.helm, `helm/${entry.info.name}`)) dist.set(k, v);
    for (const [k, v] of mount(out.kustomize, `kustomize/${entry.info.name}`)) dist.set(k, v);
  }
  return dist;
}
