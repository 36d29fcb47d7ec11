import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { writeTree } from '../../src/core/files.js';
import { kustomizeHash } from '../../src/core/hash.js';
import { prettyJson } from '../../src/core/conditions.js';
import { synthComponent, synthConcrete } from '../../src/core/synth.js';
import { emitYaml } from '../../src/core/yaml-emit.js';
import { HELPERS_TPL, JSON_TPL } from '../../src/core/helm/helpers-tpl.js';
import { parseObjects } from '../support/objects.js';
import { compareSets } from '../support/render.js';
import { helmTemplate, kustomizeBuild } from '../support/tools.js';
import { features } from './feature-component.js';

const tmp = mkdtempSync(join(tmpdir(), 'kf-engine-'));
const out = synthComponent(features);
writeTree(join(tmp, 'helm/features'), out.helm);
writeTree(join(tmp, 'kustomize/features'), out.kustomize);

const valueSets: Record<string, unknown> = {
  defaults: {},
  toggled: { debug: true, mode: 'c', replicas: 3, port: 9090, ratio: 2.25, existingSecret: 'creds', feature: { enabled: false } },
  spread: {
    extraEnv: [
      { name: 'X', value: 'y' },
      { name: 'Y', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ],
    nodeSelector: { disk: 'ssd' },
    tolerations: [{ key: 'k', operator: 'Exists' }],
  },
  empties: { resources: {}, labels: {}, config: {}, feature: { name: 'plain' } },
  images: {
    image: { digest: `sha256:${'a'.repeat(64)}` },
    global: { imageRegistry: 'mirror.local:5000', auth: { issuerUrl: 'https://login.example.com' } },
  },
  commonLabels: { global: { commonLabels: { team: 'platform', 'cost-center': 'ml-42' } } },
  bigNumbers: { port: 65535, replicas: 10000000, memory: '512Mi', config: { n: 12345678, f: 1.5, t: true, s: '10' } },
};

describe('engine: Helm 3, Helm 4 and concrete synthesis agree for every feature', () => {
  it.each(Object.entries(valueSets))('%s', async (name, values) => {
    const f = join(tmp, `${name}.yaml`);
    writeFileSync(f, JSON.stringify(values));
    const chart = join(tmp, 'helm/features');
    const concrete = synthConcrete(features, { values: values as never }).map((o) => o.json);
    const h3 = parseObjects(await helmTemplate('helm3', chart, ['-f', f]));
    const h4 = parseObjects(await helmTemplate('helm4', chart, ['-f', f]));
    expect(compareSets(concrete, h3, ['concrete', 'helm3']).join('\n')).toBe('');
    expect(compareSets(concrete, h4, ['concrete', 'helm4']).join('\n')).toBe('');
    if (name === 'images') expect(JSON.stringify(h3)).toContain('--issuer=https://login.example.com');
    if (name === 'commonLabels') {
      for (const o of h3) expect(o.metadata.labels['cost-center'], `${o.kind} has the common label`).toBe('ml-42');
      const cm = h3.find((o) => o.kind === 'ConfigMap')!;
      expect(cm.metadata.labels.team).toBe('a'); // the object's own label wins
      const dep = h3.find((o) => o.kind === 'Deployment')!;
      expect(dep.spec.template.metadata.labels['cost-center']).toBeUndefined();
      expect(dep.spec.selector.matchLabels['cost-center']).toBeUndefined();
    }
  });

  it('kustomize overlay = Helm preset', async () => {
    const k = parseObjects(await kustomizeBuild(join(tmp, 'kustomize/features/overlays/everything')));
    const h = parseObjects(
      await helmTemplate('helm3', join(tmp, 'helm/features'), ['-f', join(tmp, 'helm/features/presets/everything.yaml')]),
    );
    expect(compareSets(h, k, ['helm3', 'kustomize']).join('\n')).toBe('');
    expect(k.find((o) => o.kind === 'Deployment')!.spec.template.spec.hostNetwork).toBe(true);
  });
});

describe('kustomize hash names', () => {
  it('match kustomize 5 configMapGenerator/secretGenerator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kf-hash-'));
    const data = { 'a.json': '{"x": "<&>"}', B: 'é ü', C: '' };
    writeFileSync(
      join(dir, 'kustomization.yaml'),
      stringify({
        configMapGenerator: [{ name: 'cm', literals: Object.entries(data).map(([k, v]) => `${k}=${v}`) }],
        secretGenerator: [{ name: 'sec', literals: ['P=pw'] }],
      }),
    );
    const objs = parseObjects(await kustomizeBuild(dir));
    expect(objs.find((o) => o.kind === 'ConfigMap')!.metadata.name).toBe(`cm-${kustomizeHash('ConfigMap', data)}`);
    expect(objs.find((o) => o.kind === 'Secret')!.metadata.name).toBe(
      `sec-${kustomizeHash('Secret', { P: Buffer.from('pw').toString('base64') })}`,
    );
  });
});

describe('JSON helper', () => {
  it('prints what prettyJson prints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kf-json-'));
    const value = { z: [1, 2.5, { b: '<a & "b">', a: [] }], a: {}, m: 'é\n\t', n: null, t: true };
    writeTree(
      dir,
      new Map([
        ['Chart.yaml', 'apiVersion: v2\nname: j\nversion: 0.1.0\n'],
        ['values.yaml', JSON.stringify({ value })],
        ['templates/_helpers.tpl', HELPERS_TPL + JSON_TPL],
        [
          'templates/cm.yaml',
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: j\ndata:\n  two: {{ include "kubeflow-cdk8s.json" (dict "v" .Values.value "indent" 2 "level" 0) | quote }}\n  four: {{ include "kubeflow-cdk8s.json" (dict "v" .Values.value "indent" 4 "level" 1) | quote }}\n',
        ],
      ]),
    );
    for (const helm of ['helm3', 'helm4'] as const) {
      const cm = parseObjects(await helmTemplate(helm, dir))[0]!;
      expect(cm.data.two).toBe(prettyJson(value, 2, 0));
      expect(cm.data.four).toBe(prettyJson(value, 4, 1));
    }
  });
});

describe('YAML emitter', () => {
  it('round-trips tricky scalars', () => {
    const samples = [
      'a b',
      'path/to',
      '/x',
      'Yes',
      'a, b',
      'f(x)',
      'x -',
      'x_y.z@v',
      'ON',
      '',
      ' lead',
      'trail ',
      'a: b',
      '- x',
      '#c',
      'yes',
      'null',
      '0x1F',
      '1e3',
      '@at',
      "it's",
      '"q"',
      'multi\nline\n',
      'multi\nno-end',
      'ends\n\n',
      '\ttab\nx',
      'é ü 中',
      'x\n  indented\ny',
      '{{ x }}',
      'a\r\nb',
    ];
    const obj = {
      list: samples,
      map: Object.fromEntries(samples.map((s, i) => [`k${i}`, s])),
      nested: [{ a: [[1, 'x'], {}], b: [] }],
      n: [0, -1.5, true, null],
    };
    expect(parse(emitYaml(obj))).toEqual(obj);
  });
});
