import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { components } from '../../src/components/index.js';
import { allSpecs, chartSchema } from '../../src/core/component.js';
import { duplicateKeys, exampleCredentialsInUse } from '../../src/core/value-checks.js';
import { defaultsOf, mergeValues } from '../../src/core/values.js';

/**
 * The components written before the value kinds existed now use them: each bad value below is what a
 * user could type, and the chart's schema refuses it (naming its path), while the defaults pass.
 */
const info = (name: string) => components.find((c) => c.info.name === name)!.info;
const check = (name: string, over: unknown) => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(chartSchema(info(name)));
  const ok = validate(mergeValues(defaultsOf(allSpecs(info(name))), over));
  return { ok, paths: (validate.errors ?? []).map((e) => e.instancePath) };
};

const bad: [string, unknown, string][] = [
  ['cert-manager', { namespace: 'Cert_Manager' }, '/namespace'],
  ['cert-manager', { selfSigningIssuer: { name: 'my issuer' } }, '/selfSigningIssuer/name'],
  ['cert-manager', { 'cert-manager': { resources: { requests: { cpu: '-1' } } } }, '/cert-manager/resources/requests/cpu'],
  ['istio-crds', { base: { global: { resourceScope: 'cluster' } } }, '/base/global/resourceScope'],
  ['istio-crds', { base: { base: { excludedCRDs: ['a b'] } } }, '/base/base/excludedCRDs/0'],
  ['istio-install', { istiod: { env: { 'BAD NAME': 'x' } } }, '/istiod/env'],
  ['istio-install', { istiod: { env: { OK: 'a"b' } } }, '/istiod/env/OK'],
  ['istio-cni', { cni: { global: { tag: '1.28 .0' } } }, '/cni/global/tag'],
  ['istio-install', { gateway: { labels: { app: 'has space' } } }, '/gateway/labels/app'],
  ['istio-install', { sidecars: { egressHosts: ['kubeflow/*\n- x'] } }, '/sidecars/egressHosts/0'],
  ['istio-cni', { cni: { cniBinDir: 'opt/cni' } }, '/cni/cniBinDir'],
  ['spark-operator', { 'spark-operator': { spark: { jobNamespaces: ['Team_A'] } } }, '/spark-operator/spark/jobNamespaces/0'],
  ['spark-operator', { 'spark-operator': { webhook: { port: 70000 } } }, '/spark-operator/webhook/port'],
  ['knative-serving', { clusterDomain: 'cluster local' }, '/clusterDomain'],
  ['knative-serving', { istio: { localGatewaySelector: { app: 'a: b' } } }, '/istio/localGatewaySelector/app'],
  ['knative-serving', { config: { defaults: { revisionCpuRequest: '-100m' } } }, '/config/defaults/revisionCpuRequest'],
  ['trainer', { namespace: 'Kube_Flow' }, '/namespace'],
  [
    'trainer',
    { runtimes: { list: [{ name: 'x', framework: 'torch', image: 'not an image', numProcPerNode: 1 }] } },
    '/runtimes/list/0/image',
  ],
  ['katib', { ui: { istio: { gateway: 'kubeflow/gateway/extra' } } }, '/ui/istio/gateway'],
  ['katib', { database: { external: { host: 'db host' } } }, '/database/external/host'],
  ['katib', { config: { suggestions: [{ algorithmName: 'random', image: 'ghcr.io/x/y:1 2' }] } }, '/config/suggestions/0/image'],
];

describe('value kinds of cert-manager, istio, spark-operator, knative-serving, trainer, katib', () => {
  it.each(['cert-manager', 'istio-crds', 'istio-cni', 'istio-install', 'spark-operator', 'knative-serving', 'trainer', 'katib'])(
    '%s: the defaults pass',
    (name) => {
      expect(check(name, {}).ok).toBe(true);
    },
  );
  it.each(bad)('%s rejects %j at %s', (name, over, path) => {
    const r = check(name, over);
    expect(r.ok).toBe(false);
    expect(r.paths).toContain(path);
  });
  it('keyed lists reject duplicates: trainer runtimes by name, katib algorithms by name', () => {
    const trainer = allSpecs(info('trainer'));
    const rt = { name: 'dup', framework: 'torch', image: 'pytorch/pytorch:2', numProcPerNode: 1 };
    expect(duplicateKeys(trainer, mergeValues(defaultsOf(trainer), { runtimes: { list: [rt, rt] } })).join()).toMatch(
      /runtimes\.list.*name.*dup/,
    );
    const katib = allSpecs(info('katib'));
    const algo = { algorithmName: 'random', image: 'ghcr.io/kubeflow/katib/suggestion-hyperopt:v0.19.0' };
    expect(duplicateKeys(katib, mergeValues(defaultsOf(katib), { config: { suggestions: [algo, algo] } })).join()).toMatch(
      /config\.suggestions.*algorithmName.*random/,
    );
    expect(duplicateKeys(katib, defaultsOf(katib))).toEqual([]);
  });
  it("Katib's MySQL root password is an example credential until set or taken from a Secret", () => {
    const katib = allSpecs(info('katib'));
    expect(exampleCredentialsInUse(katib, defaultsOf(katib))).toContain('database.mysql.rootPassword');
    expect(exampleCredentialsInUse(katib, mergeValues(defaultsOf(katib), { database: { mysql: { existingSecret: 'my-db' } } }))).toEqual(
      [],
    );
    expect(exampleCredentialsInUse(katib, mergeValues(defaultsOf(katib), { database: { mysql: { rootPassword: 'x7!long' } } }))).toEqual(
      [],
    );
  });
});
