import type { Construct } from 'constructs';
import { CustomResourceDefinition, type CrdSchema } from '../../../core/crd/index.js';
import { APP } from '../objects.js';
import {
  clusterworkflowtemplatesSchema,
  cronworkflowsSchema,
  workflowsSchema,
  workflowtasksetsSchema,
  workflowtemplatesSchema,
} from './argo-minimal-schemas.js';
import { workflowartifactgctasksSchema, workfloweventbindingsSchema, workflowtaskresultsSchema } from './argo-schemas.js';
import { pipelinesSchema, pipelineversionsSchema, scheduledworkflowsSchema, viewersSchema } from './kubeflow-schemas.js';
import { compositecontrollersSchema, controllerrevisionsSchema, decoratorcontrollersSchema } from './metacontroller-schemas.js';

const v1alpha1 = (schema: CrdSchema, status = false) => [
  { name: 'v1alpha1', storage: true, schema, ...(status ? { subresources: { status: true } } : {}) },
];

/**
 * Argo Workflows' CRDs as Kubeflow installs them (argo's "minimal" set): Workflow, its templates and
 * cron schedules keep unknown fields (the controller validates them); the task and GC records are typed.
 */
export function argoCrds(scope: Construct): void {
  const crd = (id: string, kind: string, schema: CrdSchema, opts: { shortNames?: string[]; status?: boolean; scope?: 'Cluster' } = {}) =>
    new CustomResourceDefinition(scope, id, {
      group: 'argoproj.io',
      kind,
      scope: opts.scope ?? 'Namespaced',
      labels: { ...APP },
      shortNames: opts.shortNames,
      versions: v1alpha1(schema, opts.status),
    });
  crd('clusterworkflowtemplates', 'ClusterWorkflowTemplate', clusterworkflowtemplatesSchema(), {
    shortNames: ['clusterwftmpl', 'cwft'],
    scope: 'Cluster',
  });
  crd('cronworkflows', 'CronWorkflow', cronworkflowsSchema(), { shortNames: ['cwf', 'cronwf'] });
  crd('workflowartifactgctasks', 'WorkflowArtifactGCTask', workflowartifactgctasksSchema(), { shortNames: ['wfat'], status: true });
  crd('workfloweventbindings', 'WorkflowEventBinding', workfloweventbindingsSchema(), { shortNames: ['wfeb'] });
  new CustomResourceDefinition(scope, 'workflows', {
    group: 'argoproj.io',
    kind: 'Workflow',
    scope: 'Namespaced',
    labels: { ...APP },
    shortNames: ['wf'],
    versions: [
      {
        name: 'v1alpha1',
        storage: true,
        schema: workflowsSchema(),
        subresources: { status: true },
        additionalPrinterColumns: [
          { name: 'Status', type: 'string', jsonPath: '.status.phase', description: 'Phase of the workflow.' },
          { name: 'Age', type: 'date', format: 'date-time', jsonPath: '.status.startedAt', description: 'Start time of the workflow.' },
          { name: 'Message', type: 'string', jsonPath: '.status.message', description: 'Why the workflow is in its phase.' },
        ],
      },
    ],
  });
  crd('workflowtaskresults', 'WorkflowTaskResult', workflowtaskresultsSchema());
  crd('workflowtasksets', 'WorkflowTaskSet', workflowtasksetsSchema(), { shortNames: ['wfts'], status: true });
  crd('workflowtemplates', 'WorkflowTemplate', workflowtemplatesSchema(), { shortNames: ['wftmpl'] });
}

/** Metacontroller's CRDs (it runs the per-profile controller as a DecoratorController). */
export function metacontrollerCrds(scope: Construct): void {
  const meta = {
    group: 'metacontroller.k8s.io',
    labels: { ...APP, 'kustomize.component': 'metacontroller' },
    annotations: {
      'api-approved.kubernetes.io': 'unapproved, request not yet submitted',
      'controller-gen.kubebuilder.io/version': 'v0.13.0',
    },
  };
  new CustomResourceDefinition(scope, 'compositecontrollers', {
    ...meta,
    kind: 'CompositeController',
    scope: 'Cluster',
    shortNames: ['cc', 'cctl'],
    versions: v1alpha1(compositecontrollersSchema(), true),
  });
  new CustomResourceDefinition(scope, 'controllerrevisions', {
    ...meta,
    kind: 'ControllerRevision',
    scope: 'Namespaced',
    versions: v1alpha1(controllerrevisionsSchema(), true),
  });
  new CustomResourceDefinition(scope, 'decoratorcontrollers', {
    ...meta,
    kind: 'DecoratorController',
    scope: 'Cluster',
    shortNames: ['dec', 'decorators'],
    versions: v1alpha1(decoratorcontrollersSchema(), true),
  });
}

/** ScheduledWorkflow (recurring runs) and Viewer (TensorBoard viewers) of kubeflow.org. */
export function kubeflowCrds(scope: Construct, labels: Record<string, string>): void {
  const v1beta1 = (schema: CrdSchema) => [{ name: 'v1beta1', storage: true, schema }];
  new CustomResourceDefinition(scope, 'scheduledworkflows', {
    group: 'kubeflow.org',
    kind: 'ScheduledWorkflow',
    scope: 'Namespaced',
    labels,
    shortNames: ['swf'],
    versions: v1beta1(scheduledworkflowsSchema()),
  });
  new CustomResourceDefinition(scope, 'viewers', {
    group: 'kubeflow.org',
    kind: 'Viewer',
    scope: 'Namespaced',
    labels,
    shortNames: ['vi'],
    versions: v1beta1(viewersSchema()),
  });
}

/** Pipeline and PipelineVersion (pipelines.kubeflow.org): pipelines stored as Kubernetes objects. */
export function pipelineCrds(scope: Construct): void {
  const annotations = { 'controller-gen.kubebuilder.io/version': 'v0.16.4' };
  new CustomResourceDefinition(scope, 'pipelines', {
    group: 'pipelines.kubeflow.org',
    kind: 'Pipeline',
    scope: 'Namespaced',
    annotations,
    versions: [{ name: 'v2beta1', storage: true, schema: pipelinesSchema() }],
  });
  new CustomResourceDefinition(scope, 'pipelineversions', {
    group: 'pipelines.kubeflow.org',
    kind: 'PipelineVersion',
    scope: 'Namespaced',
    annotations,
    versions: [{ name: 'v2beta1', storage: true, schema: pipelineversionsSchema(), subresources: { status: true } }],
  });
}
