/**
 * The rules an install plan must satisfy on a blank cluster, checked over the objects each release
 * really renders (`helm template`), in plan order:
 * - every custom resource's CRD comes from an earlier release;
 * - every namespaced object's namespace exists by then: created by an earlier release, built into
 *   Kubernetes, or the namespace of this or an earlier release (the tools create it), but never a
 *   namespace that a later release applies as an object (Helm could not adopt it);
 * - no release applies objects that a webhook served by a later release would intercept, nor by its
 *   own release when the webhook fails closed (its server is not running yet while Helm applies);
 * - no two releases own the same object.
 */
export interface RenderedObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: any;
  webhooks?: WebhookSpec[];
}
interface WebhookSpec {
  name: string;
  failurePolicy?: 'Fail' | 'Ignore';
  rules?: { apiGroups?: string[]; apiVersions?: string[]; resources?: string[]; operations?: string[]; scope?: string }[];
  namespaceSelector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  objectSelector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
}
export interface RenderedRelease {
  readonly name: string;
  readonly namespace: string;
  readonly objects: RenderedObject[];
}

const BUILT_IN_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);
/** API groups served by Kubernetes itself (no CRD needed). */
const BUILT_IN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'autoscaling',
  'policy',
  'rbac.authorization.k8s.io',
  'networking.k8s.io',
  'storage.k8s.io',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'scheduling.k8s.io',
  'coordination.k8s.io',
  'node.k8s.io',
  'discovery.k8s.io',
  'certificates.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'events.k8s.io',
  'resource.k8s.io',
]);
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'PriorityClass',
  'StorageClass',
  'PersistentVolume',
  'APIService',
  'IngressClass',
  'RuntimeClass',
  'CSIDriver',
]);

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0]! : '');
const idOf = (o: RenderedObject) => `${o.kind}/${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;

/** Lower-case plural, as Kubernetes names resources (CRDs say theirs; built-in kinds follow these rules). */
export function pluralOf(kind: string, crdPlurals: Map<string, string>): string {
  const known = crdPlurals.get(kind);
  if (known) return known;
  const k = kind.toLowerCase();
  if (k.endsWith('y') && !/[aeiou]y$/.test(k)) return `${k.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(k)) return `${k}es`;
  return `${k}s`;
}

const matchesSelector = (sel: WebhookSpec['namespaceSelector'], labels: Record<string, string>): boolean => {
  if (!sel) return true;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = e.key in labels;
    const val = labels[e.key];
    if (e.operator === 'In' && !(has && e.values?.includes(val!))) return false;
    if (e.operator === 'NotIn' && has && e.values?.includes(val!)) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
};

/** Everything that breaks the plan on a blank cluster, as messages naming release and object. */
export function planViolations(releases: RenderedRelease[]): string[] {
  const out: string[] = [];
  const crds = new Map<string, number>(); // group/kind → release index
  const plurals = new Map<string, string>();
  const namespaces = new Map<string, { index: number; labels: Record<string, string> }>();
  const owners = new Map<string, string>();
  releases.forEach((r, i) => {
    for (const o of r.objects) {
      if (o.kind === 'CustomResourceDefinition') {
        crds.set(`${o.spec.group}/${o.spec.names.kind}`, i);
        plurals.set(o.spec.names.kind, o.spec.names.plural);
      }
      if (o.kind === 'Namespace') namespaces.set(o.metadata.name, { index: i, labels: o.metadata.labels ?? {} });
      const id = `${o.apiVersion}/${idOf(o)}`;
      if (owners.has(id)) out.push(`${r.name}: ${idOf(o)} is also applied by ${owners.get(id)}`);
      else owners.set(id, r.name);
    }
  });
  const webhooks = releases.flatMap((r, i) =>
    r.objects
      .filter((o) => o.kind === 'MutatingWebhookConfiguration' || o.kind === 'ValidatingWebhookConfiguration')
      .flatMap((o) => (o.webhooks ?? []).map((w) => ({ release: i, config: o.metadata.name, w }))),
  );

  // GitOps tools, helmfile and `helm --create-namespace` create a release's own namespace when it is missing
  const storage = new Map<string, number>();
  releases.forEach((r, i) => {
    if (!storage.has(r.namespace)) storage.set(r.namespace, i);
  });
  for (const [ns, { index }] of namespaces) {
    const first = storage.get(ns);
    if (first !== undefined && first < index)
      out.push(
        `${releases[index]!.name}: applies Namespace/${ns}, which the earlier release ${releases[first]!.name} is stored in (created without Helm's ownership marks, it cannot be adopted)`,
      );
  }
  releases.forEach((r, i) => {
    const nsReady = (ns: string) =>
      BUILT_IN_NAMESPACES.has(ns) || (namespaces.get(ns)?.index ?? Infinity) < i || (storage.get(ns) ?? Infinity) <= i;
    for (const o of r.objects) {
      const group = groupOf(o.apiVersion);
      if (!BUILT_IN_GROUPS.has(group)) {
        const at = crds.get(`${group}/${o.kind}`);
        if (at === undefined) out.push(`${r.name}: ${idOf(o)} (${o.apiVersion}) has no CRD in the plan`);
        else if (at >= i)
          out.push(`${r.name}: ${idOf(o)} needs its CRD from ${releases[at]!.name}, ${at === i ? 'the same release' : 'a later release'}`);
      }
      const ns = o.metadata.namespace;
      if (ns && !CLUSTER_SCOPED.has(o.kind) && !nsReady(ns)) {
        out.push(`${r.name}: ${idOf(o)} is in namespace '${ns}', which no earlier release creates`);
      }
      for (const { release, config, w } of webhooks) {
        if (release < i) continue;
        // in the same release only a webhook that fails closed blocks: its server is not up yet while Helm applies
        if (release === i && w.failurePolicy === 'Ignore') continue;
        if (interceptedBy(o, w, plurals, namespaces.get(o.metadata.namespace ?? '')?.labels ?? {})) {
          out.push(
            `${r.name}: ${idOf(o)} goes through webhook ${config}/${w.name}, served by ${release === i ? 'the same release (not yet running while it applies)' : `the later release ${releases[release]!.name}`}`,
          );
        }
      }
    }
  });
  return out;
}

function interceptedBy(o: RenderedObject, w: WebhookSpec, plurals: Map<string, string>, nsLabels: Record<string, string>): boolean {
  const group = groupOf(o.apiVersion);
  const version = o.apiVersion.includes('/') ? o.apiVersion.split('/')[1]! : o.apiVersion;
  const resource = pluralOf(o.kind, plurals);
  const any = (xs: string[] | undefined, x: string) => !xs || xs.includes('*') || xs.includes(x);
  const ruleHit = (w.rules ?? []).some(
    (rule) =>
      any(rule.apiGroups, group) &&
      any(rule.apiVersions, version) &&
      (rule.resources ?? []).some((res) => res === '*' || res === resource || res === `${resource}/*`) &&
      any(rule.operations, 'CREATE'),
  );
  if (!ruleHit) return false;
  const namespaced = !!o.metadata.namespace && !CLUSTER_SCOPED.has(o.kind);
  if (namespaced && !matchesSelector(w.namespaceSelector, { ...nsLabels, 'kubernetes.io/metadata.name': o.metadata.namespace! }))
    return false;
  return matchesSelector(w.objectSelector, o.metadata.labels ?? {});
}
