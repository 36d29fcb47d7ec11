#!/usr/bin/env node
// `npm test`'s first step: the TypeScript typecheck and `npm run lint` (ESLint and Prettier), run side by side (all must pass).
import { spawn } from 'node:child_process';

const run = (cmd, args) =>
  new Promise((resolve) => {
    const p = spawn(cmd, args, { stdio: 'inherit' });
    p.on('close', (code) => resolve(code ?? 1));
  });
const checks = {
  tsc: ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'],
  eslint: ['node_modules/eslint/bin/eslint.js', '.'],
  'prettier (npm run format fixes it)': ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', '.'],
};
const codes = await Promise.all(Object.values(checks).map((args) => run(process.execPath, args)));
const failed = Object.keys(checks).filter((_, i) => codes[i]);
if (failed.length) {
  console.error(`static checks failed: ${failed.join(', ')}`);
  process.exit(1);
}
