import { allowPrincipals, gatewayRoute } from '../../lib/istio.js';
import { podScheduling } from '../../lib/k8s-values.js';
import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { and, eq, items, nonEmpty, not, spread, text } from '../../core/conditions.js';
import { objectMeta } from '../../lib/metadata.js';
import { info } from './info.js';
import { linksText } from './links.js';
import type { values } from './values.js';

const NAME = 'centraldashboard';
const labels = { app: NAME, 'app.kubernetes.io/component': NAME, 'app.kubernetes.io/name': NAME, 'kustomize.component': NAME };

/** Kubeflow's central dashboard: the landing page, menu and namespace selector. */
export class CentralDashboard extends Component<typeof values> {
  private readonly meta = objectMeta(this.v.namespace, labels);

  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    this.rbac();
    this.configMaps();
    new k8s.KubeService(this, 'service', {
      metadata: this.meta(NAME),
      spec: {
        ports: [{ port: 80, protocol: 'TCP', targetPort: k8s.IntOrString.fromNumber(8082) }],
        selector: labels,
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
    });
    this.deployment();
    this.networking();
  }

  /** The dashboard reads pods, logs and its own ConfigMaps in its namespace, and namespaces, nodes and events cluster-wide. */
  private rbac(): void {
    new k8s.KubeServiceAccount(this, 'service-account', { metadata: this.meta(NAME) });
    new k8s.KubeRole(this, 'role', {
      metadata: this.meta(NAME),
      rules: [
        { apiGroups: ['', 'app.k8s.io'], resources: ['applications', 'pods', 'pods/exec', 'pods/log'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: [''], resources: ['secrets', 'configmaps'], verbs: ['get'] },
      ],
    });
    new k8s.KubeClusterRole(this, 'cluster-role', {
      metadata: this.meta(NAME, false),
      rules: [{ apiGroups: [''], resources: ['events', 'namespaces', 'nodes'], verbs: ['get', 'list', 'watch'] }],
    });
    const subjects = [{ kind: 'ServiceAccount', name: NAME, namespace: this.v.namespace }];
    new k8s.KubeRoleBinding(this, 'role-binding', {
      metadata: this.meta(NAME),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: NAME },
      subjects,
    });
    new k8s.KubeClusterRoleBinding(this, 'cluster-role-binding', {
      metadata: this.meta(NAME, false),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: NAME },
      subjects,
    });
  }

  /** The menu and settings (read by name at run time, DASHBOARD_CONFIGMAP) and the parameters of upstream's overlays. */
  private configMaps(): void {
    const v = this.v;
    new k8s.KubeConfigMap(this, 'config', {
      metadata: this.meta(`${NAME}-config`),
      data: { links: linksText(v.links), settings: `{\n  "DASHBOARD_FORCE_IFRAME": ${text(v.forceIframe)}\n}` },
    });
    new k8s.KubeConfigMap(this, 'parameters', {
      metadata: this.meta(`${NAME}-parameters`),
      data: {
        CD_CLUSTER_DOMAIN: v.clusterDomain,
        CD_COLLECT_METRICS: text(v.collectMetrics),
        CD_REGISTRATION_FLOW: text(v.registrationFlow),
        CD_USERID_HEADER: v.userIdHeader,
        CD_USERID_PREFIX: v.userIdPrefix,
      },
    });
  }

  private deployment(): void {
    const v = this.v;
    new k8s.KubeDeployment(this, 'deployment', {
      metadata: this.meta(NAME),
      spec: {
        replicas: v.replicas,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels: { ...labels, 'sidecar.istio.io/inject': 'true' } },
          spec: {
            containers: [
              {
                name: NAME,
                image: v.image.ref,
                imagePullPolicy: v.image.pullPolicy,
                env: this.env(),
                livenessProbe: {
                  httpGet: { path: '/healthz', port: k8s.IntOrString.fromNumber(8082) },
                  initialDelaySeconds: 30,
                  periodSeconds: 30,
                },
                ports: [{ containerPort: 8082, protocol: 'TCP' }],
                resources: v.resources,
                securityContext: {
                  allowPrivilegeEscalation: false,
                  capabilities: { drop: ['ALL'] },
                  runAsNonRoot: true,
                  runAsUser: 1000,
                },
              },
            ],
            ...podScheduling(v),
            securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
            serviceAccountName: NAME,
          },
        },
      },
    });
  }

  private env(): k8s.EnvVar[] {
    const v = this.v;
    const logout = nonEmpty(v.logoutUrl);
    const behindProxy = eq(v.authOverlay, 'oauth2-proxy');
    return [
      // The oauth2-proxy overlay upstream moves LOGOUT_URL first; the istio overlay keeps the base order.
      ...items(and(logout, behindProxy), [{ name: 'LOGOUT_URL', value: v.logoutUrl }]),
      { name: 'USERID_HEADER', value: v.userIdHeader },
      { name: 'USERID_PREFIX', value: v.userIdPrefix },
      { name: 'PROFILES_KFAM_SERVICE_HOST', value: v.profilesKfamHost },
      { name: 'REGISTRATION_FLOW', value: text(v.registrationFlow) },
      { name: 'DASHBOARD_CONFIGMAP', value: `${NAME}-config` },
      ...items(and(logout, not(behindProxy)), [{ name: 'LOGOUT_URL', value: v.logoutUrl }]),
      { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
      // Upstream passes the literal parameter name (an unresolved kustomize var); kept for parity.
      { name: 'COLLECT_METRICS', value: 'CD_COLLECT_METRICS' },
      ...spread(v.extraEnv),
    ];
  }

  /** The route from the Kubeflow gateway at / and the policy that lets only the ingress gateway in. */
  private networking(): void {
    const v = this.v;
    gatewayRoute(this, 'virtual-service', {
      metadata: this.meta(NAME),
      gateway: v.istio.gateway,
      prefix: '/',
      rewrite: '/',
      host: `${NAME}.${v.namespace}.svc.${v.clusterDomain}`,
      port: 80,
    });
    allowPrincipals(this, 'authorization-policy', this.meta('central-dashboard'), [v.istio.ingressGatewayPrincipal], {
      app: NAME,
    });
  }
}
