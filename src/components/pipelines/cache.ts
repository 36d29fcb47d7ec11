import type { Construct } from 'constructs';
import type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer';
import type { IMutatingWebhookConfiguration } from 'kubernetes-models/admissionregistration.k8s.io/v1/MutatingWebhookConfiguration';
import type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import type { IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { items, not, pick, when } from '../../core/conditions.js';
import { bindAccount, APP, fromConfig, fromSecret, obj, kfpDeployment, scheduled, watched, restricted } from './objects.js';
import type { Pipelines } from './pipelines.js';

export function cache(c: Pipelines, s: Construct = c): void {
  const v = c.v;
  const ns = v.namespace;
  when(s, 'deployer', not(v.cache.certManager), (w) => cacheDeployer(c, w));
  obj<IServiceAccount>(s, 'serviceaccount-kubeflow-pipelines-cache', {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { labels: { ...c.labels, app: 'cache-server' }, name: 'kubeflow-pipelines-cache', namespace: ns },
  });
  const rules = [
    { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch', 'update', 'patch'] },
    { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
    {
      apiGroups: ['argoproj.io'],
      resources: ['workflows'],
      verbs: ['get', 'list', 'watch', 'update', 'patch'],
    },
  ];
  obj<IRole>(s, 'role-kubeflow-pipelines-cache-role', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { labels: { ...c.labels, app: 'cache-server' }, name: 'kubeflow-pipelines-cache-role', namespace: ns },
    rules,
  });
  when(s, 'if-clusterrole-kubeflow-pipelines-cache-role', v.multiUser.enabled, (w) => {
    obj<IClusterRole>(w, 'clusterrole-kubeflow-pipelines-cache-role', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { labels: { ...c.labels, app: 'cache-server' }, name: 'kubeflow-pipelines-cache-role' },
      rules,
    });
  });
  bindAccount(c, s, {
    name: 'kubeflow-pipelines-cache-binding',
    account: 'kubeflow-pipelines-cache',
    role: 'kubeflow-pipelines-cache-role',
    labels: { ...c.labels, app: 'cache-server' },
  });
  obj<IService>(s, 'service-cache-server', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { labels: { ...c.labels, app: 'cache-server' }, name: 'cache-server', namespace: ns },
    spec: { ports: [{ port: 443, targetPort: 'webhook-api' }], selector: { ...c.labels, app: 'cache-server' } },
  });
  kfpDeployment(c, s, {
    name: 'cache-server',
    replicas: v.cacheServer.replicas,
    pod: {
      containers: [
        {
          args: [
            '--db_driver=$(DBCONFIG_DRIVER)',
            '--db_host=$(DBCONFIG_HOST_NAME)',
            '--db_port=$(DBCONFIG_PORT)',
            '--db_name=$(DBCONFIG_DB_NAME)',
            '--db_user=$(DBCONFIG_USER)',
            '--db_password=$(DBCONFIG_PASSWORD)',
            '--namespace_to_watch=$(NAMESPACE_TO_WATCH)',
            '--listen_port=$(WEBHOOK_PORT)',
            ...items(v.cache.certManager, ['--tls_cert_filename=tls.crt', '--tls_key_filename=tls.key']),
          ],
          env: [
            ...watched(v.multiUser.enabled, 'NAMESPACE_TO_WATCH', true),
            {
              name: 'DEFAULT_CACHE_STALENESS',
              valueFrom: { configMapKeyRef: { key: 'DEFAULT_CACHE_STALENESS', name: 'pipeline-install-config' } },
            },
            {
              name: 'MAXIMUM_CACHE_STALENESS',
              valueFrom: { configMapKeyRef: { key: 'MAXIMUM_CACHE_STALENESS', name: 'pipeline-install-config' } },
            },
            {
              name: 'CACHE_IMAGE',
              valueFrom: { configMapKeyRef: { key: 'cacheImage', name: 'pipeline-install-config' } },
            },
            {
              name: 'CACHE_NODE_RESTRICTIONS',
              valueFrom: { configMapKeyRef: { key: 'cacheNodeRestrictions', name: 'pipeline-install-config' } },
            },
            { name: 'DBCONFIG_DRIVER', value: pick(c.db.mysql, 'mysql', 'pgx') },
            fromConfig('DBCONFIG_DB_NAME', 'cacheDb'),
            fromConfig('DBCONFIG_HOST_NAME', pick(c.db.mysql, 'dbHost', 'postgresHost')),
            fromConfig('DBCONFIG_PORT', pick(c.db.mysql, 'dbPort', 'postgresPort')),
            fromSecret('DBCONFIG_USER', c.db.secret, c.db.userKey),
            fromSecret('DBCONFIG_PASSWORD', c.db.secret, c.db.passwordKey),
            ...watched(v.multiUser.enabled, 'NAMESPACE_TO_WATCH', false),
            { name: 'WEBHOOK_PORT', value: '8443' },
          ],
          image: v.images.cacheServer.ref,
          resources: v.cacheServer.resources,
          imagePullPolicy: 'Always',
          name: 'server',
          ports: [{ containerPort: 8443, name: 'webhook-api' }],
          securityContext: restricted(),
          volumeMounts: [{ mountPath: '/etc/webhook/certs', name: 'webhook-tls-certs', readOnly: true }],
        },
      ],
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      ...scheduled(v.cacheServer),
      serviceAccountName: 'kubeflow-pipelines-cache',
      volumes: [{ name: 'webhook-tls-certs', secret: { secretName: 'webhook-server-tls' } }],
    },
  });
  when(s, 'if-certificate-kfp-cache-cert', v.cache.certManager, (w) => {
    obj<ICertificate>(w, 'certificate-kfp-cache-cert', {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { labels: { app: 'cache-server-cert-manager' }, name: 'kfp-cache-cert', namespace: ns },
      spec: {
        commonName: 'kfp-cache-cert',
        dnsNames: ['cache-server', 'cache-server.kubeflow', 'cache-server.kubeflow.svc'],
        isCA: true,
        issuerRef: { kind: 'Issuer', name: 'kfp-cache-selfsigned-issuer' },
        secretName: 'webhook-server-tls',
      },
    });
  });
  when(s, 'if-issuer-kfp-cache-selfsigned-issuer', v.cache.certManager, (w) => {
    obj<IIssuer>(w, 'issuer-kfp-cache-selfsigned-issuer', {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Issuer',
      metadata: { labels: { app: 'cache-server-cert-manager' }, name: 'kfp-cache-selfsigned-issuer', namespace: ns },
      spec: { selfSigned: {} },
    });
  });
  when(s, 'if-mutatingwebhookconfiguration-cache-webhook-kubeflow', v.cache.certManager, (w) => {
    obj<IMutatingWebhookConfiguration>(w, 'mutatingwebhookconfiguration-cache-webhook-kubeflow', {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'MutatingWebhookConfiguration',
      metadata: {
        annotations: { 'cert-manager.io/inject-ca-from': 'kubeflow/kfp-cache-cert' },
        labels: { app: 'cache-server-cert-manager' },
        name: 'cache-webhook-kubeflow',
      },
      webhooks: [
        {
          admissionReviewVersions: ['v1beta1'],
          clientConfig: { service: { name: 'cache-server', namespace: ns, path: '/mutate' } },
          failurePolicy: 'Ignore',
          name: 'cache-server.kubeflow.svc',
          objectSelector: { matchLabels: { 'pipelines.kubeflow.org/cache_enabled': 'true' } },
          rules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }],
          sideEffects: 'None',
          timeoutSeconds: 5,
        },
      ],
    });
  });
}

