import { resolve } from 'node:path';
import { buildDist } from './build.js';
import { writeFileSync } from 'node:fs';
import { writeTree } from './core/files.js';
import { components } from './components/index.js';
import { VALUE_DOCS_PATH, valueDocsSource } from './api/value-docs.js';

// `npm run synth` / `npx cdk8s synth`: regenerate dist/ (or the folder given as the first argument;
// cdk8s synth passes its output folder as CDK8S_OUTDIR).
const out = resolve(process.argv[2] ?? process.env.CDK8S_OUTDIR ?? 'dist');
const t0 = performance.now();
const tree = buildDist();
writeTree(out, tree);
// the IDE documentation of the values (public API) is generated from the same declarations
writeFileSync(resolve(VALUE_DOCS_PATH), valueDocsSource(components));
console.log(`synthesized ${tree.size} files into ${out} in ${Math.round(performance.now() - t0)} ms`);
