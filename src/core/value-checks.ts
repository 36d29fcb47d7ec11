import { goCanonicalJson } from './conditions.js';
import { goString, valuesPath } from './expr.js';
import type { Leaf, Specs } from './values.js';

/**
 * Checks over whole values that JSON Schema cannot express in Helm's validators: keyed lists whose
 * keys must be unique, and credentials still at a well-known example default. Each check exists
 * twice, from the same declarations: in TypeScript (construct props, concrete synthesis) and as Go
 * template text (the chart's templates/validate.yaml and NOTES.txt).
 */

interface LeafAt {
  path: string[];
  leaf: Leaf<unknown>;
}

export function leavesOf(specs: Specs, prefix: string[] = []): LeafAt[] {
  return Object.entries(specs).flatMap(([k, sp]): LeafAt[] => {
    if (sp.kind === 'group') return leavesOf(sp.children, [...prefix, k]);
    if (sp.kind === 'leaf') return [{ path: [...prefix, k], leaf: sp }];
    return [];
  });
}

const at = (values: unknown, path: string[]): unknown =>
  path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), values);

export const duplicateMessage = (list: string, key: string, value: string) =>
  `${list}: two items have ${key} '${value}' (the ${key} of each item must be unique)`;

/** `list: two items have name 'x'` for every keyed list with a repeated key. */
export function duplicateKeys(specs: Specs, values: unknown): string[] {
  return leavesOf(specs)
    .filter((l) => l.leaf.uniqueKey)
    .flatMap(({ path, leaf }) => {
      const list = at(values, path);
      if (!Array.isArray(list)) return [];
      const seen = new Set<string>();
      const out: string[] = [];
      for (const item of list) {
        const x = (item as Record<string, unknown> | null)?.[leaf.uniqueKey!];
        if (x === undefined || x === null) continue; // items without the key (Dex clients with idEnv) are not compared
        const k = String(x);
        if (seen.has(k)) out.push(duplicateMessage(path.join('.'), leaf.uniqueKey!, k));
        seen.add(k);
      }
      return out;
    });
}

const truthy = (x: unknown) =>
  !(
    x === undefined ||
    x === null ||
    x === false ||
    x === '' ||
    x === 0 ||
    (Array.isArray(x) && !x.length) ||
    (typeof x === 'object' && !Object.keys(x as object).length)
  );

const same = (a: unknown, b: unknown) => a !== undefined && b !== undefined && goCanonicalJson(a) === goCanonicalJson(b);

/** Whether a credential value still holds (part of) its example default. */
function atExample(leaf: Leaf<unknown>, x: unknown): boolean {
  const d = leaf.default;
  if (Array.isArray(d)) return Array.isArray(x) && d.some((item) => x.some((y) => same(y, item)));
  if (d && typeof d === 'object') {
    return !!x && typeof x === 'object' && Object.entries(d).some(([k, y]) => same((x as Record<string, unknown>)[k], y));
  }
  return same(x, d);
}

/** Paths of the declared example credentials that are in use and still at their example default. */
export function exampleCredentialsInUse(specs: Specs, values: unknown): string[] {
  return leavesOf(specs)
    .filter((l) => l.leaf.exampleCredential)
    .filter(({ path, leaf }) => {
      const unused = (leaf.exampleCredential!.unless ?? []).some((u) =>
        u.startsWith('!') ? !truthy(at(values, u.slice(1).split('.'))) : truthy(at(values, u.split('.'))),
      );
      return !unused && atExample(leaf, at(values, path));
    })
    .map(({ path }) => path.join('.'));
}

// ---- the same checks as Go template text ----

/** How a template reaches a value: `.Values.a.b` in the component chart, a path below the component in the umbrella. */
export type ValueRef = (path: string[]) => string;
export const ownValues: ValueRef = (path) => valuesPath(path);

/** Go template actions that append each duplicate-key message to `$errors`. */
export function duplicateKeysTemplate(specs: Specs, ref: ValueRef = ownValues, prefix = ''): string[] {
  return leavesOf(specs)
    .filter((l) => l.leaf.uniqueKey)
    .map(({ path, leaf }) => {
      const key = leaf.uniqueKey!;
      const msg = `printf ${goString(duplicateMessage(prefix + path.join('.'), key, '%s').replace(/'%s'/, '%q'))} $k`;
      return (
        `{{- $seen := dict }}{{- range $x := ${ref(path)} }}{{- if and (hasKey $x ${goString(key)}) (not (kindIs "invalid" (get $x ${goString(key)}))) }}{{- $k := toString (get $x ${goString(key)}) }}` +
        `{{- if hasKey $seen $k }}{{- $errors = append $errors (${msg}) }}{{- end }}{{- $_ := set $seen $k true }}{{- end }}{{- end }}`
      );
    });
}

/** A Go condition that holds while a declared example credential is in use at its default. */
function exampleCondition(path: string[], leaf: Leaf<unknown>, ref: ValueRef): string {
  const d = leaf.default;
  const value = ref(path);
  let atDefault: string;
  if (Array.isArray(d)) {
    atDefault = `(include "kubeflow-cdk8s.anyItem" (dict "list" ${value} "items" (list ${d.map((item) => goString(goCanonicalJson(item))).join(' ')})))`;
  } else if (d && typeof d === 'object') {
    const tests = Object.entries(d).map(
      ([k, y]) => `(and (hasKey ${value} ${goString(k)}) (eq (toJson (get ${value} ${goString(k)})) ${goString(goCanonicalJson(y))}))`,
    );
    atDefault = tests.length === 1 ? tests[0]! : `(or ${tests.join(' ')})`;
  } else {
    atDefault = `(eq (toJson ${value}) ${goString(goCanonicalJson(d))})`;
  }
  const unless = (leaf.exampleCredential!.unless ?? []).map((u) =>
    u.startsWith('!') ? `(not ${ref(u.slice(1).split('.'))})` : `(not (empty ${ref(u.split('.'))}))`,
  );
  return unless.length ? `(and ${atDefault} (not (or ${unless.join(' ')} false)))` : atDefault;
}

/** Go template actions that append the path (with `prefix`) of each example credential in use to `$examples`. */
export function exampleCredentialsTemplate(specs: Specs, ref: ValueRef = ownValues, prefix = ''): string[] {
  return leavesOf(specs)
    .filter((l) => l.leaf.exampleCredential)
    .map(
      ({ path, leaf }) =>
        `{{- if ${exampleCondition(path, leaf, ref)} }}{{- $examples = append $examples ${goString(prefix + path.join('.'))} }}{{- end }}`,
    );
}

/** Named template every chart carries: "true" when any item of `list` has the JSON text of one of `items`. */
export const ANY_ITEM_TPL = `
{{/*
"true" when an item of .list, as JSON text, is one of .items (a value still holding an example item).
*/}}
{{- define "kubeflow-cdk8s.anyItem" -}}
{{- $found := false -}}
{{- range $x := .list -}}{{- if has (toJson $x) $.items -}}{{- $found = true -}}{{- end -}}{{- end -}}
{{- if $found -}}true{{- end -}}
{{- end -}}
`;

export const SECURE_CREDENTIALS_MESSAGE =
  'global.requireSecureCredentials is true, but these credentials are still at their well-known example defaults (set them, or point the matching existingSecret at a Secret you manage):';
export const EXAMPLE_WARNING =
  "WARNING: these credentials are still at their well-known example defaults; anyone who knows Kubeflow's examples can use them. Change them (or use existingSecret) before exposing this installation, and set global.requireSecureCredentials=true to enforce it:";
