/** Object metadata as the shared builders take it: a name, the namespace of a namespaced object, labels. */
export interface Named {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
}

/**
 * The metadata of a component's objects, which all carry the component's labels: `meta(name)` for
 * an object in `namespace`, `meta(name, false)` for a cluster-scoped one, `extraLabels` after the
 * component's own (`meta(name, false, aggregateTo('kubeflow-view'))`).
 *
 * `const meta = objectMeta(v.namespace, labels)`, or as a field of the construct:
 * `private readonly meta = objectMeta(this.v.namespace, labels)`.
 */
export function objectMeta(namespace: string, labels: Record<string, string>) {
  return (name: string, namespaced = true, extraLabels: Record<string, string> = {}) => ({
    name,
    ...(namespaced ? { namespace } : {}),
    labels: { ...labels, ...extraLabels },
  });
}
