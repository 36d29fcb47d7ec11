import { prop, type CrdSchema } from '../../../core/crd/index.js';

const etag: CrdSchema = prop.object({
  cacheCleanupSeconds: prop.int32(),
  cacheTimeoutSeconds: prop.int32(),
  enabled: prop.boolean(),
});
const service: CrdSchema = prop.object(
  {
    name: prop.string(),
    namespace: prop.string(),
    port: prop.int32(),
    protocol: prop.string(),
  },
  { required: ['name', 'namespace'] },
);
const webhook: CrdSchema = prop.object({
  etag: etag,
  path: prop.string(),
  responseUnMarshallMode: prop.string({ enum: ['loose', 'strict'] }),
  service: service,
  timeout: prop.string({ format: 'duration' }),
  url: prop.string(),
});
const customize: CrdSchema = prop.object({
  version: prop.string({ default: 'v1', enum: ['v1', 'v2'] }),
  webhook: webhook,
});
const matchExpressionsItem: CrdSchema = prop.object(
  {
    key: prop.string(),
    operator: prop.string(),
    values: prop.array(prop.string()),
  },
  { required: ['key', 'operator'] },
);
const matchExpressions: CrdSchema = prop.array(matchExpressionsItem);
const labelSelector: CrdSchema = {
  ...prop.object({
    matchExpressions: matchExpressions,
    matchLabels: prop.map(prop.string()),
  }),
  'x-kubernetes-map-type': 'atomic',
};

/** CompositeController v1alpha1 (compositecontrollers.metacontroller.k8s.io). */
export const compositecontrollersSchema = (): CrdSchema =>
  prop.object(
    {
      apiVersion: prop.string(),
      kind: prop.string(),
      metadata: prop.object({}),
      spec: prop.object(
        {
          childResources: prop.array(
            prop.object(
              {
                apiVersion: prop.string(),
                resource: prop.string(),
                updateStrategy: prop.object({
                  method: prop.string({ enum: ['OnDelete', 'Recreate', 'InPlace', 'RollingRecreate', 'RollingInPlace'] }),
                  statusChecks: prop.object({
                    conditions: prop.array(
                      prop.object(
                        {
                          reason: prop.string(),
                          status: prop.string(),
                          type: prop.string(),
                        },
                        { required: ['type'] },
                      ),
                    ),
                  }),
                }),
              },
              { required: ['apiVersion', 'resource'] },
            ),
          ),
          generateSelector: prop.boolean(),
          hooks: prop.object({
            customize: customize,
            finalize: customize,
            postUpdateChild: customize,
            preUpdateChild: customize,
            sync: customize,
          }),
          parentResource: prop.object(
            {
              apiVersion: prop.string(),
              labelSelector: labelSelector,
              resource: prop.string(),
              revisionHistory: prop.object({
                fieldPaths: prop.array(prop.string()),
              }),
            },
            { required: ['apiVersion', 'resource'] },
          ),
          resyncPeriodSeconds: prop.int32(),
        },
        { required: ['parentResource'] },
      ),
      status: prop.object({}),
    },
    { required: ['metadata', 'spec'] },
  );

/** ControllerRevision v1alpha1 (controllerrevisions.metacontroller.k8s.io). */
export const controllerrevisionsSchema = (): CrdSchema =>
  prop.object(
    {
      apiVersion: prop.string(),
      children: prop.array(
        prop.object(
          {
            apiGroup: prop.string(),
            kind: prop.string(),
            names: prop.array(prop.string()),
          },
          { required: ['apiGroup', 'kind', 'names'] },
        ),
      ),
      kind: prop.string(),
      metadata: prop.object({}),
      parentPatch: prop.preserveUnknown(),
    },
    { required: ['metadata', 'parentPatch'] },
  );

/** DecoratorController v1alpha1 (decoratorcontrollers.metacontroller.k8s.io). */
export const decoratorcontrollersSchema = (): CrdSchema =>
  prop.object(
    {
      apiVersion: prop.string(),
      kind: prop.string(),
      metadata: prop.object({}),
      spec: prop.object(
        {
          attachments: prop.array(
            prop.object(
              {
                apiVersion: prop.string(),
                resource: prop.string(),
                updateStrategy: prop.object({
                  method: prop.string({ enum: ['OnDelete', 'Recreate', 'InPlace', 'RollingRecreate', 'RollingInPlace'] }),
                }),
              },
              { required: ['apiVersion', 'resource'] },
            ),
          ),
          hooks: prop.object({
            customize: customize,
            finalize: customize,
            sync: customize,
          }),
          resources: prop.array(
            prop.object(
              {
                annotationSelector: prop.object({
                  matchAnnotations: prop.map(prop.string()),
                  matchExpressions: matchExpressions,
                }),
                apiVersion: prop.string(),
                labelSelector: labelSelector,
                resource: prop.string(),
              },
              { required: ['apiVersion', 'resource'] },
            ),
          ),
          resyncPeriodSeconds: prop.int32(),
        },
        { required: ['resources'] },
      ),
      status: prop.object({}),
    },
    { required: ['metadata', 'spec'] },
  );
