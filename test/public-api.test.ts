import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chart, Testing } from 'cdk8s';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import * as registry from '../src/components/registry.js';
import { components } from '../src/components/index.js';
import { constructName, VALUE_DOCS_PATH, valueDocsSource } from '../src/api/value-docs.js';
import { ROOT } from './support/tools.js';

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const entries = Object.entries(registry).filter(([, x]) => typeof x === 'object' && x !== null && 'info' in x) as [
  string,
  api.ComponentEntry,
][];

describe('public API (src/index.ts) against the registry', () => {
  it('every registry entry is a component of the platform, named like its export in kebab case (the typed API keys on that)', () => {
    expect(entries.map(([, e]) => e.info.name).sort()).toEqual(components.map((c) => c.info.name).sort());
    for (const [exportName, e] of entries) {
      expect(kebab(exportName), `export '${exportName}' of ${e.info.name}/index.ts: name it ${e.info.name} in camel case`).toBe(
        e.info.name,
      );
    }
  });

  it('every folder of src/components is registered (adding a component = its folder + one registry line)', () => {
    const folders = readdirSync(join(ROOT, 'src/components'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const lines = readFileSync(join(ROOT, 'src/components/registry.ts'), 'utf8');
    for (const f of folders) expect(lines, `src/components/${f} is not in registry.ts`).toContain(`export * from './${f}/index.js';`);
    expect(folders.sort()).toEqual(components.map((c) => c.info.name).sort());
  });

  it('exports every component construct and entry', () => {
    for (const [exportName, e] of entries) {
      const cls = constructName(e);
      expect(typeof (api as Record<string, unknown>)[cls], `${cls} exported`).toBe('function');
      expect((api as Record<string, unknown>)[exportName]).toBe(e);
      expect(e.create(new Chart(Testing.app(), 'c'), 'x')).toBeInstanceOf((api as Record<string, any>)[cls]);
    }
    expect(typeof api.KubeflowPlatform).toBe('function');
  });

  it(`${VALUE_DOCS_PATH} is fresh and names Props/Values types for every component`, () => {
    const current = readFileSync(join(ROOT, VALUE_DOCS_PATH), 'utf8');
    expect(current === valueDocsSource(components), `${VALUE_DOCS_PATH} is stale: run \`npm run synth\``).toBe(true);
    for (const [, e] of entries) {
      const cls = constructName(e);
      for (const t of [`${cls}Props`, `${cls}Values`, `${cls}ResolvedValues`, `${cls}ValueDocs`])
        expect(current).toContain(`export ${t.endsWith('Docs') ? 'interface' : 'type'} ${t}`);
      expect(current).toContain(`  ${JSON.stringify(e.info.name)}: ${cls}ValueDocs;`);
    }
  });
});

/** What an IDE shows when hovering: the TypeScript language service's quick info. */
describe('IDE hover on values (TypeScript language service)', () => {
  const file = join(ROOT, 'test/__hover__.ts');
  const text = [
    "import type { KubeflowPlatformProps, CentralDashboardProps } from '../src/index.js';",
    "export const p: KubeflowPlatformProps = { global: { imageRegistry: 'r' }, components: { 'jupyter-web-app': { values: { istio: { gateway: 'g' } } } } };",
    'export const d: CentralDashboardProps = { values: { replicas: 2 } };',
  ].join('\n');
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    types: ['node'],
  };
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (f) => ts.ScriptSnapshot.fromString(f === file ? text : (ts.sys.readFile(f) ?? '')),
    getCurrentDirectory: () => ROOT,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => f === file || ts.sys.fileExists(f),
    readFile: (f) => (f === file ? text : ts.sys.readFile(f)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  const hover = (word: string, nth = 0) => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(word, at + 1);
    const info = service.getQuickInfoAtPosition(file, at + 1);
    return {
      doc: ts.displayPartsToString(info?.documentation),
      tags: (info?.tags ?? []).map((t) => `@${t.name} ${ts.displayPartsToString(t.text)}`).join('\n'),
      type: ts.displayPartsToString(info?.displayParts),
    };
  };
  const spec = (name: string, path: string[]) =>
    path.reduce<any>((sp, k) => (sp.kind === 'group' ? sp.children : sp)[k], {
      kind: 'group',
      children: components.find((c) => c.info.name === name)!.info.values,
    });

  it('shows the description and default of a component value (construct props and platform props)', () => {
    const replicas = spec('centraldashboard', ['replicas']);
    const h = hover('replicas');
    expect(h.doc).toBe(replicas.description);
    expect(h.tags).toBe(`@defaultValue \`${JSON.stringify(replicas.default)}\``);
    expect(h.type).toMatch(/replicas\?: number/);
    const gw = spec('jupyter-web-app', ['istio', 'gateway']);
    expect(hover('gateway').doc).toBe(gw.description);
    expect(hover('gateway').tags).toContain(JSON.stringify(gw.default));
  });

  it('shows the description of global values', () => {
    expect(hover('imageRegistry').doc).toMatch(/^Registry that replaces the registry of every image/);
  });
});
