/**
 * Public API of kubeflow-cdk8s: the component constructs, the platform construct, and the types
 * needed to configure them. Engine internals (writers, serializer) are not exported.
 *
 * - every registered component: its construct class (`CentralDashboard`), its `ComponentEntry`
 *   (`centraldashboard`), and the generated types `<Class>Props`, `<Class>Values` (any subset, with
 *   descriptions and defaults on hover), `<Class>ResolvedValues`;
 * - generic forms keyed by component name: `ComponentName`, `PropsOfComponent<N>`, `ValuesInput<N>`;
 * - `KubeflowPlatform` with props typed per component, and the platform presets.
 */
export * from './components/index.js';
export type { ComponentName, ComponentSpecsByName, PropsOfComponent, SpecsOf, ValuesInput, ValuesOfComponent } from './components/types.js';
export type * from './components/values-docs.generated.js';
export {
  KubeflowPlatform,
  type KubeflowPlatformProps,
  type PlatformComponentProps,
  type PlatformComponentsProps,
} from './umbrella/platform.js';
export { platformPresets, type PlatformPreset, type PlatformPresetName } from './umbrella/presets.js';
export {
  Component,
  type ComponentInfo,
  type ComponentProps,
  type ComponentValues,
  type Preset,
  type Deviation,
  type Requirement,
} from './core/component.js';
export type { ComponentEntry } from './core/synth.js';
export type { ObjectPatch, PatchOp } from './core/patches.js';
