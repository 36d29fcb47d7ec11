import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { components } from '../src/components/index.js';
import { synthConcreteWithValues } from '../src/core/synth.js';
import type { Spec, Specs } from '../src/core/values.js';
import { normalizeHelm, type K8sObject } from './support/objects.js';
import { compareSets, helmTemplateComponent, inReleaseNamespace, skipReason, upstreamObjects } from './support/render.js';

/**
 * The `if (value)` trap, caught generically: every chart rendered by Helm 3 with every boolean value
 * flipped, and with every other scalar set to a non-default value, must give the objects concrete
 * synthesis gives for the same values. A construct that branches in TypeScript on a value (instead of
 * when/opt/pick…) bakes one side of the branch into the chart and fails here, whether or not a
 * preset happens to flip that value. (Lint refuses the same code earlier: eslint/no-value-truthiness.js.)
 *
 * A component that wraps upstream charts renders their objects through Helm, which concrete synthesis
 * does not have. What concrete synthesis does know is the values it hands each upstream chart (the
 * kustomize `helmCharts` entries): the expected set is its own objects plus each upstream package
 * rendered on its own with exactly those values. Nothing is filtered out, so a flipped value that the
 * wrapper passes on wrongly (or a condition that does not switch a chart) fails here too.
 */
type Path = string[];
function leaves(specs: Specs, path: Path = []): [Path, Spec][] {
  return Object.entries(specs).flatMap(([k, sp]): [Path, Spec][] =>
    sp.kind === 'group' ? leaves(sp.children, [...path, k]) : [[[...path, k], sp]],
  );
}
function set(target: Record<string, any>, path: Path, x: unknown): void {
  let o = target;
  for (const k of path.slice(0, -1)) o = o[k] ??= {};
  o[path.at(-1)!] = x;
}

/** Every boolean flipped. */
export function flippedBooleans(specs: Specs): Record<string, unknown> {
  const out = {};
  for (const [path, sp] of leaves(specs)) if (sp.kind === 'leaf' && sp.schema.type === 'boolean') set(out, path, !sp.default);
  return out;
}

/** Every other scalar moved off its default while staying valid (enums: another member; patterns and formats left alone). */
export function otherScalars(specs: Specs): Record<string, unknown> {
  const out = {};
  for (const [path, sp] of leaves(specs)) {
    if (sp.kind !== 'leaf') continue;
    const sch = sp.schema;
    if (sch.enum) {
      const other = sch.enum.find((x) => x !== sp.default);
      if (other !== undefined) set(out, path, other);
    } else if ((sch.type === 'integer' || sch.type === 'number') && typeof sp.default === 'number') {
      const up = sp.default + 1;
      const x = sch.maximum !== undefined && up > sch.maximum ? sp.default - 1 : up;
      if (sch.minimum === undefined || x >= sch.minimum) set(out, path, x);
    } else if (
      sch.type === 'string' &&
      typeof sp.default === 'string' &&
      !sch.pattern &&
      !sch.format &&
      !sch.anyOf &&
      !sch.oneOf &&
      sp.default !== ''
    ) {
      set(out, path, `${sp.default}x`);
    }
  }
  return out;
}

/**
 * Concrete synthesis; a value only Helm can honour (a secret generated on first install needs
 * `lookup`) is refused there by design, naming the value: it goes back to its default, in both.
 */
function concreteOrHelmOnly(entry: (typeof components)[number], values: Record<string, any>) {
  for (;;) {
    try {
      const r = synthConcreteWithValues(entry, { values: values as never });
      return { objects: r.objects.map((o) => o.json as K8sObject), values: r.values };
    } catch (e) {
      const path = /: (\S+) is true, but generated secrets need Helm/.exec(String(e))?.[1];
      if (!path) throw e;
      const keys = path.split('.');
      const parent = keys.slice(0, -1).reduce((o, k) => o[k], values);
      delete parent[keys.at(-1)!];
    }
  }
}

const dir = mkdtempSync(join(tmpdir(), 'kf-flip-'));
const cases = components
  .flatMap((c) => [
    { name: c.info.name, label: 'every boolean flipped', values: flippedBooleans(c.info.values) },
    { name: c.info.name, label: 'non-default scalars', values: otherScalars(c.info.values) },
  ])
  .filter((c) => Object.keys(c.values).length);

describe.concurrent.each(cases)('$name: $label', ({ name, label, values }) => {
  it('helm3 template ≡ concrete synthesis (+ the upstream charts with the values it passes them)', async (ctx) => {
    const skip = skipReason(name);
    if (skip) return ctx.skip(skip);
    const entry = components.find((c) => c.info.name === name)!;
    const concrete = concreteOrHelmOnly(entry, values);
    const file = join(dir, `${name}-${label.replace(/\W+/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(values));
    const helm = await helmTemplateComponent(name, file);
    const ns = entry.info.release?.namespace;
    const own = concrete.objects.map(normalizeHelm).map((o) => (ns ? inReleaseNamespace(o, ns) : o));
    const expected = [...own, ...(await upstreamObjects(name, concrete.values))];
    expect(compareSets(expected, helm, ['concrete', 'helm3']).join('\n')).toBe('');
  }, 120_000);
});
