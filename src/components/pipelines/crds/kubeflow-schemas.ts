import { prop, type CrdSchema } from '../../../core/crd/index.js';
import { minimalSchema } from './argo-minimal-schemas.js';

/** Pipeline v2beta1 (pipelines.pipelines.kubeflow.org). */
export const pipelinesSchema = (): CrdSchema =>
  prop.object({
    apiVersion: prop.string(),
    kind: prop.string(),
    metadata: prop.object({}),
    spec: prop.object({
      description: prop.string(),
      displayName: prop.string(),
    }),
  });

/** PipelineVersion v2beta1 (pipelineversions.pipelines.kubeflow.org). */
export const pipelineversionsSchema = (): CrdSchema =>
  prop.object({
    apiVersion: prop.string(),
    kind: prop.string(),
    metadata: prop.object({}),
    spec: prop.object(
      {
        codeSourceURL: prop.string(),
        description: prop.string(),
        displayName: prop.string(),
        pipelineName: prop.string(),
        pipelineSpec: { 'x-kubernetes-preserve-unknown-fields': true },
        pipelineSpecURI: prop.string(),
        platformSpec: { 'x-kubernetes-preserve-unknown-fields': true },
      },
      { required: ['pipelineSpec'] },
    ),
    status: prop.object({
      conditions: prop.array(
        prop.object(
          {
            message: prop.string({ maxLength: 32768 }),
            reason: prop.string(),
            status: prop.string({ enum: ['True', 'False', 'Unknown'] }),
            type: prop.string({
              maxLength: 316,
              pattern: '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$',
            }),
          },
          { required: ['message', 'reason', 'status', 'type'] },
        ),
      ),
    }),
  });

/** ScheduledWorkflow v1beta1 (scheduledworkflows.kubeflow.org). */
export const scheduledworkflowsSchema = (): CrdSchema => minimalSchema(['spec', 'status'], { status: true });

/** Viewer v1beta1 (viewers.kubeflow.org). */
export const viewersSchema = (): CrdSchema => minimalSchema(['spec']);
