import type { ClusterServingRuntimeSpec, ClusterStorageContainerSpec } from '../../../imports/serving.kserve.io.js';

/** ClusterServingRuntime (serving.kserve.io/v1alpha1), the spec typed by the binding generated from our CRD. */
export interface IClusterServingRuntime {
  apiVersion: 'serving.kserve.io/v1alpha1';
  kind: 'ClusterServingRuntime';
  metadata: { name: string };
  spec: ClusterServingRuntimeSpec;
}

/** ClusterStorageContainer (serving.kserve.io/v1alpha1), typed the same way. */
export interface IClusterStorageContainer {
  apiVersion: 'serving.kserve.io/v1alpha1';
  kind: 'ClusterStorageContainer';
  metadata: { name: string };
  spec: ClusterStorageContainerSpec;
}
