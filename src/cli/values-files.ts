import { existsSync, readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { mergeValues } from '../core/values.js';
import { UsageError } from './errors.js';

/** Reads `-f` files as Helm does: YAML maps merged left to right (maps deeply, lists and scalars replaced, null deletes). */
export function readValuesFiles(files: string[]): Record<string, unknown> {
  let out: Record<string, unknown> = {};
  for (const f of files) {
    if (!existsSync(f)) throw new UsageError(`values file ${f} does not exist`);
    const doc = parseDocument(readFileSync(f, 'utf8'));
    if (doc.errors.length) {
      const e = doc.errors[0]!;
      throw new UsageError(`${f}:${e.linePos?.[0]?.line ?? '?'}: not valid YAML: ${e.message.split('\n')[0]}`);
    }
    const x = doc.toJS() as unknown;
    if (x === null || x === undefined) continue;
    if (typeof x !== 'object' || Array.isArray(x))
      throw new UsageError(`${f}: expected a map of values at the top, found ${Array.isArray(x) ? 'a list' : typeof x}`);
    out = mergeValues(out, x) as Record<string, unknown>;
  }
  return out;
}
