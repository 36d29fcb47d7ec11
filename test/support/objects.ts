// Shared with the `kubeflow-cdk8s check` command: the implementation lives in src/verify.
export * from '../../src/verify/objects.js';
