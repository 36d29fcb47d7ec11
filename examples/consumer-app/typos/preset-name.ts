// Must fail tsc: a platform preset that does not exist.
import type { KubeflowPlatformProps } from 'kubeflow-cdk8s';
export const p: KubeflowPlatformProps = { preset: 'notebook' };
