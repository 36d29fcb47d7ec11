import { prop, type CrdSchema } from '../../../core/crd/index.js';

/** ClusterWorkflowTemplate v1alpha1 (clusterworkflowtemplates.argoproj.io). */
export const clusterworkflowtemplatesSchema = (): CrdSchema =>
  prop.object(
    {
      apiVersion: prop.string(),
      kind: prop.string(),
      metadata: prop.object({}),
      spec: { ...prop.preserveUnknown(), 'x-kubernetes-map-type': 'atomic' },
    },
    { required: ['metadata', 'spec'] },
  );

/** CronWorkflow v1alpha1 (cronworkflows.argoproj.io). */
export const cronworkflowsSchema = (): CrdSchema =>
  prop.object(
    {
      apiVersion: prop.string(),
      kind: prop.string(),
      metadata: prop.object({}),
      spec: { ...prop.preserveUnknown(), 'x-kubernetes-map-type': 'atomic' },
      status: { ...prop.preserveUnknown(), 'x-kubernetes-map-type': 'atomic' },
    },
    { required: ['metadata', 'spec'] },
  );

/** Workflow v1alpha1 (workflows.argoproj.io). */
export const workflowsSchema = (): CrdSchema =>
  prop.object(
    {
      apiVersion: prop.string(),
      kind: prop.string(),
      metadata: prop.object({}),
      spec: { ...prop.preserveUnknown(), 'x-kubernetes-map-type': 'atomic' },
      status: { ...prop.preserveUnknown(), 'x-kubernetes-map-type': 'atomic' },
    },
    { required: ['metadata', 'spec'] },
  );

/** WorkflowTaskSet v1alpha1 (workflowtasksets.argoproj.io). */
export const workflowtasksetsSchema = (): CrdSchema =>
  prop.object(
    {
      apiVersion: prop.string(),
      kind: prop.string(),
      metadata: prop.object({}),
      spec: { ...prop.preserveUnknown(), 'x-kubernetes-map-type': 'atomic' },
      status: { ...prop.preserveUnknown(), 'x-kubernetes-map-type': 'atomic' },
    },
    { required: ['metadata', 'spec'] },
  );

/** WorkflowTemplate v1alpha1 (workflowtemplates.argoproj.io). */
export const workflowtemplatesSchema = (): CrdSchema =>
  prop.object(
    {
      apiVersion: prop.string(),
      kind: prop.string(),
      metadata: prop.object({}),
      spec: { ...prop.preserveUnknown(), 'x-kubernetes-map-type': 'atomic' },
    },
    { required: ['metadata', 'spec'] },
  );
