import type { ComponentProps, ComponentValues } from '../core/component.js';
import type { ComponentEntry } from '../core/synth.js';
import type { DeepPartial, Specs } from '../core/values.js';
import type { ComponentValueDocs } from './values-docs.generated.js';
import type * as registry from './registry.js';

/**
 * Types of the public API, derived from the registry: each `ComponentEntry` exported by
 * src/components/registry.ts (`jupyterWebApp`) becomes the component name (`jupyter-web-app`, the
 * export name in kebab case; test/public-api.test.ts checks that it equals `info.name`). Nothing here
 * lists components by hand: registering a component adds it to every type below.
 */
type Kebab<S extends string> = S extends `${infer H}${infer T}` ? `${H extends Lowercase<H> ? H : `-${Lowercase<H>}`}${Kebab<T>}` : S;

type Registry = typeof registry;
type EntryKeys = { [K in keyof Registry]: Registry[K] extends ComponentEntry<any> ? K : never }[keyof Registry];

/** Value declarations (specs) of every registered component, by component name. */
export type ComponentSpecsByName = {
  [K in EntryKeys as Kebab<K & string>]: Registry[K] extends ComponentEntry<infer S> ? S : never;
};

/** Name of a registered component (`'centraldashboard' | 'jupyter-web-app' | …`). */
export type ComponentName = keyof ComponentSpecsByName;

/** JSDoc'd overlay (description and default on hover) generated from the declarations, when present. */
type DocsOf<N> = N extends keyof ComponentValueDocs ? ComponentValueDocs[N] : unknown;

/** Every value of component `N` after defaults (what `resolvedValues` holds). */
export type ValuesOfComponent<N extends ComponentName> = ComponentValues<ComponentSpecsByName[N]>;

/** Values a user sets for component `N`: any subset, typed and documented. */
export type ValuesInput<N extends ComponentName> = DeepPartial<ValuesOfComponent<N>> & DocsOf<N>;

/** Props of component `N`'s construct (`new CentralDashboard(scope, id, props)`). */
export type PropsOfComponent<N extends ComponentName> = Omit<ComponentProps<ComponentSpecsByName[N]>, 'values'> & {
  readonly values?: ValuesInput<N>;
};

/** Specs of a component (for code generic over components). */
export type SpecsOf<N extends ComponentName> = ComponentSpecsByName[N] & Specs;
