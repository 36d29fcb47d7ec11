import type { Construct } from 'constructs';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { eq, not, opt } from '../../core/conditions.js';
import { KFP, obj, scheduled, restricted } from './objects.js';
import type { Pipelines } from './pipelines.js';

export function visualization(c: Pipelines, s: Construct = c): void {
  const v = c.v;
  const ns = v.namespace;
  obj<IServiceAccount>(s, 'serviceaccount-ml-pipeline-visualizationserver', {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { labels: { ...c.labels }, name: 'ml-pipeline-visualizationserver', namespace: ns },
  });
  obj<IService>(s, 'service-ml-pipeline-visualizationserver', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { labels: { ...c.labels }, name: 'ml-pipeline-visualizationserver', namespace: ns },
    spec: {
      ports: [{ name: 'http', port: 8888, protocol: 'TCP', targetPort: 8888 }],
      selector: { ...c.labels, app: 'ml-pipeline-visualizationserver' },
    },
  });
  obj<IDeployment>(s, 'deployment-ml-pipeline-visualizationserver', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      labels: { ...c.labels, app: 'ml-pipeline-visualizationserver' },
      name: 'ml-pipeline-visualizationserver',
      namespace: ns,
    },
    spec: {
      replicas: opt(not(eq(v.visualizationServer.replicas, 1)), v.visualizationServer.replicas),
      selector: { matchLabels: { ...KFP, app: 'ml-pipeline-visualizationserver' } },
      template: {
        metadata: {
          annotations: { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'true' },
          labels: { ...KFP, app: 'ml-pipeline-visualizationserver' },
        },
        spec: {
          containers: [
            {
              image: v.images.visualizationServer.ref,
              imagePullPolicy: 'IfNotPresent',
              livenessProbe: {
                httpGet: { path: '/', port: 8888 },
                initialDelaySeconds: 3,
                periodSeconds: 5,
                timeoutSeconds: 2,
              },
              name: 'ml-pipeline-visualizationserver',
              ports: [{ containerPort: 8888, name: 'http' }],
              readinessProbe: {
                httpGet: { path: '/', port: 8888 },
                initialDelaySeconds: 3,
                periodSeconds: 5,
                timeoutSeconds: 2,
              },
              resources: v.visualizationServer.resources,
              securityContext: restricted(),
            },
          ],
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          ...scheduled(v.visualizationServer),
          serviceAccountName: 'ml-pipeline-visualizationserver',
        },
      },
    },
  });
}
