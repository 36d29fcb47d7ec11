import { prop, type CrdSchema } from '../../../core/crd/index.js';

const secretKeySelector: CrdSchema = {
  ...prop.object(
    {
      key: prop.string(),
      name: prop.string({ default: '' }),
      optional: prop.boolean(),
    },
    { required: ['key'] },
  ),
  'x-kubernetes-map-type': 'atomic',
};
const artifactory: CrdSchema = prop.object(
  {
    passwordSecret: secretKeySelector,
    url: prop.string(),
    usernameSecret: secretKeySelector,
  },
  { required: ['url'] },
);
const azure: CrdSchema = prop.object(
  {
    accountKeySecret: secretKeySelector,
    blob: prop.string(),
    container: prop.string(),
    endpoint: prop.string(),
    useSDKCreds: prop.boolean(),
  },
  { required: ['blob', 'container', 'endpoint'] },
);
const gcs: CrdSchema = prop.object(
  {
    bucket: prop.string(),
    key: prop.string(),
    serviceAccountKeySecret: secretKeySelector,
  },
  { required: ['key'] },
);
const git: CrdSchema = prop.object(
  {
    branch: prop.string(),
    depth: prop.int64(),
    disableSubmodules: prop.boolean(),
    fetch: prop.array(prop.string()),
    insecureIgnoreHostKey: prop.boolean(),
    insecureSkipTLS: prop.boolean(),
    passwordSecret: secretKeySelector,
    repo: prop.string(),
    revision: prop.string(),
    singleBranch: prop.boolean(),
    sshPrivateKeySecret: secretKeySelector,
    usernameSecret: secretKeySelector,
  },
  { required: ['repo'] },
);
const hdfs: CrdSchema = prop.object(
  {
    addresses: prop.array(prop.string()),
    dataTransferProtection: prop.string(),
    force: prop.boolean(),
    hdfsUser: prop.string(),
    krbCCacheSecret: secretKeySelector,
    krbConfigConfigMap: secretKeySelector,
    krbKeytabSecret: secretKeySelector,
    krbRealm: prop.string(),
    krbServicePrincipalName: prop.string(),
    krbUsername: prop.string(),
    path: prop.string(),
  },
  { required: ['path'] },
);
const basicAuth: CrdSchema = prop.object({
  passwordSecret: secretKeySelector,
  usernameSecret: secretKeySelector,
});
const clientCert: CrdSchema = prop.object({
  clientCertSecret: secretKeySelector,
  clientKeySecret: secretKeySelector,
});
const endpointParams: CrdSchema = prop.array(
  prop.object(
    {
      key: prop.string(),
      value: prop.string(),
    },
    { required: ['key'] },
  ),
);
const oauth2: CrdSchema = prop.object({
  clientIDSecret: secretKeySelector,
  clientSecretSecret: secretKeySelector,
  endpointParams: endpointParams,
  scopes: prop.array(prop.string()),
  tokenURLSecret: secretKeySelector,
});
const auth: CrdSchema = prop.object({
  basicAuth: basicAuth,
  clientCert: clientCert,
  oauth2: oauth2,
});
const headersItem: CrdSchema = prop.object(
  {
    name: prop.string(),
    value: prop.string(),
  },
  { required: ['name', 'value'] },
);
const headers: CrdSchema = prop.array(headersItem);
const http: CrdSchema = prop.object(
  {
    auth: auth,
    headers: headers,
    url: prop.string(),
  },
  { required: ['url'] },
);
const lifecycleRule: CrdSchema = prop.object({
  markDeletionAfterDays: prop.int32(),
  markInfrequentAccessAfterDays: prop.int32(),
});
const oss: CrdSchema = prop.object(
  {
    accessKeySecret: secretKeySelector,
    bucket: prop.string(),
    createBucketIfNotPresent: prop.boolean(),
    endpoint: prop.string(),
    key: prop.string(),
    lifecycleRule: lifecycleRule,
    secretKeySecret: secretKeySelector,
    securityToken: prop.string(),
    useSDKCreds: prop.boolean(),
  },
  { required: ['key'] },
);
const encryptionOptions: CrdSchema = prop.object({
  enableEncryption: prop.boolean(),
  kmsEncryptionContext: prop.string(),
  kmsKeyId: prop.string(),
  serverSideCustomerKeySecret: secretKeySelector,
});
const s3: CrdSchema = prop.object({
  accessKeySecret: secretKeySelector,
  bucket: prop.string(),
  caSecret: secretKeySelector,
  createBucketIfNotPresent: prop.object({
    objectLocking: prop.boolean(),
  }),
  encryptionOptions: encryptionOptions,
  endpoint: prop.string(),
  insecure: prop.boolean(),
  key: prop.string(),
  region: prop.string(),
  roleARN: prop.string(),
  secretKeySecret: secretKeySelector,
  sessionTokenSecret: secretKeySelector,
  useSDKCreds: prop.boolean(),
});
const archive: CrdSchema = prop.object({
  none: prop.object({}),
  tar: prop.object({
    compressionLevel: prop.int32(),
  }),
  zip: prop.object({}),
});
const podMetadata: CrdSchema = prop.object({
  annotations: prop.map(prop.string()),
  labels: prop.map(prop.string()),
});
const artifactGC: CrdSchema = prop.object({
  podMetadata: podMetadata,
  serviceAccountName: prop.string(),
  strategy: prop.string({ enum: ['', 'OnWorkflowCompletion', 'OnWorkflowDeletion', 'Never'] }),
});
const artifactsValue: CrdSchema = prop.object(
  {
    archive: archive,
    archiveLogs: prop.boolean(),
    artifactGC: artifactGC,
    artifactory: artifactory,
    azure: azure,
    deleted: prop.boolean(),
    from: prop.string(),
    fromExpression: prop.string(),
    gcs: gcs,
    git: git,
    globalName: prop.string(),
    hdfs: hdfs,
    http: http,
    mode: prop.int32(),
    name: prop.string(),
    optional: prop.boolean(),
    oss: oss,
    path: prop.string(),
    raw: prop.object(
      {
        data: prop.string(),
      },
      { required: ['data'] },
    ),
    recurseMode: prop.boolean(),
    s3: s3,
    subPath: prop.string(),
  },
  { required: ['name'] },
);
const artifacts: CrdSchema = prop.array(artifactsValue);
const valueFrom: CrdSchema = prop.object({
  configMapKeyRef: secretKeySelector,
  default: prop.string(),
  event: prop.string(),
  expression: prop.string(),
  jqFilter: prop.string(),
  jsonPath: prop.string(),
  parameter: prop.string(),
  path: prop.string(),
  supplied: prop.object({}),
});
const parametersItem: CrdSchema = prop.object(
  {
    default: prop.string(),
    description: prop.string(),
    enum: prop.array(prop.string()),
    globalName: prop.string(),
    name: prop.string(),
    value: prop.string(),
    valueFrom: valueFrom,
  },
  { required: ['name'] },
);
const parameters: CrdSchema = prop.array(parametersItem);

