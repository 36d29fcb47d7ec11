import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { knativeServing } from '../../src/components/knative-serving/index.js';
import { checksum, EXAMPLE_CHECKSUM } from '../../src/components/knative-serving/config.js';
import { isSetting, type Setting } from '../../src/components/knative-serving/settings.js';
import { values as specs } from '../../src/components/knative-serving/values.js';
import { synthConcrete } from '../../src/core/synth.js';
import { parseObjects, type K8sObject } from '../support/objects.js';
import { DIST, hasReference, loadReference } from '../support/render.js';
import { exec, helmTemplate, tools } from '../support/tools.js';
import { crdValidators } from '../support/validate.js';

const dir = mkdtempSync(join(tmpdir(), 'kf-knative-'));
const valuesFile = (values: unknown) => {
  const f = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, JSON.stringify(values));
  return f;
};
const CHART = join(DIST, 'helm', 'knative-serving');
const concrete = (values: unknown) => synthConcrete(knativeServing, { values: values as never }).map((o) => o.json as K8sObject);
const helm = async (values: unknown, h: 'helm3' | 'helm4' = 'helm3') =>
  parseObjects(await helmTemplate(h, CHART, ['-f', valuesFile(values)]));
const cm = (objs: K8sObject[], name: string) => objs.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name)!;
/** A ConfigMap's keys without the `_example` documentation. */
const keys = (objs: K8sObject[], name: string) => {
  const { _example, ...rest } = cm(objs, name).data as Record<string, string>;
  return rest;
};
const configMapNames = (objs: K8sObject[]) =>
  objs
    .filter((o) => o.kind === 'ConfigMap')
    .map((o) => o.metadata.name as string)
    .sort();

/** Every output must hold the same ConfigMaps: Helm 3, Helm 4 and concrete synthesis (Kustomize, cdk8s apps). */
async function allOutputs(values: unknown): Promise<K8sObject[][]> {
  const outs = [await helm(values, 'helm3'), await helm(values, 'helm4'), concrete(values)];
  for (const name of configMapNames(outs[2]!)) {
    expect(cm(outs[0]!, name), `helm3 ${name}`).toEqual(cm(outs[2]!, name));
    expect(cm(outs[1]!, name), `helm4 ${name}`).toEqual(cm(outs[2]!, name));
  }
  return outs;
}

