import { allSpecs, enabledByDefault } from '../core/component.js';
import type { ComponentEntry } from '../core/synth.js';
import { defaultsOf, mergeValues } from '../core/values.js';
import { presetValues } from '../umbrella/chart.js';
import { unmetDependencies } from '../umbrella/dependencies.js';
import { platformPresets, type PlatformPreset } from '../umbrella/presets.js';

/**
 * A platform definition in the form of the `kubeflow` umbrella chart's values: `global` plus one
 * section per component (`enabled` and that component's values). One file of this shape drives the
 * umbrella chart, the install plan and the `kubeflow-cdk8s` command.
 */
export type PlatformValues = { global?: Record<string, unknown> } & Record<string, Record<string, unknown> | undefined>;

/** The platform after presets and values: the enabled components with their values, in platform order. */
export interface ResolvedPlatform {
  readonly enabled: ComponentEntry[];
  /** Per enabled component: its values (component preset values merged with the file's), without `enabled`. */
  readonly values: ReadonlyMap<string, Record<string, unknown>>;
  readonly global: Record<string, unknown>;
}

/**
 * Applies a platform preset (its enabled set and component presets) under `values`, and checks the
 * names and dependencies. Throws one message listing every problem.
 */
export function resolvePlatform(entries: ComponentEntry[], values: PlatformValues = {}, preset?: string): ResolvedPlatform {
  const p = preset === undefined ? undefined : (platformPresets as Record<string, PlatformPreset>)[preset];
  if (preset !== undefined && !p)
    throw new Error(`platform preset '${preset}' does not exist; known: ${Object.keys(platformPresets).join(', ')}`);
  const known = new Set(entries.map((e) => e.info.name));
  const unknown = Object.keys(values).filter((k) => k !== 'global' && !known.has(k));
  if (unknown.length) throw new Error(`platform values name no component: ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
  const base = p ? presetValues(entries, p) : Object.fromEntries(entries.map((e) => [e.info.name, { enabled: defaultEnabled(e) }]));
  const merged = mergeValues(base, values) as Record<string, Record<string, unknown>>;
  const isOn = (name: string) => merged[name]?.enabled !== false;
  const global = (values.global ?? {}) as Record<string, unknown>;
  // a component's values as it will be built, for requirements limited by `when`
  const valuesOf = (name: string) => mergeValues(defaultsOf(allSpecs(entries.find((e) => e.info.name === name)!.info)), merged[name] ?? {});
  const unmet = unmetDependencies(entries, isOn, global, valuesOf);
  if (unmet.length) throw new Error(`platform dependencies not met:\n- ${unmet.join('\n- ')}`);
  const enabled = entries.filter((e) => isOn(e.info.name));
  const out = new Map<string, Record<string, unknown>>();
  for (const e of enabled) {
    const { enabled: _, ...own } = merged[e.info.name] ?? {};
    out.set(e.info.name, own);
  }
  return { enabled, values: out, global };
}

/** Whether the umbrella enables a component when nothing says otherwise. */
export function defaultEnabled(e: ComponentEntry): boolean {
  return enabledByDefault(e.info);
}
