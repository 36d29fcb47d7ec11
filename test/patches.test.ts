import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { components } from '../src/components/index.js';
import { mount, writeTree } from '../src/core/files.js';
import { kustomizeBase, kustomizeOverlay } from '../src/core/kustomize/writer.js';
import { synthConcrete, synthConcreteWithValues } from '../src/core/synth.js';
import { helmChartsOf, kustomizeNamespace, wrapsUpstreamCharts } from '../src/core/upstream.js';
import { normalizeHelm, parseObjects, type K8sObject } from './support/objects.js';
import { compareSets, helmTemplateComponent, inReleaseNamespace, kustomizeDir, skipReason, upstreamObjects } from './support/render.js';
import { kustomizeBuild, tools } from './support/tools.js';

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

/**
 * The same values three ways. A component that wraps upstream charts is rendered as it ships: Helm with
 * the packages in charts/, Kustomize as an overlay of its base/objects with `helmCharts` for the values
 * (what synth writes for a preset). Its patches reach its own objects; the expected set is concrete
 * synthesis plus each upstream chart rendered alone with the values concrete synthesis hands it.
 */
async function threeWays(name: string, values: Record<string, unknown>) {
  const entry = components.find((c) => c.info.name === name)!;
  const concrete = synthConcreteWithValues(entry, { values: values as never });
  const helm = await helmTemplateComponent(name, file(name, values));
  const kustomize = wrapsUpstreamCharts(entry.info) ? await wrapperOverlay(name, concrete) : await plainOverlay(name, concrete.objects);
  const ns = entry.info.release?.namespace;
  const own = concrete.objects.map((o) => normalizeHelm(o.json as K8sObject)).map((o) => (ns ? inReleaseNamespace(o, ns) : o));
  return { own, concrete: [...own, ...(await upstreamObjects(name, concrete.values))], helm, kustomize };
}

async function plainOverlay(name: string, patched: ReturnType<typeof synthConcrete>) {
  const entry = components.find((c) => c.info.name === name)!;
  const out = join(dir, name);
  writeTree(
    out,
    new Map([
      ...mount(kustomizeBase(synthConcrete(entry)), 'base'),
      ...mount(kustomizeOverlay(synthConcrete(entry), patched), 'overlays/patched'),
    ]),
  );
  return parseObjects(await kustomizeBuild(join(out, 'overlays/patched')));
}

async function wrapperOverlay(name: string, patched: ReturnType<typeof synthConcreteWithValues>) {
  const entry = components.find((c) => c.info.name === name)!;
  const root = await kustomizeDir(name);
  const out = join(root, 'overlays', 'patched');
  writeTree(
    out,
    kustomizeOverlay(synthConcrete(entry), patched.objects, '../../base/objects', {
      ...kustomizeNamespace(entry.info),
      helmCharts: helmChartsOf(entry.info, patched.values),
    }),
  );
  if (existsSync(join(root, 'base', 'charts'))) cpSync(join(root, 'base', 'charts'), join(out, 'charts'), { recursive: true });
  return parseObjects(await kustomizeBuild(out, ['--enable-helm', '--helm-command', tools.helm3])).map(normalizeHelm);
}

describe('patches (escape hatch)', () => {
  it('add, replace, remove and append in lists: Helm ≡ concrete ≡ Kustomize', async () => {
    const values = {
      patches: [
        {
          kind: 'Deployment',
          name: 'centraldashboard',
          patch: [
            { op: 'add', path: '/spec/template/spec/priorityClassName', value: 'high' },
            { op: 'replace', path: '/spec/template/spec/containers/0/ports/0/containerPort', value: 9999 },
            { op: 'add', path: '/spec/template/spec/containers/0/env/-', value: { name: 'EXTRA', value: '1' } },
            { op: 'add', path: '/spec/template/spec/containers/0/env/1', value: { name: 'SECOND', value: '2' } },
            { op: 'remove', path: '/spec/template/spec/containers/0/env/0' },
            { op: 'add', path: '/metadata/annotations', value: { 'example.com~1x': 'y' } },
            { op: 'add', path: '/metadata/annotations/a~1b', value: 'c' },
          ],
        },
      ],
    };
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
    const skip = skipReason(name);
    if (skip) return console.log(skip);
    const entry = components.find((c) => c.info.name === name)!;
    // concrete synthesis only has the component's own objects (for a wrapper: the Kubeflow-owned ones)
    const own = synthConcreteWithValues(entry);
    if (!own.objects.length) {
      // a wrapper with nothing of its own (istio-crds): the upstream chart's objects are not patchable, and a patch aimed at one says so
      const up = (await upstreamObjects(name, own.values))[0]!;
      expect(() =>
        synthConcrete(entry, {
          values: { patches: [{ kind: up.kind, name: up.metadata.name, patch: [{ op: 'remove', path: '/spec' }] }] } as never,
        }),
      ).toThrow(
        new RegExp(
          `${name}: value 'patches' targets ${up.kind}/${up.metadata.name.replace(/\./g, '\\.')}, which this component does not create`,
        ),
      );
      return;
    }
    const target = own.objects[0]!;
    const meta = target.json.metadata as { name: string; namespace?: string };
    const values = {
      patches: [
        {
          kind: target.json.kind,
          name: meta.name,
          ...(meta.namespace ? { namespace: meta.namespace } : {}),
          patch: [{ op: 'add', path: '/metadata/labels', value: { patched: 'yes' } }],
        },
      ],
    };
    let r;
    try {
      r = await threeWays(name, values);
    } catch (e) {
      // objects repeated per list item are not patchable, and say so
      expect(String(e)).toMatch(/creates per list item/);
      return;
    }
    expect(r.own.filter((o) => o.metadata.labels?.patched === 'yes').length).toBe(1);
    expect(r.helm.filter((o) => o.metadata.labels?.patched === 'yes').length).toBe(1);
    expect(compareSets(r.concrete, r.helm, ['concrete', 'helm3']).join('\n')).toBe('');
    expect(compareSets(r.helm, r.kustomize, ['helm3', 'kustomize']).join('\n')).toBe('');
  });

  it('a patch that targets no object fails naming it', () => {
    const dash = components.find((c) => c.info.name === 'centraldashboard')!;
    expect(() =>
      synthConcrete(dash, {
        values: { patches: [{ kind: 'Deployment', name: 'nope', patch: [{ op: 'remove', path: '/spec' }] }] } as never,
      }),
    ).toThrow(/centraldashboard: value 'patches' targets Deployment\/nope/);
  });
});
