import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IService } from 'kubernetes-models/v1/Service';
import { items, opt, pick, text } from '../../core/conditions.js';
import { structuredText } from '../../core/value-text.js';
import { fromSecret, restricted } from './objects.js';
import type { Pipelines } from './pipelines.js';
import { NAMESPACE_PLACEHOLDER as NS } from './profile-hook.js';

const ARTIFACT = 'ml-pipeline-ui-artifact';
const SECRET = 'mlpipeline-minio-artifact';

/**
 * What every profile namespace gets (besides the credentials Secret the hook adds): the launcher
 * settings, the address of ML Metadata, Argo's namespaced artifact repository and, with
 * `artifactsProxy`, an artifact server. Typed objects with values in them; the chart ships them as
 * JSON with NAMESPACE_PLACEHOLDER standing for the namespace.
 */
export function profileChildren(c: Pipelines): object[] {
  const v = c.v;
  const s3 = c.s3;
  const launcher: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'kfp-launcher', namespace: NS },
    data: {
      defaultPipelineRoot: pick(
        s3.bundled,
        `minio://${v.objectStore.bucket}/private-artifacts/${NS}/v2/artifacts`,
        `s3://${v.objectStore.bucket}/private-artifacts/${NS}/v2/artifacts`,
      ),
      clusterDomain: `.svc.${v.clusterDomain}`,
      providers: opt(c.s3.external, c.launcherProviders('mlpipeline-minio-artifact', 'accesskey', 'secretkey')),
    },
  };
  const grpc: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'metadata-grpc-configmap', namespace: NS },
    data: { METADATA_GRPC_SERVICE_HOST: `metadata-grpc-service.${v.namespace}`, METADATA_GRPC_SERVICE_PORT: '8080' },
  };
  const repository = {
    archiveLogs: v.argo.archiveLogs,
    s3: {
      endpoint: pick(s3.bundled, `seaweedfs.${v.namespace}.svc.${v.clusterDomain}:9000`, s3.endpoint),
      bucket: v.objectStore.bucket,
      keyFormat: `private-artifacts/${NS}/{{workflow.name}}/{{workflow.creationTimestamp.Y}}/{{workflow.creationTimestamp.m}}/{{workflow.creationTimestamp.d}}/{{pod.name}}`,
      insecure: s3.insecure,
      region: opt(s3.external, v.objectStore.region),
      accessKeySecret: { name: SECRET, key: 'accesskey' },
      secretKeySecret: { name: SECRET, key: 'secretkey' },
    },
  };
  const repositories: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'artifact-repositories',
      namespace: NS,
      annotations: { 'workflows.argoproj.io/default-artifact-repository': 'default-namespaced' },
    },
    data: { 'default-namespaced': jsonText(repository) },
  };
  const appLabels = { app: ARTIFACT };
  const server: IDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: ARTIFACT, namespace: NS, labels: appLabels },
    spec: {
      selector: { matchLabels: appLabels },
      template: {
        metadata: { labels: appLabels },
        spec: {
          containers: [
            {
              name: ARTIFACT,
              image: v.images.frontend.ref,
              imagePullPolicy: v.images.frontend.pullPolicy as 'IfNotPresent',
              ports: [{ containerPort: 3000 }],
              env: [
                fromSecret('MINIO_ACCESS_KEY', SECRET, 'accesskey'),
                fromSecret('MINIO_SECRET_KEY', SECRET, 'secretkey'),
                { name: 'ML_PIPELINE_SERVICE_HOST', value: `ml-pipeline.${v.namespace}.svc.${v.clusterDomain}` },
                { name: 'ML_PIPELINE_SERVICE_PORT', value: '8888' },
                { name: 'FRONTEND_SERVER_NAMESPACE', value: NS },
                { name: 'CLUSTER_DOMAIN', value: `.svc.${v.clusterDomain}` },
                ...items(s3.external, [
                  { name: 'MINIO_HOST', value: v.objectStore.host },
                  { name: 'MINIO_PORT', value: text(v.objectStore.port) },
                  { name: 'MINIO_SSL', value: text(v.objectStore.secure) },
                  { name: 'AWS_REGION', value: v.objectStore.region },
                ]),
              ],
              resources: { requests: { cpu: '10m', memory: '70Mi' }, limits: { cpu: '100m', memory: '500Mi' } },
              securityContext: restricted(1000, null),
            },
          ],
          serviceAccountName: v.multiUser.runnerServiceAccount,
        },
      },
    },
  };
  const service: IService = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: ARTIFACT, namespace: NS, labels: appLabels },
    spec: { ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 3000 }], selector: appLabels },
  };
  return [launcher, grpc, repositories, ...items(v.artifactsProxy, [server, service])];
}

/** Compact JSON of a structure that may hold values (a config entry inside a child object). */
export const jsonText = (x: unknown, indent = 0): string => structuredText(x, { indent, defaultValue: null, defaultText: '' });
