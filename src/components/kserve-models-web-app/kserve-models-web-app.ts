import type { IVirtualService } from '@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService';
import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { spread } from '../../core/conditions.js';
import { customObject } from '../../core/custom-object.js';
import { allowPrincipals } from '../../lib/istio.js';
import { podScheduling } from '../../lib/k8s-values.js';
import { objectMeta } from '../../lib/metadata.js';
import { rule } from '../../lib/rbac.js';
import { info } from './info.js';
import type { values } from './values.js';

const NAME = 'kserve-models-web-app';
const labels = { app: 'kserve', 'app.kubernetes.io/component': NAME, 'app.kubernetes.io/name': 'kserve', 'kustomize.component': NAME };

/** The KServe models web app: lists, creates and deletes InferenceServices in profile namespaces, behind the Istio gateway. */
export class KServeModelsWebApp extends Component<typeof values> {
  private readonly meta = objectMeta(this.v.namespace, labels);

  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    this.rbac();
    this.app();
    this.routing();
  }

  private rbac(): void {
    new k8s.KubeServiceAccount(this, 'service-account', { metadata: this.meta(NAME) });
    const knative = ['services', 'routes', 'configurations', 'revisions'].flatMap((r) => [r, `${r}/status`]);
    new k8s.KubeClusterRole(this, 'cluster-role', {
      metadata: this.meta(`${NAME}-cluster-role`, false),
      rules: [
        rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
        rule([''], ['namespaces', 'pods', 'pods/log', 'events'], ['get', 'list']),
        rule(
          ['serving.kserve.io'],
          ['inferenceservices', 'inferenceservices/status', 'inferencegraphs', 'inferencegraphs/status'],
          ['get', 'list', 'watch', 'create', 'delete', 'deletecollection', 'patch', 'update'],
        ),
        rule(['serving.knative.dev'], knative, ['get', 'list']),
      ],
    });
    new k8s.KubeClusterRoleBinding(this, 'cluster-role-binding', {
      metadata: this.meta(`${NAME}-binding`, false),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `${NAME}-cluster-role` },
      subjects: [{ kind: 'ServiceAccount', name: NAME, namespace: this.v.namespace }],
    });
  }

  private app(): void {
    const v = this.v;
    const config = `${NAME}-config`;
    new k8s.KubeConfigMap(this, 'config', {
      metadata: this.meta(config),
      data: {
        APP_PREFIX: v.prefix,
        GRAFANA_CPU_MEMORY_DB: v.grafana.cpuMemoryDashboard,
        GRAFANA_HTTP_REQUESTS_DB: v.grafana.httpRequestsDashboard,
        GRAFANA_PREFIX: v.grafana.prefix,
        USERID_HEADER: v.userIdHeader,
        USERID_PREFIX: v.userIdPrefix,
      },
    });
    new k8s.KubeService(this, 'service', {
      metadata: this.meta(NAME),
      spec: {
        ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: k8s.IntOrString.fromNumber(5000) }],
        selector: labels,
        type: 'ClusterIP',
      },
    });
    const probe = (path: string) => ({
      failureThreshold: 3,
      httpGet: { path, port: k8s.IntOrString.fromString('http') },
      initialDelaySeconds: 0,
      periodSeconds: 10,
      successThreshold: 1,
      timeoutSeconds: 1,
    });
    new k8s.KubeDeployment(this, 'deployment', {
      metadata: this.meta(NAME),
      spec: {
        replicas: v.replicas,
        selector: { matchLabels: labels },
        template: {
          metadata: { annotations: { 'sidecar.istio.io/inject': 'true' }, labels },
          spec: {
            containers: [
              {
                name: NAME,
                image: v.image.ref,
                imagePullPolicy: v.image.pullPolicy,
                env: [{ name: 'GUNICORN_CMD_ARGS', value: v.gunicornArgs }, ...spread(v.extraEnv)],
                envFrom: [{ configMapRef: { name: config } }],
                livenessProbe: probe('/healthz/liveness'),
                readinessProbe: probe('/healthz/readiness'),
                ports: [{ containerPort: 5000, name: 'http' }],
                resources: v.resources,
                securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsUser: 1000 },
              },
            ],
            ...podScheduling(v),
            securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
            serviceAccountName: NAME,
          },
        },
      },
    });
  }

  private routing(): void {
    const v = this.v;
    customObject<IVirtualService>(this, 'virtual-service', {
      apiVersion: 'networking.istio.io/v1beta1',
      kind: 'VirtualService',
      metadata: this.meta(NAME),
      spec: {
        gateways: [v.istio.gateway],
        hosts: ['*'],
        http: [
          {
            match: [{ uri: { prefix: `${v.prefix}/` } }],
            rewrite: { uri: '/' },
            route: [{ destination: { host: `${NAME}.${v.namespace}.svc.${v.clusterDomain}`, port: { number: 80 } } }],
          },
        ],
      },
    });
    allowPrincipals(this, 'authorization-policy', this.meta(NAME), [v.istio.ingressGatewayPrincipal], labels);
  }
}
