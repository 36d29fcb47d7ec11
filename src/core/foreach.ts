import { Construct } from 'constructs';
import { CONDITION_KEY, exprOf, isSymbolic } from './conditions.js';
import { goString, type Expr, type ValueType } from './expr.js';
import { defaultsOf, isEmpty, mergeValues, type Access, type Group, type Leaf, type Specs } from './values.js';
import { sentinel, Token } from './tokens.js';
import { REPEATED_KEY } from './patches.js';

/**
 * Objects repeated for each item of a list value (declarative profiles, their contributors, …).
 * Concrete synthesis builds them once per item, under a scope named by the item's key. Chart
 * synthesis builds them once, under a scope that the Helm writer turns into
 * `{{- range $var := LIST }}{{- with $ }} … {{- end }}{{- end }}`; the build function reads the
 * item through an accessor whose fields are expressions over `$var`.
 */
interface RangeSpec {
  list: Expr;
  variable: string;
}
const ranges = new WeakMap<Expr, RangeSpec>();

/** The range a condition stands for, if it is one (read by the Helm writer). */
export const rangeOf = (c: Expr): RangeSpec | undefined => ranges.get(c);

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const field = (base: string, k: string) => (IDENT.test(k) ? `${base}.${k}` : `(index ${base} ${goString(k)})`);

/** Accessor of one list item in chart synthesis: fields are expressions over the range variable. */
function itemAccess(specs: Specs, base: string): any {
  return Object.fromEntries(
    Object.entries(specs).map(([k, sp]) => {
      // an item may leave a group out: its fields then read from an empty dict (their defaults)
      if (sp.kind === 'group') return [k, itemAccess(sp.children, `(default (dict) ${field(base, k)})`)];
      if (sp.kind === 'image') throw new Error('forEach: image fields are not supported in list items');
      const raw = (type: ValueType): Expr => ({ k: 'raw', go: field(base, k), type });
      if (sp.type === 'object' || sp.type === 'array')
        return [k, new Token({ kind: 'value', expr: raw(sp.type), omitEmpty: !!sp.omitEmpty })];
      // optional scalars with a default: the default applies when the item leaves the field out
      const e = raw(sp.type);
      if (sp.default === undefined || sp.default === '') return [k, sentinel(e)];
      return [
        k,
        sentinel({
          k: 'raw',
          go: `ternary ${field(base, k)} ${JSON.stringify(sp.default)} (hasKey ${base} ${goString(k)})`,
          type: sp.type,
        }),
      ];
    }),
  );
}

/** Accessor of one list item in concrete synthesis: the item over the field defaults. */
function concreteItem(specs: Specs, item: Record<string, unknown>): any {
  const merged = mergeValues(defaultsOf(specs), item) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(specs).map(([k, sp]) => {
      if (sp.kind === 'group') return [k, concreteItem(sp.children, (merged[k] ?? {}) as Record<string, unknown>)];
      const leaf = sp as Leaf<unknown>;
      const x = merged[k];
      if (leaf.omitEmpty && isEmpty(x)) return [k, undefined];
      return [k, leaf.toProp ? leaf.toProp(x) : x];
    }),
  );
}

let counter = 0;

/**
 * `forEach(this, 'profiles', v.profiles, itemSpecs, (p) => p.name, (scope, p) => { new …(scope, 'profile', …) })`.
 * `itemSpecs` declares the item's fields (the same `v.*` declarations as values, used only for
 * their types and defaults); `keyOf` names each item's scope in concrete synthesis (unique).
 */
export function forEach<S extends Specs>(
  scope: Construct,
  id: string,
  list: unknown,
  itemSpecs: S,
  keyOf: (item: Access<Group<S>>, index: number) => string,
  build: (scope: Construct, item: Access<Group<S>>) => void,
): void {
  const symbolic = isSymbolic(list);
  const outer = new Construct(scope, id);
  outer.node.addMetadata(REPEATED_KEY, true);
  if (!symbolic) {
    ((list ?? []) as Record<string, unknown>[]).forEach((raw, i) => {
      const item = concreteItem(itemSpecs, raw) as Access<Group<S>>;
      build(new Construct(outer, keyOf(item, i)), item);
    });
    return;
  }
  const variable = `$${id.replace(/[^A-Za-z0-9]/g, '')}${counter++}`;
  const marker: Expr = { k: 'raw', go: 'true', type: 'boolean' };
  ranges.set(marker, { list: exprOf(list), variable });
  outer.node.addMetadata(CONDITION_KEY, marker);
  build(outer, itemAccess(itemSpecs, variable) as Access<Group<S>>);
}
