import type { SynthObject } from '../objects.js';

/**
 * Commands that hand the objects of an existing Kustomize install (default values) over to a Helm
 * release: Helm adopts an object only when it carries the release's ownership annotations and the
 * managed-by label. One `annotate` and one `label` call per namespace.
 */
export function adoptionCommands(objects: SynthObject[], release: string): string[] {
  const byNamespace = new Map<string, string[]>();
  for (const { json } of objects) {
    const meta = json.metadata as { name: string; namespace?: string };
    const [group] = String(json.apiVersion).includes('/') ? String(json.apiVersion).split('/') : [''];
    const ref = `${String(json.kind).toLowerCase()}${group ? `.${group}` : ''}/${meta.name}`;
    const ns = meta.namespace ?? '';
    byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), ref]);
  }
  const lines = [`RELEASE=${release} RELEASE_NAMESPACE=default   # the name and namespace of your Helm release`];
  for (const [ns, refs] of [...byNamespace].sort(([a], [b]) => a.localeCompare(b))) {
    const n = ns ? ` -n ${ns}` : '';
    const list = refs.sort().join(' \\\n    ');
    lines.push(
      `kubectl${n} annotate --overwrite \\\n    ${list} \\\n    meta.helm.sh/release-name=$RELEASE meta.helm.sh/release-namespace=$RELEASE_NAMESPACE`,
      `kubectl${n} label --overwrite \\\n    ${list} \\\n    app.kubernetes.io/managed-by=Helm`,
    );
  }
  return lines;
}
