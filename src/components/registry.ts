/**
 * Every component of the project, one line each: adding a component is its folder plus one line
 * here. Each folder's index.ts exports its construct, its props types and its `ComponentEntry`.
 * The order of the platform comes from `platformOrder` (src/components/index.ts), not from this file.
 */
export * from './admission-webhook/index.js';
export * from './centraldashboard/index.js';
export * from './cert-manager/index.js';
export * from './cluster-local-gateway/index.js';
export * from './dex/index.js';
export * from './istio-cni/index.js';
export * from './istio-crds/index.js';
export * from './istio-install/index.js';
export * from './istio-namespace/index.js';
export * from './jupyter-web-app/index.js';
export * from './knative-serving/index.js';
export * from './kserve/index.js';
export * from './kserve-models-web-app/index.js';
export * from './kale/index.js';
export * from './kubeflow-istio-resources/index.js';
export * from './kubeflow-namespace/index.js';
export * from './kubeflow-roles/index.js';
export * from './model-registry/index.js';
export * from './notebook-controller/index.js';
export * from './oauth2-proxy/index.js';
export * from './pipelines/index.js';
export * from './profiles/index.js';
export * from './pvcviewer-controller/index.js';
export * from './spark-operator/index.js';
export * from './tensorboard-controller/index.js';
export * from './tensorboards-web-app/index.js';
export * from './user-namespace/index.js';
export * from './volumes-web-app/index.js';
export * from './trainer/index.js';
export * from './katib/index.js';
