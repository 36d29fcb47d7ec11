import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { and, eq, items, nonEmpty, opt, when } from '../../core/conditions.js';
import { podScheduling } from '../../lib/k8s-values.js';
import { authProxyConfig } from './auth-proxy.js';
import { RBAC, type Context } from './context.js';

const UI = 'model-registry-ui';
const PROXY_CONFIG = 'auth-proxy-config';
const PORT = 8080;
const readOnly = ['get', 'list', 'watch'];

/** The web UI: its RBAC, Service and Deployment; in standalone mode with an nginx auth proxy. */
export function ui(scope: Construct, c: Context): void {
  const standalone = eq(c.v.ui.mode, 'standalone');
  new k8s.KubeServiceAccount(scope, 'ui-service-account', { metadata: c.meta(UI) });
  clusterRole(scope, c, 'model-registry-create-sars', [
    { apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] },
  ]);
  clusterRole(scope, c, 'model-registry-retrieve-clusterrolebindings', [
    { apiGroups: [RBAC], resources: ['clusterrolebindings'], verbs: readOnly },
  ]);
  when(scope, 'ui-standalone-rbac', standalone, (s) => {
    // without the dashboard, the UI lists namespaces itself
    clusterRole(s, c, 'model-registry-ui-namespaces-reader', [{ apiGroups: [''], resources: ['namespaces'], verbs: readOnly }]);
  });
  clusterRole(scope, c, 'model-registry-ui-services-reader', [{ apiGroups: [''], resources: ['services'], verbs: readOnly }]);
  when(scope, 'ui-cluster-admin', and(standalone, c.v.ui.standalone.clusterAdmin), (s) => {
    new k8s.KubeClusterRoleBinding(s, 'ui-cluster-admin-binding', {
      metadata: { name: 'service-access-cluster-binding' },
      roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ apiGroup: RBAC, kind: 'User', name: c.v.ui.standalone.user }],
    });
  });
  when(scope, 'ui-auth-proxy', standalone, (s) => {
    new k8s.KubeConfigMap(s, 'ui-auth-proxy-config', {
      metadata: c.meta(PROXY_CONFIG),
      data: { 'nginx.conf': authProxyConfig(c.v.ui.standalone.user) },
    });
  });
  const labels = { app: UI };
  new k8s.KubeService(scope, 'ui-service', {
    metadata: c.meta(`${UI}-service`, { ...labels, run: UI }),
    spec: {
      ports: [{ name: 'http', port: PORT, protocol: 'TCP', targetPort: k8s.IntOrString.fromNumber(PORT) }],
      selector: labels,
      type: 'ClusterIP',
    },
  });
  new k8s.KubeDeployment(scope, 'ui-deployment', {
    metadata: c.meta(UI, labels),
    spec: {
      replicas: c.v.ui.replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [uiContainer(c), ...items(standalone, [proxyContainer(c)])],
          ...podScheduling(c.v.ui),
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          serviceAccountName: UI,
          volumes: opt(standalone, [
            { configMap: { name: PROXY_CONFIG }, name: 'nginx-config' },
            ...['tmp-volume', 'var-cache-nginx', 'var-run'].map((name) => ({ emptyDir: {}, name })),
          ]),
        },
      },
    },
  });
}

function clusterRole(scope: Construct, c: Context, name: string, rules: k8s.PolicyRule[]): void {
  new k8s.KubeClusterRole(scope, name, { metadata: { name }, rules });
  new k8s.KubeClusterRoleBinding(scope, `${name}-binding`, {
    metadata: { name: `${name}-binding` },
    roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name },
    subjects: [c.serviceAccount(UI)],
  });
}

const healthcheck = (initialDelaySeconds: number): k8s.Probe => ({
  failureThreshold: 3,
  httpGet: { path: '/healthcheck', port: k8s.IntOrString.fromNumber(PORT), scheme: 'HTTP' },
  initialDelaySeconds,
  periodSeconds: 30,
  successThreshold: 1,
  timeoutSeconds: 15,
});

function uiContainer(c: Context): k8s.Container {
  const v = c.v.ui;
  return {
    name: UI,
    image: v.image.ref,
    imagePullPolicy: opt(nonEmpty(v.image.pullPolicy), v.image.pullPolicy),
    args: [`--deployment-mode=${v.mode}`, `--port=${PORT}`],
    livenessProbe: healthcheck(30),
    ports: [{ containerPort: PORT }],
    readinessProbe: healthcheck(15),
    resources: v.resources,
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
  };
}

function proxyContainer(c: Context): k8s.Container {
  const v = c.v.ui.standalone;
  return {
    name: 'auth-proxy',
    image: v.proxyImage.ref,
    imagePullPolicy: opt(nonEmpty(v.proxyImage.pullPolicy), v.proxyImage.pullPolicy),
    ports: [{ containerPort: 8000 }],
    resources: v.proxyResources,
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true, runAsUser: 101 },
    volumeMounts: [
      { mountPath: '/etc/nginx/nginx.conf', name: 'nginx-config', subPath: 'nginx.conf' },
      { mountPath: '/tmp', name: 'tmp-volume' },
      { mountPath: '/var/cache/nginx', name: 'var-cache-nginx' },
      { mountPath: '/var/run', name: 'var-run' },
    ],
  };
}
