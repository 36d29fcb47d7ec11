import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { componentByName } from '../src/components/index.js';
import { synthConcrete } from '../src/core/synth.js';
import { mergeValues } from '../src/core/values.js';
import { DIST } from './support/render.js';
import { exec, tools } from './support/tools.js';

/**
 * Bad values a user may type, over six charts: each must fail `helm template` with Helm 3 and Helm 4
 * naming the value (so nothing is rendered, let alone injected), and, for component charts, fail
 * the construct at synth time naming the component and the value.
 */
const BCRYPT = '$2y$12$4K/VkmDd1q1Orb3xAt82zu8gk7Ad6ReFR4LCP9UeYE90NLiN9Df72';
const user = (email: string, extra: Record<string, unknown> = {}) => ({ email, hashFromEnv: 'DEX_USER_PASSWORD', ...extra });
const oidc = (id: string) => ({
  type: 'oidc',
  id,
  name: id,
  config: { issuer: 'https://idp.example.com', clientID: 'c', redirectURI: 'https://kf.example.com/dex/callback' },
});
const profile = (name: string, extra: Record<string, unknown> = {}) => ({ name, owner: { kind: 'User', name: 'u@example.com' }, ...extra });
const long = (n: number) => 'a'.repeat(n);

/** [chart, the value's path (named in the error), the bad value]: the values file is the path set to the value. */
type Case = [chart: string, path: string, value: unknown];
const cases: Case[] = [
  // oauth2-proxy
  ['oauth2-proxy', 'namespace', 'Kube_Flow'],
  ['oauth2-proxy', 'namespace', long(70)],
  ['oauth2-proxy', 'issuerUrl', 'not a url'],
  ['oauth2-proxy', 'issuerUrl', 'http://dex"\nssl_insecure_skip_verify = true'],
  ['oauth2-proxy', 'oidc.scope', 'openid"\nskip_auth_routes = [".*"]'],
  ['oauth2-proxy', 'oidc.scope', 'openid\temail'],
  ['oauth2-proxy', 'oidc.loginUrl', 'javascript:alert(1)'],
  ['oauth2-proxy', 'oidc.redeemUrl', 'ftp://idp/token'],
  ['oauth2-proxy', 'oidc.jwksUrl', 'http://idp /keys'],
  ['oauth2-proxy', 'oidc.providerDisplayName', 'Dex\nbanner = "x"'],
  ['oauth2-proxy', 'cookie.name', 'kubeflow session'],
  ['oauth2-proxy', 'cookie.name', 'x"\ncookie_secure = false'],
  ['oauth2-proxy', 'cookie.expire', '1 day'],
  ['oauth2-proxy', 'cookie.expire', '-1h'],
  ['oauth2-proxy', 'cookie.refresh', '1h\nskip_provider_button = true'],
  ['oauth2-proxy', 'cookie.secret', 'short'],
  ['oauth2-proxy', 'client.id', 'id\nx = 1'],
  ['oauth2-proxy', 'client.secret', 'secret\nwith a line break'],
  ['oauth2-proxy', 'existingSecret', 'My Secret'],
  ['oauth2-proxy', 'emailDomains', ['example.com "x"']],
  ['oauth2-proxy', 'allowedEmails', ['not-an-email']],
  ['oauth2-proxy', 'allowedGroups', ['admins\nusers']],
  ['oauth2-proxy', 'istio.gateway', 'kubeflow/Gateway!'],
  ['oauth2-proxy', 'istio.gateway', 'a/b/c'],
  ['oauth2-proxy', 'istio.gatewaySelector', { 'bad key': 'x' }],
  ['oauth2-proxy', 'istio.gatewaySelector', { app: 'has space' }],
  ['oauth2-proxy', 'istio.userIdHeader', 'kubeflow userid'],
  ['oauth2-proxy', 'istio.groupsHeader', 'groups\nx-injected: 1'],
  ['oauth2-proxy', 'image.tag', 'v7 14'],
  ['oauth2-proxy', 'image.registry', 'quay.io '],
  ['oauth2-proxy', 'image.repository', 'OAuth2/Proxy'],
  ['oauth2-proxy', 'image.digest', 'sha256:xyz'],
  ['oauth2-proxy', 'resources.requests.cpu', '-1'],
  ['oauth2-proxy', 'resources.limits.memory', '2Gb'],
  ['oauth2-proxy', 'resources.limits', { 'bad key': '1' }],
  ['oauth2-proxy', 'replicas', -1],
  ['oauth2-proxy', 'nodeSelector', { 'a b': 'c' }],
  ['oauth2-proxy', 'm2m.extraJwtIssuers', ['a=b"c']],
  // dex
  ['dex', 'namespace', 'Auth'],
  ['dex', 'issuerUrl', 'dex'],
  ['dex', 'issuerUrl', 'http://dex:5556/dex\nenablePasswordDB: true'],
  ['dex', 'staticPasswords', [user('a@example.com'), user('a@example.com')]],
  ['dex', 'staticPasswords', [user('a b@example.com')]],
  ['dex', 'staticPasswords', [{ email: 'a@example.com', hash: 'plaintext' }]],
  ['dex', 'staticPasswords', [user('a@example.com', { username: 'u\nv' })]],
  ['dex', 'passwords.hashes', { 'BAD-NAME': BCRYPT }],
  ['dex', 'passwords.existingSecret', 'Bad_Secret'],
  ['dex', 'oidcClient.name', 'x\ny'],
  ['dex', 'oidcClient.redirectURIs', ['not a uri']],
  ['dex', 'oidcClient.existingSecret', 'a/b'],
  ['dex', 'connectors', [oidc('corp'), oidc('corp')]],
  ['dex', 'connectors', [{ ...oidc('corp'), config: { ...oidc('corp').config, issuer: 'idp' } }]],
  [
    'dex',
    'extraStaticClients',
    [
      { id: 'app', name: 'A' },
      { id: 'app', name: 'B' },
    ],
  ],
  ['dex', 'istio.gateway', 'x y'],
  ['dex', 'istio.namespace', 'Istio'],
  ['dex', 'oauth2ProxyNamespace', '-x'],
  ['dex', 'clusterDomain', 'cluster_local'],
  ['dex', 'resources.requests.memory', '-64Mi'],
  ['dex', 'logger.level', 'loud'],
  ['dex', 'image.tag', ':x'],
  ['dex', 'replicas', 1.5],
  // jupyter-web-app
  ['jupyter-web-app', 'namespace', 'Kubeflow'],
  ['jupyter-web-app', 'prefix', 'jupyter'],
  ['jupyter-web-app', 'prefix', '/a b'],
  ['jupyter-web-app', 'userIdHeader', 'a:b'],
  ['jupyter-web-app', 'userIdPrefix', 'x\ny'],
  ['jupyter-web-app', 'istio.gateway', 'A/B'],
  ['jupyter-web-app', 'spawnerFormDefaults.image.value', 'jupyter image'],
  ['jupyter-web-app', 'spawnerFormDefaults.image.options', ['a b']],
  ['jupyter-web-app', 'spawnerFormDefaults.cpu.value', '-1'],
  ['jupyter-web-app', 'spawnerFormDefaults.memory.value', '1Gb'],
  ['jupyter-web-app', 'spawnerFormDefaults.memory.value', '-2Gi'],
  ['jupyter-web-app', 'spawnerFormDefaults.cpu.limitFactor', 'twice'],
  ['jupyter-web-app', 'resources.limits.cpu', '-2'],
  ['jupyter-web-app', 'image.registry', 'ghcr .io'],
  ['jupyter-web-app', 'metrics', 'x\ny'],
  ['jupyter-web-app', 'clusterDomain', 'Cluster.Local'],
  // profiles
  ['profiles', 'namespace', 'Kube_Flow'],
  ['profiles', 'namespaceLabels', { 'bad key': 'x' }],
  ['profiles', 'namespaceLabels', { a: 'bad value!' }],
  ['profiles', 'namespaceLabels', { a: long(64) }],
  ['profiles', 'userIdHeader', 'x y'],
  ['profiles', 'userIdPrefix', 'a\nb'],
  ['profiles', 'serviceAccountName', 'SA'],
  ['profiles', 'principals.kfpUi', 'a b'],
  ['profiles', 'istio.gateway', 'a b'],
  ['profiles', 'istio.kfamCallers', ['x"y']],
  ['profiles', 'istio.clusterDomain', '.x'],
  ['profiles', 'kfam.image.tag', 'a b'],
  ['profiles', 'kfam.resources.requests.cpu', '-1'],
  ['profiles', 'workloadIdentity', 'not-an-email'],
  ['profiles', 'image.digest', 'sha256:abc'],
  // user-namespace
  ['user-namespace', 'profiles', [profile('team-a'), profile('team-a')]],
  ['user-namespace', 'profiles', [profile('Kube_Flow')]],
  ['user-namespace', 'profiles', [profile(long(70))]],
  ['user-namespace', 'profiles', [{ name: 'a', owner: { kind: 'User', name: 'a\nb' } }]],
  ['user-namespace', 'profiles', [profile('a', { resourceQuotaSpec: { hard: { cpu: '-1' } } })]],
  ['user-namespace', 'profiles', [profile('a', { resourceQuotaSpec: { hard: { memory: '2Gb' } } })]],
  ['user-namespace', 'profiles', [profile('a', { resourceQuotaSpec: { hard: { 'bad key': '1' } } })]],
  ['user-namespace', 'profiles', [profile('a', { contributors: [{ name: 'a\nb', role: 'edit' }] })]],
  ['user-namespace', 'profiles', [profile('a', { contributors: [{ name: 'a', role: 'admin' }] })]],
  ['user-namespace', 'profiles', [profile('a', { podDefaults: [{ name: 'Bad', spec: { desc: 'x', selector: {} } }] })]],
  ['user-namespace', 'userIdHeader', 'a b'],
  ['user-namespace', 'userIdPrefix', 'x\ny'],
  // the umbrella
  ['kubeflow', 'global.imageRegistry', 'registry.local '],
  ['kubeflow', 'global.auth.issuerUrl', 'not-a-url'],
  ['kubeflow', 'global.auth.gateway', 'Kubeflow/Gateway'],
  ['kubeflow', 'global.auth.clientId', 'a\nb'],
  ['kubeflow', 'global.commonLabels', { 'bad key': 'x' }],
  ['kubeflow', 'global.commonLabels', { a: 'b c' }],
  ['kubeflow', 'global.requireSecureCredentials', 'yes'],
  ['kubeflow', 'dex.namespace', 'Kube_Flow'],
  ['kubeflow', 'dex.staticPasswords', [user('a@example.com'), user('a@example.com')]],
  ['kubeflow', 'oauth2-proxy.cookie.name', 'a b'],
  ['kubeflow', 'profiles.namespaceLabels', { 'a b': 'x' }],
  ['kubeflow', 'user-namespace.profiles', [profile('x'), profile('x')]],
  ['kubeflow', 'jupyter-web-app.spawnerFormDefaults.memory.value', '-1Gi'],
  ['kubeflow', 'kubeflow-namespace.namespace', long(64)],
  ['kubeflow', 'centraldashboard.userIdHeader', 'a b'],
];

