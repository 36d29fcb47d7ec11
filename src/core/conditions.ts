import { Construct } from 'constructs';
import { lit, type Expr } from './expr.js';
import { exprOfString, sentinel, Token, hasSentinel } from './tokens.js';

/**
 * Mode-agnostic helpers for values that steer the output. Each takes what a value accessor gave:
 * a plain value (concrete synthesis, evaluated right here) or a sentinel/token (symbolic
 * synthesis, turned into a Helm expression).
 */
export type Cond = boolean;

/** True for a value that holds a chart expression (sentinel string or token). */
export const isSymbolic = (x: unknown): boolean => (typeof x === 'string' && hasSentinel(x)) || x instanceof Token;

/** The expression for a value that may be symbolic (or a literal when it is not). */
export function exprOf(x: unknown): Expr {
  if (typeof x === 'string') return exprOfString(x) ?? lit(x);
  if (x instanceof Token) {
    if (x.placement.kind !== 'value') throw new Error('only whole values can be used in expressions');
    return x.placement.expr;
  }
  return lit(x);
}

function symbolicBool(e: Expr): Cond {
  return sentinel(e) as unknown as Cond;
}

export const not = (c: Cond): Cond => (isSymbolic(c) ? symbolicBool({ k: 'not', e: exprOf(c) }) : !c);
export const and = (...cs: Cond[]): Cond => (cs.some(isSymbolic) ? symbolicBool({ k: 'and', es: cs.map(exprOf) }) : cs.every(Boolean));
export const or = (...cs: Cond[]): Cond => (cs.some(isSymbolic) ? symbolicBool({ k: 'or', es: cs.map(exprOf) }) : cs.some(Boolean));
export const eq = (a: unknown, b: unknown): Cond =>
  isSymbolic(a) || isSymbolic(b) ? symbolicBool({ k: 'eq', a: exprOf(a), b: exprOf(b) }) : a === b;
/** True when a string, list or map value is not empty. */
export const nonEmpty = (x: unknown): Cond =>
  isSymbolic(x)
    ? symbolicBool({ k: 'nonEmpty', e: exprOf(x) })
    : !(
        x === undefined ||
        x === null ||
        x === '' ||
        (Array.isArray(x) && !x.length) ||
        (typeof x === 'object' && !Object.keys(x as object).length)
      );

/** A scalar as text (ConfigMap data and env values are strings): `text(v.enabled)` → "true". */
export function text(x: string | number | boolean): string {
  if (!isSymbolic(x)) return String(x);
  return sentinel({ k: 'concat', parts: [exprOf(x)] });
}

/** `cond ? a : b` for scalars. */
export function pick<T extends string | number | boolean>(c: Cond, a: T, b: T): T {
  if (!isSymbolic(c) && !isSymbolic(a) && !isSymbolic(b)) return c ? a : b;
  return sentinel({ k: 'if', cond: exprOf(c), then: exprOf(a), else: exprOf(b) }) as T;
}

/** A field that exists only when `c` holds: `hostNetwork: opt(v.x, true)`. */
export function opt<T>(c: Cond, value: T): T {
  if (!isSymbolic(c)) return c ? value : (undefined as T);
  return new Token({ kind: 'optional', cond: exprOf(c), value }) as unknown as T;
}

/** List items present only when `c` holds: `args: ['--a', ...items(v.x, ['--b'])]`. */
export function items<T>(c: Cond, list: T[]): T[] {
  if (!isSymbolic(c)) return c ? list : [];
  return [new Token({ kind: 'splice', cond: exprOf(c), items: list }) as unknown as T];
}

/**
 * JSON text of a value (a ConfigMap entry, an annotation). `indent` 0 is compact; otherwise keys
 * are sorted and nested `level` deep, exactly as the chart helper `kubeflow-cdk8s.json` prints it.
 * `verbatimDefault` keeps upstream's own text while the value still equals upstream's default.
 */
export function json(
  x: unknown,
  opts: { indent?: number; level?: number; verbatimDefault?: { value: unknown; text: string } } = {},
): string {
  const indent = opts.indent ?? 0;
  const level = opts.level ?? 0;
  if (!isSymbolic(x)) {
    if (opts.verbatimDefault && goCanonicalJson(x) === goCanonicalJson(opts.verbatimDefault.value)) return opts.verbatimDefault.text;
    return indent ? prettyJson(x, indent, level) : goCanonicalJson(x);
  }
  const vd = opts.verbatimDefault && { canonical: goCanonicalJson(opts.verbatimDefault.value), text: opts.verbatimDefault.text };
  return sentinel({ k: 'json', e: exprOf(x), indent, level, verbatimDefault: vd });
}

/** Indented JSON with sorted keys and Go's escapes (mirrors the `kubeflow-cdk8s.json` helper). */
export function prettyJson(x: unknown, indent: number, level = 0): string {
  const pad = ' '.repeat(indent * (level + 1));
  const end = ' '.repeat(indent * level);
  if (Array.isArray(x)) {
    if (!x.length) return '[]';
    return `[\n${x.map((y) => pad + prettyJson(y, indent, level + 1)).join(',\n')}\n${end}]`;
  }
  if (x && typeof x === 'object') {
    const keys = Object.keys(x).sort();
    if (!keys.length) return '{}';
    return `{\n${keys.map((k) => `${pad}${goCanonicalJson(k)}: ${prettyJson((x as Record<string, unknown>)[k], indent, level + 1)}`).join(',\n')}\n${end}}`;
  }
  return goCanonicalJson(x);
}

/**
 * JSON text of a value as Go's encoding/json writes it (sorted keys, HTML-safe escapes), so a
 * template can recognise an unchanged default and keep upstream's formatting for it.
 */
export function goCanonicalJson(x: unknown): string {
  return JSON.stringify(sortedKeys(x)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The value with every map's keys in sorted order (for stable JSON text). */
export function sortedKeys(y: unknown): unknown {
  if (Array.isArray(y)) return y.map(sortedKeys);
  if (!y || typeof y !== 'object') return y;
  return Object.fromEntries(
    Object.keys(y)
      .sort()
      .map((k) => [k, sortedKeys((y as Record<string, unknown>)[k])]),
  );
}

/** Metadata key under which a construct records the condition of everything beneath it. */
export const CONDITION_KEY = 'kubeflow-cdk8s/condition';

/**
 * Objects created by `build` exist only when `c` holds. Concrete: built or not. Symbolic: built
 * under a scope whose condition wraps each template in `{{- if … }}`.
 */
export function when(scope: Construct, id: string, c: Cond, build: (scope: Construct) => void): void {
  if (!isSymbolic(c)) {
    if (c) build(scope);
    return;
  }
  const inner = new Construct(scope, id);
  inner.node.addMetadata(CONDITION_KEY, exprOf(c));
  build(inner);
}

/** The conditions of all scopes above a construct, outermost first. */
export function conditionsOf(c: Construct): Expr[] {
  return c.node.scopes.flatMap((sc) => sc.node.metadata.filter((m) => m.type === CONDITION_KEY).map((m) => m.data as Expr));
}

/** The items of a list value, in place: `env: [...fixed, ...spread(v.extraEnv)]`. */
export function spread<T>(list: T[] | undefined): T[] {
  if (!(list instanceof Token)) return list ?? [];
  if (list.placement.kind !== 'value') throw new Error('spread() takes a list value');
  return [new Token({ kind: 'spread', expr: list.placement.expr }) as unknown as T];
}
