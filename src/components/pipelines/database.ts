import type { Construct } from 'constructs';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { APP, KFP, obj } from './objects.js';
import type { Pipelines } from './pipelines.js';

export function database(c: Pipelines, s: Construct = c): void {
  const v = c.v;
  const ns = v.namespace;
  obj<IServiceAccount>(s, 'serviceaccount-mysql', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { labels: { ...APP }, name: 'mysql', namespace: ns } });
  obj<ISecret>(s, 'secret-mysql-secret', { apiVersion: 'v1', kind: 'Secret',
    metadata: { labels: { ...c.labels }, name: 'mysql-secret', namespace: ns },
    stringData: { password: '', username: 'root' },
  });
  obj<IService>(s, 'service-mysql', { apiVersion: 'v1', kind: 'Service',
    metadata: { labels: { ...APP }, name: 'mysql', namespace: ns },
    spec: {
      ports: [{ port: 3306, protocol: 'TCP', targetPort: 3306 }],
      selector: { app: 'mysql', 'application-crd-id': 'kubeflow-pipelines' },
    },
  });
  obj<IPersistentVolumeClaim>(s, 'persistentvolumeclaim-mysql-pv-claim', { apiVersion: 'v1', kind: 'PersistentVolumeClaim',
    metadata: { labels: { ...APP }, name: 'mysql-pv-claim', namespace: ns },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Gi' } } },
  });
  obj<IDeployment>(s, 'deployment-mysql', { apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { labels: { app: 'mysql', 'application-crd-id': 'kubeflow-pipelines' }, name: 'mysql', namespace: ns },
    spec: {
      selector: { matchLabels: { app: 'mysql', 'application-crd-id': 'kubeflow-pipelines' } },
      strategy: { type: 'Recreate' },
      template: {
        metadata: { labels: { app: 'mysql', 'application-crd-id': 'kubeflow-pipelines' } },
        spec: {
          containers: [
            {
              args: [
                '--datadir',
                '/var/lib/mysql',
                '--authentication-policy=mysql_native_password',
                '--mysql-native-password=ON',
                '--disable-log-bin',
              ],
              env: [{ name: 'MYSQL_ALLOW_EMPTY_PASSWORD', value: 'true' }],
              image: v.images.mysql.ref,
              name: 'mysql',
              ports: [{ containerPort: 3306, name: 'mysql' }],
              resources: { requests: { cpu: '100m', memory: '800Mi' } },
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
                runAsGroup: 999,
                runAsNonRoot: true,
                runAsUser: 999,
                seccompProfile: { type: 'RuntimeDefault' },
              },
              volumeMounts: [{ mountPath: '/var/lib/mysql', name: 'mysql-persistent-storage' }],
            },
          ],
          securityContext: {
            fsGroup: 999,
            fsGroupChangePolicy: 'OnRootMismatch',
            runAsNonRoot: true,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          serviceAccountName: 'mysql',
          volumes: [{ name: 'mysql-persistent-storage', persistentVolumeClaim: { claimName: 'mysql-pv-claim' } }],
        },
      },
    },
  });
}
