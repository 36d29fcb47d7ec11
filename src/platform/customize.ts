import { overrideDefaults, SYMBOLIC_CONTEXT } from '../core/component.js';
import type { ComponentEntry } from '../core/synth.js';
import { mergeValues, type Specs } from '../core/values.js';

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
  const { global: ownGlobal, ...own } = values as { global?: Record<string, unknown> };
  const allGlobal = mergeValues(global, ownGlobal ?? {}) as Record<string, unknown>;
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
