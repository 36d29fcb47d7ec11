import type { Construct } from 'constructs';
import { SYMBOLIC_CONTEXT, type Component, type ComponentInfo, type ComponentProps } from './component.js';
import { mount, type FileTree } from './files.js';
import { componentChart } from './helm/chart.js';
import { kustomizeBase, kustomizeOverlay } from './kustomize/writer.js';
import { collect, scratchChart, type SynthObject } from './objects.js';
import { SymbolicResolver } from './serialize.js';
import type { Specs } from './values.js';

/** What a component folder exports: its definition and how to build it. */
export interface ComponentEntry<S extends Specs = any> {
  readonly info: ComponentInfo<S>;
  create(scope: Construct, id: string, props?: ComponentProps<S>): Component<S>;
}

/** The component's objects with Helm expressions in place of values. */
export function synthSymbolic(entry: ComponentEntry): SynthObject[] {
  const resolver = new SymbolicResolver();
  const chart = scratchChart({ [SYMBOLIC_CONTEXT]: true }, [resolver]);
  const c = entry.create(chart, entry.info.name);
  return collect(c, (o) => resolver.serialize(o));
}

/** The component's objects for concrete values (defaults, a preset, or overrides). */
export function synthConcrete(entry: ComponentEntry, props: ComponentProps<any> = {}): SynthObject[] {
  const chart = scratchChart();
  const c = entry.create(chart, entry.info.name, props);
  c.applyGlobalObjectRules();
  return collect(c, (o) => o.toJson());
}

export interface ComponentOutputs {
  readonly helm: FileTree;
  readonly kustomize: FileTree;
}

export function synthComponent(entry: ComponentEntry): ComponentOutputs {
  const base = synthConcrete(entry);
  const kustomize = mount(kustomizeBase(base), 'base');
  for (const p of Object.keys(entry.info.presets ?? {})) {
    for (const [k, v] of mount(kustomizeOverlay(base, synthConcrete(entry, { preset: p })), `overlays/${p}`)) kustomize.set(k, v);
  }
  return { helm: componentChart(entry.info, synthSymbolic(entry), base), kustomize };
}
