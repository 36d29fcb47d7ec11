import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Chart } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { umbrellaComponents as components } from '../src/components/index.js';
import { platformOrder } from '../src/components/index.js';
import { enabledByDefault } from '../src/core/component.js';
import { synthConcrete } from '../src/core/synth.js';
import { KubeflowPlatform } from '../src/umbrella/platform.js';
import { requiredNames, unknownRequirements } from '../src/umbrella/dependencies.js';
import { byKey, keyOf, normalizeHelm, parseObjects } from './support/objects.js';
import { compareSets, DIST } from './support/render.js';
import { exec, helmTemplate, tools } from './support/tools.js';

const chart = join(DIST, 'helm', 'kubeflow');
/** The umbrella with default values, rendered once for the tests that read it. */
let defaults: Promise<string> | undefined;
const renderDefaults = () => (defaults ??= helmTemplate('helm3', chart));

/** A component and everything that (transitively) requires it. */
function withDependents(name: string): string[] {
  const out = new Set([name]);
  for (let grew = true; grew;) {
    grew = false;
    for (const c of components) {
      if (!out.has(c.info.name) && requiredNames(c).some((r) => out.has(r))) {
        out.add(c.info.name);
        grew = true;
      }
    }
  }
  return [...out];
}

/** A component and one of its requirements that is itself a component of the platform. */
function knownDependency(): [{ info: { name: string } }, string] {
  const names = new Set(components.map((c) => c.info.name));
  for (const c of components) for (const r of requiredNames(c)) if (names.has(r)) return [c, r];
  throw new Error('no component requires another component');
}
const tmp = mkdtempSync(join(tmpdir(), 'kf-umbrella-'));
const valuesFile = (v: unknown) => {
  const f = join(tmp, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(f, JSON.stringify(v));
  return f;
};

/** Components the umbrella installs unless told otherwise (`umbrellaDefault`). */
const onByDefault = components.filter((c) => enabledByDefault(c.info));

describe('umbrella chart', () => {
  it("helm show values documents global.*, every <component>.enabled and where each component's values are", async () => {
    const lines = (await exec(tools.helm3, ['show', 'values', chart])).stdout.split('\n');
    const documented = (key: string, indent: number) => {
      const i = lines.findIndex((l) => l === `${' '.repeat(indent)}${key}:` || l.startsWith(`${' '.repeat(indent)}${key}: `));
      return i > 0 && lines[i - 1]!.trimStart().startsWith('# -- ');
    };
    for (const k of ['commonLabels', 'imageRegistry', 'auth']) expect(documented(k, 2), `global.${k}`).toBe(true);
    for (const k of ['issuerUrl', 'clientId', 'gateway']) expect(documented(k, 4), `global.auth.${k}`).toBe(true);
    for (const c of components) {
      const i = lines.indexOf(`${c.info.name}:`);
      expect(lines[i - 1], c.info.name).toContain(`helm show values ./dist/helm/kubeflow/charts/${c.info.name}`);
      expect(lines[i + 1], c.info.name).toMatch(/^ {2}# -- Install /);
      expect(lines[i + 2]).toBe(`  enabled: ${enabledByDefault(c.info)}`);
    }
  });

  it("components declared off by default (kale; model-registry, not in upstream's example) stay off until enabled", async () => {
    const off = components.filter((c) => !enabledByDefault(c.info));
    expect(off.map((c) => c.info.name)).toEqual(expect.arrayContaining(['kale', 'model-registry']));
    const keys = new Set(parseObjects(await renderDefaults()).map(keyOf));
    for (const c of off)
      for (const o of synthConcrete(c)) expect(keys.has(keyOf(o.json)), `${keyOf(o.json)} rendered by default`).toBe(false);
    // all of them enabled at once: each one's objects are there
    const on = new Set(
      parseObjects(
        await helmTemplate(
          'helm3',
          chart,
          off.flatMap((c) => ['--set', `${c.info.name}.enabled=true`]),
        ),
      ).map(keyOf),
    );
    for (const c of off) for (const o of synthConcrete(c)) expect(on.has(keyOf(o.json)), `${keyOf(o.json)} once enabled`).toBe(true);
  });

  it('every declared requirement names a component (or an upstream entry not yet in the project)', () => {
    expect(unknownRequirements(components, platformOrder)).toEqual([]);
  });

  it('a requirement naming nothing known fails with advice', () => {
    const c = components[0]!;
    const typo = { ...c, info: { ...c.info, requires: ['pipelnes'] } };
    const [msg] = unknownRequirements([typo], platformOrder);
    expect(msg).toMatch(/requires unknown component 'pipelnes': did you mean 'pipelines'\?/);
    expect(msg).toMatch(/add its folder and registry line first/);
  });

  it('renders each component exactly once, and no two components share an object', async () => {
    const all = parseObjects(await renderDefaults()).map(normalizeHelm);
    expect(() => byKey(components.flatMap((c) => synthConcrete(c).map((o) => o.json)))).not.toThrow();
    const fromComponents = onByDefault.flatMap((c) => synthConcrete(c).map((o) => o.json));
    expect(compareSets(all, fromComponents, ['umbrella', 'components']).join('\n')).toBe('');
  });

  // Helm removes a whole subchart when its condition `<name>.enabled` is false: it is enough that every
  // object comes from its own component's subchart (one render with everything on), plus a real
  // disabling for a component with dependents, a leaf and one that is off by default.
  it("every object comes from its own component's subchart, so `<name>.enabled=false` removes exactly its objects", async () => {
    const allOn = Object.fromEntries(components.map((c) => [c.info.name, { enabled: true }]));
    const text = await helmTemplate('helm3', chart, ['-f', valuesFile(allOn), '--set', 'releaseSizeLimitKiB=0']);
    const bySubchart = new Map<string, Set<string>>();
    for (const doc of text.split(/^---$/m)) {
      const source = /^# Source: kubeflow\/charts\/([^/]+)\//m.exec(doc)?.[1];
      const [obj] = parseObjects(doc);
      if (!source || !obj) continue;
      bySubchart.set(source, (bySubchart.get(source) ?? new Set()).add(keyOf(obj)));
    }
    for (const c of components) {
      const own = new Set(synthConcrete(c).map((o) => keyOf(o.json)));
      expect(bySubchart.get(c.info.name) ?? new Set(), c.info.name).toEqual(own);
    }
  });

  it.each(['profiles', 'tensorboards-web-app', 'kserve'])(
    "disabling %s removes exactly its objects (and its dependents')",
    async (name) => {
      const off = Object.fromEntries(withDependents(name).map((n) => [n, { enabled: false }]));
      const rest = parseObjects(await helmTemplate('helm3', chart, ['-f', valuesFile(off)]));
      const expected = onByDefault.filter((c) => !(c.info.name in off)).flatMap((c) => synthConcrete(c).map((o) => o.json));
      expect(new Set(rest.map(keyOf))).toEqual(new Set(expected.map(keyOf)));
    },
  );

  it('fails naming both components when a dependency is disabled', async () => {
    const [dep, req] = knownDependency();
    for (const helm of ['helm3', 'helm4'] as const) {
      const r = await exec(tools[helm], ['template', 'x', chart, '--set', `${req}.enabled=false`]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain(`${dep.info.name} requires ${req}`);
    }
  });

  it("checks a requirement limited by `when` only while the component's values match it", async () => {
    // model-registry needs the dashboard for its Kubeflow-mode UI only
    const alone = valuesFile(Object.fromEntries(components.map((c) => [c.info.name, { enabled: c.info.name === 'model-registry' }])));
    for (const helm of ['helm3', 'helm4'] as const) {
      const kf = await exec(tools[helm], ['template', 'x', chart, '-f', alone]);
      expect(kf.code).not.toBe(0);
      expect(kf.stderr).toContain('model-registry (with ui.enabled=true, ui.mode=kubeflow) requires centraldashboard');
      // (the storage initializer layer needs KServe: off here)
      const standalone = await exec(tools[helm], [
        'template',
        'x',
        chart,
        '-f',
        alone,
        '--set',
        'model-registry.ui.mode=standalone',
        '--set',
        'model-registry.storageInitializer.enabled=false',
      ]);
      expect(standalone.code, standalone.stderr).toBe(0);
      expect(parseObjects(standalone.stdout).some((o) => o.metadata.name === 'auth-proxy-config')).toBe(true);
    }
  });

  it('lets an external issuer stand in for Dex', async () => {
    for (const helm of ['helm3', 'helm4'] as const) {
      const off = await exec(tools[helm], ['template', 'x', chart, '--set', 'dex.enabled=false']);
      expect(off.code).not.toBe(0);
      expect(off.stderr).toContain('oauth2-proxy requires dex, which is disabled: enable dex or set global.auth.issuerUrl');
      const ext = await exec(tools[helm], [
        'template',
        'x',
        chart,
        '--set',
        'dex.enabled=false',
        '--set',
        'global.auth.issuerUrl=https://idp.example.com/realms/kf',
      ]);
      expect(ext.code, ext.stderr).toBe(0);
      const objs = parseObjects(ext.stdout);
      expect(objs.some((o) => o.metadata?.namespace === 'auth' && o.kind === 'Deployment')).toBe(false);
      expect(ext.stdout).toContain('https://idp.example.com/realms/kf');
    }
  });

  it('rejects an unknown component and a typo inside a component section', async () => {
    for (const helm of ['helm3', 'helm4'] as const) {
      const a = await exec(tools[helm], ['template', 'x', chart, '--set', 'katibb.enabled=true']);
      expect(a.code).not.toBe(0);
      expect(a.stderr).toMatch(/katibb/);
      const b = await exec(tools[helm], ['template', 'x', chart, '--set', 'centraldashboard.replicaz=2']);
      expect(b.code).not.toBe(0);
      expect(b.stderr).toMatch(/replicaz/);
    }
  });

  it('global.auth: one value moves every route to another gateway and every component to another issuer', async () => {
    const objs = parseObjects(
      await helmTemplate('helm3', chart, [
        '--set',
        'global.auth.gateway=ingress/main',
        '--set',
        'global.auth.issuerUrl=https://login.acme.io/dex',
      ]),
    );
    const vs = objs.filter((o) => o.kind === 'VirtualService');
    expect(vs.length).toBeGreaterThan(5);
    for (const o of vs) expect(o.spec.gateways, keyOf(o)).toEqual(['ingress/main']);
    const text = JSON.stringify(objs);
    expect(text).not.toMatch(/dex\.auth\.svc\.cluster\.local:5556\/dex/);
    expect(text.match(/https:\/\/login\.acme\.io\/dex/g)!.length).toBeGreaterThanOrEqual(3);
    const cfg = objs.filter((o) => o.kind === 'ConfigMap' && o.data?.ISTIO_GATEWAY).map((o) => o.data.ISTIO_GATEWAY);
    expect(cfg.length).toBeGreaterThan(0);
    for (const g of cfg) expect(g).toBe('ingress/main');
  });

  it('passes global values to every subchart', async () => {
    const objs = parseObjects(await helmTemplate('helm4', chart, ['--set', 'global.imageRegistry=mirror.example:5000']));
    const images = objs.flatMap((o) => (o.spec?.template?.spec?.containers ?? []).map((c: { image: string }) => c.image));
    expect(images.length).toBeGreaterThan(0);
    for (const img of images) expect(img).toMatch(/^mirror\.example:5000\//);
  });
});

describe('KubeflowPlatform construct (plain cdk8s app)', () => {
  const synth = (props: ConstructorParameters<typeof KubeflowPlatform>[2]) => {
    const app = new App({ outdir: tmp });
    const c = new Chart(app, 'platform', { disableResourceNameHashes: true });
    new KubeflowPlatform(c, 'kubeflow', props);
    return parseObjects(app.synthYaml());
  };
  let defaults: ReturnType<typeof synth> | undefined;
  const synthDefaults = () => (defaults ??= synth({}));
  let optIns: ReturnType<typeof synth> | undefined;
  const synthOptIns = () => (optIns ??= synth({ components: { kale: { enabled: true }, 'model-registry': { enabled: true } } }));

  it('leaves kale off by default (umbrellaDefault) and renders it when enabled', () => {
    const kalePd = (objs: ReturnType<typeof synth>) =>
      objs.some((o) => o.kind === 'PodDefault' && o.metadata.name === 'kale-pipelines-access');
    expect(kalePd(synthDefaults())).toBe(false);
    expect(kalePd(synthOptIns())).toBe(true);
  });

  it('synthesizes what the umbrella chart renders', async () => {
    const helm = parseObjects(await renderDefaults()).map(normalizeHelm);
    expect(compareSets(synthDefaults(), helm, ['construct', 'helm']).join('\n')).toBe('');
  });

  it('follows umbrellaDefault and requirements limited by `when`', () => {
    const names = (objs: ReturnType<typeof synth>) => new Set(objs.map((o) => o.metadata.name));
    expect(names(synthDefaults())).not.toContain('model-registry-deployment');
    expect(names(synthOptIns())).toContain('model-registry-deployment');
    const only = (extra: object) => ({
      components: {
        ...Object.fromEntries(components.map((c) => [c.info.name, { enabled: false }])),
        'model-registry': { enabled: true, ...extra },
      },
    });
    expect(() => synth(only({}))).toThrow(/model-registry \(with ui\.enabled=true, ui\.mode=kubeflow\) requires centraldashboard/);
    expect(names(synth(only({ preset: 'ui-standalone' })))).toContain('auth-proxy-config');
    expect(() => synth(only({ values: { ui: { enabled: false } } }))).toThrow(
      /model-registry \(with storageInitializer\.enabled=true\) requires kserve/,
    );
    expect(names(synth(only({ values: { ui: { enabled: false }, storageInitializer: { enabled: false } } })))).toContain(
      'model-registry-db',
    );
  });

  it('applies global values and component values', () => {
    const objs = synth({
      global: { imageRegistry: 'reg.local', commonLabels: { owner: 'ml-platform' } },
      components: { centraldashboard: { values: { replicas: 3 } } },
    });
    for (const o of objs) expect(o.metadata.labels?.owner, `${keyOf(o)} carries global.commonLabels`).toBe('ml-platform');
    const dash = objs.find((o) => o.kind === 'Deployment' && o.metadata.name === 'centraldashboard')!;
    expect(dash.spec.selector.matchLabels.owner).toBeUndefined();
    expect(dash.spec.replicas).toBe(3);
    expect(dash.spec.template.spec.containers[0].image).toBe('reg.local/kubeflow/kubeflow/central-dashboard:v1.10.0');
  });

  it('throws naming both components for an unmet dependency, and names bad props', () => {
    {
      const [dep, req] = knownDependency();
      expect(() => synth({ components: { [req]: { enabled: false } } })).toThrow(new RegExp(`${dep.info.name} requires ${req}`));
    }
    expect(() => synth({ components: { katibb: {} } as never })).toThrow(/components\.katibb/);
    expect(() => synth({ preset: 'nope' as never })).toThrow(/prop 'preset' is 'nope'/);
  });
});