describe('knative-serving config ConfigMaps from typed values', () => {
  it("by default sets only the keys Kubeflow sets (Knative's own defaults apply to the rest)", () => {
    const c = concrete({});
    expect(keys(c, 'config-autoscaler')).toEqual({});
    expect(keys(c, 'config-domain')).toEqual({ 'example.com': '' });
    expect(keys(c, 'config-istio')).toEqual({ 'gateway.kubeflow.kubeflow-gateway': 'istio-ingressgateway.istio-system.svc.cluster.local' });
    expect(keys(c, 'config-deployment')).toMatchObject({ progressDeadline: '600s' });
  });

  it('a domain and autoscaling bounds reach the ConfigMaps, identically in both outputs', async () => {
    const values = {
      config: {
        domain: { name: 'models.example.org' },
        autoscaler: { minScale: 1, maxScale: 1000000, enableScaleToZero: false, scaleToZeroGracePeriod: '45s', maxScaleUpRate: 2.5 },
        network: { externalDomainTls: 'Enabled', httpProtocol: 'Redirected', ingressClass: 'istio.ingress.networking.knative.dev' },
      },
    };
    for (const objs of await allOutputs(values)) {
      expect(keys(objs, 'config-domain')).toEqual({ 'models.example.org': '' });
      expect(keys(objs, 'config-autoscaler')).toEqual({
        'min-scale': '1',
        'max-scale': '1000000',
        'enable-scale-to-zero': 'false',
        'scale-to-zero-grace-period': '45s',
        'max-scale-up-rate': '2.5',
      });
      expect(keys(objs, 'config-network')).toEqual({
        'external-domain-tls': 'Enabled',
        'http-protocol': 'Redirected',
        'ingress-class': 'istio.ingress.networking.knative.dev',
      });
    }
  });

  it('every typed setting reaches its key, and Helm prints each exactly as concrete synthesis does', async () => {
    const sample = (s: Setting<unknown>): unknown => {
      const sch = s.schema as { type: string[]; enum?: unknown[]; pattern?: string; minimum?: number; maximum?: number };
      if (sch.enum) return sch.enum[sch.enum.length - 2];
      switch (s.type) {
        case 'boolean':
          return true;
        case 'integer':
          return Math.max(3, sch.minimum ?? 0);
        case 'number':
          return sch.maximum !== undefined && sch.maximum <= 1 ? 0.25 : Math.max(sch.minimum ?? 0, 1) + 1.5;
        case 'object':
          return { kind: 'ClusterIssuer', name: `issuer-${s.key.toLowerCase()}` };
        default:
          return sch.pattern?.includes('ns|us') ? '45s' : sch.pattern?.includes('Ki') ? '250m' : sch.pattern ? '7' : `text for ${s.key}`;
      }
    };
    const values: Record<string, Record<string, unknown>> = {};
    const expected: Record<string, Record<string, string>> = {};
    for (const [group, g] of Object.entries(specs.config.children)) {
      for (const [name, s] of Object.entries(g.children)) {
        if (!isSetting(s)) continue;
        const x = sample(s as Setting<unknown>);
        (values[group] ??= {})[name] = x;
        (expected[group] ??= {})[s.key] = typeof x === 'object' ? JSON.stringify(x) : String(x);
      }
    }
    const outs = await allOutputs({ config: values });
    const names: Record<string, string> = { leaderElection: 'config-leader-election' };
    for (const objs of outs) {
      for (const [group, kv] of Object.entries(expected)) expect(keys(objs, names[group] ?? `config-${group}`)).toMatchObject(kv);
    }
    expect(Object.keys(expected).length).toBe(10);
  });

  it('adversarial text stays inside its value (no new keys, no broken YAML), in both outputs', async () => {
    const evil = 'x\n_example: overwritten\n"ingress-class": "evil" # {{ .Release.Name }}';
    const values = {
      config: {
        domain: { extra: { 'evil.example.com': evil } },
        observability: { requestLogTemplate: evil },
        network: { extra: { 'namespace-wildcard-cert-selector': 'x\ningress-class: evil' } },
      },
    };
    for (const objs of await allOutputs(values)) {
      expect(keys(objs, 'config-domain')).toEqual({ 'example.com': '', 'evil.example.com': evil });
      expect(keys(objs, 'config-observability')).toEqual({ 'logging.request-log-template': evil });
      expect(keys(objs, 'config-network')).toEqual({ 'namespace-wildcard-cert-selector': 'x\ningress-class: evil' });
      expect(cm(objs, 'config-domain').data._example).not.toContain('overwritten');
    }
  });

  it('the ingress gateway and the cluster-local gateway follow the istio values', async () => {
    const values = {
      istio: {
        ingressGateway: { namespace: 'gw', name: 'public', service: 'gw.gw-system.svc.cluster.local' },
        localGatewaySelector: { app: 'local-gw', istio: null },
      },
    };
    for (const objs of await allOutputs(values)) {
      expect(keys(objs, 'config-istio')).toEqual({ 'gateway.gw.public': 'gw.gw-system.svc.cluster.local' });
      const svc = objs.find((o) => o.kind === 'Service' && o.metadata.name === 'knative-local-gateway')!;
      expect(svc.spec.selector).toEqual({ app: 'local-gw' });
    }
  });

  it('rejects wrong types, bad durations and typed keys in `extra`, naming the value', async () => {
    const bad = [
      [{ config: { certmanager: { issuerRef: { kind: 'ClusterIssuer', name: 'a"b\nc: d' } } } }, /issuerRef\.name/],
      [{ clusterDomain: 'cluster local' }, /clusterDomain/],
      [{ istio: { localGatewaySelector: { app: 'a: b' } } }, /localGatewaySelector/],
      [{ config: { autoscaler: { enableScaleToZero: 'yes' } } }, /enableScaleToZero/],
      [{ config: { autoscaler: { minScale: -1 } } }, /minScale/],
      [{ config: { autoscaler: { stableWindow: 'one minute' } } }, /stableWindow/],
      [{ config: { network: { httpProtocol: 'Sometimes' } } }, /httpProtocol/],
      [{ config: { autoscaler: { extra: { 'min-scale': '2' } } } }, /extra/],
      [{ config: { network: { extra: { _example: 'mine' } } } }, /extra/],
      [{ config: { autoscaler: { minScal: 1 } } }, /minScal/],
    ] as const;
    for (const [values, name] of bad) {
      expect(() => concrete(values)).toThrow(name);
      const r = await exec(tools.helm3, ['template', 'x', CHART, '-f', valuesFile(values)]);
      expect(r.code, JSON.stringify(values)).not.toBe(0);
      expect(r.stderr).toMatch(name);
    }
  });
});