function valuesAt(path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  return keys.reduceRight<unknown>((acc, k) => ({ [k]: acc }), value) as Record<string, unknown>;
}
/** The value's path as Helm 3 (`a.b.0`) or Helm 4 (`/a/b/0`) print it; in the umbrella, below the subchart. */
function named(chart: string, path: string): RegExp {
  let keys = path.split('.');
  if (chart === 'kubeflow' && keys[0] !== 'global') keys = keys.slice(1);
  return new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[./]'));
}

const dir = mkdtempSync(join(tmpdir(), 'kf-corpus-'));
const HELMS = ['helm3', 'helm4'] as const;
type Helm = (typeof HELMS)[number];

async function template(helm: Helm, chart: string, values: Record<string, unknown>) {
  const f = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(f, JSON.stringify(values));
  return exec(tools[helm], ['template', 'x', join(DIST, 'helm', chart), '-f', f]);
}

/**
 * Speed: the cases of a chart are first tried together, in batches whose paths cannot be mistaken for
 * one another (the schema reports every bad value at once). A case counts as refused there only when
 * the batch is refused, prints nothing, and names its path; any other case (e.g. those refused by a
 * template's `fail`, which only runs once the schema passes) is run alone.
 */
function batches(): number[][] {
  const out: number[][] = [];
  cases.forEach(([chart, path], i) => {
    const fits = (b: number[]) =>
      b.every((j) => {
        const [c, p] = cases[j]!;
        return c === chart && !named(chart, path).test(p) && !named(c, p).test(path);
      });
    const batch = out.find(fits);
    if (batch) batch.push(i);
    else out.push([i]);
  });
  return out;
}
const refusedInBatch = new Map<number, Set<Helm>>();
beforeAll(async () => {
  for (const batch of batches().filter((b) => b.length > 1)) {
    const chart = cases[batch[0]!]![0];
    const values = batch.reduce<Record<string, unknown>>(
      (acc, i) => mergeValues(acc, valuesAt(cases[i]![1], cases[i]![2])) as Record<string, unknown>,
      {},
    );
    for (const helm of HELMS) {
      const r = await template(helm, chart, values);
      if (r.code === 0 || r.stdout !== '' || /at ''/.test(r.stderr)) continue;
      for (const i of batch)
        if (named(chart, cases[i]![1]).test(r.stderr)) refusedInBatch.set(i, (refusedInBatch.get(i) ?? new Set()).add(helm));
    }
  }
});

