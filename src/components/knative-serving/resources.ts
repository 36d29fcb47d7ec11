import type { TypedResource } from '../../core/custom-object.js';

/** Knative's internal resources this chart creates, typed after the CRDs in crds.ts. */
export interface CachedImage extends TypedResource {
  apiVersion: 'caching.internal.knative.dev/v1alpha1';
  kind: 'Image';
  spec: { image: string; serviceAccountName?: string; imagePullSecrets?: { name: string }[] };
}

export interface KnativeCertificate extends TypedResource {
  apiVersion: 'networking.internal.knative.dev/v1alpha1';
  kind: 'Certificate';
  spec: { dnsNames: string[]; domain?: string; secretName: string };
}
