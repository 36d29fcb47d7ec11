import type { Requirement } from '../core/component.js';
import type { ComponentEntry } from '../core/synth.js';

/**
 * Platform pieces that come from their own upstream Helm charts (DESIGN §3) and are not yet part of
 * this project: components may require them, but nothing here can enable or check them.
 */
export const EXTERNAL_PREREQUISITES = ['cert-manager', 'istio-crds', 'istio-install'];

export const requirementName = (r: Requirement): string => (typeof r === 'string' ? r : r.component);
export const requiredNames = (c: ComponentEntry): string[] => (c.info.requires ?? []).map(requirementName);

/** Enabled components whose required components are disabled, as `a requires b` messages. */
export function unmetDependencies(components: ComponentEntry[], enabled: (name: string) => boolean, globals: Record<string, unknown> = {}): string[] {
  const known = new Set(components.map((c) => c.info.name));
  const globalSet = (path: string) => {
    const x = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], globals);
    return x !== undefined && x !== null && x !== '';
  };
  return components.flatMap((c) => !enabled(c.info.name) ? [] : (c.info.requires ?? [])
    .filter((r) => known.has(requirementName(r)) && !enabled(requirementName(r)) && !(typeof r !== 'string' && globalSet(r.unlessGlobal)))
    .map((r) => requirementMessage(c.info.name, r)));
}

export function requirementMessage(name: string, r: Requirement): string {
  const req = requirementName(r);
  const alt = typeof r === 'string' ? '' : ` or set global.${r.unlessGlobal}`;
  return `${name} requires ${req}, which is disabled: enable ${req}${alt} or disable ${name}`;
}

/** Requirements that name neither a component nor a known prerequisite (a typo in a definition). */
export function unknownRequirements(components: ComponentEntry[]): string[] {
  const known = new Set([...components.map((c) => c.info.name), ...EXTERNAL_PREREQUISITES]);
  return components.flatMap((c) => requiredNames(c).filter((r) => !known.has(r)).map((r) => `${c.info.name} requires unknown component ${r}`));
}
