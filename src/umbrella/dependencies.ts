import type { ComponentEntry } from '../core/synth.js';

/** Enabled components whose required components are disabled, as `a requires b` messages. */
export function unmetDependencies(components: ComponentEntry[], enabled: (name: string) => boolean): string[] {
  const known = new Set(components.map((c) => c.info.name));
  return components.flatMap((c) =>
    !enabled(c.info.name) ? [] : (c.info.requires ?? [])
      .filter((r) => known.has(r) && !enabled(r))
      .map((r) => `${c.info.name} requires ${r}, which is disabled: enable ${r} or disable ${c.info.name}`));
}

/**
 * Platform pieces that come from their own upstream Helm charts (DESIGN §3) and are not yet part of
 * this project: components may require them, but nothing here can enable or check them.
 */
export const EXTERNAL_PREREQUISITES = ['cert-manager', 'istio-crds', 'istio-install', 'knative-serving'];

/** Requirements that name neither a component nor a known prerequisite (a typo in a definition). */
export function unknownRequirements(components: ComponentEntry[]): string[] {
  const known = new Set([...components.map((c) => c.info.name), ...EXTERNAL_PREREQUISITES]);
  return components.flatMap((c) => (c.info.requires ?? []).filter((r) => !known.has(r)).map((r) => `${c.info.name} requires unknown component ${r}`));
}