const DEPLOYER = { app: 'cache-deployer', ...APP };

/** Without cert-manager (standalone): the cache deployer creates the webhook's certificate and configuration itself. */
function cacheDeployer(c: Pipelines, s: Construct): void {
  const v = c.v;
  const ns = v.namespace;
  obj<IRole>(s, 'role-kubeflow-pipelines-cache-deployer-role', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: {
      labels: DEPLOYER,
      name: 'kubeflow-pipelines-cache-deployer-role',
      namespace: ns,
    },
    rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['create', 'delete', 'get', 'patch', 'list'] }],
  });
  obj<IRoleBinding>(s, 'rolebinding-kubeflow-pipelines-cache-deployer-rolebinding', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: {
      labels: DEPLOYER,
      name: 'kubeflow-pipelines-cache-deployer-rolebinding',
      namespace: ns,
    },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'kubeflow-pipelines-cache-deployer-role' },
    subjects: [{ kind: 'ServiceAccount', name: 'kubeflow-pipelines-cache-deployer-sa' }],
  });
  obj<IDeployment>(s, 'deployment-cache-deployer-deployment', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      labels: DEPLOYER,
      name: 'cache-deployer-deployment',
      namespace: ns,
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: DEPLOYER },
      strategy: { type: 'Recreate' },
      template: {
        metadata: { labels: DEPLOYER },
        spec: {
          containers: [
            {
              env: [
                {
                  name: 'NAMESPACE_TO_WATCH',
                  valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } },
                },
              ],
              image: v.images.cacheDeployer.ref,
              imagePullPolicy: 'Always',
              name: 'main',
              securityContext: restricted(),
            },
          ],
          restartPolicy: 'Always',
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          serviceAccountName: 'kubeflow-pipelines-cache-deployer-sa',
        },
      },
    },
  });
}
