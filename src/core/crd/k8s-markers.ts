import type { CrdSchema } from './props.js';

/**
 * Server-side-apply markers and defaults of the Kubernetes API (from the `+listType`, `+listMapKey`,
 * `+mapType`/`+structType` and `+default` tags of the Go types) that the jsii assembly does not
 * carry. They decide how apply merges lists and maps inside custom resources that embed
 * Kubernetes types, so they belong in our CRDs as much as the property names do.
 */
const listMap = (...keys: string[]): CrdSchema => ({ 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': keys });
const atomicList: CrdSchema = { 'x-kubernetes-list-type': 'atomic' };
const atomicMap: CrdSchema = { 'x-kubernetes-map-type': 'atomic' };

const core = 'io.k8s.api.core.v1';

/** Field markers, by the field's `io.k8s…Type#field` reference. */
export const FIELD_MARKERS: Record<string, CrdSchema> = {
  [`${core}.Container#ports`]: listMap('containerPort', 'protocol'),
  [`${core}.EphemeralContainer#ports`]: listMap('containerPort', 'protocol'),
  [`${core}.Container#resizePolicy`]: atomicList,
  [`${core}.EphemeralContainer#resizePolicy`]: atomicList,
  [`${core}.ContainerPort#protocol`]: { default: 'TCP' },
  [`${core}.PodSpec#nodeSelector`]: atomicMap,
  [`${core}.PodSpec#resourceClaims`]: listMap('name'),
  [`${core}.PodSpec#schedulingGates`]: listMap('name'),
  [`${core}.PodSpec#topologySpreadConstraints`]: listMap('topologyKey', 'whenUnsatisfiable'),
  [`${core}.ResourceRequirements#claims`]: listMap('name'),
  [`${core}.PodAffinityTerm#matchLabelKeys`]: atomicList,
  [`${core}.PodAffinityTerm#mismatchLabelKeys`]: atomicList,
  [`${core}.TopologySpreadConstraint#matchLabelKeys`]: atomicList,
};

/**
 * Types applied as a whole (`+structType=atomic`, or embedding LocalObjectReference inline, which
 * makes the embedding struct atomic too).
 */
export const ATOMIC_TYPES = new Set([
  ...[
    'LocalObjectReference',
    'TypedLocalObjectReference',
    'ObjectFieldSelector',
    'ResourceFieldSelector',
    'ConfigMapKeySelector',
    'SecretKeySelector',
    'ConfigMapEnvSource',
    'SecretEnvSource',
    'ConfigMapVolumeSource',
    'ConfigMapProjection',
    'SecretProjection',
    'NodeSelector',
    'NodeSelectorTerm',
  ].map((t) => `${core}.${t}`),
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector',
]);
