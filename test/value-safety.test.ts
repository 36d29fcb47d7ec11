import { App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-33';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentByName, components } from '../src/components/index.js';
import { allSpecs, enabledByDefault } from '../src/core/component.js';
import { synthConcrete } from '../src/core/synth.js';
import { defaultsOf } from '../src/core/values.js';
import { duplicateKeys, exampleCredentialsInUse, leavesOf } from '../src/core/value-checks.js';
import { KubeflowPlatform } from '../src/umbrella/platform.js';
import { parseObjects } from './support/objects.js';
import { DIST, helmChartDir, skipReason, wrapsCharts } from './support/render.js';
import { exec, tools } from './support/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'kf-safety-'));
const HELMS = ['helm3', 'helm4'] as const;
const EXAMPLE_SECRETS = [
  'pUBnBOY80SnXgjibTYM9ZWNzY2xreNGQok',
  '7d16fee92f8d11b8940b081b3f8b8acb',
  '$2y$12$4K/VkmDd1q1Orb3xAt82zu8gk7Ad6ReFR4LCP9UeYE90NLiN9Df72',
  'user@example.com',
];
const umbrella = join(DIST, 'helm', 'kubeflow');

async function template(helm: 'helm3' | 'helm4', chart: string, args: string[]) {
  return exec(tools[helm], ['template', 'x', chart, ...args]);
}

describe('keyed lists reject duplicates in the chart and at synth time', () => {
  const keyed = components.flatMap((c) =>
    leavesOf(allSpecs(c.info))
      .filter((l) => l.leaf.uniqueKey)
      .map((l) => ({ c, ...l })),
  );
  it('profiles by name, static users by email, connectors and clients by id are keyed', () => {
    expect(keyed.map((k) => `${k.c.info.name}:${k.path.join('.')}:${k.leaf.uniqueKey}`)).toEqual(
      expect.arrayContaining([
        'user-namespace:profiles:name',
        'dex:staticPasswords:email',
        'dex:connectors:id',
        'dex:extraStaticClients:id',
      ]),
    );
  });

  it.each(keyed.map((k) => [`${k.c.info.name}: ${k.path.join('.')}`, k] as const))('%s', async (_, k) => {
    const samples: Record<string, unknown> = {
      'dex:connectors': {
        type: 'oidc',
        id: 'corp',
        name: 'Corp',
        config: { issuer: 'https://idp.example.com', clientID: 'c', redirectURI: 'https://kf.example.com/dex/callback' },
      },
      'dex:extraStaticClients': { id: 'app', name: 'App', secretEnv: 'APP_SECRET' },
      'istio-install:namespaces': { name: 'team-a', istioInjection: 'enabled' },
      // an extra serving runtime shaped like the default ones
      'kserve:extraRuntimes': ((k.c.info.values as Record<string, { default?: unknown[] }>).runtimes?.default ?? [])[0],
    };
    const item = (k.leaf.default as unknown[])[0] ?? samples[`${k.c.info.name}:${k.path.join('.')}`];
    expect(item, 'a sample item').toBeDefined();
    const values = k.path.reduceRight<unknown>((acc, p) => ({ [p]: acc }), [item, structuredClone(item)]) as Record<string, unknown>;
    const key = String((item as Record<string, unknown>)[k.leaf.uniqueKey!]);
    const message = new RegExp(
      `${k.path.join('\\.')}: two items have ${k.leaf.uniqueKey} ["']${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`,
    );
    expect(() => synthConcrete(k.c, { values: values as never })).toThrow(message);
    const f = join(dir, `dup-${k.c.info.name}-${k.path.join('.')}.json`);
    writeFileSync(f, JSON.stringify(values));
    // a chart that wraps upstream charts renders with their packages (skipped, saying so, when absent)
    const name = k.c.info.name;
    if (skipReason(name)) return console.log(skipReason(name));
    const chart = wrapsCharts(name) ? helmChartDir(name) : join(DIST, 'helm', name);
    for (const helm of HELMS) {
      const r = await template(helm, chart, ['-f', f]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(message);
    }
    // distinct keys pass
    expect(
      duplicateKeys(allSpecs(k.c.info), {
        ...defaultsOf(allSpecs(k.c.info)),
        ...(k.path.reduceRight<unknown>((acc, p) => ({ [p]: acc }), [item]) as object),
      }),
    ).toEqual([]);
  });
});

describe('example credentials', () => {
  const declared = components.flatMap((c) =>
    leavesOf(allSpecs(c.info))
      .filter((l) => l.leaf.exampleCredential)
      .map((l) => `${c.info.name}.${l.path.join('.')}`),
  );
  it('are declared on the values that default to upstream examples', () => {
    expect(declared).toEqual(
      expect.arrayContaining([
        'dex.staticPasswords',
        'dex.passwords.hashes',
        'dex.oidcClient.secret',
        'oauth2-proxy.client.secret',
        'oauth2-proxy.cookie.secret',
      ]),
    );
  });

  it('global.requireSecureCredentials fails listing every one still in use, in one message (umbrella, both Helms)', async () => {
    for (const helm of HELMS) {
      const r = await template(helm, umbrella, ['--set', 'global.requireSecureCredentials=true']);
      expect(r.code).not.toBe(0);
      const line = r.stderr.split('\n').find((l) => l.includes('requireSecureCredentials'))!;
      // components off by default in the umbrella (umbrellaDefault) are not rendered there
      const onByDefault = new Set(components.filter((c) => enabledByDefault(c.info)).map((c) => c.info.name));
      for (const d of declared.filter((x) => onByDefault.has(x.split('.')[0]!))) expect(line).toContain(d);
    }
  });

  it('a component chart fails on its own, and a construct throws, naming them', async () => {
    for (const helm of HELMS) {
      const r = await template(helm, join(DIST, 'helm', 'oauth2-proxy'), ['--set', 'global.requireSecureCredentials=true']);
      expect(r.stderr).toMatch(/oauth2-proxy: global\.requireSecureCredentials is true.*client\.secret, cookie\.secret/);
    }
    expect(() => synthConcrete(componentByName('dex'), { values: { global: { requireSecureCredentials: true } } as never })).toThrow(
      /dex: global\.requireSecureCredentials is true.*staticPasswords, passwords\.hashes, oidcClient\.secret/,
    );
    // replaced or taken from a Secret: no longer an example
    const dexValues = { ...defaultsOf(allSpecs(componentByName('dex').info)) } as any;
    dexValues.oidcClient = { ...dexValues.oidcClient, existingSecret: 'mine' };
    dexValues.staticPasswords = [{ email: 'me@corp.example', hashFromEnv: 'ME' }];
    dexValues.passwords = { ...dexValues.passwords, hashes: { ME: dexValues.passwords.hashes.DEX_USER_PASSWORD.replace('4K', '5K') } };
    expect(exampleCredentialsInUse(allSpecs(componentByName('dex').info), dexValues)).toEqual([]);
  });

  it('NOTES.txt warns while they are in use, and not once they are replaced', async () => {
    const chart = join(dir, 'oauth2-proxy');
    cpSync(join(DIST, 'helm', 'oauth2-proxy'), chart, { recursive: true });
    const notes = readFileSync(join(chart, 'templates', 'NOTES.txt'), 'utf8');
    writeFileSync(join(chart, 'templates', '_notes-test.tpl'), `{{- define "notes-test" -}}\n${notes}{{- end -}}\n`);
    writeFileSync(
      join(chart, 'templates', 'notes-test.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes-test\ndata:\n  notes: {{ include "notes-test" . | toJson }}\n',
    );
    for (const helm of HELMS) {
      const text = async (args: string[]) =>
        parseObjects((await template(helm, chart, args)).stdout).find((o) => o.metadata.name === 'notes-test')!.data.notes as string;
      const warned = await text([]);
      expect(warned).toMatch(/WARNING: these credentials are still at their well-known example defaults/);
      expect(warned).toMatch(/- client\.secret[\s\S]*- cookie\.secret/);
      expect(await text(['--set', 'existingSecret=my-credentials'])).not.toMatch(/WARNING/);
    }
  });
});

describe('the secure platform preset', () => {
  it('renders with no example credential left, in both Helms, with requireSecureCredentials on', async () => {
    for (const helm of HELMS) {
      const r = await template(helm, umbrella, ['-f', join(umbrella, 'presets', 'secure.yaml')]);
      expect(r.code, r.stderr).toBe(0);
      const objs = parseObjects(r.stdout);
      const text = JSON.stringify(
        objs.map((o) =>
          o.kind === 'Secret'
            ? {
                ...o,
                data: Object.fromEntries(Object.entries<string>(o.data ?? {}).map(([k, x]) => [k, Buffer.from(x, 'base64').toString()])),
              }
            : o,
        ),
      );
      for (const s of EXAMPLE_SECRETS) expect(text).not.toContain(s);
      expect(objs.some((o) => o.kind === 'Profile')).toBe(false);
    }
  });

  it('synthesizes as a construct (requireSecureCredentials enforced at synth time)', () => {
    const app = new App();
    const platform = new KubeflowPlatform(new Chart(app, 'kf'), 'platform', { preset: 'secure' });
    expect(platform.components.dex!.resolvedValues!.global.requireSecureCredentials).toBe(true);
    expect(JSON.stringify(app.synthYaml())).not.toContain('user@example.com');
    expect(
      () =>
        new KubeflowPlatform(new Chart(new App(), 'kf'), 'platform', {
          preset: 'secure',
          components: {
            dex: {
              values: {
                staticPasswords: [
                  { email: 'user@example.com', hashFromEnv: 'DEX_USER_PASSWORD', username: 'user', userID: '15841185641784' },
                ],
              },
            },
          },
        }),
    ).toThrow(/dex: global\.requireSecureCredentials is true.*staticPasswords/);
  });
});

describe('umbrella dependency conflicts are reported at once', () => {
  it('one message names every unmet dependency', async () => {
    for (const helm of HELMS) {
      const r = await template(helm, umbrella, ['--set', 'centraldashboard.enabled=false', '--set', 'dex.enabled=false']);
      expect(r.code).not.toBe(0);
      const line = r.stderr.split('\n').find((l) => l.includes('kubeflow:'))!;
      for (const m of [
        'jupyter-web-app requires centraldashboard',
        'volumes-web-app requires centraldashboard',
        'tensorboards-web-app requires centraldashboard',
        'oauth2-proxy requires dex',
      ]) {
        expect(line).toContain(m);
      }
    }
    expect(
      () =>
        new KubeflowPlatform(new Chart(new App(), 'kf'), 'p', {
          components: { centraldashboard: { enabled: false }, dex: { enabled: false } },
        }),
    ).toThrow(
      /jupyter-web-app requires centraldashboard.*oauth2-proxy requires dex|oauth2-proxy requires dex.*jupyter-web-app requires centraldashboard/,
    );
  });
});

describe('values as TypeScript users write them', () => {
  it('resources and quantities take plain strings, numbers or k8s.Quantity, and a Quantity passes the schema', () => {
    const objs = synthConcrete(componentByName('centraldashboard'), {
      values: {
        resources: {
          limits: { memory: '512Mi', cpu: k8s.Quantity.fromNumber(1) },
          requests: { memory: k8s.Quantity.fromString('256Mi'), cpu: 0.5 },
        },
      },
    });
    const c = objs.map((o) => o.json as any).find((o) => o.kind === 'Deployment').spec.template.spec.containers[0];
    expect(c.resources).toEqual({ limits: { memory: '512Mi', cpu: 1 }, requests: { memory: '256Mi', cpu: 0.5 } });
    expect(() =>
      synthConcrete(componentByName('centraldashboard'), { values: { resources: { requests: { cpu: k8s.Quantity.fromString('-1') } } } }),
    ).toThrow(/centraldashboard: invalid props\.values:[\s\S]*resources\.requests\.cpu/);
  });

  it('a namespace that is not a DNS label fails at synth time, naming component and value', () => {
    expect(() => synthConcrete(componentByName('profiles'), { values: { namespace: 'Kube_Flow' } })).toThrow(
      /profiles: invalid props\.values:[\s\S]*namespace/,
    );
  });
});
