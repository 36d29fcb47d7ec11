import { prop, type CrdSchema } from '../../../core/crd/index.js';

/**
 * The schema of a "minimal" CRD (Argo's and two of Kubeflow's): only the envelope is typed; `spec`
 * (and `status` when `status` is set) are kept as given, replaced as a whole on apply (atomic).
 */
export function minimalSchema(required: string[], opts: { status?: boolean } = {}): CrdSchema {
  const atomic = (): CrdSchema => ({ ...prop.preserveUnknown(), 'x-kubernetes-map-type': 'atomic' });
  return prop.object(
    {
      apiVersion: prop.string(),
      kind: prop.string(),
      metadata: prop.object({}),
      spec: atomic(),
      ...(opts.status ? { status: atomic() } : {}),
    },
    { required },
  );
}

/** ClusterWorkflowTemplate v1alpha1 (clusterworkflowtemplates.argoproj.io). */
export const clusterworkflowtemplatesSchema = (): CrdSchema => minimalSchema(['metadata', 'spec']);

/** CronWorkflow v1alpha1 (cronworkflows.argoproj.io). */
export const cronworkflowsSchema = (): CrdSchema => minimalSchema(['metadata', 'spec'], { status: true });

/** Workflow v1alpha1 (workflows.argoproj.io). */
export const workflowsSchema = (): CrdSchema => minimalSchema(['metadata', 'spec'], { status: true });

/** WorkflowTaskSet v1alpha1 (workflowtasksets.argoproj.io). */
export const workflowtasksetsSchema = (): CrdSchema => minimalSchema(['metadata', 'spec'], { status: true });

/** WorkflowTemplate v1alpha1 (workflowtemplates.argoproj.io). */
export const workflowtemplatesSchema = (): CrdSchema => minimalSchema(['metadata', 'spec']);
