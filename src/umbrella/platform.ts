import { Construct } from 'constructs';
import { allSpecs, enabledByDefault, type Component, type ComponentProps, type ComponentValues } from '../core/component.js';
import { defaultsOf, mergeValues, type DeepPartial } from '../core/values.js';
import type { ComponentEntry } from '../core/synth.js';
import { umbrellaComponents as allComponents } from '../components/index.js';
import { unmetDependencies } from './dependencies.js';
import { platformPresets } from './presets.js';

export interface PlatformComponentProps extends ComponentProps<any> {
  /** Defaults to the platform preset's choice, else to the component's `umbrellaDefault` (true for most). */
  readonly enabled?: boolean;
}

export interface KubeflowPlatformProps {
  /** Start from a platform preset (e.g. `notebooks`). */
  readonly preset?: string;
  /** Values shared by every component (`global` in the charts). */
  readonly global?: DeepPartial<ComponentValues<{}>['global']>;
  /** Per component: enabled, preset, values. */
  readonly components?: Record<string, PlatformComponentProps>;
}

/**
 * The whole Kubeflow platform as one construct: every component, each switchable, with shared
 * global values and enforced dependencies. The `kubeflow` Helm chart and the Kustomize example are
 * the synthesized forms of the same composition.
 */
export class KubeflowPlatform extends Construct {
  public readonly components: Record<string, Component<any>> = {};

  constructor(scope: Construct, id: string, props: KubeflowPlatformProps = {}, entries: ComponentEntry[] = allComponents) {
    super(scope, id);
    const preset = props.preset ? platformPresets[props.preset] : undefined;
    if (props.preset && !preset) {
      throw new Error(`KubeflowPlatform: prop 'preset' is '${props.preset}', expected one of: ${Object.keys(platformPresets).join(', ')}`);
    }
    const known = new Set(entries.map((e) => e.info.name));
    for (const name of Object.keys(props.components ?? {})) {
      if (!known.has(name)) throw new Error(`KubeflowPlatform: prop 'components.${name}' names no component; known: ${[...known].join(', ')}`);
    }
    const byName = new Map(entries.map((e) => [e.info.name, e]));
    const enabled = (name: string) => props.components?.[name]?.enabled ?? (preset?.enable ? preset.enable.includes(name) : enabledByDefault(byName.get(name)!.info));
    const presetOf = (name: string) => props.components?.[name]?.preset ?? preset?.componentPresets?.[name];
    // a component's values as it will be built (defaults, preset, overrides), for requirements limited by `when`
    const valuesOf = (name: string) => {
      const info = byName.get(name)!.info;
      const p = presetOf(name);
      return mergeValues(mergeValues(defaultsOf(allSpecs(info)), p ? info.presets?.[p]?.values ?? {} : {}), props.components?.[name]?.values ?? {});
    };
    const global = preset?.global || props.global ? { ...(preset?.global ?? {}), ...(props.global ?? {}) } : undefined;
    const unmet = unmetDependencies(entries, enabled, global, valuesOf);
    if (unmet.length) throw new Error(`KubeflowPlatform: ${unmet.join('; ')}`);
    for (const entry of entries) {
      const name = entry.info.name;
      if (!enabled(name)) continue;
      const { values } = props.components?.[name] ?? {};
      this.components[name] = entry.create(this, name, {
        preset: presetOf(name),
        values: { ...(values ?? {}), ...(global ? { global: { ...global, ...(values?.global ?? {}) } } : {}) },
      });
    }
  }
}
