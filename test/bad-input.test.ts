import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentByName, components } from '../src/components/index.js';
import { synthConcrete } from '../src/core/synth.js';
import type { Spec } from '../src/core/values.js';
import { helmChartDir, skipReason } from './support/render.js';
import { exec, tools } from './support/tools.js';

/** Bad values fail `helm template` (Helm 3 and 4) with the value's path; bad props throw naming component and prop. */
const dir = mkdtempSync(join(tmpdir(), 'kf-bad-'));
async function helmFails(chart: string, values: unknown): Promise<string[]> {
  const f = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, JSON.stringify(values));
  const out: string[] = [];
  for (const helm of ['helm3', 'helm4'] as const) {
    const r = await exec(tools[helm], ['template', 'x', helmChartDir(chart), '-f', f]);
    expect(r.code, `${helm} accepted ${JSON.stringify(values)}`).not.toBe(0);
    out.push(r.stderr);
  }
  return out;
}

describe('helm template rejects bad values, naming the value', () => {
  it.each(components.filter((c) => !skipReason(c.info.name)).map((c) => c.info.name))(
    '%s: unknown key at the top and inside a group',
    async (name) => {
      for (const msg of await helmFails(name, { notAValue: 1 })) expect(msg).toMatch(/notAValue/);
      // the first group (or image) value, with a misspelt key inside
      // (values of a wrapped upstream chart are open: that chart's own schema checks them, see its component test)
      const group =
        Object.entries(componentByName(name).info.values).find(
          ([, s]) => (s as Spec).kind === 'image' || ((s as Spec).kind === 'group' && !(s as { open?: boolean }).open),
        )?.[0] ?? 'global';
      const nested = group === 'global' ? { global: { imageRegistry: 1 } } : { [group]: { misspeltKey: true } };
      for (const msg of await helmFails(name, nested)) expect(msg).toMatch(group === 'global' ? /imageRegistry/ : /misspeltKey/);
    },
  );

  it('profiles: --set notAValue=1 fails and names notAValue', async () => {
    const chart = helmChartDir(components.some((c) => c.info.name === 'profiles') ? 'profiles' : components[0]!.info.name);
    for (const helm of ['helm3', 'helm4'] as const) {
      const r = await exec(tools[helm], ['template', 'x', chart, '--set', 'notAValue=1']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/notAValue/);
    }
  });

  it('centraldashboard: wrong type, negative replicas, invalid enum', async () => {
    for (const msg of await helmFails('centraldashboard', { replicas: 'two' })) expect(msg).toMatch(/replicas/);
    for (const msg of await helmFails('centraldashboard', { replicas: -1 })) expect(msg).toMatch(/replicas/);
    for (const msg of await helmFails('centraldashboard', { image: { pullPolicy: 'Sometimes' } })) expect(msg).toMatch(/pullPolicy/);
    for (const msg of await helmFails('centraldashboard', { authOverlay: 'basic' })) expect(msg).toMatch(/authOverlay/);
    for (const msg of await helmFails('centraldashboard', { links: { menuLinks: [{ text: 3 }] } })) expect(msg).toMatch(/menuLinks/);
    // null deletes a key in Helm: a required value must not silently render as 0 or "<nil>"
    for (const msg of await helmFails('centraldashboard', { replicas: null, userIdHeader: null }))
      expect(msg).toMatch(/replicas|userIdHeader/);
  });
});

describe('constructs reject bad props at synth time', () => {
  const dash = componentByName('centraldashboard');
  it('names the component and the value path', () => {
    expect(() => synthConcrete(dash, { values: { replicas: -2 } as never })).toThrow(
      /centraldashboard: invalid props\.values:[\s\S]*replicas/,
    );
    expect(() => synthConcrete(dash, { values: { replicaz: 2 } as never })).toThrow(/centraldashboard[\s\S]*unknown key 'replicaz'/);
    // only the values given are checked (the defaults are linted): a bad one among good ones is still found
    expect(() =>
      synthConcrete(dash, { preset: 'istio', values: { replicas: 2, global: { commonLabels: { 'a b': 'x' } } } as never }),
    ).toThrow(/centraldashboard: invalid props\.values:[\s\S]*global\.commonLabels: key 'a b' must match/);
  });
  it('names an unknown preset', () => {
    expect(() => synthConcrete(dash, { preset: 'nope' })).toThrow(/centraldashboard: prop 'preset' is 'nope', expected one of: istio/);
  });
});
