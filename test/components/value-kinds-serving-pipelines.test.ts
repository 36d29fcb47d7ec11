import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { components } from '../../src/components/index.js';
import { allSpecs, chartSchema } from '../../src/core/component.js';
import { duplicateKeys, exampleCredentialsInUse } from '../../src/core/value-checks.js';
import { defaultsOf, mergeValues } from '../../src/core/values.js';

/**
 * Pipelines, KServe and the KServe models web app use the value kinds: each bad value below is what a
 * user could type (and would otherwise reach an object name, a selector or a config file); the chart's
 * schema refuses it, naming its path, while the defaults pass.
 */
const info = (name: string) => components.find((c) => c.info.name === name)!.info;
const check = (name: string, over: unknown) => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(chartSchema(info(name)));
  const ok = validate(mergeValues(defaultsOf(allSpecs(info(name))), over));
  return { ok, paths: (validate.errors ?? []).map((e) => e.instancePath) };
};

const bad: [string, unknown, string][] = [
  ['pipelines', { namespace: 'Kube_Flow' }, '/namespace'],
  ['pipelines', { clusterDomain: 'cluster local' }, '/clusterDomain'],
  ['pipelines', { multiUser: { userIdHeader: 'user id' } }, '/multiUser/userIdHeader'],
  ['pipelines', { multiUser: { runnerServiceAccount: 'Default Editor' } }, '/multiUser/runnerServiceAccount'],
  ['pipelines', { istio: { gateway: 'a/b/c' } }, '/istio/gateway'],
  ['pipelines', { database: { persistence: { size: '20 GB' } } }, '/database/persistence/size'],
  ['pipelines', { database: { names: { pipeline: 'ml"pipeline' } } }, '/database/names/pipeline'],
  ['pipelines', { objectStore: { host: 'seaweedfs.kubeflow\n- x' } }, '/objectStore/host'],
  ['pipelines', { objectStore: { existingSecret: 'My Secret' } }, '/objectStore/existingSecret'],
  [
    'pipelines',
    { workflowController: { nodeSelector: { 'kubernetes.io/os': 'linux: x' } } },
    '/workflowController/nodeSelector/kubernetes.io~1os',
  ],
  ['pipelines', { logLevel: 'verbose' }, '/logLevel'],
  ['kserve', { namespace: 'KServe' }, '/namespace'],
  ['kserve', { ingress: { ingressDomain: 'evil.com", "x": "y' } }, '/ingress/ingressDomain'],
  ['kserve', { ingress: { localGateway: 'knative-serving' } }, '/ingress/localGateway'],
  ['kserve', { agent: { image: 'kserve/agent:v0.16.0 --x' } }, '/agent/image'],
  ['kserve', { agent: { cpuLimit: 'one' } }, '/agent/cpuLimit'],
  ['kserve', { logger: { defaultUrl: 'default-broker' } }, '/logger/defaultUrl'],
  ['kserve', { opentelemetryCollector: { scrapeInterval: '5 seconds' } }, '/opentelemetryCollector/scrapeInterval'],
  [
    'kserve',
    { extraRuntimes: [{ name: 'x', supportedModelFormats: [], container: { image: 'a b' } }] },
    '/extraRuntimes/0/container/image',
  ],
  ['kserve-models-web-app', { namespace: 'kube flow' }, '/namespace'],
  ['kserve-models-web-app', { userIdHeader: 'kubeflow-userid: x' }, '/userIdHeader'],
  ['kserve-models-web-app', { istio: { ingressGatewayPrincipal: 'cluster.local/ns/a b' } }, '/istio/ingressGatewayPrincipal'],
  ['kserve-models-web-app', { gunicornArgs: '--a\n--b' }, '/gunicornArgs'],
];

describe('value kinds of pipelines, kserve, kserve-models-web-app', () => {
  it.each(['pipelines', 'kserve', 'kserve-models-web-app'])('%s: the defaults pass', (name) => {
    expect(check(name, {}).ok).toBe(true);
  });
  it.each(bad)('%s rejects %j at %s', (name, over, path) => {
    const r = check(name, over);
    expect(r.ok).toBe(false);
    expect(r.paths).toContain(path);
  });
  it('KServe runtimes are keyed by name: a duplicate fails, naming list and name', () => {
    const kserve = allSpecs(info('kserve'));
    const rt = { name: 'dup', supportedModelFormats: [{ name: 'sklearn' }], container: { image: 'kserve/sklearnserver:v0.16.0' } };
    expect(duplicateKeys(kserve, mergeValues(defaultsOf(kserve), { extraRuntimes: [rt, rt] })).join()).toMatch(/extraRuntimes.*name.*dup/);
    expect(duplicateKeys(kserve, defaultsOf(kserve))).toEqual([]);
  });
  it("Pipelines' database and object store credentials are example credentials until set, generated or taken from a Secret", () => {
    const p = allSpecs(info('pipelines'));
    const all = ['database.username', 'database.password', 'objectStore.accessKey', 'objectStore.secretKey'];
    expect(exampleCredentialsInUse(p, defaultsOf(p)).sort()).toEqual(all.sort());
    expect(
      exampleCredentialsInUse(p, mergeValues(defaultsOf(p), { database: { existingSecret: 'db' }, objectStore: { generate: true } })),
    ).toEqual([]);
    expect(
      exampleCredentialsInUse(p, mergeValues(defaultsOf(p), { objectStore: { accessKey: 'k1', secretKey: 's3cr3t' } })).sort(),
    ).toEqual(['database.password', 'database.username']);
  });
});
