// Must fail tsc: a value name with a typo.
import type { KubeflowPlatformProps } from 'kubeflow-cdk8s';
export const p: KubeflowPlatformProps = { components: { centraldashboard: { values: { replica: 2 } } } };
