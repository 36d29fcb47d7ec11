#!/usr/bin/env node
// The `kubeflow-cdk8s` command. In the published package it runs the compiled lib/; in a clone of the
// repository (src/ present) it runs the TypeScript source through tsx, so `npx kubeflow-cdk8s` needs no build.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/run.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../lib/src/cli/run.js', import.meta.url).href);
}
