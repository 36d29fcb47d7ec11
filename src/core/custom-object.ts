import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';

/**
 * A custom resource typed by a model interface (`@kubernetes-models/istio`, `cert-manager`, or our
 * own CRD bindings in imports/): the interface fixes apiVersion, kind and the spec's shape, so a
 * wrong field is a compile error. Serialized as written (no conversion step).
 */
export interface TypedResource {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
}

export function customObject<T extends TypedResource>(scope: Construct, id: string, body: T): ApiObject {
  const { apiVersion, kind, metadata, ...rest } = body;
  return new ApiObject(scope, id, { apiVersion, kind, metadata: metadata as Record<string, string>, ...rest });
}
