import type { Construct } from 'constructs';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { eq, not, opt } from '../../core/conditions.js';
import { obj, kfpDeployment, scheduled, restricted } from './objects.js';
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
  kfpDeployment(c, s, {
    name: 'ml-pipeline-visualizationserver',
    replicas: opt(not(eq(v.visualizationServer.replicas, 1)), v.visualizationServer.replicas),
    evictable: true,
    pod: {
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
  });
}
