/**
 * Expressions over chart values. In symbolic (Helm) synthesis every value a construct reads is an
 * expression; the Helm writer turns each into a Go template pipeline. Concrete synthesis never
 * builds expressions: value accessors return plain values there.
 */
export type ScalarType = 'string' | 'integer' | 'number' | 'boolean';
export type ValueType = ScalarType | 'object' | 'array';

export type Expr =
  | { k: 'ref'; path: string[]; type: ValueType }
  | { k: 'lit'; value: unknown }
  | { k: 'concat'; parts: (string | Expr)[] }
  | { k: 'not'; e: Expr }
  | { k: 'and' | 'or'; es: Expr[] }
  | { k: 'eq'; a: Expr; b: Expr }
  | { k: 'nonEmpty'; e: Expr }
  | { k: 'if'; cond: Expr; then: Expr; else: Expr }
  | { k: 'image'; path: string[] }
  | { k: 'json'; e: Expr; indent: number; level: number; verbatimDefault?: { canonical: string; text: string } }
  | { k: 'yaml'; e: Expr }
  | { k: 'hashedName'; name: Expr; kind: 'ConfigMap' | 'Secret'; data: Record<string, Expr> }
  | { k: 'include'; name: string; args: Record<string, Expr> }
  | { k: 'raw'; go: string; type: ValueType }
  | { k: 'override'; e: Expr; global: Expr };

export const lit = (value: unknown): Expr => ({ k: 'lit', value });
export const ref = (path: string[], type: ValueType): Expr => ({ k: 'ref', path, type });

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `.Values.a.b`, or `(index .Values "a-b" "c")` when a key is not a Go identifier. */
export function valuesPath(path: string[]): string {
  if (path.every((p) => IDENT.test(p))) return ['.Values', ...path].join('.');
  return `(index .Values ${path.map((p) => JSON.stringify(p)).join(' ')})`;
}

/** Go string literal (JSON string syntax is valid Go syntax for the characters we emit). */
export const goString = (s: string): string => JSON.stringify(s);

/** The type an expression yields, as far as rendering needs to know. */
export function typeOf(e: Expr): ValueType {
  switch (e.k) {
    case 'ref':
    case 'raw':
      return e.type;
    case 'lit':
      return Array.isArray(e.value) ? 'array' : e.value === null ? 'object' : (typeof e.value as ValueType);
    case 'not':
    case 'and':
    case 'or':
    case 'eq':
    case 'nonEmpty':
      return 'boolean';
    case 'if':
      return typeOf(e.then);
    case 'override':
      return typeOf(e.e);
    case 'concat':
    case 'image':
    case 'json':
    case 'yaml':
    case 'hashedName':
    case 'include':
      return 'string';
  }
}

/** A Go template operand (safe to use as a function argument) yielding the expression's value. */
export function go(e: Expr): string {
  switch (e.k) {
    case 'ref':
      return valuesPath(e.path);
    case 'raw':
      return `(${e.go})`;
    case 'lit':
      return goLiteral(e.value);
    case 'concat': {
      const fmt = e.parts.map((p) => (typeof p === 'string' ? p.replace(/%/g, '%%') : '%v')).join('');
      const args = e.parts.filter((p): p is Expr => typeof p !== 'string').map(goScalar);
      return `(printf ${goString(fmt)} ${args.join(' ')})`;
    }
    case 'not':
      // no `not (not x)`: readable templates, same truth values
      if (e.e.k === 'not' && typeOf(e.e.e) === 'boolean') return go(e.e.e);
      if (e.e.k === 'nonEmpty') return `(empty ${go(e.e.e)})`;
      return `(not ${go(e.e)})`;
    case 'and':
    case 'or':
      return `(${e.k} ${e.es.map(go).join(' ')})`;
    case 'eq':
      return `(eq ${goScalar(e.a)} ${goScalar(e.b)})`;
    case 'nonEmpty':
      return `(not (empty ${go(e.e)}))`;
    case 'if':
      return `(ternary ${go(e.then)} ${go(e.else)} ${go(e.cond)})`;
    case 'image':
      return `(include "kubeflow-cdk8s.image" (dict "image" ${valuesPath(e.path)} "global" .Values.global))`;
    case 'json': {
      const pretty =
        e.indent > 0
          ? `(include "kubeflow-cdk8s.json" (dict "v" ${go(e.e)} "indent" ${e.indent} "level" ${e.level}))`
          : `(toJson ${go(e.e)})`;
      if (!e.verbatimDefault) return pretty;
      return `(ternary ${goString(e.verbatimDefault.text)} ${pretty} (eq (toJson ${go(e.e)}) ${goString(e.verbatimDefault.canonical)}))`;
    }
    case 'yaml':
      return `(toYaml ${go(e.e)})`;
    case 'hashedName': {
      const data = Object.entries(e.data)
        .map(([k, v]) => `${goString(k)} ${goScalar(v)}`)
        .join(' ');
      return `(include "kubeflow-cdk8s.hashedName" (dict "name" ${goScalar(e.name)} "kind" ${goString(e.kind)} "data" (dict ${data})))`;
    }
    case 'override':
      // Sprig: `default D V` is V when V is set, else D; the global wins when set
      return `(default ${goScalar(e.e)} ${goScalar(e.global)})`;
    case 'include':
      return `(include ${goString(e.name)} (dict ${Object.entries(e.args)
        .map(([k, v]) => `${goString(k)} ${go(v)}`)
        .join(' ')}))`;
  }
}

/** Like go(), but integers print as integers (Helm parses numbers in values as float64). */
export function goScalar(e: Expr): string {
  const t = typeOf(e);
  if (t === 'integer' && e.k !== 'lit') return `(int64 ${go(e)})`;
  if (t === 'string' && e.k === 'ref') return `(toString ${go(e)})`;
  return go(e);
}

function goLiteral(v: unknown): string {
  if (typeof v === 'string') return goString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'nil';
  // structured literals go through JSON so templates can use them as values
  return `(fromJson ${goString(JSON.stringify(v))})`;
}

/** A Go template action that renders the expression as one YAML scalar. */
export function goYamlScalar(e: Expr): string {
  const t = typeOf(e);
  if (t === 'string') return `{{ ${goScalar(e)} | quote }}`;
  if (t === 'integer') return `{{ ${goScalar(e)} }}`;
  if (t === 'number' || t === 'boolean') return `{{ ${go(e)} }}`;
  return `{{ ${go(e)} | toJson }}`;
}
