import { createHash } from 'node:crypto';
import { exprOf, goCanonicalJson } from './conditions.js';
import { hasSentinel, sentinel } from './tokens.js';

/**
 * Names with Kustomize's content-hash suffix (`profiles-config-5h9m86f79f`), computed exactly as
 * kustomize 5 does: sha256 of Go's JSON of {kind, name: "", data[, type]}, first ten hex digits,
 * with 0,1,3,a,e mapped to g,h,k,m,t. Reproducing it keeps object names identical to upstream
 * installs; the Helm helper `kubeflow-cdk8s.hashedName` computes the same in templates.
 */
export function kustomizeHash(kind: 'ConfigMap' | 'Secret', data: Record<string, string>, type = 'Opaque'): string {
  const enc = kind === 'Secret' ? { kind, name: '', type, data } : { kind, name: '', data };
  const hex = createHash('sha256').update(goCanonicalJson(enc)).digest('hex').slice(0, 10);
  return hex.replace(/[013ae]/g, (c) => ({ 0: 'g', 1: 'h', 3: 'k', a: 'm', e: 't' })[c as '0']!);
}

/** `name-<hash of data>` for a ConfigMap or Secret whose data may hold chart values. */
export function hashedName(name: string, kind: 'ConfigMap' | 'Secret', data: Record<string, string>): string {
  const symbolic = hasSentinel(name) || Object.values(data).some(hasSentinel);
  if (!symbolic) return `${name}-${kustomizeHash(kind, data)}`;
  return sentinel({
    k: 'hashedName',
    kind,
    name: exprOf(name),
    data: Object.fromEntries(Object.entries(data).map(([k, x]) => [k, exprOf(x)])),
  });
}
