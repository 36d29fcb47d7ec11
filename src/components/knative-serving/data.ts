import { exprOf, isSymbolic, type Cond } from '../../core/conditions.js';
import { go } from '../../core/expr.js';
import { sentinel, Token } from '../../core/tokens.js';
import { MERGE_KEY } from '../../core/yaml-emit.js';

/**
 * Helpers for ConfigMap data built from values, in both syntheses: a key present only when its
 * value is set (not null), and a map value's entries merged into the data.
 */

/** True when a value is set (not null, not deleted with `--set x=null`); false/0/"" count as set. */
export function isSet(x: unknown): Cond {
  if (!isSymbolic(x)) return x !== null && x !== undefined;
  return sentinel({ k: 'raw', go: `not (kindIs "invalid" ${go(exprOf(x))})`, type: 'boolean' }) as unknown as Cond;
}

/**
 * The entries of a map value, to spread into an object: `{ fixed: 'a', ...entries(v.extra) }`.
 * A chart merges them in the template (`toYaml`), so keys and values are encoded by YAML itself.
 * `go` builds the map from other values in the chart (e.g. a key named by a value); `concrete` is
 * the same map in concrete synthesis.
 */
export function entries(
  map: Record<string, string>,
  build?: { go: (mapGo: string) => string; concrete: (m: Record<string, string>) => Record<string, string> },
): Record<string, string> {
  if (!isSymbolic(map)) return build ? build.concrete(map) : { ...map };
  const base = go(exprOf(map));
  const expr = build ? build.go(base) : base;
  return { [MERGE_KEY]: new Token({ kind: 'merge', expr: { k: 'raw', go: expr, type: 'object' } }) } as unknown as Record<string, string>;
}
