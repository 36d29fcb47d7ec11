/**
 * CustomResourceDefinitions as typed TypeScript, never copied YAML.
 *
 * Three pieces:
 *
 * 1. `prop` — schema builders for the CRD's own fields (JSON names, structural OpenAPI v3):
 *      prop.string('desc')            prop.integer() / prop.int32() / prop.int64() / prop.number()
 *      prop.boolean()                 prop.enum(['A', 'B'], 'desc')      prop.dateTime()
 *      prop.array(items, 'desc')      prop.map(values, 'desc')           (Go map[string]T)
 *      prop.object({ a: …, b: … }, { description, required: ['a'], preserveUnknownFields })
 *      prop.preserveUnknown('desc')   (type: object + x-kubernetes-preserve-unknown-fields)
 *      prop.intOrString()             prop.quantity()   (controller-gen's anyOf int|string forms)
 *      prop.condition()               (metav1.Condition with apimachinery's markers, for status conditions)
 *    The second argument of the scalar/array/map builders is a description or extra keys
 *    (`{ description, default, pattern, enum, 'x-kubernetes-list-type': 'map', … }`).
 *
 * 2. `prop.k8s(Type)` / `prop.k8sList(Type)` / `k8sSchema(Type)` — schemas of embedded Kubernetes
 *    types (PodSpec, Container, EnvVar, EnvFromSource, Volume, VolumeMount, Toleration, Affinity,
 *    ResourceRequirements, LabelSelector, ObjectMeta, …) generated from the jsii assembly of
 *    cdk8s-plus-33 (Kubernetes 1.33). JSON names come from each property's `io.k8s…#field`
 *    reference (hostIP, volumeID, $ref, x-kubernetes-*); required = non-optional properties;
 *    numbers become `integer` with format int32/int64; IntOrString and Quantity get controller-gen's
 *    forms; maps → additionalProperties; recursion stops at `x-kubernetes-preserve-unknown-fields`.
 *    Options: `{ descriptions: false }` drops descriptions (large CRDs), `objectMeta:
 *    'embedded' | 'opaque' | 'full'` says how a nested ObjectMeta looks (default `embedded`: the
 *    five fields controller-gen's generateEmbeddedObjectMeta keeps; `opaque`: `type: object` as
 *    older controller-gen emits). A description passed as `prop.k8s('Toleration', 'desc')`
 *    replaces the type's own. `withoutDescriptions(schema)` strips a whole tree.
 *
 * 3. `new CustomResourceDefinition(scope, id, { group, kind, scope, versions, labels, annotations,
 *    plural?, singular?, listKind?, shortNames?, categories?, conversion?, preserveUnknownFields? })`
 *    — an apiextensions.k8s.io/v1 object written as given (an ApiObject, so x-kubernetes-* keys
 *    and `$ref` survive; cdk8s's KubeCustomResourceDefinition would drop keys it does not know).
 *    Each version: `{ name, served = true, storage, schema, subresources: { status: true, scale },
 *    additionalPrinterColumns }`; `resourceSchema({ description, spec, status, required })` builds
 *    the openAPIV3Schema root (apiVersion, kind, metadata, spec, status). Every schema is checked
 *    to be structural at synthesis. Put the CRD behind `crds.install`
 *    (`when(this, 'crds', v.crds.install, (s) => …)`); the Helm writer adds the keep policy.
 *
 * Example (a component's crds.ts):
 *
 *   const spec = prop.object({
 *     selector: prop.k8s('LabelSelector', 'Pods this applies to.'),
 *     env: prop.k8sList('EnvVar'),
 *     volumes: prop.k8sList('Volume', { descriptions: false }),
 *     desc: prop.string(),
 *   }, { required: ['selector'] });
 *   new CustomResourceDefinition(scope, 'poddefaults', {
 *     group: 'kubeflow.org', kind: 'PodDefault', scope: 'Namespaced',
 *     versions: [{ name: 'v1alpha1', storage: true, schema: resourceSchema({ spec, status: prop.object({}) }) }],
 *   });
 *
 * Typed bindings for the custom resources (imports/kubeflow.org.ts) are generated from these
 * definitions by `npm run import` (scripts/import-crds.ts); constructs create instances with
 * `customObject<IProfile>(…)`.
 */
export {
  CustomResourceDefinition,
  resourceSchema,
  assertStructural,
  type CrdProps,
  type CrdVersion,
  type PrinterColumn,
  type ResourceSchemaProps,
} from './definition.js';
export { k8sSchema, k8sTypeNames, intOrStringSchema, quantitySchema, type K8sSchemaOptions } from './k8s-schema.js';
export { prop, withoutDescriptions, type CrdSchema, type ObjectOptions, type PropExtra } from './props.js';
