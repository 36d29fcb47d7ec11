import type { k8s } from 'cdk8s-plus-33';
import { s, type JsonSchema } from '../core/schema.js';
import { v } from '../core/values.js';

/** Value declarations many workloads share, so every chart spells them the same way. */
export const envVarSchema = (): JsonSchema =>
  s.object(
    {
      name: s.string({ minLength: 1, pattern: '^[-._a-zA-Z][-._a-zA-Z0-9]*$' }),
      value: s.string(),
      valueFrom: { type: 'object', description: 'A Kubernetes EnvVarSource.' },
    },
    ['name'],
  );

export const scheduling = () => ({
  nodeSelector: v.labelMap({}, 'Node labels the pods must match.', { omitEmpty: true }),
  tolerations: v.list<k8s.Toleration>(
    [],
    'Tolerations of the pods.',
    s.object({
      key: s.orEmpty(s.labelKey()),
      operator: s.enum(['Exists', 'Equal']),
      value: s.labelValue(),
      effect: s.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute', '']),
      tolerationSeconds: s.integer(),
    }),
    { omitEmpty: true },
  ),
  affinity: v.obj<k8s.Affinity>({}, 'Affinity of the pods (a Kubernetes Affinity).', { type: 'object' }, { omitEmpty: true }),
});

/** The pod spec fields for the values of `scheduling()`: `spec: { ...podScheduling(v), … }`. */
export const podScheduling = (x: { nodeSelector: Record<string, string>; tolerations: k8s.Toleration[]; affinity: k8s.Affinity }) => ({
  nodeSelector: x.nodeSelector,
  tolerations: x.tolerations,
  affinity: x.affinity,
});
