import { components } from '../../src/components/index.js';

/** Every (component, preset) pair the tests cover; preset undefined = default values. */
export interface Target { name: string; preset?: string; label: string }

export const targets: Target[] = components.flatMap((c) => [
  { name: c.info.name, label: c.info.name },
  ...Object.keys(c.info.presets ?? {}).map((p) => ({ name: c.info.name, preset: p, label: `${c.info.name}:${p}` })),
]);