describe('a corpus of bad values is rejected by both Helms, naming the value', () => {
  it('has about a hundred cases over the six charts', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(new Set(cases.map((c) => c[0]))).toEqual(
      new Set(['kubeflow', 'dex', 'jupyter-web-app', 'profiles', 'oauth2-proxy', 'user-namespace']),
    );
  });

  it.each(cases.map((c, i) => [i, ...c] as const))('#%i %s: %s', async (i, chart, path, value) => {
    for (const helm of HELMS) {
      if (refusedInBatch.get(i)?.has(helm)) continue;
      const r = await template(helm, chart, valuesAt(path, value));
      expect(r.code, `${helm} accepted ${path}=${JSON.stringify(value)}:\n${r.stdout.slice(0, 300)}`).not.toBe(0);
      expect(r.stdout, `${helm} printed objects for ${path}`).toBe('');
      expect(r.stderr, `${helm} did not name ${path}`).toMatch(named(chart, path));
      expect(r.stderr).not.toMatch(/at ''/);
    }
    if (chart !== 'kubeflow') {
      const entry = componentByName(chart);
      expect(() => synthConcrete(entry, { values: valuesAt(path, value) as never })).toThrow(
        new RegExp(`^${chart}: invalid props\\.values:[\\s\\S]*${named(chart, path).source}`),
      );
    }
  });
});
