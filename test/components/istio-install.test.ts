import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { istioInstall } from '../../src/components/istio-install/index.js';
import { synthConcreteWithValues } from '../../src/core/synth.js';
import { helmChartsOf } from '../../src/core/upstream.js';
import { parseObjects, type K8sObject } from '../support/objects.js';
import { helmComponent, skipReason } from '../support/render.js';

const dir = mkdtempSync(join(tmpdir(), 'kf-istio-'));
const valuesFile = (values: unknown) => {
  const f = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, JSON.stringify(values));
  return f;
};
const skip = skipReason('istio-install');
const helm = (h: 'helm3' | 'helm4', values: unknown) => {
  return helmComponent('istio-install', h, ['-f', valuesFile(values)]);
};
const find = (objs: K8sObject[], kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata.name === name)!;

const values = {
  gateway: {
    service: { type: 'LoadBalancer', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' } },
    autoscaling: { maxReplicas: 9 },
  },
  ingressGateway: { tls: { enabled: true, credentialName: 'kubeflow-tls', httpsRedirect: true } },
  istiod: {
    meshConfig: {
      extensionProviders: [{ name: 'oauth2-proxy', envoyExtAuthzHttp: { service: 'auth.example.svc.cluster.local', port: 4180 } }],
    },
  },
  ztunnel: { enabled: false },
};

describe('istio-install', () => {
  it('gives the charts the typed values (kustomize valuesInline) and drops a disabled chart', () => {
    const c = synthConcreteWithValues(istioInstall, { values: values as never });
    const charts = helmChartsOf(istioInstall.info, c.values);
    expect(charts.map((x) => x.name)).toEqual(['base', 'istiod', 'gateway']);
    const withZtunnel = synthConcreteWithValues(istioInstall, { values: { ztunnel: { enabled: true } } });
    expect(helmChartsOf(istioInstall.info, withZtunnel.values).map((x) => x.name)).toEqual(['base', 'istiod', 'ztunnel', 'gateway']);
    const gw = charts.find((x) => x.name === 'gateway')!.valuesInline as Record<string, any>;
    expect(gw.service.type).toBe('LoadBalancer');
    expect(gw.autoscaling).toEqual({ enabled: true, minReplicas: 1, maxReplicas: 9 });
    const objs = c.objects.map((o) => o.json as K8sObject);
    const gateway = find(objs, 'Gateway', 'istio-ingressgateway');
    expect(gateway.spec.servers[0].tls).toEqual({ httpsRedirect: true });
    expect(gateway.spec.servers[1]).toMatchObject({
      port: { number: 443, protocol: 'HTTPS' },
      tls: { mode: 'SIMPLE', credentialName: 'kubeflow-tls' },
    });
  });

  it.skipIf(!!skip)('renders the typed values through the charts with Helm 3 and 4', async () => {
    for (const h of ['helm3', 'helm4'] as const) {
      const r = await helm(h, values);
      expect(r.code, r.stderr).toBe(0);
      const objs = parseObjects(r.stdout);
      const svc = find(objs, 'Service', 'istio-ingressgateway');
      expect(svc.spec.type).toBe('LoadBalancer');
      expect(svc.metadata.annotations['service.beta.kubernetes.io/aws-load-balancer-type']).toBe('nlb');
      expect(find(objs, 'HorizontalPodAutoscaler', 'istio-ingressgateway').spec.maxReplicas).toBe(9);
      const mesh = parse(find(objs, 'ConfigMap', 'istio').data.mesh);
      expect(mesh.extensionProviders).toEqual([
        { name: 'oauth2-proxy', envoyExtAuthzHttp: { service: 'auth.example.svc.cluster.local', port: 4180 } },
      ]);
      expect(objs.some((o) => o.kind === 'DaemonSet')).toBe(false);
      expect(find(objs, 'Gateway', 'istio-ingressgateway').spec.servers).toHaveLength(2);
    }
  });

  it.skipIf(!!skip)("rejects bad values naming them, also passed through to the gateway chart's schema", async () => {
    for (const h of ['helm3', 'helm4'] as const) {
      const typed = await helm(h, { gateway: { service: { type: 'Balanced' } } });
      expect(typed.code).not.toBe(0);
      expect(typed.stderr).toMatch(/type/);
      const passed = await helm(h, { gateway: { kind: 'StatefulSet' } });
      expect(passed.code).not.toBe(0);
      expect(passed.stderr).toMatch(/kind/);
      const unknown = await helm(h, { gateway: { replicaCont: 2 } });
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toMatch(/replicaCont/);
    }
  });
});