/** WorkflowArtifactGCTask v1alpha1 (workflowartifactgctasks.argoproj.io). */
export const workflowartifactgctasksSchema = (): CrdSchema =>
  prop.object(
    {
      apiVersion: prop.string(),
      kind: prop.string(),
      metadata: prop.object({}),
      spec: prop.object({
        artifactsByNode: prop.map(
          prop.object({
            archiveLocation: prop.object({
              archiveLogs: prop.boolean(),
              artifactory: artifactory,
              azure: azure,
              gcs: gcs,
              git: git,
              hdfs: hdfs,
              http: http,
              oss: oss,
              raw: prop.object(
                {
                  data: prop.string(),
                },
                { required: ['data'] },
              ),
              s3: s3,
            }),
            artifacts: prop.map(artifactsValue),
          }),
        ),
      }),
      status: prop.object({
        artifactResultsByNode: prop.map(
          prop.object({
            artifactResults: prop.map(
              prop.object(
                {
                  error: prop.string(),
                  name: prop.string(),
                  success: prop.boolean(),
                },
                { required: ['name'] },
              ),
            ),
          }),
        ),
      }),
    },
    { required: ['metadata', 'spec'] },
  );

/** WorkflowEventBinding v1alpha1 (workfloweventbindings.argoproj.io). */
export const workfloweventbindingsSchema = (): CrdSchema =>
  prop.object(
    {
      apiVersion: prop.string(),
      kind: prop.string(),
      metadata: prop.object({}),
      spec: prop.object(
        {
          event: prop.object(
            {
              selector: prop.string(),
            },
            { required: ['selector'] },
          ),
          submit: prop.object(
            {
              arguments: prop.object({
                artifacts: artifacts,
                parameters: parameters,
              }),
              metadata: prop.object({
                annotations: prop.map(prop.string()),
                finalizers: prop.array(prop.string()),
                generateName: prop.string(),
                labels: prop.map(prop.string()),
                name: prop.string(),
                namespace: prop.string(),
              }),
              workflowTemplateRef: prop.object({
                clusterScope: prop.boolean(),
                name: prop.string(),
              }),
            },
            { required: ['workflowTemplateRef'] },
          ),
        },
        { required: ['event'] },
      ),
    },
    { required: ['metadata', 'spec'] },
  );

/** WorkflowTaskResult v1alpha1 (workflowtaskresults.argoproj.io). */
export const workflowtaskresultsSchema = (): CrdSchema =>
  prop.object(
    {
      apiVersion: prop.string(),
      kind: prop.string(),
      message: prop.string(),
      metadata: prop.object({}),
      outputs: prop.object({
        artifacts: artifacts,
        exitCode: prop.string(),
        parameters: parameters,
        result: prop.string(),
      }),
      phase: prop.string(),
      progress: prop.string(),
    },
    { required: ['metadata'] },
  );
