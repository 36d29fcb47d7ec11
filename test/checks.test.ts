import { describe, expect, it } from 'vitest';
import { restrictedViolations, wildcardRules } from './support/security.js';
import { crdValidators, validatorFor } from './support/validate.js';
import { parity } from './support/render.js';

/** The shared checks must be able to fail: each gets a counter-example. */
const deployment = (pod: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd' },
  spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: pod } },
});

describe('Pod Security "restricted" check', () => {
  it('flags a default pod and passes a restricted one', () => {
    expect(restrictedViolations(deployment({ containers: [{ name: 'c', image: 'i' }] }))!.length).toBeGreaterThanOrEqual(3);
    const ok = deployment({
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [{ name: 'c', image: 'i', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
    });
    expect(restrictedViolations(ok)).toEqual([]);
    expect(
      restrictedViolations({
        ...ok,
        spec: { ...ok.spec, template: { ...ok.spec.template, spec: { ...ok.spec.template.spec, hostNetwork: true } } },
      }),
    ).toContain('host namespaces');
  });
});

describe('schema validation', () => {
  it('rejects a malformed Deployment', async () => {
    const validate = (await validatorFor('apps/v1', 'Deployment'))!;
    expect(() => validate(deployment({ containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 'http' }] }] }))).toThrow(
      /containerPort/,
    );
  });
  it('rejects a custom resource that breaks its CRD', () => {
    const crd = {
      kind: 'CustomResourceDefinition',
      spec: {
        group: 'x.io',
        names: { kind: 'Thing' },
        versions: [
          {
            name: 'v1',
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: { spec: { type: 'object', properties: { size: { type: 'integer' } }, required: ['size'] } },
              },
            },
          },
        ],
      },
    };
    const v = crdValidators([crd]).get('x.io/v1/Thing')!;
    expect(() => v({ spec: { size: 'big' } })).toThrow();
    expect(() => v({ spec: {} })).toThrow();
    expect(() => v({ spec: { size: 3 } })).not.toThrow();
  });
});

describe('RBAC wildcard finder and parity', () => {
  it('finds wildcards', () => {
    expect(
      wildcardRules({ kind: 'ClusterRole', metadata: { name: 'r' }, rules: [{ apiGroups: ['*'], resources: ['pods'], verbs: ['get'] }] }),
    ).toHaveLength(1);
  });
  it('counts a changed object as differing and a declared same-document ConfigMap separately', () => {
    const cm = (text: string) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', namespace: 'n' },
      data: { 'f.yaml': text },
    });
    const ref = [
      cm('# upstream comment\na: 1\nb: [x]\n'),
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'n' }, spec: { ports: [{ port: 80 }] } },
    ];
    const ours = [cm('{"a": 1, "b": ["x"]}'), { ...ref[1]!, spec: { ports: [{ port: 81 }] } }];
    const undeclared = parity('t', ours, ref);
    expect([undeclared.nonCrdIdentical, undeclared.nonCrdEquivalent, undeclared.differing.length]).toEqual([0, 0, 2]);
    const declared = parity('t', ours, ref, ['ConfigMap/c']);
    expect([declared.nonCrdIdentical, declared.nonCrdEquivalent, declared.differing.length]).toEqual([0, 1, 1]);
  });
});
