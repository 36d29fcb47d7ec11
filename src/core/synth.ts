import type { Construct } from 'constructs';
import { SYMBOLIC_CONTEXT, type Component, type ComponentInfo, type ComponentProps } from './component.js';
import { mount, type FileTree } from './files.js';
import { componentChart } from './helm/chart.js';
import { kustomization, kustomizeBase, kustomizeOverlay } from './kustomize/writer.js';
import { collect, scratchChart, type SynthObject } from './objects.js';
import { SymbolicResolver } from './serialize.js';
import { helmChartsOf, kustomizeNamespace, wrapsUpstreamCharts } from './upstream.js';
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
  return synthConcreteWithValues(entry, props).objects;
}

const defaults = new WeakMap<ComponentEntry, { objects: SynthObject[]; values: Record<string, any> }>();
/**
 * Concrete synthesis with default values, computed once per component: the Kustomize base, the
 * umbrella's size check, the CRD and namespace charts of the install plan all read it (read-only).
 */
export function synthDefaults(entry: ComponentEntry): { objects: SynthObject[]; values: Record<string, any> } {
  let d = defaults.get(entry);
  if (!d) defaults.set(entry, (d = synthConcreteWithValues(entry)));
  return d;
}

/** Concrete synthesis, with the resolved values (wrapped upstream charts get them as `valuesInline`). */
export function synthConcreteWithValues(
  entry: ComponentEntry,
  props: ComponentProps<any> = {},
): { objects: SynthObject[]; values: Record<string, any> } {
  const chart = scratchChart();
  const c = entry.create(chart, entry.info.name, props);
  c.applyGlobalObjectRules();
  c.applyPatches();
  return { objects: collect(c, (o) => o.toJson()), values: c.resolvedValues as Record<string, any> };
}

export interface ComponentOutputs {
  readonly helm: FileTree;
  readonly kustomize: FileTree;
}

/** `known`: names of the project's components (READMEs mark requirements outside it). */
export function synthComponent(entry: ComponentEntry, known?: ReadonlySet<string>): ComponentOutputs {
  if (wrapsUpstreamCharts(entry.info)) return synthWrapper(entry, known);
  const base = synthDefaults(entry).objects;
  const kustomize = mount(kustomizeBase(base), 'base');
  for (const p of Object.keys(entry.info.presets ?? {})) {
    for (const [k, v] of mount(kustomizeOverlay(base, synthConcrete(entry, { preset: p })), `overlays/${p}`)) kustomize.set(k, v);
  }
  return { helm: componentChart(entry.info, synthSymbolic(entry), base, known), kustomize };
}

/**
 * A component that wraps upstream charts: its own objects in `base/objects` (a plain Kustomize base),
 * `base/` adds the charts as `helmCharts` with the default values, each `overlays/<preset>` patches the
 * own objects and inflates the charts with the preset's values (an overlay cannot patch `valuesInline`).
 */
function synthWrapper(entry: ComponentEntry, known?: ReadonlySet<string>): ComponentOutputs {
  const base = synthDefaults(entry);
  const kustomize = mount(kustomizeBase(base.objects), 'base/objects');
  const ns = kustomizeNamespace(entry.info);
  kustomize.set(
    'base/kustomization.yaml',
    kustomization({ ...ns, resources: ['objects'], helmCharts: helmChartsOf(entry.info, base.values) }),
  );
  for (const p of Object.keys(entry.info.presets ?? {})) {
    const variant = synthConcreteWithValues(entry, { preset: p });
    const overlay = kustomizeOverlay(base.objects, variant.objects, '../../base/objects', {
      ...ns,
      helmCharts: helmChartsOf(entry.info, variant.values),
    });
    for (const [k, v] of mount(overlay, `overlays/${p}`)) kustomize.set(k, v);
  }
  return { helm: componentChart(entry.info, synthSymbolic(entry), base.objects, known), kustomize };
}
