import { describe, expect, it } from 'vitest';
import { Profile, ProfileSpecResourceQuotaSpecHard } from '../imports/kubeflow.org.js';
import { podDefaultSpec } from '../src/components/admission-webhook/crds.js';
import { profileSchema } from '../src/components/profiles/crds.js';
import {
  assertStructural,
  CustomResourceDefinition,
  k8sSchema,
  prop,
  resourceSchema,
  withoutDescriptions,
  type CrdSchema,
} from '../src/core/crd/index.js';
import { scratchChart } from '../src/core/objects.js';
import { crdValidators } from './support/validate.js';

describe('k8sSchema: Kubernetes types from the cdk8s-plus-33 jsii assembly', () => {
  it("uses the API's JSON names, required fields and integer formats", () => {
    const port = k8sSchema('ContainerPort');
    expect(Object.keys(port.properties!).sort()).toEqual(['containerPort', 'hostIP', 'hostPort', 'name', 'protocol']);
    expect(port.required).toEqual(['containerPort']);
    expect(port.properties!.containerPort).toMatchObject({ type: 'integer', format: 'int32' });
    expect(k8sSchema('Toleration').properties!.tolerationSeconds).toMatchObject({ type: 'integer', format: 'int64' });
    expect(k8sSchema('PodSecurityContext').properties!.supplementalGroups).toMatchObject({
      type: 'array',
      items: { type: 'integer', format: 'int64' },
    });
    expect(Object.keys(k8sSchema('Volume').properties!)).toEqual(
      expect.arrayContaining(['downwardAPI', 'scaleIO', 'persistentVolumeClaim']),
    );
    expect(k8sSchema('JsonSchemaProps').properties).toHaveProperty('$ref');
    expect(k8sSchema('JsonSchemaProps').properties).toHaveProperty('x-kubernetes-preserve-unknown-fields');
  });

  it("gives IntOrString and Quantity controller-gen's forms, maps additionalProperties", () => {
    expect(k8sSchema('HttpGetAction').properties!.port).toEqual({
      anyOf: [{ type: 'integer' }, { type: 'string' }],
      'x-kubernetes-int-or-string': true,
      description: expect.any(String),
    });
    const limits = k8sSchema('ResourceRequirements').properties!.limits!;
    expect(limits.type).toBe('object');
    expect(limits.additionalProperties).toMatchObject({
      anyOf: [{ type: 'integer' }, { type: 'string' }],
      'x-kubernetes-int-or-string': true,
    });
    expect((limits.additionalProperties as CrdSchema).pattern).toBeTruthy();
  });

  it('describes fields with the jsii docs, or not at all', () => {
    expect(k8sSchema('Toleration').properties!.key!.description).toMatch(/taint key/i);
    expect(JSON.stringify(k8sSchema('PodSpec', { descriptions: false }))).not.toContain('"description"');
  });

  it('embeds ObjectMeta as controller-gen does, or opaque, or full', () => {
    const meta = (o?: 'embedded' | 'opaque' | 'full') =>
      k8sSchema('PersistentVolumeClaimTemplate', { objectMeta: o, descriptions: false }).properties!.metadata!;
    expect(Object.keys(meta().properties!)).toEqual(['annotations', 'finalizers', 'labels', 'name', 'namespace']);
    expect(meta('opaque')).toEqual({ type: 'object' });
    expect(Object.keys(meta('full').properties!)).toContain('ownerReferences');
  });

  it('is structural for every type it is asked for (recursion included) and returns fresh copies', () => {
    for (const t of ['PodSpec', 'Affinity', 'JsonSchemaProps', 'ObjectMeta', 'LabelSelector']) assertStructural(k8sSchema(t), t);
    const a = k8sSchema('Toleration');
    a.properties!.key!.type = 'integer';
    expect(k8sSchema('Toleration').properties!.key!.type).toBe('string');
    expect(() => k8sSchema('NoSuchType')).toThrow(/NoSuchType/);
  });
});

