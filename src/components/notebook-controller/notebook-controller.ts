import { k8s } from 'cdk8s-plus-33';
import { podScheduling } from '../../lib/k8s-values.js';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { eq, not, opt, spread, text, when } from '../../core/conditions.js';
import { hashedName } from '../../core/hash.js';
import { configMapLeaderElectionRole, controllerGenStamp, healthProbes } from '../../lib/kubebuilder.js';
import { objectMeta } from '../../lib/metadata.js';
import { aggregateTo, aggregating } from '../../lib/rbac.js';
import { notebookCrd } from './crds.js';
import { info } from './info.js';
import type { values } from './values.js';

const NAME = 'notebook-controller';
const labels = { app: NAME, 'kustomize.component': NAME };
const SERVICE_ACCOUNT = `${NAME}-service-account`;
const rbac = 'rbac.authorization.k8s.io';

/** The settings the controller reads from its ConfigMap, in the order of its env. */
const SETTINGS = [
  'USE_ISTIO',
  'ISTIO_GATEWAY',
  'ISTIO_HOST',
  'CLUSTER_DOMAIN',
  'ENABLE_CULLING',
  'CULL_IDLE_TIME',
  'IDLENESS_CHECK_PERIOD',
] as const;

/** The notebook controller: runs each Notebook custom resource as a StatefulSet, Service and VirtualService. */
export class NotebookController extends Component<typeof values> {
  private readonly meta = objectMeta(this.v.namespace, labels);

  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    const v = this.v;
    when(this, 'standalone', v.createNamespace, (s) => {
      new k8s.KubeNamespace(s, 'namespace', {
        metadata: { name: v.namespace, labels: { ...labels, 'control-plane': 'controller-manager' } },
      });
    });
    when(this, 'crds', v.crds.install, (s) => notebookCrd(s, labels));
    this.rbac();
    const configName = this.config();
    new k8s.KubeService(this, 'service', { metadata: this.meta(`${NAME}-service`), spec: { ports: [{ port: 443 }], selector: labels } });
    this.deployment(configName);
  }

  /** The controller's service account, leader election and cluster role with their bindings; the users' roles in between. */
  private rbac(): void {
    new k8s.KubeServiceAccount(this, 'service-account', { metadata: this.meta(SERVICE_ACCOUNT) });
    // Leader election of this controller-runtime version locks a ConfigMap.
    configMapLeaderElectionRole(this, 'leader-election-role', this.meta(`${NAME}-leader-election-role`));
    this.userRoles();
    controllerGenStamp(
      new k8s.KubeClusterRole(this, 'manager-role', {
        metadata: this.meta(`${NAME}-role`, false),
        rules: [
          { apiGroups: ['apps'], resources: ['statefulsets'], verbs: ['*'] },
          { apiGroups: [''], resources: ['events'], verbs: ['create', 'get', 'list', 'patch', 'watch'] },
          { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] },
          { apiGroups: [''], resources: ['services'], verbs: ['*'] },
          { apiGroups: ['kubeflow.org'], resources: ['notebooks', 'notebooks/finalizers', 'notebooks/status'], verbs: ['*'] },
          { apiGroups: ['networking.istio.io'], resources: ['virtualservices'], verbs: ['*'] },
        ],
      }),
    );
    const subjects = [{ kind: 'ServiceAccount', name: SERVICE_ACCOUNT, namespace: this.v.namespace }];
    new k8s.KubeRoleBinding(this, 'leader-election-role-binding', {
      metadata: this.meta(`${NAME}-leader-election-rolebinding`),
      roleRef: { apiGroup: rbac, kind: 'Role', name: `${NAME}-leader-election-role` },
      subjects,
    });
    new k8s.KubeClusterRoleBinding(this, 'manager-role-binding', {
      metadata: this.meta(`${NAME}-role-binding`, false),
      roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: `${NAME}-role` },
      subjects,
    });
  }

  /** Users get notebook rights through Kubeflow's aggregated kubeflow-admin/edit/view roles. */
  private userRoles(): void {
    new k8s.KubeClusterRole(this, 'notebooks-admin-role', {
      metadata: this.meta(`${NAME}-kubeflow-notebooks-admin`, false, aggregateTo('kubeflow-admin')),
      aggregationRule: aggregating('kubeflow-notebooks-admin'),
      rules: [],
    });
    const notebooks = ['notebooks', 'notebooks/status'];
    new k8s.KubeClusterRole(this, 'notebooks-edit-role', {
      metadata: this.meta(`${NAME}-kubeflow-notebooks-edit`, false, aggregateTo('kubeflow-edit', 'kubeflow-notebooks-admin')),
      rules: [
        {
          apiGroups: ['kubeflow.org'],
          resources: notebooks,
          verbs: ['get', 'list', 'watch', 'create', 'delete', 'deletecollection', 'patch', 'update'],
        },
      ],
    });
    new k8s.KubeClusterRole(this, 'notebooks-view-role', {
      metadata: this.meta(`${NAME}-kubeflow-notebooks-view`, false, aggregateTo('kubeflow-view')),
      rules: [{ apiGroups: ['kubeflow.org'], resources: notebooks, verbs: ['get', 'list', 'watch'] }],
    });
  }

  /** The controller reads its settings from this ConfigMap through env; a change renames it and rolls the pod. */
  private config(): string {
    const v = this.v;
    const config: Record<(typeof SETTINGS)[number], string> = {
      CLUSTER_DOMAIN: v.clusterDomain,
      CULL_IDLE_TIME: text(v.culling.idleTime),
      ENABLE_CULLING: text(v.culling.enabled),
      IDLENESS_CHECK_PERIOD: text(v.culling.checkPeriod),
      ISTIO_GATEWAY: v.istio.gateway,
      ISTIO_HOST: v.istio.host,
      USE_ISTIO: text(v.istio.enabled),
    };
    const configName = hashedName(`${NAME}-config`, 'ConfigMap', config);
    new k8s.KubeConfigMap(this, 'config', { metadata: this.meta(configName), data: config });
    return configName;
  }

  private deployment(configName: string): void {
    const v = this.v;
    new k8s.KubeDeployment(this, 'deployment', {
      metadata: this.meta(`${NAME}-deployment`),
      spec: {
        // Upstream leaves replicas to the API server's default (1); the field appears once it differs.
        replicas: opt(not(eq(v.replicas, 1)), v.replicas),
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: 'manager',
                image: v.image.ref,
                imagePullPolicy: v.image.pullPolicy,
                command: ['/manager'],
                args: opt(v.leaderElection, ['--enable-leader-election']),
                env: [
                  ...SETTINGS.map((key) => ({ name: key, valueFrom: { configMapKeyRef: { key, name: configName } } })),
                  ...spread(v.extraEnv),
                ],
                ...healthProbes(5, 10),
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
            serviceAccountName: SERVICE_ACCOUNT,
          },
        },
      },
    });
  }
}
