import type { ImageSpec } from '../../../imports/caching.internal.knative.dev.js';
import type { CertificateSpec } from '../../../imports/networking.internal.knative.dev.js';
import type { TypedResource } from '../../core/custom-object.js';

/** Knative's internal resources this chart creates, their specs typed by the bindings generated from crds.ts. */
export interface CachedImage extends TypedResource {
  apiVersion: 'caching.internal.knative.dev/v1alpha1';
  kind: 'Image';
  spec: ImageSpec;
}

export interface KnativeCertificate extends TypedResource {
  apiVersion: 'networking.internal.knative.dev/v1alpha1';
  kind: 'Certificate';
  spec: CertificateSpec;
}
