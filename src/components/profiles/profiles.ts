import { allowPrincipals, gatewayRoute } from '../../lib/istio.js';
import { podScheduling } from '../../lib/k8s-values.js';
import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { and, items, nonEmpty, not, pick, when } from '../../core/conditions.js';
import { hashedName } from '../../core/hash.js';
import { configMapLeaderElectionRole } from '../../lib/kubebuilder.js';
import { objectMeta } from '../../lib/metadata.js';
import { profileCrd } from './crds.js';
import { info } from './info.js';
import { namespaceLabelsYaml } from './namespace-labels.js';
import type { values } from './values.js';

const labels = { 'kustomize.component': 'profiles' };
const SERVICE_ACCOUNT = 'profiles-controller-service-account';
const KFAM = 'profiles-kfam';
const KFAM_PORT = 8081;
const CONTROLLER_PORT = 9876;
const dropAll = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true };

type EnvFrom = k8s.EnvFromSource[];

/**
 * The profile controller (one namespace, RBAC and Istio policies per Profile) and KFAM, the
 * access-management API behind the dashboard's "Manage contributors".
 */
export class Profiles extends Component<typeof values> {
  private readonly meta = objectMeta(this.v.namespace, labels);

  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    const v = this.v;
    when(this, 'namespace', v.createNamespace, (s) => {
      new k8s.KubeNamespace(s, 'namespace', {
        metadata: { name: v.namespace, labels: { 'control-plane': 'controller-manager', ...labels } },
      });
    });
    when(this, 'crds', v.crds.install, (s) => profileCrd(s, labels));
    this.rbac();
    const labelsConfigMap = this.namespaceLabels();
    // Read by both containers through envFrom.
    const envFrom = [{ configMapRef: { name: this.config() } }];
    when(this, 'kfam', v.kfam.enabled, (s) => {
      new k8s.KubeService(s, 'kfam-service', { metadata: this.meta(KFAM), spec: { ports: [{ port: KFAM_PORT }], selector: labels } });
    });
    this.deployment(envFrom, labelsConfigMap);
    when(this, 'kfam-istio', and(v.kfam.enabled, v.istio.enabled), (s) => this.kfamIstio(s));
  }

  /**
   * The controller's service account and leader election, and cluster-admin: it creates namespaces,
   * RoleBindings for any ClusterRole and Istio policies.
   */
  private rbac(): void {
    new k8s.KubeServiceAccount(this, 'service-account', { metadata: this.meta(SERVICE_ACCOUNT) });
    configMapLeaderElectionRole(this, 'leader-election-role', this.meta('profiles-leader-election-role'));
    const subjects = [{ kind: 'ServiceAccount', name: SERVICE_ACCOUNT, namespace: this.v.namespace }];
    new k8s.KubeRoleBinding(this, 'leader-election-rolebinding', {
      metadata: this.meta('profiles-leader-election-rolebinding'),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'profiles-leader-election-role' },
      subjects,
    });
    new k8s.KubeClusterRoleBinding(this, 'cluster-rolebinding', {
      metadata: this.meta('profiles-cluster-rolebinding', false),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects,
    });
  }

  /** The labels the controller puts on profile namespaces (namespace-labels.yaml); returns the ConfigMap's hashed name. */
  private namespaceLabels(): string {
    const v = this.v;
    const data = { 'namespace-labels.yaml': namespaceLabelsYaml(v.namespaceLabels) };
    const name = hashedName('namespace-labels-data', 'ConfigMap', data);
    // Labels of top-level metadata cannot be conditional fields: one object per variant.
    const labelsMap = (withLabels: boolean) => (s: Construct) =>
      new k8s.KubeConfigMap(s, 'namespace-labels-data', {
        metadata: withLabels ? this.meta(name) : { name, namespace: v.namespace },
        data,
      });
    when(this, 'with-component-label', v.labelNamespaceLabelsConfigMap, labelsMap(true));
    when(this, 'without-component-label', not(v.labelNamespaceLabelsConfigMap), labelsMap(false));
    return name;
  }

  /** The settings of both containers; returns the ConfigMap's hashed name. */
  private config(): string {
    const v = this.v;
    const data = {
      ADMIN: v.admin,
      ISTIO_INGRESS_GATEWAY_PRINCIPAL: v.principals.istioIngressGateway,
      KFP_UI_PRINCIPAL: v.principals.kfpUi,
      NOTEBOOK_CONTROLLER_PRINCIPAL: v.principals.notebookController,
      USERID_HEADER: v.userIdHeader,
      USERID_PREFIX: v.userIdPrefix,
      WORKLOAD_IDENTITY: v.workloadIdentity,
    };
    const name = hashedName('profiles-config', 'ConfigMap', data);
    new k8s.KubeConfigMap(this, 'profiles-config', { metadata: this.meta(name), data });
    return name;
  }

  /** The controller, with KFAM as a second container when enabled. */
  private deployment(envFrom: EnvFrom, labelsConfigMap: string): void {
    const v = this.v;
    new k8s.KubeDeployment(this, 'deployment', {
      metadata: this.meta('profiles-deployment'),
      spec: {
        replicas: v.replicas,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels: { ...labels, 'sidecar.istio.io/inject': pick(v.istio.sidecarInjection, 'true', 'false') } },
          spec: {
            containers: [...items(v.kfam.enabled, [this.kfamContainer(envFrom)]), this.managerContainer(envFrom)],
            ...podScheduling(v),
            securityContext: v.podSecurityContext,
            serviceAccountName: pick(nonEmpty(v.serviceAccountName), v.serviceAccountName, SERVICE_ACCOUNT),
            volumes: [{ name: 'namespace-labels', configMap: { name: labelsConfigMap } }],
          },
        },
      },
    });
  }

  private managerContainer(envFrom: EnvFrom): k8s.Container {
    const v = this.v;
    const httpGet = (path: string) => ({ path, port: k8s.IntOrString.fromNumber(CONTROLLER_PORT) });
    return {
      name: 'manager',
      image: v.image.ref,
      imagePullPolicy: v.image.pullPolicy,
      command: [
        '/manager',
        '-userid-header',
        '$(USERID_HEADER)',
        '-userid-prefix',
        '$(USERID_PREFIX)',
        '-workload-identity',
        '$(WORKLOAD_IDENTITY)',
      ],
      envFrom,
      livenessProbe: { httpGet: httpGet('/healthz'), initialDelaySeconds: 15, periodSeconds: 20 },
      ports: [{ containerPort: CONTROLLER_PORT }],
      readinessProbe: { httpGet: httpGet('/readyz'), initialDelaySeconds: 5, periodSeconds: 10 },
      resources: v.resources,
      securityContext: { ...dropAll, seccompProfile: { type: 'RuntimeDefault' } },
      volumeMounts: [{ mountPath: '/etc/profile-controller', name: 'namespace-labels', readOnly: true }],
    };
  }

  /** KFAM, the access-management API. */
  private kfamContainer(envFrom: EnvFrom): k8s.Container {
    const v = this.v;
    return {
      name: 'kfam',
      image: v.kfam.image.ref,
      imagePullPolicy: v.kfam.image.pullPolicy,
      command: [
        '/access-management',
        '-cluster-admin',
        '$(ADMIN)',
        '-userid-header',
        '$(USERID_HEADER)',
        '-userid-prefix',
        '$(USERID_PREFIX)',
      ],
      envFrom,
      livenessProbe: {
        httpGet: { path: '/metrics', port: k8s.IntOrString.fromNumber(KFAM_PORT) },
        initialDelaySeconds: 30,
        periodSeconds: 30,
      },
      ports: [{ containerPort: KFAM_PORT, name: 'kfam-http', protocol: 'TCP' }],
      resources: v.kfam.resources,
      securityContext: dropAll,
    };
  }

  /** KFAM behind the Kubeflow gateway at /kfam/, callable by the principals of `istio.kfamCallers`. */
  private kfamIstio(scope: Construct): void {
    const v = this.v;
    gatewayRoute(scope, 'kfam-virtual-service', {
      metadata: this.meta(KFAM),
      gateway: v.istio.gateway,
      forwardedPrefix: '/kfam',
      prefix: '/kfam/',
      rewrite: '/kfam/',
      host: `${KFAM}.${v.namespace}.svc.${v.istio.clusterDomain}`,
      port: KFAM_PORT,
    });
    allowPrincipals(scope, 'kfam-authorization-policy', this.meta(KFAM), v.istio.kfamCallers, labels);
  }
}
