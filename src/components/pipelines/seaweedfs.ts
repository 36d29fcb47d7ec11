import type { Construct } from 'constructs';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { and, nonEmpty, not, opt, when } from '../../core/conditions.js';
import { generatedSecretData } from '../../core/value-text.js';
import { APP, fromSecret, obj, scheduled } from './objects.js';
import { S3_SECRET } from './storage.js';
import type { Pipelines } from './pipelines.js';

/**
 * Our start-up script of the bundled SeaweedFS: once the S3 gateway answers, create the bucket and the
 * admin identity with the chart's keys (each step retried, bounded), then mark the pod initialized.
 * BUCKET, S3_ACCESS_KEY and S3_SECRET_KEY come from the environment, never from the script text.
 */
const SEAWEEDFS_INIT = [
  'retry() { n=0; until "$@"; do n=$((n+1)); [ "$n" -lt 30 ] || { echo "seaweedfs init: $1 failed" >&2; return 1; }; sleep 4; done; }',
  'up() { wget -q --spider http://127.0.0.1:8333/status; }',
  'weed_shell() { echo "$1" | /usr/bin/weed shell 2>&1; }',
  'bucket() { weed_shell "s3.bucket.create -name $BUCKET" >/dev/null; weed_shell "s3.bucket.list" | grep -q "$BUCKET"; }',
  'admin() { weed_shell "s3.configure -user kubeflow-admin -access_key $S3_ACCESS_KEY -secret_key $S3_SECRET_KEY -actions Admin -apply" >/dev/null; }',
  'retry up && retry bucket && retry admin && touch /tmp/initialization-complete',
  '',
].join('\n');

/** The object store credentials Secret (unless `existingSecret`); `generate` makes random keys once and keeps them. */
export function objectStoreCredentials(c: Pipelines, s: Construct = c): void {
  const o = c.v.objectStore;
  const own = not(nonEmpty(o.existingSecret));
  when(s, 'object-store-credentials', and(own, not(o.generate)), (w) => credentials(c, w, false));
  when(s, 'generated-object-store-credentials', and(own, o.generate), (w) => credentials(c, w, true));
}

function credentials(c: Pipelines, s: Construct, generate: boolean): void {
  const v = c.v;
  const ns = v.namespace;
  const random = (key: string) =>
    generatedSecretData({
      component: 'pipelines',
      valuePath: 'objectStore.generate',
      namespace: ns,
      secretName: S3_SECRET,
      key,
      length: 20,
      symbolic: c.symbolic,
    });
  obj<ISecret>(s, 'secret-mlpipeline-minio-artifact', {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      labels: { ...APP },
      name: S3_SECRET,
      namespace: ns,
      ...(generate ? { annotations: { 'helm.sh/resource-policy': 'keep' } } : {}),
    },
    ...(generate
      ? { data: { accesskey: random('accesskey'), secretkey: random('secretkey') } }
      : { stringData: { accesskey: v.objectStore.accessKey, secretkey: v.objectStore.secretKey } }),
  });
}

