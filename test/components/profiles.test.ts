import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { admissionWebhook } from '../../src/components/admission-webhook/index.js';
import { profiles } from '../../src/components/profiles/index.js';
import { synthConcrete } from '../../src/core/synth.js';
import type { K8sObject } from '../support/objects.js';
import { hasReference, loadReference } from '../support/render.js';

const objects = (values?: unknown, preset?: string) =>
  synthConcrete(profiles, { ...(values ? { values: values as never } : {}), ...(preset ? { preset } : {}) }).map(
    (o) => o.json as K8sObject,
  );
const labelsCm = (objs: K8sObject[]) => objs.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('namespace-labels-data-'))!;
const labelsOf = (objs: K8sObject[]) => parse(labelsCm(objs).data['namespace-labels.yaml']);

describe('profiles namespace-labels.yaml', () => {
  for (const [preset, file] of [
    [undefined, undefined],
    ['kubeflow', 'kubeflow'],
    ['standalone', 'standalone'],
  ] as const) {
    it.skipIf(!hasReference('profiles', file))(
      `${preset ?? 'default'}: parses to upstream 26.03's labels (only the comment and order differ: declared deviation)`,
      () => {
        expect(labelsOf(objects(undefined, preset))).toEqual(
          parse(labelsCm(loadReference('profiles', file)).data['namespace-labels.yaml']),
        );
      },
    );
  }

  it('follows the typed map: added, emptied (= remove) and dropped labels; the Deployment mounts the renamed ConfigMap', () => {
    const objs = objects({
      namespaceLabels: { 'istio.io/rev': 'asm-1-22', 'pipelines.kubeflow.org/enabled': '', 'pod-security.kubernetes.io/enforce': null },
    });
    expect(labelsOf(objs)).toEqual({
      'app.kubernetes.io/part-of': 'kubeflow-profile',
      'istio.io/rev': 'asm-1-22',
      'katib.kubeflow.org/metrics-collector-injection': 'enabled',
      'pipelines.kubeflow.org/enabled': '',
      'serving.kubeflow.org/inferenceservice': 'enabled',
    });
    const dep = objs.find((o) => o.kind === 'Deployment')!;
    expect(dep.spec.template.spec.volumes[0].configMap.name).toBe(labelsCm(objs).metadata.name);
    expect(labelsCm(objs).metadata.name).not.toBe(labelsCm(objects()).metadata.name);
  });

  it('rejects label keys and values Kubernetes would not accept', () => {
    expect(() => objects({ namespaceLabels: { 'bad key': 'x' } })).toThrow(/namespaceLabels/);
    expect(() => objects({ namespaceLabels: { ok: 'a,b' } })).toThrow(/namespaceLabels/);
  });
});

describe('profiles values', () => {
  it('KFAM off removes its container, Service and Istio objects; the controller keeps running', () => {
    const objs = objects({ kfam: { enabled: false } });
    expect(objs.filter((o) => o.metadata.name === 'profiles-kfam')).toEqual([]);
    expect(objs.find((o) => o.kind === 'Deployment')!.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual([
      'manager',
    ]);
  });

  it('config values reach the profiles-config ConfigMap', () => {
    const cm = objects({ admin: 'admin@example.com', userIdHeader: 'x-user', workloadIdentity: 'sa@p.iam.gserviceaccount.com' }).find(
      (o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('profiles-config-'),
    )!;
    expect(cm.data).toMatchObject({
      ADMIN: 'admin@example.com',
      USERID_HEADER: 'x-user',
      WORKLOAD_IDENTITY: 'sa@p.iam.gserviceaccount.com',
    });
  });
});

describe('admission-webhook values', () => {
  const webhookObjects = (values?: unknown) =>
    synthConcrete(admissionWebhook, values ? { values: values as never } : {}).map((o) => o.json as K8sObject);

  it('an existing issuer replaces the self-signed one', () => {
    const objs = webhookObjects({ certificate: { issuer: { create: false, kind: 'ClusterIssuer', name: 'corp-ca' }, duration: '2160h' } });
    expect(objs.find((o) => o.kind === 'Issuer')).toBeUndefined();
    expect(objs.find((o) => o.kind === 'Certificate')!.spec).toMatchObject({
      issuerRef: { kind: 'ClusterIssuer', name: 'corp-ca' },
      duration: '2160h',
    });
  });

  it('webhook settings and namespace follow the values (CA injection included)', () => {
    const objs = webhookObjects({ namespace: 'pd', webhook: { failurePolicy: 'Ignore', timeoutSeconds: 5 }, replicas: 2 });
    const mwc = objs.find((o) => o.kind === 'MutatingWebhookConfiguration')!;
    expect(mwc.metadata.annotations['cert-manager.io/inject-ca-from']).toBe('pd/admission-webhook-cert');
    expect(mwc.webhooks[0]).toMatchObject({ failurePolicy: 'Ignore', timeoutSeconds: 5, clientConfig: { service: { namespace: 'pd' } } });
    expect(objs.find((o) => o.kind === 'Deployment')!.spec.replicas).toBe(2);
    expect(objs.find((o) => o.kind === 'Certificate')!.spec.dnsNames).toEqual([
      'admission-webhook-service.pd.svc',
      'admission-webhook-service.pd.svc.cluster.local',
    ]);
  });
});
