// ESLint (flat config, typescript-eslint). `npm run lint`; `npm test` runs it first.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noValueTruthiness from './eslint/no-value-truthiness.js';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'lib/**',
      'node_modules/**',
      '.tools/**',
      'imports/**',
      'coverage/**',
      'examples/consumer-app/typos/**',
      'src/components/values-docs.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // the engine handles untyped YAML/JSON trees and Helm expressions: `any` is deliberate there
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // constructs: a value is a Helm expression in chart synthesis, never branch on it in TypeScript
    files: ['src/components/**/*.ts', 'src/lib/**/*.ts'],
    plugins: { kubeflow: { rules: { 'no-value-truthiness': noValueTruthiness } } },
    rules: { 'kubeflow/no-value-truthiness': 'error' },
  },
  {
    files: ['eslint/**/*.js', 'scripts/**/*.mjs', 'bin/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
  },
);
