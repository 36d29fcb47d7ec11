/**
 * Public API of kubeflow-cdk8s: the component constructs, the platform construct, and the types
 * needed to configure them. Engine internals (writers, serializer) are not exported.
 */
export * from './components/index.js';
export { KubeflowPlatform, type KubeflowPlatformProps, type PlatformComponentProps } from './umbrella/platform.js';
export { platformPresets, type PlatformPreset } from './umbrella/presets.js';
export { Component, type ComponentInfo, type ComponentProps, type ComponentValues, type Preset, type Deviation } from './core/component.js';
export type { ComponentEntry } from './core/synth.js';
