import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dex } from '../../src/components/dex/index.js';
import { synthConcrete } from '../../src/core/synth.js';
import { parseObjects, type K8sObject } from '../support/objects.js';
import { DIST } from '../support/render.js';
import { exec, helmTemplate, tools } from '../support/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'kf-dex-'));
const valuesFile = (values: unknown) => {
  const f = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, JSON.stringify(values));
  return f;
};
const concrete = (values: unknown) => synthConcrete(dex, { values: values as never }).map((o) => o.json as K8sObject);
const helm = async (values: unknown) => parseObjects(await helmTemplate('helm3', join(DIST, 'helm', 'dex'), ['-f', valuesFile(values)]));
const config = (objs: K8sObject[]) => parse(objs.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'dex')!.data['config.yaml']);

const HASH = '$2y$12$4K/VkmDd1q1Orb3xAt82zu8gk7Ad6ReFR4LCP9UeYE90NLiN9Df72';
const keycloak = {
  type: 'oidc',
  id: 'keycloak',
  name: 'Keycloak',
  config: {
    issuer: 'https://keycloak.example.com/realms/kubeflow',
    clientID: 'kubeflow',
    clientSecret: '$KEYCLOAK_CLIENT_SECRET',
    redirectURI: 'https://kubeflow.example.com/dex/callback',
    scopes: ['openid', 'profile', 'email', 'groups'],
    insecureEnableGroups: true,
  },
};

describe('dex config from typed values', () => {
  const values = { connectors: [keycloak], extraEnvFrom: [{ secretRef: { name: 'dex-connectors' } }] };

  it('an external OIDC connector reaches config.yaml, in the chart and in concrete synthesis alike', async () => {
    const [h, c] = [await helm(values), concrete(values)];
    expect(config(h).connectors).toEqual([keycloak]);
    expect(config(c)).toEqual(config(h));
    expect(c.find((o) => o.kind === 'ConfigMap')!.data).toEqual(h.find((o) => o.kind === 'ConfigMap')!.data);
    // the rest of the config is unchanged, and the connector's secret comes from the extra Secret
    expect(config(h)).toMatchObject({ issuer: 'http://dex.auth.svc.cluster.local:5556/dex', staticClients: [{ idEnv: 'OIDC_CLIENT_ID' }] });
    const dep = h.find((o) => o.kind === 'Deployment')!;
    expect(dep.spec.template.spec.containers[0].envFrom).toContainEqual({ secretRef: { name: 'dex-connectors' } });
  });

  it('LDAP and GitHub connectors are typed too; a misspelt connector field fails', () => {
    const ldap = {
      type: 'ldap',
      id: 'ldap',
      name: 'LDAP',
      config: { host: 'ldap.example.com:636', userSearch: { baseDN: 'ou=people,dc=example,dc=com', username: 'uid' } },
    };
    const github = {
      type: 'github',
      id: 'github',
      name: 'GitHub',
      config: { clientID: 'x', clientSecret: '$GITHUB_SECRET', redirectURI: 'https://kf/dex/callback', orgs: [{ name: 'acme' }] },
    };
    expect(config(concrete({ connectors: [ldap, github] })).connectors).toEqual([ldap, github]);
    expect(() => concrete({ connectors: [{ ...keycloak, config: { ...keycloak.config, clientId: 'typo' } }] })).toThrow(/connectors/);
  });

  it("the default config is upstream's file, and a changed issuer follows the value", () => {
    expect(config(concrete({}))).toMatchObject({ issuer: 'http://dex.auth.svc.cluster.local:5556/dex', enablePasswordDB: true });
    expect(config(concrete({ issuerUrl: 'https://kubeflow.example.com/dex' })).issuer).toBe('https://kubeflow.example.com/dex');
  });
});

describe('dex static users accept bcrypt hashes only', () => {
  const plain = { staticPasswords: [{ email: 'admin@example.com', username: 'admin', userID: '1', hash: 'password123' }] };

  it('helm template (Helm 3 and 4) rejects a plain-text password, naming the value', async () => {
    const f = valuesFile(plain);
    for (const h of ['helm3', 'helm4'] as const) {
      const r = await exec(tools[h], ['template', 'x', join(DIST, 'helm', 'dex'), '-f', f]);
      expect(r.code, h).not.toBe(0);
      expect(r.stderr).toMatch(/staticPasswords[./]0[./]hash/);
    }
  });

  it('concrete synthesis rejects it too, naming the value', () => {
    expect(() => concrete(plain)).toThrow(/staticPasswords\.0\.hash/);
    expect(() => concrete({ passwords: { hashes: { DEX_USER_PASSWORD: '12341234' } } })).toThrow(/passwords\.hashes\.DEX_USER_PASSWORD/);
  });

  it('a bcrypt hash is accepted and written into the config', async () => {
    const ok = { staticPasswords: [{ ...plain.staticPasswords[0], hash: HASH }] };
    expect(config(await helm(ok)).staticPasswords).toEqual(ok.staticPasswords);
    expect(config(concrete(ok)).staticPasswords).toEqual(ok.staticPasswords);
  });
});

describe('dex secrets', () => {
  it('existingSecret replaces the generated Secrets', () => {
    const objs = concrete({ oidcClient: { existingSecret: 'my-client' }, passwords: { existingSecret: 'my-hashes' } });
    expect(objs.filter((o) => o.kind === 'Secret')).toEqual([]);
    const envFrom = objs.find((o) => o.kind === 'Deployment')!.spec.template.spec.containers[0].envFrom;
    expect(envFrom).toEqual([{ secretRef: { name: 'my-client' } }, { secretRef: { name: 'my-hashes' } }]);
  });

  it('a generated client secret is Helm-only: kept via lookup in the chart, a clear error in concrete synthesis', async () => {
    expect(() => concrete({ oidcClient: { generateSecret: true } })).toThrow(/dex: oidcClient\.generateSecret/);
    for (const h of ['helm3', 'helm4'] as const) {
      const r = await exec(tools[h], ['template', 'x', join(DIST, 'helm', 'dex'), '--set', 'oidcClient.generateSecret=true']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/dex: oidcClient\.generateSecret is true, but the cluster cannot be read[\s\S]*existingSecret/);
    }
    const tpl = readFileSync(join(DIST, 'helm', 'dex', 'templates', 'generated-client-secret', 'generated-oidc-client.yaml'), 'utf8');
    expect(tpl).toContain('helm.sh/resource-policy: keep');
    expect(tpl).toContain('kubeflow-cdk8s.generatedSecret');
  });
});
