// Must fail tsc: a component name with a typo.
import type { KubeflowPlatformProps } from 'kubeflow-cdk8s';
export const p: KubeflowPlatformProps = { components: { 'jupyter-web-ap': { enabled: true } } };
