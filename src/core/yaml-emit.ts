import { stringify } from 'yaml';
import { go, goYamlScalar, typeOf, type Expr } from './expr.js';
import { exprOfString, isTokenMarker, TOKEN_KEY } from './tokens.js';

/**
 * A small YAML emitter for Kubernetes objects. Concrete values print as plain YAML; in templates,
 * sentinel strings become Go actions and token markers become `if` blocks or `toYaml` inserts.
 * Owning the emitter (instead of patching a library's output text) keeps every template
 * construct on its own line, where indentation is known.
 */
export interface EmitOptions {
  /** Template mode: escape literal `{{` and render expressions. */
  template: boolean;
}

const pad = (n: number) => ' '.repeat(n);

export function emitYaml(value: unknown, opts: EmitOptions = { template: false }): string {
  const lines = isMap(value) ? emitMap(value, 0, opts) : Array.isArray(value) ? emitSeq(value, 0, opts) : [scalar(value, opts)];
  return lines.join('\n') + '\n';
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !isTokenMarker(v);

/** Key under which a `merge` token adds a map value's entries to the map it stands in. */
export const MERGE_KEY = '$kfMerge';

function emitMap(obj: Record<string, unknown>, ind: number, opts: EmitOptions): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    if (k === MERGE_KEY && isTokenMarker(v) && v[TOKEN_KEY].kind === 'merge') {
      out.push(`{{- with ${go(v[TOKEN_KEY].expr)} }}`, `{{- toYaml . | nindent ${ind} }}`, '{{- end }}');
      continue;
    }
    out.push(...emitEntry(scalarKey(k, opts), v, ind, opts));
  }
  return out;
}

function emitEntry(key: string, v: unknown, ind: number, opts: EmitOptions): string[] {
  const head = `${pad(ind)}${key}:`;
  if (isTokenMarker(v)) {
    const p = v[TOKEN_KEY];
    if (p.kind === 'optional') return [`{{- if ${go(p.cond)} }}`, ...emitEntry(key, p.value, ind, opts), '{{- end }}'];
    if (p.kind === 'value') {
      const t = typeOf(p.expr);
      if (t !== 'object' && t !== 'array') return [`${head} ${goYamlScalar(p.expr)}`];
      const line = `${head}{{ toYaml ${go(p.expr)} | nindent ${ind + 2} }}`;
      return p.omitEmpty ? [`{{- if ${go(p.expr)} }}`, line, '{{- end }}'] : [line];
    }
    throw new Error(`a list splice or spread cannot stand as the value of '${key}'`);
  }
  if (isMap(v)) {
    const inner = emitMap(v, ind + 2, opts);
    return inner.length ? [head, ...inner] : [`${head} {}`];
  }
  if (Array.isArray(v)) {
    const inner = emitSeq(v, ind, opts);
    return inner.length ? [head, ...inner] : [`${head} []`];
  }
  const s = scalar(v, opts);
  if (s.startsWith('|')) return [`${head} ${blockScalar(v as string, ind + 2)}`];
  return [`${head} ${s}`];
}

