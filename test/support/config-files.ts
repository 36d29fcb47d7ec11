import { parse as parseYaml } from 'yaml';
import type { K8sObject } from './objects.js';
import { stripHash } from './objects.js';

/**
 * Embedded config files of rendered objects (ConfigMap and Secret data entries), parsed by their
 * syntax: JSON, TOML (`.cfg`/`.toml`, oauth2-proxy's format) or YAML. Entries that are not
 * structured (a single scalar, SVG, plain text) are left out.
 */
export interface ConfigEntry {
  id: string;
  parsed: unknown;
  error?: string;
}

export function configEntries(objects: K8sObject[]): ConfigEntry[] {
  const out: ConfigEntry[] = [];
  for (const o of objects) {
    if (o.kind !== 'ConfigMap' && o.kind !== 'Secret') continue;
    const entries: [string, string][] = [
      ...Object.entries<string>(o.data ?? {}).map(([k, x]): [string, string] => [
        k,
        o.kind === 'Secret' ? Buffer.from(x, 'base64').toString('utf8') : x,
      ]),
      ...Object.entries<string>(o.stringData ?? {}),
    ];
    for (const [key, text] of entries) {
      const id = `${o.kind}/${o.metadata?.namespace ?? ''}/${stripHash(o.metadata?.name ?? '')}:${key}`;
      out.push({ id, ...parseConfig(key, String(text)) });
    }
  }
  return out;
}

function parseConfig(key: string, text: string): { parsed: unknown; error?: string } {
  try {
    if (/\.(cfg|toml)$/.test(key)) return { parsed: parseToml(text) };
    if (/\.json$/.test(key) || /^\s*[[{]/.test(text)) {
      try {
        return { parsed: JSON.parse(text) };
      } catch {
        /* YAML below (JSON-like YAML) */
      }
    }
    return { parsed: parseYaml(text, { uniqueKeys: true }) };
  } catch (e) {
    return { parsed: undefined, error: (e as Error).message.split('\n')[0] };
  }
}

/** Every key path of a parsed document (`a.b`, list items as `[]`); empty for scalars. */
export function keyPaths(x: unknown, prefix = ''): string[] {
  if (Array.isArray(x)) return [...new Set(x.flatMap((y) => keyPaths(y, `${prefix}[]`)))].sort();
  if (x && typeof x === 'object') {
    return Object.entries(x)
      .flatMap(([k, y]) => [`${prefix}.${k}`, ...keyPaths(y, `${prefix}.${k}`)])
      .sort();
  }
  return [];
}

export const isStructured = (x: unknown): boolean => !!x && typeof x === 'object';

/**
 * TOML as oauth2-proxy's cfg uses it: `key = value` lines, basic strings, arrays (over several lines,
 * with comments and trailing commas), booleans and numbers. Anything else is an error, as is a
 * repeated key or text after a value: exactly what an injected quote or line break produces.
 */
export function parseToml(text: string): Record<string, unknown> {
  let i = 0;
  const out: Record<string, unknown> = {};
  const err = (m: string) => {
    throw new Error(`TOML: ${m} at offset ${i}: ${JSON.stringify(text.slice(i, i + 30))}`);
  };
  const skip = (newlines: boolean) => {
    for (;;) {
      if (text[i] === '#') while (i < text.length && text[i] !== '\n') i++;
      else if (text[i] === ' ' || text[i] === '\t' || text[i] === '\r' || (newlines && text[i] === '\n')) i++;
      else return;
    }
  };
  const value = (): unknown => {
    skip(false);
    const c = text[i];
    if (c === '"') {
      const start = i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\n') err('line break in a string');
        i += text[i] === '\\' ? 2 : 1;
      }
      i++;
      return JSON.parse(text.slice(start, i));
    }
    if (c === '[') {
      i++;
      const items: unknown[] = [];
      for (;;) {
        skip(true);
        if (text[i] === ']') {
          i++;
          return items;
        }
        items.push(value());
        skip(true);
        if (text[i] === ',') i++;
        else if (text[i] !== ']') err('expected , or ]');
      }
    }
    const m = /^(true|false|[-+]?[0-9][0-9_.eE+-]*)/.exec(text.slice(i));
    if (!m) return err('bad value');
    i += m[0].length;
    return m[0] === 'true' ? true : m[0] === 'false' ? false : Number(m[0]);
  };
  for (;;) {
    skip(true);
    if (i >= text.length) return out;
    const k = /^[A-Za-z0-9_-]+/.exec(text.slice(i));
    if (!k) err('expected a key');
    i += k![0].length;
    skip(false);
    if (text[i] !== '=') err('expected =');
    i++;
    if (k![0] in out) err(`repeated key ${k![0]}`);
    out[k![0]] = value();
    skip(false);
    if (i < text.length && text[i] !== '\n') err('text after the value');
  }
}
