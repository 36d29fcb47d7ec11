import { Ajv } from 'ajv';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { components } from '../src/components/index.js';
import { allSpecs, chartSchema } from '../src/core/component.js';
import type { JsonSchema } from '../src/core/schema.js';
import { defaultsOf } from '../src/core/values.js';
import { configEntries, isStructured, keyPaths } from './support/config-files.js';
import { parseObjects, stripHash } from './support/objects.js';
import { helmComponent, skipReason } from './support/render.js';

/**
 * Generic injection test, for every registered component: every string its schema admits is set to
 * adversarial text (quotes, line breaks, `{{ }}`, `${}`, `#`, `:`), and, separately, to plain text of
 * the same length in the same places. Both render (Helm 3 and 4); the same objects exist; and every
 * embedded config file (ConfigMap/Secret entries that parse as JSON, TOML/cfg or YAML) parses to the
 * same set of keys in both. Strings whose format (pattern) refuses the adversarial text keep their
 * default: the schema already keeps them out of any file.
 */
const ADVERSARIAL = 'x" y\' #c: {{ .Values }} ${HOME} \\ ] }\nz = "1"\n- k: v';
const ADVERSARIAL_LINE = 'x" y\' #c: {{ .Values }} ${HOME} \\ ] } z = "1"';
const candidates = [
  ADVERSARIAL,
  ADVERSARIAL_LINE,
  ...[16, 24, 32].flatMap((n) => [ADVERSARIAL.repeat(3).slice(0, n), ADVERSARIAL_LINE.repeat(3).slice(0, n)]),
];
const plain = (s: string) => 'p'.repeat(s.length);

type Path = (string | number)[];
const getAt = (x: any, p: Path) => p.reduce((o, k) => o?.[k], x);
const setAt = (x: any, p: Path, v: unknown) => {
  getAt(x, p.slice(0, -1))[p[p.length - 1]!] = v;
};

/** Paths of the strings in `value` (following its schema), adding one item to empty lists of strings. */
function stringPaths(sch: JsonSchema | undefined, value: any, path: Path, out: Path[], added: Set<string>): void {
  if (!sch) return;
  if (typeof value === 'string' && !sch.enum) {
    out.push(path);
    return;
  }
  if (Array.isArray(value)) {
    const items = sch.items;
    if (!value.length && items?.type === 'string' && !items.enum) {
      value.push('');
      out.push([...path, 0]);
      added.add([...path, 0].join('.'));
      return;
    }
    value.forEach((x, i) => stringPaths(items, x, [...path, i], out, added));
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, x] of Object.entries(value)) {
      const sub =
        sch.properties?.[k] ??
        Object.entries(sch.patternProperties ?? {}).find(([p]) => new RegExp(p, 'u').test(k))?.[1] ??
        (typeof sch.additionalProperties === 'object' ? sch.additionalProperties : undefined);
      stringPaths(sub, x, [...path, k], out, added);
    }
  }
}

/** The adversarial and the plain values files of a component, both valid for its schema. */
function valueFiles(name: string): { adversarial: any; plain: any; changed: string[] } {
  const info = components.find((c) => c.info.name === name)!.info;
  const schema = chartSchema(info);
  const validate = new Ajv({ strict: false, allErrors: false }).compile(schema);
  const base = defaultsOf(allSpecs(info));
  const paths: Path[] = [];
  const added = new Set<string>();
  stringPaths(schema, base, [], paths, added);
  // items added to empty lists stay only when a candidate fits them
  const adv = structuredClone(base);
  const pln = structuredClone(base);
  const strip = (x: any) => {
    for (const p of paths) if (added.has(p.join('.'))) getAt(x, p.slice(0, -1)).length = 0;
  };
  strip(adv);
  strip(pln);
  const changed: string[] = [];
  for (const p of paths) {
    const isAdded = added.has(p.join('.'));
    const before = getAt(adv, p);
    const pick = candidates.find((c) => {
      setAt(adv, p, c);
      setAt(pln, p, plain(c));
      if (validate(adv) && validate(pln)) return true;
      if (isAdded) {
        getAt(adv, p.slice(0, -1)).length = 0;
        getAt(pln, p.slice(0, -1)).length = 0;
      } else {
        setAt(adv, p, before);
        setAt(pln, p, before);
      }
      return false;
    });
    if (pick) changed.push(p.join('.'));
  }
  return { adversarial: adv, plain: pln, changed };
}

const dir = mkdtempSync(join(tmpdir(), 'kf-inject-'));
async function render(helm: 'helm3' | 'helm4', name: string, values: unknown, tag: string) {
  const f = join(dir, `${name}-${tag}.json`);
  writeFileSync(f, JSON.stringify(values));
  const r = await helmComponent(name, helm, ['-f', f]);
  expect(r.code, `${helm} ${name} (${tag}): ${r.stderr}`).toBe(0);
  return parseObjects(r.stdout);
}

describe('no value can inject text into a generated config file', () => {
  it.each(components.map((c) => c.info.name))('%s', async (name) => {
    if (skipReason(name)) return console.log(skipReason(name));
    const { adversarial, plain: pln, changed } = valueFiles(name);
    for (const helm of ['helm3', 'helm4'] as const) {
      const [adv, ref] = await Promise.all([render(helm, name, adversarial, 'adversarial'), render(helm, name, pln, 'plain')]);
      const ids = (objs: typeof adv) =>
        objs.map((o) => `${o.kind}/${o.metadata?.namespace ?? ''}/${stripHash(o.metadata?.name ?? '')}`).sort();
      expect(ids(adv), `${name}: the adversarial strings (${changed.join(', ')}) changed the set of objects`).toEqual(ids(ref));
      const advEntries = new Map(configEntries(adv).map((e) => [e.id, e]));
      for (const e of configEntries(ref)) {
        if (!isStructured(e.parsed)) continue;
        const a = advEntries.get(e.id);
        expect(a, `${name}: ${e.id} is missing with adversarial values`).toBeDefined();
        expect(a!.error, `${name}: ${e.id} no longer parses with adversarial values (${changed.join(', ')})`).toBeUndefined();
        expect(keyPaths(a!.parsed), `${name}: ${e.id} has other keys with adversarial values (${changed.join(', ')})`).toEqual(
          keyPaths(e.parsed),
        );
      }
    }
  });

  it('the generator reaches strings that end up in config files (oauth2-proxy, dex)', () => {
    expect(valueFiles('oauth2-proxy').changed).toEqual(
      expect.arrayContaining(['oidc.providerDisplayName', 'client.secret', 'allowedGroups.0']),
    );
    expect(valueFiles('dex').changed).toEqual(expect.arrayContaining(['oidcClient.name', 'staticPasswords.0.username']));
  });
});
