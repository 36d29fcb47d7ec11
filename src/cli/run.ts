import { main } from './main.js';

// `kubeflow-cdk8s …` (bin/kubeflow-cdk8s.mjs): the exit code says what happened, see src/cli/errors.ts.
process.exitCode = await main(process.argv.slice(2));