describe('CustomResourceDefinition', () => {
  const build = () => {
    const chart = scratchChart();
    const crd = new CustomResourceDefinition(chart, 'widgets', {
      group: 'example.org',
      kind: 'Widget',
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1',
          storage: true,
          subresources: { status: true },
          additionalPrinterColumns: [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' }],
          schema: resourceSchema({
            spec: prop.object(
              {
                size: prop.quantity(),
                port: prop.intOrString(),
                extra: prop.preserveUnknown(),
                mode: prop.enum(['a', 'b']),
                items: prop.array(prop.k8s('Toleration')),
              },
              { required: ['size'] },
            ),
          }),
        },
      ],
    });
    return crd.toJson() as Record<string, any>;
  };

  it('keeps x-kubernetes-* keys and names as written in the final JSON', () => {
    const json = build();
    expect(json.metadata.name).toBe('widgets.example.org');
    expect(json.spec.names).toEqual({ kind: 'Widget', listKind: 'WidgetList', plural: 'widgets', singular: 'widget' });
    const v = json.spec.versions[0];
    expect(v.subresources).toEqual({ status: {} });
    const spec = v.schema.openAPIV3Schema.properties.spec;
    expect(spec.properties.size['x-kubernetes-int-or-string']).toBe(true);
    expect(spec.properties.port['x-kubernetes-int-or-string']).toBe(true);
    expect(spec.properties.extra['x-kubernetes-preserve-unknown-fields']).toBe(true);
    expect(spec.properties.items.items.properties.tolerationSeconds.format).toBe('int64');
    expect(spec.required).toEqual(['size']);
  });

  it('rejects non-structural schemas and a missing storage version', () => {
    expect(() => assertStructural({ type: 'object', properties: { x: {} } }, 't')).toThrow(/\.x has no type/);
    const chart = scratchChart();
    expect(
      () =>
        new CustomResourceDefinition(chart, 'c', {
          group: 'g.org',
          kind: 'K',
          scope: 'Cluster',
          versions: [{ name: 'v1', storage: false, schema: resourceSchema({}) }],
        }),
    ).toThrow(/storage/);
  });

  it('withoutDescriptions strips every description but keeps a property named description', () => {
    const s = withoutDescriptions(prop.object({ description: prop.string('d') }, 'top'));
    expect(s).toEqual({ type: 'object', properties: { description: { type: 'string' } } });
  });
});

describe('our CRDs accept the resources users write', () => {
  const crdsOf = (...schemas: [string, string, string, CrdSchema][]) =>
    crdValidators(
      schemas.map(([group, kind, version, schema]) => ({
        kind: 'CustomResourceDefinition',
        spec: { group, names: { kind }, versions: [{ name: version, schema: { openAPIV3Schema: schema } }] },
      })),
    );

  it('Profile built with the generated binding (imports/kubeflow.org.ts) validates against our Profile CRD', () => {
    const profile = new Profile(scratchChart(), 'p', {
      metadata: { name: 'kubeflow-user-example-com' },
      spec: {
        owner: { kind: 'User', name: 'user@example.com' },
        resourceQuotaSpec: { hard: { cpu: ProfileSpecResourceQuotaSpecHard.fromString('2') } },
      },
    }).toJson();
    const v = crdsOf(['kubeflow.org', 'Profile', 'v1', profileSchema]).get('kubeflow.org/v1/Profile')!;
    expect(() => v(profile)).not.toThrow();
    expect(() => v({ ...profile, spec: { owner: { kind: 'User' } } })).toThrow(/name/);
  });

  it("a PodDefault like the notebook form's validates; one without selector does not", () => {
    const v = crdsOf(['kubeflow.org', 'PodDefault', 'v1alpha1', resourceSchema({ spec: podDefaultSpec })]).get(
      'kubeflow.org/v1alpha1/PodDefault',
    )!;
    const pd = {
      apiVersion: 'kubeflow.org/v1alpha1',
      kind: 'PodDefault',
      metadata: { name: 'access-ml-pipeline', namespace: 'u' },
      spec: {
        desc: 'Allow access to Kubeflow Pipelines',
        selector: { matchLabels: { 'access-ml-pipeline': 'true' } },
        env: [{ name: 'KF_PIPELINES_SA_TOKEN_PATH', value: '/var/run/secrets/kubeflow/pipelines/token' }],
        volumeMounts: [{ mountPath: '/var/run/secrets/kubeflow/pipelines', name: 'volume-kf-pipeline-token', readOnly: true }],
        volumes: [
          {
            name: 'volume-kf-pipeline-token',
            projected: {
              sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 7200, audience: 'pipelines.kubeflow.org' } }],
            },
          },
        ],
      },
    };
    expect(() => v(pd)).not.toThrow();
    expect(() => v({ ...pd, spec: { desc: 'x' } })).toThrow(/selector/);
  });
});
