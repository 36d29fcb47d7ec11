import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTree, type FileTree } from '../../src/core/files.js';
import { EXPRESSIONS_TPL, nameRepeatedExpressions } from '../../src/core/helm/named-expressions.js';
import { helmTemplate } from '../support/tools.js';

// a long expression (a generated config file) used in a ConfigMap and again in a Deployment
const script = Array.from({ length: 12 }, (_, i) => `line ${i} of a generated file`).join('\n');
const config = `(printf ${JSON.stringify(`${script}\nport: %v\nname: %v\n`)} (int64 .Values.port) (toString .Values.name))`;
const inRange = `(printf ${JSON.stringify(`${script}\nitem: %v\n`)} $x)`;
const chart = (): FileTree =>
  new Map([
    ['Chart.yaml', 'apiVersion: v2\nname: demo\nversion: 0.1.0\n'],
    ['values.yaml', 'port: 8080\nname: demo\nitems: [a]\n'],
    ['templates/cm.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\ndata:\n  app.conf: {{ ${config} | quote }}\n`],
    [
      'templates/deploy.yaml',
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo-copy\n  annotations:\n    digest: {{ sha256sum ${config} | quote }}\n` +
        `data:\n{{- range $x := .Values.items }}\n  {{ $x }}: {{ ${inRange} | quote }}\n  again-{{ $x }}: {{ ${inRange} | quote }}\n{{- end }}\n`,
    ],
  ]);

describe('named expressions (readable templates)', () => {
  const before = chart();
  const after = chart();
  nameRepeatedExpressions(after, 'demo');

  it('names a long repeated expression once and uses it by name', () => {
    const tpl = after.get(EXPRESSIONS_TPL)!;
    expect(tpl).toContain('{{- define "demo.app.conf" -}}');
    expect(after.get('templates/cm.yaml')).toContain('app.conf: {{ (include "demo.app.conf" $) | quote }}');
    expect(after.get('templates/deploy.yaml')).toContain('digest: {{ sha256sum (include "demo.app.conf" $) | quote }}');
    // the generated file reads as it is: a raw string, one printf argument per line
    expect(tpl).toContain('`line 0 of a generated file\nline 1');
    expect(tpl).toMatch(/\(printf\n {2}`line 0[^`]*`\n {2}\(int64 \.Values\.port\)\n {2}\(toString \.Values\.name\)\n\)/);
  });

  it('leaves alone expressions that read a range variable, and short ones', () => {
    expect(after.get('templates/deploy.yaml')).toContain(inRange);
    expect([...after.get(EXPRESSIONS_TPL)!.matchAll(/define/g)]).toHaveLength(1);
  });

  it('renders the same objects with Helm 3 and Helm 4', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kf-named-'));
    writeTree(join(dir, 'before'), before);
    writeTree(join(dir, 'after'), after);
    const values = join(dir, 'values.yaml');
    writeFileSync(values, 'port: 9090\nname: "x\\" y"\nitems: [a, b]\n');
    for (const helm of ['helm3', 'helm4'] as const) {
      const a = await helmTemplate(helm, join(dir, 'before'), ['-f', values]);
      const b = await helmTemplate(helm, join(dir, 'after'), ['-f', values]);
      expect(b).toBe(a);
      expect(b).toContain('port: 9090');
    }
  });
});
