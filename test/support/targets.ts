import { components } from '../../src/components/index.js';
import { platformPresets } from '../../src/umbrella/presets.js';

/** Every (component, preset) pair the tests cover; preset undefined = default values. */
export interface Target {
  name: string;
  preset?: string;
  label: string;
}

export const targets: Target[] = components.flatMap((c) => [
  { name: c.info.name, label: c.info.name },
  ...Object.keys(c.info.presets ?? {}).map((p) => ({ name: c.info.name, preset: p, label: `${c.info.name}:${p}` })),
]);

/** The umbrella chart and the Kustomize example, for default values and each platform preset. */
export const platformTargets: Target[] = [
  { name: 'kubeflow', label: 'kubeflow' },
  ...Object.keys(platformPresets).map((p) => ({ name: 'kubeflow', preset: p, label: `kubeflow:${p}` })),
];
