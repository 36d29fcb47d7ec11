#!/usr/bin/env node
// `npm test`'s first step: the TypeScript typecheck and ESLint, run side by side (both must pass).
import { spawn } from 'node:child_process';

const run = (cmd, args) => new Promise((resolve) => {
  const p = spawn(cmd, args, { stdio: 'inherit' });
  p.on('close', (code) => resolve(code ?? 1));
});
const [tsc, lint] = await Promise.all([
  run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']),
  run(process.execPath, ['node_modules/eslint/bin/eslint.js', '.']),
]);
if (tsc || lint) {
  console.error(`static checks failed: ${tsc ? 'tsc' : ''}${tsc && lint ? ' and ' : ''}${lint ? 'eslint' : ''}`);
  process.exit(1);
}
