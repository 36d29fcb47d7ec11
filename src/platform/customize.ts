import { allSpecs, overrideDefaults, SYMBOLIC_CONTEXT, type ComponentInfo } from '../core/component.js';
import type { ComponentEntry } from '../core/synth.js';
import { imageRegistryOverrides } from '../core/upstream.js';
import { defaultsOf, mergeValues, type Specs } from '../core/values.js';

/**
 * A release's or a chart's values (own and `global`) with `global.imageRegistry` carried into the
 * image hubs of the charts a component wraps (its chart cannot do that itself, and refuses the registry
 * without them): what the install plan and a team's customized charts hold.
 */
export function withImageRegistry(info: ComponentInfo<any>, values: Record<string, unknown>): Record<string, unknown> {
  if (!info.upstreamCharts?.some((c) => c.imageHubs?.length || c.imageRegistries?.length)) return values;
  const hubs = imageRegistryOverrides(info, mergeValues(defaultsOf(allSpecs(info)), values));
  return Object.keys(hubs).length ? (mergeValues(values, hubs) as Record<string, unknown>) : values;
}

/**
 * A component whose defaults are a platform team's values: its chart's values.yaml holds them (own
 * and `global`), its Kustomize base renders them, and each preset still applies on top of them, in
 * both outputs. The values are validated first, so a typo fails naming the component and the value.
 */
export function withValues<S extends Specs>(
  entry: ComponentEntry<S>,
  values: Record<string, unknown>,
  global: Record<string, unknown> = {},
): ComponentEntry<S> {
  const carried = withImageRegistry(entry.info, { ...values, global: mergeValues(global, values.global ?? {}) });
  const { global: allGlobal = {}, ...own } = carried as { global?: Record<string, unknown> };
  if (!Object.keys(own).length && !Object.keys(allGlobal).length) return entry;
  const base = { ...own, global: allGlobal };
  const info = { ...entry.info, values: overrideDefaults(entry.info.values, own) as S, globalDefaults: allGlobal };
  return {
    info,
    create: (scope, id, props = {}) => {
      if (scope.node.tryGetContext(SYMBOLIC_CONTEXT) === true) return entry.create(scope, id, props);
      const preset = props.preset ? entry.info.presets?.[props.preset] : undefined;
      if (props.preset && !preset) return entry.create(scope, id, props); // the component names the bad preset
      return entry.create(scope, id, { values: mergeValues(mergeValues(base, preset?.values ?? {}), props.values ?? {}) });
    },
  };
}
