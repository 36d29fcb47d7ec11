import { exprOf, goCanonicalJson, isSymbolic as symbolic, json } from './conditions.js';
import { go, goScalar, goString } from './expr.js';
import { hasSentinel, sentinel, Token } from './tokens.js';

/**
 * Text built from values where the Helm side needs a Sprig function the generic expressions do
 * not cover (base64, joining a list, a kept random secret). Each helper computes the same text in
 * concrete synthesis, so Kustomize and Helm outputs stay identical.
 */

/** Base64 of a string value (Secret `data`). */
export function b64(x: string): string {
  if (!symbolic(x)) return Buffer.from(String(x), 'utf8').toString('base64');
  return sentinel({ k: 'raw', go: `b64enc ${goScalar(exprOf(x))}`, type: 'string' });
}

/**
 * A string value as a quoted string literal of JSON, TOML or an INI/cfg file (`"a \\"b\\""`): quotes,
 * backslashes, line breaks and control characters are escaped, so a value can never end the string
 * and add settings. Go's escapes (`\\u003c` for `<`…), identical in both syntheses.
 */
export function quoted(x: string): string {
  if (!symbolic(x)) return goCanonicalJson(String(x));
  return sentinel({ k: 'raw', go: `toJson ${goScalar(exprOf(x))}`, type: 'string' });
}

/** The items of a list of strings joined with `sep` (`a,b`). */
export function joined(list: string[], sep: string): string {
  if (!symbolic(list)) return list.join(sep);
  return sentinel({ k: 'raw', go: `join ${goString(sep)} ${go(exprOf(list))}`, type: 'string' });
}

/** A list as the inside of a JSON array (`"a","b"`), for TOML/INI style lists in config files. */
export function jsonItems(list: unknown[]): string {
  if (!symbolic(list)) return goCanonicalJson(list).slice(1, -1);
  return sentinel({ k: 'raw', go: `trimSuffix "]" (trimPrefix "[" (toJson ${go(exprOf(list))}))`, type: 'string' });
}

/**
 * A random secret value (base64, as Secret `data` holds it) that is generated on first install and
 * read back from the live Secret on upgrades (Helm `lookup`), so it never changes. It never churns
 * under GitOps either: where the cluster cannot be read (`helm template`, Argo CD, Flux), the chart
 * fails naming the value and asking for existingSecret, instead of rendering a new random value on
 * every sync. Only charts can do this: concrete synthesis (Kustomize, cdk8s apps) throws, naming the
 * component and value.
 */
export function generatedSecretData(opts: {
  component: string;
  valuePath: string;
  namespace: string;
  secretName: string;
  key: string;
  length: number;
  symbolic: boolean;
}): string {
  if (!opts.symbolic) {
    throw new Error(
      `${opts.component}: ${opts.valuePath} is true, but generated secrets need Helm (lookup of the live Secret); ` +
        'in Kustomize/cdk8s synthesis set the secret value or point existingSecret at your own Secret',
    );
  }
  const args = `(dict "namespace" ${goScalar(exprOf(opts.namespace))} "name" ${goScalar(exprOf(opts.secretName))} "key" ${goString(opts.key)} "length" ${opts.length} "value" ${goString(`${opts.component}: ${opts.valuePath}`)})`;
  return sentinel({ k: 'raw', go: `include "kubeflow-cdk8s.generatedSecret" ${args}`, type: 'string' });
}

/**
 * A Go template operand that builds, from chart values, the same structure a construct wrote in
 * TypeScript: objects become `dict`, lists `list`, strings with values in them `printf`, list
 * values spliced with `spread()` are concatenated, and fields given by `opt()` or by values declared
 * `omitEmpty` exist only when they hold (`merge`). Lets a whole config file be serialized in the
 * chart (`structuredText`) exactly as concrete synthesis serializes the plain object.
 */
