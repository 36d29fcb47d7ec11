import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { components } from '../src/components/index.js';
import { mount, writeTree } from '../src/core/files.js';
import { kustomizeBase, kustomizeOverlay } from '../src/core/kustomize/writer.js';
import { synthConcrete } from '../src/core/synth.js';
import { normalizeHelm, parseObjects } from './support/objects.js';
import { compareSets, DIST } from './support/render.js';
import { helmTemplate, kustomizeBuild } from './support/tools.js';

/**
 * The escape hatch: the `patches` value applies JSON patches to any object, identically in the chart
 * (kubeflow-cdk8s.patch in _helpers.tpl), in concrete synthesis (cdk8s apps) and in Kustomize
 * (a preset carrying patches becomes overlay patches).
 */
const dir = mkdtempSync(join(tmpdir(), 'kf-patches-'));
const file = (name: string, values: unknown) => {
  const f = join(dir, `${name}.json`);
  writeFileSync(f, JSON.stringify(values));
  return f;
};

async function threeWays(name: string, values: Record<string, unknown>) {
  const entry = components.find((c) => c.info.name === name)!;
  const concrete = synthConcrete(entry, { values: values as never });
  const helm = parseObjects(await helmTemplate('helm3', join(DIST, 'helm', name), ['-f', file(name, values)])).map(normalizeHelm);
  const out = join(dir, name);
  writeTree(out, new Map([...mount(kustomizeBase(synthConcrete(entry)), 'base'), ...mount(kustomizeOverlay(synthConcrete(entry), concrete), 'overlays/patched')]));
  const kustomize = parseObjects(await kustomizeBuild(join(out, 'overlays/patched')));
  return { concrete: concrete.map((o) => normalizeHelm(o.json)), helm, kustomize };
}

describe('patches (escape hatch)', () => {
  it('add, replace, remove and append in lists: Helm ≡ concrete ≡ Kustomize', async () => {
    const values = { patches: [{ kind: 'Deployment', name: 'centraldashboard', patch: [
      { op: 'add', path: '/spec/template/spec/priorityClassName', value: 'high' },
      { op: 'replace', path: '/spec/template/spec/containers/0/ports/0/containerPort', value: 9999 },
      { op: 'add', path: '/spec/template/spec/containers/0/env/-', value: { name: 'EXTRA', value: '1' } },
      { op: 'add', path: '/spec/template/spec/containers/0/env/1', value: { name: 'SECOND', value: '2' } },
      { op: 'remove', path: '/spec/template/spec/containers/0/env/0' },
      { op: 'add', path: '/metadata/annotations', value: { 'example.com~1x': 'y' } },
      { op: 'add', path: '/metadata/annotations/a~1b', value: 'c' },
    ] }] };
    const r = await threeWays('centraldashboard', values);
    const dep = r.concrete.find((o) => o.kind === 'Deployment')!;
    expect(dep.spec.template.spec.priorityClassName).toBe('high');
    expect(dep.spec.template.spec.containers[0].ports[0].containerPort).toBe(9999);
    expect(dep.spec.template.spec.containers[0].env[0].name).toBe('SECOND');
    expect(dep.spec.template.spec.containers[0].env.at(-1)).toEqual({ name: 'EXTRA', value: '1' });
    expect(dep.metadata.annotations).toEqual({ 'example.com~1x': 'y', 'a/b': 'c' });
    expect(compareSets(r.concrete, r.helm, ['concrete', 'helm3']).join('\n')).toBe('');
    expect(compareSets(r.helm, r.kustomize, ['helm3', 'kustomize']).join('\n')).toBe('');
  });

  it.each(components.map((c) => c.info.name))('%s: a patch reaches any of its objects, in every output', async (name) => {
    const entry = components.find((c) => c.info.name === name)!;
    const target = synthConcrete(entry)[0]!;
    const meta = target.json.metadata as { name: string; namespace?: string };
    const values = { patches: [{ kind: target.json.kind, name: meta.name, ...(meta.namespace ? { namespace: meta.namespace } : {}),
      patch: [{ op: 'add', path: '/metadata/labels', value: { patched: 'yes' } }] }] };
    let r;
    try {
      r = await threeWays(name, values);
    } catch (e) {
      // objects repeated per list item are not patchable, and say so
      expect(String(e)).toMatch(/creates per list item/);
      return;
    }
    expect(r.concrete.filter((o) => o.metadata.labels?.patched === 'yes').length).toBe(1);
    expect(compareSets(r.concrete, r.helm, ['concrete', 'helm3']).join('\n')).toBe('');
    expect(compareSets(r.helm, r.kustomize, ['helm3', 'kustomize']).join('\n')).toBe('');
  });

  it('a patch that targets no object fails naming it', () => {
    const dash = components.find((c) => c.info.name === 'centraldashboard')!;
    expect(() => synthConcrete(dash, { values: { patches: [{ kind: 'Deployment', name: 'nope', patch: [{ op: 'remove', path: '/spec' }] }] } as never }))
      .toThrow(/centraldashboard: value 'patches' targets Deployment\/nope/);
  });
});
