import { k8s } from 'cdk8s-plus-33';
import { podScheduling } from '../../lib/k8s-values.js';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { items, nonEmpty, opt, pick, when } from '../../core/conditions.js';
import { hashedName } from '../../core/hash.js';
import {
  controllerGenStamp,
  healthProbes,
  kubeRbacProxyContainer,
  leaderElectionRole,
  metricsReaderRole,
  metricsService,
  proxyRole,
} from '../../lib/kubebuilder.js';
import { objectMeta } from '../../lib/metadata.js';
import { tensorboardCrd } from './crds.js';
import { info } from './info.js';
import type { values } from './values.js';

const NAME = 'tensorboard-controller';
const labels = { app: NAME, 'kustomize.component': NAME };
const controlPlane = { 'control-plane': 'controller-manager' };
const podLabels = { ...labels, ...controlPlane };
const SERVICE_ACCOUNT = `${NAME}-controller-manager`;
const rbac = 'rbac.authorization.k8s.io';
const watchAndWrite = ['create', 'get', 'list', 'update', 'watch'];

/** The Tensorboard controller: serves each Tensorboard custom resource as a Deployment, Service and VirtualService. */
export class TensorboardController extends Component<typeof values> {
  private readonly meta = objectMeta(this.v.namespace, labels);

  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    const v = this.v;
    when(this, 'standalone', v.createNamespace, (s) => {
      new k8s.KubeNamespace(s, 'namespace', { metadata: { name: v.namespace, labels: podLabels } });
    });
    when(this, 'crds', v.crds.install, (s) => tensorboardCrd(s, labels));
    this.rbac();
    const configName = this.config();
    metricsService(this, 'metrics-service', this.meta(`${NAME}-controller-manager-metrics-service`, true, controlPlane), podLabels);
    this.deployment(configName);
  }

  /** The controller's service account, leader election, cluster role and kube-rbac-proxy roles, with their bindings. */
  private rbac(): void {
    new k8s.KubeServiceAccount(this, 'service-account', { metadata: this.meta(SERVICE_ACCOUNT) });
    leaderElectionRole(this, 'leader-election-role', this.meta(`${NAME}-leader-election-role`));
    controllerGenStamp(
      new k8s.KubeClusterRole(this, 'manager-role', {
        metadata: this.meta(`${NAME}-manager-role`, false),
        rules: [
          { apiGroups: ['apps'], resources: ['deployments'], verbs: watchAndWrite },
          { apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['get', 'list', 'watch'] },
          { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] },
          { apiGroups: [''], resources: ['services'], verbs: watchAndWrite },
          { apiGroups: ['networking.istio.io'], resources: ['virtualservices'], verbs: watchAndWrite },
          {
            apiGroups: ['tensorboard.kubeflow.org'],
            resources: ['tensorboards'],
            verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
          },
          { apiGroups: ['tensorboard.kubeflow.org'], resources: ['tensorboards/finalizers'], verbs: ['update'] },
          { apiGroups: ['tensorboard.kubeflow.org'], resources: ['tensorboards/status'], verbs: ['get', 'patch', 'update'] },
        ],
      }),
    );
    metricsReaderRole(this, 'metrics-reader-role', this.meta(`${NAME}-metrics-reader`, false));
    proxyRole(this, 'proxy-role', this.meta(`${NAME}-proxy-role`, false));
    const subjects = [{ kind: 'ServiceAccount', name: SERVICE_ACCOUNT, namespace: this.v.namespace }];
    new k8s.KubeRoleBinding(this, 'leader-election-role-binding', {
      metadata: this.meta(`${NAME}-leader-election-rolebinding`),
      roleRef: { apiGroup: rbac, kind: 'Role', name: `${NAME}-leader-election-role` },
      subjects,
    });
    for (const role of ['manager', 'proxy']) {
      new k8s.KubeClusterRoleBinding(this, `${role}-role-binding`, {
        metadata: this.meta(`${NAME}-${role}-rolebinding`, false),
        roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: `${NAME}-${role}-role` },
        subjects,
      });
    }
  }

  /** Read through envFrom; a change renames the ConfigMap and rolls the controller. Upstream leaves it unlabelled. */
  private config(): string {
    const v = this.v;
    const config = {
      ISTIO_GATEWAY: v.istio.gateway,
      ISTIO_HOST: v.istio.host,
      // The controller compares with Python-style capitalised booleans.
      RWO_PVC_SCHEDULING: pick(v.rwoPvcScheduling, 'True', 'False'),
      TENSORBOARD_IMAGE: v.tensorboardImage.ref,
    };
    const configName = hashedName(`${NAME}-config`, 'ConfigMap', config);
    new k8s.KubeConfigMap(this, 'config', { metadata: { name: configName, namespace: v.namespace }, data: config });
    return configName;
  }

  /** The manager with the kube-rbac-proxy sidecar in front of its metrics. */
  private deployment(configName: string): void {
    const v = this.v;
    const pullPolicy = (p: string) => opt(nonEmpty(p), p);
    new k8s.KubeDeployment(this, 'deployment', {
      metadata: this.meta(`${NAME}-deployment`, true, controlPlane),
      spec: {
        replicas: v.replicas,
        selector: { matchLabels: podLabels },
        template: {
          metadata: { annotations: { 'kubectl.kubernetes.io/default-container': 'manager' }, labels: podLabels },
          spec: {
            containers: [
              {
                name: 'manager',
                image: v.image.ref,
                imagePullPolicy: pullPolicy(v.image.pullPolicy),
                command: ['/manager'],
                args: [
                  '--health-probe-bind-address=:8081',
                  '--metrics-bind-address=127.0.0.1:8080',
                  ...items(v.leaderElection, ['--leader-elect']),
                ],
                envFrom: [{ configMapRef: { name: configName } }],
                env: v.extraEnv,
                ...healthProbes(15, 20),
                resources: v.resources,
                securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
              },
              kubeRbacProxyContainer(v.kubeRbacProxy.image.ref, v.kubeRbacProxy.resources, pullPolicy(v.kubeRbacProxy.image.pullPolicy)),
            ],
            ...podScheduling(v),
            securityContext: { runAsNonRoot: true, runAsUser: 999, seccompProfile: { type: 'RuntimeDefault' } },
            serviceAccountName: SERVICE_ACCOUNT,
            terminationGracePeriodSeconds: 10,
          },
        },
      },
    });
  }
}
