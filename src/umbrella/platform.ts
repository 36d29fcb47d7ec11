import { Construct } from 'constructs';
import { allSpecs, enabledByDefault, type Component, type ComponentValues } from '../core/component.js';
import { defaultsOf, mergeValues, type DeepPartial } from '../core/values.js';
import type { ComponentEntry } from '../core/synth.js';
import { umbrellaComponents as allComponents } from '../components/index.js';
import type { ComponentName, PropsOfComponent } from '../components/types.js';
import type { GlobalValueDocs } from '../components/values-docs.generated.js';
import { unmetDependencies } from './dependencies.js';
import { platformPresets, type PlatformPreset, type PlatformPresetName } from './presets.js';

/** One component of the platform: its construct props, plus whether it runs. */
export type PlatformComponentProps<N extends ComponentName = ComponentName> = PropsOfComponent<N> & {
  /** Defaults to true (or to the platform preset's choice, or the component's `umbrellaDefault`). */
  readonly enabled?: boolean;
};

/** Per registered component (a typo in a name or a value fails `tsc`). */
export type PlatformComponentsProps = { readonly [N in ComponentName]?: PlatformComponentProps<N> };

export interface KubeflowPlatformProps {
  /** Start from a platform preset (e.g. `notebooks`). */
  readonly preset?: PlatformPresetName;
  /** Values shared by every component (`global` in the charts). */
  readonly global?: DeepPartial<ComponentValues<Record<never, never>>['global']> & GlobalValueDocs;
  /** Per component: enabled, preset, values. */
  readonly components?: PlatformComponentsProps;
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
    const preset: PlatformPreset | undefined = props.preset ? (platformPresets as Record<string, PlatformPreset>)[props.preset] : undefined;
    // the props are typed per component; inside, components are looked up by their run-time name
    const byName = (props.components ?? {}) as Record<string, PlatformComponentProps<any> | undefined>;
    if (props.preset && !preset) {
      throw new Error(`KubeflowPlatform: prop 'preset' is '${props.preset}', expected one of: ${Object.keys(platformPresets).join(', ')}`);
    }
    const known = new Set(entries.map((e) => e.info.name));
    for (const name of Object.keys(byName)) {
      if (!known.has(name))
        throw new Error(`KubeflowPlatform: prop 'components.${name}' names no component; known: ${[...known].join(', ')}`);
    }
    const entryByName = new Map(entries.map((e) => [e.info.name, e]));
    const enabled = (name: string) =>
      byName[name]?.enabled ?? (preset?.enable ? preset.enable.includes(name) : enabledByDefault(entryByName.get(name)!.info));
    const presetOf = (name: string) => byName[name]?.preset ?? preset?.componentPresets?.[name];
    // a component's values as it will be built (defaults, preset, overrides), for requirements limited by `when`
    const valuesOf = (name: string) => {
      const info = entryByName.get(name)!.info;
      const p = presetOf(name);
      return mergeValues(mergeValues(defaultsOf(allSpecs(info)), p ? (info.presets?.[p]?.values ?? {}) : {}), byName[name]?.values ?? {});
    };
    const global =
      preset?.global || props.global ? { ...(preset?.global ?? {}), ...((props.global ?? {}) as Record<string, unknown>) } : undefined;
    const unmet = unmetDependencies(entries, enabled, global, valuesOf);
    if (unmet.length) throw new Error(`KubeflowPlatform: ${unmet.join('; ')}`);
    for (const entry of entries) {
      const name = entry.info.name;
      if (!enabled(name)) continue;
      const { values } = byName[name] ?? {};
      this.components[name] = entry.create(this, name, {
        preset: presetOf(name),
        values: { ...(values ?? {}), ...(global ? { global: { ...global, ...(values?.global ?? {}) } } : {}) },
      });
    }
  }
}
