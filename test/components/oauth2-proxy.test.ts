import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oauth2Proxy, serviceAccountIssuerRule } from '../../src/components/oauth2-proxy/index.js';
import { synthConcrete } from '../../src/core/synth.js';
import { parseObjects, type K8sObject } from '../support/objects.js';
import { compareSets, DIST } from '../support/render.js';
import { exec, helmTemplate, tools } from '../support/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'kf-o2p-'));
const concrete = (values: unknown) =>
  synthConcrete(oauth2Proxy, { values: values as never }).map((o) => JSON.parse(JSON.stringify(o.json)) as K8sObject);
async function helm(values: unknown) {
  const f = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, JSON.stringify(values));
  return parseObjects(await helmTemplate('helm3', join(DIST, 'helm', 'oauth2-proxy'), ['-f', f]));
}
const byName = (objs: K8sObject[], kind: string, prefix: string) =>
  objs.find((o) => o.kind === kind && o.metadata.name.startsWith(prefix))!;

describe('oauth2-proxy machine-to-machine issuers from values alone', () => {
  // an EKS cluster's service account issuer: public OIDC discovery, so no jwksUri needed
  const eks = 'https://oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF';
  const values = { m2m: { jwtRules: [serviceAccountIssuerRule(eks)], extraJwtIssuers: [`${eks}=kubeflow`] } };

  it('a second JWT issuer becomes an Istio RequestAuthentication and an oauth2-proxy issuer (chart and concrete)', async () => {
    const [h, c] = [await helm(values), concrete(values)];
    for (const objs of [h, c]) {
      const ra = objs.find((o) => o.kind === 'RequestAuthentication' && o.metadata.name === 'm2m-token-issuer')!;
      expect(ra.metadata.namespace).toBe('istio-system');
      expect(ra.spec.jwtRules.map((r: { issuer: string }) => r.issuer)).toEqual([eks]);
      expect(ra.spec.jwtRules[0].outputClaimToHeaders).toContainEqual({ claim: 'sub', header: 'kubeflow-userid' });
      // Dex stays the login issuer
      expect(objs.find((o) => o.metadata.name === 'dex-jwt')!.spec.jwtRules[0].issuer).toBe('http://dex.auth.svc.cluster.local:5556/dex');
      expect(byName(objs, 'ConfigMap', 'oauth2-proxy-parameters-').data.EXTRA_JWT_ISSUERS).toBe(`${eks}=kubeflow`);
    }
    expect(compareSets(h, c, ['helm', 'concrete']).join('\n')).toBe('');
    // the parameters ConfigMap is renamed (hash), and the Deployment follows it
    const dep = c.find((o) => o.kind === 'Deployment')!;
    const env = dep.spec.template.spec.containers[0].env.find((e: { name: string }) => e.name === 'OAUTH2_PROXY_EXTRA_JWT_ISSUERS');
    expect(env.valueFrom.configMapKeyRef.name).toBe(byName(c, 'ConfigMap', 'oauth2-proxy-parameters-').metadata.name);
  });

  it('no m2m issuers: no m2m RequestAuthentication (the platform default)', () => {
    expect(concrete({}).find((o) => o.metadata.name === 'm2m-token-issuer')).toBeUndefined();
  });

  it('issuer, allowed groups and emails reach the config; one issuerUrl drives config and Istio', async () => {
    const v = { issuerUrl: 'https://login.example.com', allowedGroups: ['kubeflow-users'], allowedEmails: ['a@example.com'] };
    const [h, c] = [await helm(v), concrete(v)];
    expect(compareSets(h, c, ['helm', 'concrete']).join('\n')).toBe('');
    const cfg: string = byName(c, 'ConfigMap', 'oauth2-proxy-').data['oauth2_proxy.cfg'];
    expect(cfg).toContain('oidc_issuer_url = "https://login.example.com"');
    expect(cfg).toContain('redeem_url = "https://login.example.com/token"');
    expect(cfg).toContain('allowed_groups = [ "kubeflow-users" ]');
    expect(cfg).toContain('authenticated_emails_file = ');
    expect(c.find((o) => o.metadata.name === 'dex-jwt')!.spec.jwtRules[0].issuer).toBe('https://login.example.com');
  });

  it('a generated cookie secret is Helm-only, kept, and never churns under GitOps', async () => {
    expect(() => concrete({ cookie: { generateSecret: true } })).toThrow(/oauth2-proxy: cookie\.generateSecret/);
    // helm template (Argo CD, Flux) cannot read the cluster: a random value would change on every render, so it fails
    for (const h of ['helm3', 'helm4'] as const) {
      const r = await exec(tools[h], ['template', 'x', join(DIST, 'helm', 'oauth2-proxy'), '--set', 'cookie.generateSecret=true']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/oauth2-proxy: cookie\.generateSecret is true, but the cluster cannot be read[\s\S]*existingSecret/);
    }
    const tpl = readFileSync(join(DIST, 'helm', 'oauth2-proxy', 'templates', 'generated', 'cookie-secret.yaml'), 'utf8');
    expect(tpl).toContain('helm.sh/resource-policy: keep');
    expect(tpl).toContain('kubeflow-cdk8s.generatedSecret');
  });
});
