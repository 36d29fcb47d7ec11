/** RFC 6902 operations that turn `a` into `b` (lists of different length are replaced whole). */
export type PatchOp = { op: 'add' | 'replace'; path: string; value: unknown } | { op: 'remove'; path: string };

const esc = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function diff(a: unknown, b: unknown, path = ''): PatchOp[] {
  if (isObj(a) && isObj(b)) {
    const ops: PatchOp[] = [];
    for (const k of Object.keys(a)) if (!(k in b)) ops.push({ op: 'remove', path: `${path}/${esc(k)}` });
    for (const [k, v] of Object.entries(b)) {
      if (!(k in a)) ops.push({ op: 'add', path: `${path}/${esc(k)}`, value: v });
      else ops.push(...diff(a[k], v, `${path}/${esc(k)}`));
    }
    return ops;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.flatMap((x, i) => diff(x, b[i], `${path}/${i}`));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ op: 'replace', path, value: b }];
}