/** The bundled SeaweedFS: S3 gateway, IAM and filer in one pod on a kept PVC. */
export function seaweedfs(c: Pipelines, s: Construct = c): void {
  const v = c.v;
  const ns = v.namespace;
  obj<IServiceAccount>(s, 'serviceaccount-seaweedfs', {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { labels: { ...APP }, name: 'seaweedfs', namespace: ns },
  });
  obj<IService>(s, 'service-seaweedfs', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { labels: { ...APP }, name: 'seaweedfs', namespace: ns },
    spec: {
      ports: [
        { name: 'http-iam', port: 8111, protocol: 'TCP', targetPort: 8111 },
        { name: 'http-s3', port: 8333, protocol: 'TCP', targetPort: 8333 },
        { name: 'http-s3-compat', port: 9000, protocol: 'TCP', targetPort: 8333 },
        { name: 'http-master', port: 9333, protocol: 'TCP', targetPort: 9333 },
        { name: 'grpc-master', port: 19333, protocol: 'TCP', targetPort: 19333 },
        { name: 'grpc-filer', port: 18888, protocol: 'TCP', targetPort: 18888 },
        { name: 'http-filer', port: 8888, protocol: 'TCP', targetPort: 8888 },
      ],
      selector: { app: 'seaweedfs', 'application-crd-id': 'kubeflow-pipelines' },
    },
  });
  obj<IPersistentVolumeClaim>(s, 'persistentvolumeclaim-seaweedfs-pvc', {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { labels: { ...APP }, name: 'seaweedfs-pvc', namespace: ns },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: v.objectStore.persistence.size } },
      storageClassName: opt(nonEmpty(v.objectStore.persistence.storageClass), v.objectStore.persistence.storageClass),
    },
  });
  obj<IDeployment>(s, 'deployment-seaweedfs', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      labels: { app: 'seaweedfs', 'application-crd-id': 'kubeflow-pipelines' },
      name: 'seaweedfs',
      namespace: ns,
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'seaweedfs', 'application-crd-id': 'kubeflow-pipelines' } },
      strategy: { type: 'Recreate' },
      template: {
        metadata: { labels: { app: 'seaweedfs', 'application-crd-id': 'kubeflow-pipelines' } },
        spec: {
          containers: [
            {
              args: ['server', '-dir=/data', '-s3', '-iam', '-filer', '-master.volumePreallocate=false'],
              env: [
                { name: 'BUCKET', value: v.objectStore.bucket },
                fromSecret('S3_ACCESS_KEY', c.s3.secret, c.s3.accessKeyKey),
                fromSecret('S3_SECRET_KEY', c.s3.secret, c.s3.secretKeyKey),
              ],
              image: v.images.seaweedfs.ref,
              lifecycle: {
                postStart: {
                  exec: {
                    command: ['/bin/sh', '-c', SEAWEEDFS_INIT],
                  },
                },
              },
              livenessProbe: {
                failureThreshold: 3,
                httpGet: { path: '/status', port: 8333, scheme: 'HTTP' },
                initialDelaySeconds: 30,
                periodSeconds: 30,
                timeoutSeconds: 10,
              },
              name: 'seaweedfs',
              ports: [
                { containerPort: 8333 },
                { containerPort: 8111 },
                { containerPort: 9333 },
                { containerPort: 19333 },
                { containerPort: 8888 },
              ],
              readinessProbe: {
                failureThreshold: 3,
                httpGet: { path: '/status', port: 8333, scheme: 'HTTP' },
                initialDelaySeconds: 5,
                periodSeconds: 10,
                timeoutSeconds: 5,
              },
              resources: v.seaweedfs.resources,
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
                privileged: false,
                runAsGroup: 1000,
                runAsNonRoot: true,
                runAsUser: 1000,
                seccompProfile: { type: 'RuntimeDefault' },
              },
              startupProbe: {
                exec: {
                  command: [
                    '/bin/sh',
                    '-c',
                    'test -f /tmp/initialization-complete && echo "s3.bucket.list" | /usr/bin/weed shell | grep -q "$BUCKET"',
                  ],
                },
                failureThreshold: 24,
                initialDelaySeconds: 10,
                periodSeconds: 5,
                successThreshold: 1,
                timeoutSeconds: 10,
              },
              volumeMounts: [{ mountPath: '/data', name: 'data' }],
            },
          ],
          securityContext: {
            fsGroup: 1000,
            fsGroupChangePolicy: 'OnRootMismatch',
            runAsNonRoot: true,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          ...scheduled(v.seaweedfs),
          serviceAccountName: 'seaweedfs',
          volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'seaweedfs-pvc' } }],
        },
      },
    },
  });
  obj<INetworkPolicy>(s, 'networkpolicy-seaweedfs', {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { labels: { ...APP }, name: 'seaweedfs', namespace: ns },
    spec: {
      ingress: [
        {
          from: [
            {
              namespaceSelector: {
                matchExpressions: [{ key: 'app.kubernetes.io/part-of', operator: 'In', values: ['kubeflow-profile'] }],
              },
            },
          ],
          ports: [{ port: 8333 }],
        },
        {
          from: [
            {
              namespaceSelector: {
                matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['istio-system'] }],
              },
            },
          ],
        },
        { from: [{ podSelector: {} }], ports: [{ port: 8333 }] },
      ],
      podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['seaweedfs'] }] },
      policyTypes: ['Ingress'],
    },
  });
}