describe('knative-serving _example documentation', () => {
  const objs = concrete({});
  const configMaps = objs.filter((o) => o.kind === 'ConfigMap');

  it("is ours, generated from the value docs, and its checksum annotation matches it (Knative's config webhook checks it)", () => {
    expect(configMaps).toHaveLength(13);
    for (const c of configMaps) {
      const example = c.data._example as string;
      expect(c.metadata.annotations[EXAMPLE_CHECKSUM]).toBe(checksum(example));
      expect(example).toContain('generated by kubeflow-cdk8s');
    }
    // each typed setting is documented with its value path and Knative's default
    const autoscaler = cm(objs, 'config-autoscaler').data._example as string;
    expect(autoscaler).toContain('# config.autoscaler.enableScaleToZero: ');
    expect(parse(autoscaler)).toMatchObject({ 'enable-scale-to-zero': 'true', 'stable-window': '60s', 'max-scale': '0' });
  });

  it.skipIf(!hasReference('knative-serving'))(
    "shares no line of prose with upstream's examples (skipped without ../shared/reference)",
    () => {
      const prose = (t: string) =>
        t
          .split('\n')
          .map((l) => l.replace(/^#\s*/, '').trim())
          .filter((l) => l.split(' ').length >= 6);
      const upstream = new Set(
        loadReference('knative-serving')
          .filter((o) => o.kind === 'ConfigMap')
          .flatMap((o) => prose(o.data?._example ?? '')),
      );
      const ours = configMaps.flatMap((c) => prose(c.data._example));
      expect(upstream.size).toBeGreaterThan(50);
      expect(ours.filter((l) => upstream.has(l))).toEqual([]);
    },
  );
});

describe('knative-serving CRDs', () => {
  const validators = crdValidators(concrete({}));
  const ksvc = {
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name: 'sklearn-iris-predictor', namespace: 'user' },
    spec: {
      template: {
        metadata: { annotations: { 'autoscaling.knative.dev/min-scale': '1' }, labels: { app: 'iris' } },
        spec: {
          containerConcurrency: 0,
          timeoutSeconds: 300,
          containers: [
            {
              name: 'kserve-container',
              image: 'kserve/sklearnserver:v0.16.0',
              args: ['--model_name=iris'],
              env: [
                { name: 'PORT', value: '8080' },
                { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              ],
              ports: [{ containerPort: 8080, name: 'h2c', protocol: 'TCP' }],
              readinessProbe: { httpGet: { path: '/v2/health/ready', port: 8080 }, periodSeconds: 5 },
              resources: { limits: { cpu: '1', memory: '2Gi' }, requests: { cpu: '100m', memory: 256 } },
              securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
              volumeMounts: [{ name: 'model', mountPath: '/mnt/models', readOnly: true }],
            },
          ],
          volumes: [{ name: 'model', emptyDir: {} }],
        },
      },
      traffic: [{ latestRevision: true, percent: 100 }],
    },
  };

  it('a Knative Service as KServe creates it validates against our Service CRD; wrong types fail', () => {
    const validate = validators.get('serving.knative.dev/v1/Service')!;
    expect(() => validate(ksvc)).not.toThrow();
    const bad = structuredClone(ksvc);
    (bad.spec.template.spec as Record<string, unknown>).containerConcurrency = 'many';
    expect(() => validate(bad)).toThrow(/integer/);
    const badPort = structuredClone(ksvc);
    (badPort.spec.template.spec.containers[0]!.ports[0] as Record<string, unknown>).containerPort = '8080';
    expect(() => validate(badPort)).toThrow(/integer/);
  });

  it('has the 12 CRDs, each with a status subresource, behind crds.install', () => {
    const crds = concrete({}).filter((o) => o.kind === 'CustomResourceDefinition');
    expect(crds.map((c) => c.metadata.name).sort()).toEqual([
      'certificates.networking.internal.knative.dev',
      'clusterdomainclaims.networking.internal.knative.dev',
      'configurations.serving.knative.dev',
      'domainmappings.serving.knative.dev',
      'images.caching.internal.knative.dev',
      'ingresses.networking.internal.knative.dev',
      'metrics.autoscaling.internal.knative.dev',
      'podautoscalers.autoscaling.internal.knative.dev',
      'revisions.serving.knative.dev',
      'routes.serving.knative.dev',
      'serverlessservices.networking.internal.knative.dev',
      'services.serving.knative.dev',
    ]);
    for (const c of crds) expect(c.spec.versions[0].subresources, c.metadata.name).toEqual({ status: {} });
    expect(concrete({ crds: { install: false } }).filter((o) => o.kind === 'CustomResourceDefinition')).toEqual([]);
  });
});
