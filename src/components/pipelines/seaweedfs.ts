import type { Construct } from 'constructs';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { APP, KFP, obj } from './objects.js';
import type { Pipelines } from './pipelines.js';

export function seaweedfs(c: Pipelines, s: Construct = c): void {
  const v = c.v;
  const ns = v.namespace;
  obj<IServiceAccount>(s, 'serviceaccount-seaweedfs', { apiVersion: 'v1', kind: 'ServiceAccount',
    metadata: { labels: { ...APP }, name: 'seaweedfs', namespace: ns },
  });
  obj<ISecret>(s, 'secret-mlpipeline-minio-artifact', { apiVersion: 'v1', kind: 'Secret',
    metadata: {
      labels: { ...APP },
      name: 'mlpipeline-minio-artifact',
      namespace: ns,
    },
    stringData: { accesskey: 'minio', secretkey: 'minio123' },
  });
  obj<IService>(s, 'service-seaweedfs', { apiVersion: 'v1', kind: 'Service',
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
  obj<IPersistentVolumeClaim>(s, 'persistentvolumeclaim-seaweedfs-pvc', { apiVersion: 'v1', kind: 'PersistentVolumeClaim',
    metadata: { labels: { ...APP }, name: 'seaweedfs-pvc', namespace: ns },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Gi' } } },
  });
  obj<IDeployment>(s, 'deployment-seaweedfs', { apiVersion: 'apps/v1', kind: 'Deployment',
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
              envFrom: [{ secretRef: { name: 'mlpipeline-minio-artifact' } }],
              image: v.images.seaweedfs.ref,
              lifecycle: {
                postStart: {
                  exec: {
                    command: [
                      '/bin/sh',
                      '-c',
                      '# Wait up to 120 seconds  for SeaweedFS master to be ready\nfor i in $(seq 1 60); do\n  if wget -q --spider http://127.0.0.1:8333/status; then\n    break\n  fi\n  if [ "$i" -eq 60 ]; then\n    echo "ERROR: SeaweedFS master did not become ready within 120 seconds"\n    exit 1\n  fi\n  sleep 2\ndone\n\n# Create bucket with retries (maximum 25 seconds)\nfor i in $(seq 1 5); do\n  echo "s3.bucket.create --name mlpipeline" | /usr/bin/weed shell 2>&1 || true\n  if echo "s3.bucket.list" | /usr/bin/weed shell 2>/dev/null | grep -q mlpipeline; then\n    break\n  fi\n  if [ "$i" -eq 5 ]; then\n    echo "ERROR: mlpipeline bucket not found after 5 attempts"\n    exit 1\n  fi\n  sleep 5\ndone\n\n# Configure admin user with retries (25s max)\nfor i in $(seq 1 5); do\n  if echo "s3.configure -user kubeflow-admin -access_key $accesskey -secret_key $secretkey -actions Admin -apply" | /usr/bin/weed shell 2>&1; then\n    break\n  fi\n  if [ "$i" -eq 5 ]; then\n    echo "ERROR: Failed to configure kubeflow-admin after 5 attempts"\n    exit 1\n  fi\n  sleep 5\ndone\n\n# Verify bucket is accessible\nif ! echo "s3.bucket.list" | /usr/bin/weed shell | grep -q mlpipeline; then\n  echo "ERROR: mlpipeline bucket verification failed"\n  exit 1\nfi\n\n# Signal successful initialization for the startup probe\ntouch /tmp/initialization-complete\n',
                    ],
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
              resources: { requests: { cpu: '32m', memory: '128Mi' } },
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
                    'test -f /tmp/initialization-complete && echo "s3.bucket.list" | /usr/bin/weed shell | grep -q mlpipeline',
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
          serviceAccountName: 'seaweedfs',
          volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'seaweedfs-pvc' } }],
        },
      },
    },
  });
  obj<INetworkPolicy>(s, 'networkpolicy-seaweedfs', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy',
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
