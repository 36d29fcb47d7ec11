import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module without types
import rule from '../eslint/no-value-truthiness.js';

/** The `if (value)` trap: branching in TypeScript on a construct value is refused by `npm run lint`. */
describe('kubeflow/no-value-truthiness', () => {
  const linter = new Linter({ configType: 'flat' });
  const lint = (code: string) =>
    linter
      .verify(
        code,
        [
          {
            files: ['**/*.ts'],
            languageOptions: { parser: tseslint.parser as Linter.Parser },
            plugins: { kubeflow: { rules: { 'no-value-truthiness': rule } } },
            rules: { 'kubeflow/no-value-truthiness': 'error' },
          },
        ],
        'src/components/x/x.ts',
      )
      .map((m) => m.message);

  it.each([
    'if (v.istio.enabled) { make(); }',
    'if (this.v.istio.enabled) { make(); }',
    'if (!v.crds.install) return;',
    "const image = v.db.type === 'mysql' ? a : b;",
    'const x = v.flag && { hostNetwork: true };',
    'const x = v.name || "default";',
    'const x = v.replicas ?? 1;',
    'while (v.retry) {}',
    'switch (v.mode) { default: }',
    'const x = Boolean(v.flag);',
    'if (v.list.length > 0) {}',
  ])('refuses %s', (code) => {
    const messages = lint(
      `declare const v: any; declare function make(): void; declare const a: any, b: any; function f(this: any) { ${code} }`,
    );
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]).toMatch(/is a value: in chart synthesis it is a Helm expression/);
  });

  it.each([
    "when(this, 'istio', v.istio.enabled, (s) => make(s));",
    'const spec = { hostNetwork: opt(v.hostNetwork, true), replicas: v.replicas ?? undefined };',
    "const args = ['--a', ...items(v.flag, ['--b'])];",
    'if (this.symbolic) return;',
    'const image = pick(eq(v.db.type, "mysql"), a, b);',
    'const label = `${v.namespace}/x`;',
  ])('accepts %s', (code) => {
    expect(
      lint(
        `declare const v: any, when: any, opt: any, items: any, pick: any, eq: any, a: any, b: any; declare function make(s?: any): void; function f(this: any) { ${code} }`,
      ),
    ).toEqual([]);
  });
});