export function structExpr(x: unknown): string {
  if (x instanceof Token) {
    const p = x.placement;
    if (p.kind === 'value') return go(p.expr);
    throw new Error(`structExpr: a ${p.kind} token must stand in an object field or a list`);
  }
  if (typeof x === 'string') return hasSentinel(x) ? goScalar(exprOf(x)) : goString(x);
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  if (x === null || x === undefined) return 'nil';
  if (Array.isArray(x)) {
    const parts: string[] = [];
    let fixed: string[] = [];
    const flush = () => {
      if (fixed.length) parts.push(`(list ${fixed.join(' ')})`);
      fixed = [];
    };
    for (const item of x) {
      if (item instanceof Token && item.placement.kind === 'spread') {
        flush();
        parts.push(go(item.placement.expr));
      } else if (item instanceof Token && item.placement.kind === 'splice') {
        flush();
        parts.push(`(ternary (list ${item.placement.items.map(structExpr).join(' ')}) (list) ${go(item.placement.cond)})`);
      } else fixed.push(structExpr(item));
    }
    flush();
    if (!parts.length) return '(list)';
    return parts.length === 1 ? parts[0]! : `(concat ${parts.join(' ')})`;
  }
  const fixed: string[] = [];
  const optional: { key: string; cond: string; value: string }[] = [];
  for (const [k, val] of Object.entries(x as Record<string, unknown>)) {
    if (val === undefined) continue;
    if (val instanceof Token && val.placement.kind === 'optional') {
      optional.push({ key: k, cond: go(val.placement.cond), value: structExpr(val.placement.value) });
    } else if (val instanceof Token && val.placement.kind === 'value' && val.placement.omitEmpty) {
      const e = go(val.placement.expr);
      optional.push({ key: k, cond: `(not (empty ${e}))`, value: e });
    } else {
      fixed.push(`${goString(k)} ${structExpr(val)}`);
    }
  }
  let out = `(dict ${fixed.join(' ')})`;
  for (const o of optional) out = `(ternary (merge (dict ${goString(o.key)} ${o.value}) ${out}) ${out} ${o.cond})`;
  return out;
}

const dropUndefined = (x: unknown): unknown =>
  Array.isArray(x)
    ? x.map(dropUndefined)
    : x && typeof x === 'object'
      ? Object.fromEntries(
          Object.entries(x)
            .filter(([, y]) => y !== undefined)
            .map(([k, y]) => [k, dropUndefined(y)]),
        )
      : x;

/**
 * A config file serialized from a TypeScript structure that holds values: `defaultText` (e.g.
 * upstream's own layout of the file, produced from the same structure) while the structure equals
 * `defaultValue`, otherwise indented JSON with sorted keys (valid YAML), printed identically by
 * concrete synthesis and by the chart helper `kubeflow-cdk8s.json`.
 */
export function structuredText(x: unknown, opts: { indent: number; defaultValue: unknown; defaultText: string }): string {
  const vd = { value: dropUndefined(opts.defaultValue), text: opts.defaultText };
  if (!structSymbolic(x)) return json(dropUndefined(x), { indent: opts.indent, verbatimDefault: vd });
  return sentinel({
    k: 'json',
    e: { k: 'raw', go: structExpr(x), type: 'object' },
    indent: opts.indent,
    level: 0,
    verbatimDefault: { canonical: goCanonicalJson(vd.value), text: vd.text },
  });
}

const structSymbolic = (x: unknown): boolean =>
  symbolic(x) || (Array.isArray(x) ? x.some(structSymbolic) : !!x && typeof x === 'object' && Object.values(x).some(structSymbolic));

/** Lower-cased, every run of characters outside `[a-z0-9-]` replaced by `-` (names derived from emails). */
export function dnsSlug(x: string): string {
  if (!symbolic(x))
    return String(x)
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-');
  return sentinel({ k: 'raw', go: `regexReplaceAll "[^a-z0-9-]+" (lower ${goScalar(exprOf(x))}) "-"`, type: 'string' });
}
