import type { Expr } from './expr.js';

/**
 * Symbolic values travel through construct props in two forms:
 * - scalars (strings, numbers, booleans) as sentinel strings `⟪n⟫`, which survive every cdk8s
 *   conversion unchanged and can be embedded in larger strings with template literals;
 * - structured values (objects, lists, optional fields, list splices) as Token instances, which
 *   the symbolic resolver lifts out of the props and re-inserts after cdk8s serialization.
 */
const exprs: Expr[] = [];
const SENTINEL = /⟪(\d+)⟫/g;

export function sentinel(e: Expr): string {
  exprs.push(e);
  return `⟪${exprs.length - 1}⟫`;
}

export function exprOfSentinel(id: number): Expr {
  const e = exprs[id];
  if (!e) throw new Error(`unknown value sentinel ⟪${id}⟫`);
  return e;
}

/** Splits a string into literal parts and the expressions embedded in it. */
export function parseSentinels(s: string): (string | Expr)[] | undefined {
  if (!s.includes('⟪')) return undefined;
  const parts: (string | Expr)[] = [];
  let last = 0;
  for (const m of s.matchAll(SENTINEL)) {
    if (m.index! > last) parts.push(s.slice(last, m.index));
    parts.push(exprOfSentinel(Number(m[1])));
    last = m.index! + m[0].length;
  }
  if (last < s.length) parts.push(s.slice(last));
  return parts;
}

/** The expression a string stands for: itself when whole, a concatenation when embedded. */
export function exprOfString(s: string): Expr | undefined {
  const parts = parseSentinels(s);
  if (!parts) return undefined;
  if (parts.length === 1 && typeof parts[0] !== 'string') return parts[0];
  return { k: 'concat', parts };
}

export const hasSentinel = (s: string): boolean => s.includes('⟪');

/** How a structured token is placed where it stands. */
export type Placement =
  | { kind: 'value'; expr: Expr; omitEmpty: boolean } // the field is the value (omitted when empty if omitEmpty)
  | { kind: 'optional'; cond: Expr; value: unknown } // the field exists only when cond holds
  | { kind: 'splice'; cond: Expr; items: unknown[] } // list items present only when cond holds
  | { kind: 'spread'; expr: Expr } // a list value's items, in place
  | { kind: 'merge'; expr: Expr }; // a map value's entries, merged into the map it stands in

export class Token {
  constructor(public readonly placement: Placement) {
    // `{ ...token }` (cdk8s does this to top-level metadata labels/annotations) would silently
    // drop the value; fail loudly instead.
    Object.defineProperty(this, 'placement', { value: placement, enumerable: false });
    Object.defineProperty(this, 'spreadGuard', {
      enumerable: true,
      get: () => {
        throw new Error(
          'a map/list chart value was copied into another object (e.g. top-level metadata.labels); ' +
            'use it as a whole field inside spec, or set single keys: { ...fixed, key: v.x }',
        );
      },
    });
  }
  toString(): string {
    throw new Error('a structured chart value cannot be embedded in a string; use json() or yamlText()');
  }
}

/** Marker objects the serializer leaves in JSON where a Token stood. */
export const TOKEN_KEY = '$kfToken';
export type TokenMarker = { [TOKEN_KEY]: Placement };
export const isTokenMarker = (v: unknown): v is TokenMarker => typeof v === 'object' && v !== null && !Array.isArray(v) && TOKEN_KEY in v;
