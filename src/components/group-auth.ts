import type { ComponentEntry } from '../core/synth.js';

/** Dex, oauth2-proxy, namespaces, roles, Istio resources, user profiles. */
export const authComponents: ComponentEntry[] = [];
