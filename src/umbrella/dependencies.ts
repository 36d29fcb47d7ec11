import type { Requirement } from '../core/component.js';
import type { ComponentEntry } from '../core/synth.js';

/**
 * Components that wrap upstream Helm charts and install as releases of their own before the
 * umbrella (the install plan orders them): the umbrella's components may require them, but the
 * umbrella chart can neither enable nor check them.
 */
export const EXTERNAL_PREREQUISITES = ['cert-manager', 'istio-crds', 'istio-cni', 'istio-install'];

export const requirementName = (r: Requirement): string => (typeof r === 'string' ? r : r.component);
export const requiredNames = (c: ComponentEntry): string[] => (c.info.requires ?? []).map(requirementName);

/** Whether `when` of a requirement holds for the component's values (no `when`: always). */
export function requirementApplies(r: Requirement, values: Record<string, unknown> = {}): boolean {
  if (typeof r === 'string' || !r.when) return true;
  return Object.entries(r.when).every(
    ([path, x]) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], values) === x,
  );
}

/**
 * Enabled components whose required components are disabled, as `a requires b` messages.
 * `valuesOf` gives a component's resolved values, for requirements limited by `when`.
 */
export function unmetDependencies(
  components: ComponentEntry[],
  enabled: (name: string) => boolean,
  globals: Record<string, unknown> = {},
  valuesOf: (name: string) => Record<string, unknown> = () => ({}),
): string[] {
  const known = new Set(components.map((c) => c.info.name));
  const globalSet = (path: string) => {
    const x = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], globals);
    return x !== undefined && x !== null && x !== '';
  };
  return components.flatMap((c) =>
    !enabled(c.info.name)
      ? []
      : (c.info.requires ?? [])
          .filter((r) => known.has(requirementName(r)) && !enabled(requirementName(r)))
          .filter((r) => !(typeof r !== 'string' && r.unlessGlobal && globalSet(r.unlessGlobal)))
          .filter((r) => requirementApplies(r, valuesOf(c.info.name)))
          .map((r) => requirementMessage(c.info.name, r)),
  );
}

/** `when` of a requirement as text: ` (with ui.enabled=true, ui.mode=kubeflow)`. */
export const requirementCondition = (r: Requirement): string =>
  typeof r === 'string' || !r.when
    ? ''
    : ` (with ${Object.entries(r.when)
        .map(([k, x]) => `${k}=${x}`)
        .join(', ')})`;

export function requirementMessage(name: string, r: Requirement): string {
  const req = requirementName(r);
  const alt = typeof r === 'string' || !r.unlessGlobal ? '' : ` or set global.${r.unlessGlobal}`;
  return `${name}${requirementCondition(r)} requires ${req}, which is disabled: enable ${req}${alt} or disable ${name}`;
}

/**
 * Requirements that name neither a component, nor an upstream entry not yet in the project
 * (`planned`: allowed, shown in READMEs as "not part of kubeflow-cdk8s yet", enforced as soon as the
 * component is registered), nor a known prerequisite: each with advice.
 */
export function unknownRequirements(components: ComponentEntry[], planned: readonly string[] = []): string[] {
  const registered = components.map((c) => c.info.name);
  const known = new Set([...registered, ...EXTERNAL_PREREQUISITES, ...planned]);
  return components.flatMap((c) =>
    requiredNames(c)
      .filter((r) => !known.has(r))
      .map((r) => {
        const near = [...known].filter((k) => distance(k, r) <= 2);
        return (
          `${c.info.name} requires unknown component '${r}'` +
          (near.length ? `: did you mean ${near.map((n) => `'${n}'`).join(' or ')}?` : '') +
          ` Known: the registered components (src/components/registry.ts), the upstream entries not yet in the project (${planned.filter((p) => !registered.includes(p)).join(', ') || 'none'})` +
          ` and the external prerequisites (${EXTERNAL_PREREQUISITES.join(', ')}). To depend on a new component, add its folder and registry line first.`
        );
      }),
  );
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)] as number[]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}