function emitSeq(items: unknown[], ind: number, opts: EmitOptions): string[] {
  const out: string[] = [];
  for (const item of items) {
    if (isTokenMarker(item)) {
      const p = item[TOKEN_KEY];
      if (p.kind === 'splice') {
        out.push(`{{- if ${go(p.cond)} }}`, ...emitSeq(p.items, ind, opts), '{{- end }}');
      } else if (p.kind === 'spread') {
        out.push(`{{- if ${go(p.expr)} }}`, `{{ toYaml ${go(p.expr)} | indent ${ind} }}`, '{{- end }}');
      } else if (p.kind === 'value') {
        const t = typeOf(p.expr);
        out.push(
          t === 'object' || t === 'array'
            ? `${pad(ind)}-{{ toYaml ${go(p.expr)} | nindent ${ind + 2} }}`
            : `${pad(ind)}- ${goYamlScalar(p.expr)}`,
        );
      } else if (p.kind === 'optional') {
        out.push(`{{- if ${go(p.cond)} }}`, ...emitSeq([p.value], ind, opts), '{{- end }}');
      } else {
        throw new Error('a map merge cannot stand as a list item');
      }
      continue;
    }
    if (isMap(item) || Array.isArray(item)) {
      const inner = isMap(item) ? emitMap(item, ind + 2, opts) : emitSeq(item, ind + 2, opts);
      if (!inner.length) {
        out.push(`${pad(ind)}- ${isMap(item) ? '{}' : '[]'}`);
      } else if (inner[0]!.startsWith(pad(ind + 2)) && !inner[0]!.startsWith('{{')) {
        out.push(`${pad(ind)}- ${inner[0]!.slice(ind + 2)}`, ...inner.slice(1));
      } else {
        out.push(`${pad(ind)}-`, ...inner);
      }
      continue;
    }
    const s = scalar(item, opts);
    out.push(s.startsWith('|') ? `${pad(ind)}- ${blockScalar(item as string, ind + 2)}` : `${pad(ind)}- ${s}`);
  }
  return out;
}

function scalarKey(k: string, opts: EmitOptions): string {
  if (opts.template && (k.includes('{{') || k.includes('⟪'))) throw new Error(`map key '${k}' cannot hold a template`);
  return plainOrQuoted(k);
}

/** One scalar; `|` signals that the caller must emit a block scalar. */
function scalar(v: unknown, opts: EmitOptions): string {
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') throw new Error(`cannot emit ${typeof v} as YAML`);
  if (opts.template) {
    const e = exprOfString(v);
    if (e) return goYamlScalar(e as Expr);
    if (v.includes('{{') || v.includes('}}')) return `{{ ${JSON.stringify(v)} | quote }}`;
  }
  if (v.includes('\n') && blockSafe(v)) return '|';
  return plainOrQuoted(v);
}

/**
 * Plain when YAML 1.1 (Helm, client-go) and YAML 1.2 (kustomize, this repo's tests) both read the
 * text back as this string; otherwise quoted. Multi-line text that cannot be a literal block is
 * written as a JSON string, which is a valid YAML double-quoted scalar.
 */
const SAFE_PLAIN = /^[A-Za-z_/][A-Za-z0-9_./@(), -]*[A-Za-z0-9_./@)]$|^[A-Za-z_/]$/;
const RESERVED = /^(y|yes|n|no|true|false|on|off|null)$/i;
const scalarCache = new Map<string, string>();

function plainOrQuoted(s: string): string {
  // fast path: most keys and values are plain words and sentences (the yaml library is slow per call)
  if (SAFE_PLAIN.test(s) && !RESERVED.test(s) && !s.includes('  ')) return s;
  let out = scalarCache.get(s);
  if (out === undefined) {
    out = quoteScalar(s);
    scalarCache.set(s, out);
  }
  return out;
}

function quoteScalar(s: string): string {
  if (s.includes('\n') || s.includes('\r')) return JSON.stringify(s);
  const y12 = stringify(s, { lineWidth: 0, minContentWidth: 0 }).replace(/\n$/, '');
  const y11 = stringify(s, { lineWidth: 0, minContentWidth: 0, version: '1.1' }).replace(/\n$/, '');
  return /^['"]/.test(y12) ? y12 : y11;
}

/** Literal block scalars keep config files readable; only used when they round-trip exactly. */
function blockSafe(s: string): boolean {
  return (
    // eslint-disable-next-line no-control-regex -- control characters are exactly what rules out a block scalar
    !/[\r\t\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(s) &&
    !/^[ \n]/.test(s) &&
    !/ \n|\n \n/.test(s.replace(/\n+$/, '')) &&
    !/\n{2,}$/.test(s)
  );
}

function blockScalar(s: string, ind: number): string {
  const chomp = s.endsWith('\n') ? '' : '-';
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  return (
    `|${chomp}\n` +
    body
      .split('\n')
      .map((l) => (l ? pad(ind) + l : ''))
      .join('\n')
  );
}
