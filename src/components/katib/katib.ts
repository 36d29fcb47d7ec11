import type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import type { IIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer';
import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { eq, items, nonEmpty, not, opt, pick, text, when } from '../../core/conditions.js';
import { customObject } from '../../core/custom-object.js';
import { allowPrincipals, gatewayRoute } from '../../lib/istio.js';
import { podScheduling } from '../../lib/k8s-values.js';
import { aggregateTo, aggregating } from '../../lib/rbac.js';
import { WEBHOOK_PORT, katibConfigText, trialTemplatesData } from './config.js';
import { katibCrds } from './crds.js';
import { database, dbManagerEnv, restrictedContainer } from './database.js';
import { info } from './info.js';
import type { values } from './values.js';

const CONTROLLER = 'katib-controller';
const UI = 'katib-ui';
const DB_MANAGER = 'katib-db-manager';
const CERT = 'katib-webhook-cert';
const ISSUER = 'katib-selfsigned-issuer';
const GROUP = 'kubeflow.org';
const rbac = 'rbac.authorization.k8s.io';
const component = (name: string) => ({ 'katib.kubeflow.org/component': name });
const sidecar = (inject: boolean) => ({ 'sidecar.istio.io/inject': text(inject) });
const katibKinds = ['experiments', 'trials', 'suggestions'];
const coreNamespaceEnv = { name: 'KATIB_CORE_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } };

/**
 * Katib: hyperparameter tuning and neural architecture search. The controller turns Experiments
 * into Suggestions (algorithm services) and Trials (Jobs, TrainJobs, …), the DB manager stores
 * their metrics in MySQL, PostgreSQL or an external database, and the UI shows them in Kubeflow.
 */
export class Katib extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    const v = this.v;
    when(this, 'standalone', v.createNamespace, (s) => {
      new k8s.KubeNamespace(s, 'namespace', {
        metadata: { name: v.namespace, labels: { 'katib.kubeflow.org/metrics-collector-injection': 'enabled' } },
      });
    });
    when(this, 'crds', v.crds.install, (s) => katibCrds(s));
    when(this, 'kubeflow-roles', v.kubeflowRoles, (s) => this.kubeflowRoles(s));
    this.configMaps();
    this.controller(new Construct(this, 'controller'));
    this.webhooks(new Construct(this, 'webhooks'));
    this.ui(new Construct(this, 'ui'));
    this.dbManager(new Construct(this, 'db-manager'));
    database(new Construct(this, 'database'), this);
  }

  private meta(name: string, labels?: Record<string, string>) {
    return { name, namespace: this.v.namespace, ...(labels ? { labels } : {}) };
  }

  private binding(scope: Construct, name: string): void {
    new k8s.KubeClusterRoleBinding(scope, 'role-binding', {
      metadata: { name },
      roleRef: { apiGroup: rbac, kind: 'ClusterRole', name },
      subjects: [{ kind: 'ServiceAccount', name, namespace: this.v.namespace }],
    });
  }

  private configMaps(): void {
    new k8s.KubeConfigMap(this, 'katib-config', {
      metadata: this.meta('katib-config'),
      data: { 'katib-config.yaml': katibConfigText(this.v) },
    });
    new k8s.KubeConfigMap(this, 'trial-templates', {
      metadata: this.meta('trial-templates', { 'katib.kubeflow.org/component': 'trial-templates' }),
      data: trialTemplatesData(this.v),
    });
  }

  private controller(scope: Construct): void {
    const v = this.v;
    const c = v.controller;
    const labels = component('controller');
    new k8s.KubeServiceAccount(scope, 'service-account', { metadata: this.meta(CONTROLLER) });
    const crud = ['get', 'list', 'watch', 'create', 'delete'];
    new k8s.KubeClusterRole(scope, 'role', {
      metadata: { name: CONTROLLER },
      rules: [
        { apiGroups: [''], resources: ['services'], verbs: crud },
        { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch', 'update'] },
        {
          apiGroups: [''],
          resources: ['serviceaccounts', 'persistentvolumes', 'persistentvolumeclaims'],
          verbs: ['get', 'list', 'watch', 'create'],
        },
        { apiGroups: [''], resources: ['namespaces', 'configmaps'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: [''], resources: ['pods', 'pods/status'], verbs: ['get'] },
        { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch', 'patch', 'update'] },
        { apiGroups: ['apps'], resources: ['deployments'], verbs: crud },
        { apiGroups: [rbac], resources: ['roles', 'rolebindings'], verbs: ['get', 'create', 'list', 'watch'] },
        { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: crud },
        { apiGroups: ['jobset.x-k8s.io'], resources: ['jobsets'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['trainer.kubeflow.org'], resources: ['trainjobs'], verbs: ['create', 'get', 'list', 'watch', 'delete'] },
        { apiGroups: [GROUP], resources: ['tfjobs', 'pytorchjobs', 'mpijobs', 'xgboostjobs'], verbs: crud },
        { apiGroups: [GROUP], resources: katibKinds.flatMap((k) => [k, `${k}/status`, `${k}/finalizers`]), verbs: ['*'] },
        {
          apiGroups: ['admissionregistration.k8s.io'],
          resources: ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations'],
          verbs: ['get', 'watch', 'list', 'patch', 'update'],
        },
      ],
    });
    this.binding(scope, CONTROLLER);
    when(scope, 'leader-election', c.leaderElection, (s) => {
      new k8s.KubeRole(s, 'leader-election-role', {
        metadata: this.meta('leader-election'),
        rules: [{ apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['*'] }],
      });
      new k8s.KubeRoleBinding(s, 'leader-election-binding', {
        metadata: this.meta('leader-election'),
        roleRef: { apiGroup: rbac, kind: 'Role', name: 'leader-election' },
        subjects: [{ kind: 'ServiceAccount', name: CONTROLLER, namespace: v.namespace }],
      });
    });
    new k8s.KubeService(scope, 'service', {
      metadata: {
        ...this.meta(CONTROLLER, labels),
        annotations: { 'prometheus.io/port': '8080', 'prometheus.io/scheme': 'http', 'prometheus.io/scrape': 'true' },
      },
      spec: {
        ports: [
          { name: 'webhook', port: 443, protocol: 'TCP', targetPort: k8s.IntOrString.fromNumber(WEBHOOK_PORT) },
          { name: 'metrics', port: 8080, targetPort: k8s.IntOrString.fromNumber(8080) },
          { name: 'healthz', port: 18080, targetPort: k8s.IntOrString.fromNumber(18080) },
        ],
        selector: labels,
      },
    });
    const probe = (path: string) => ({ httpGet: { path, port: k8s.IntOrString.fromString('healthz') } });
    new k8s.KubeDeployment(scope, 'deployment', {
      metadata: this.meta(CONTROLLER, labels),
      spec: {
        replicas: c.replicas,
        selector: { matchLabels: labels },
        template: {
          metadata: {
            annotations: { 'prometheus.io/port': '8080', 'prometheus.io/scrape': 'true' },
            labels: { ...labels, ...sidecar(false) },
          },
          spec: {
            containers: [
              {
                name: CONTROLLER,
                image: c.image.ref,
                imagePullPolicy: opt(nonEmpty(c.image.pullPolicy), c.image.pullPolicy),
                command: ['./katib-controller'],
                args: ['--katib-config=/katib-config.yaml'],
                env: [coreNamespaceEnv],
                livenessProbe: probe('/healthz'),
                ports: [
                  { containerPort: WEBHOOK_PORT, name: 'webhook', protocol: 'TCP' },
                  { containerPort: 8080, name: 'metrics', protocol: 'TCP' },
                  { containerPort: 18080, name: 'healthz', protocol: 'TCP' },
                ],
                readinessProbe: probe('/readyz'),
                resources: c.resources,
                securityContext: restrictedContainer(1000),
                volumeMounts: [
                  { mountPath: '/tmp/cert', name: 'cert', readOnly: true },
                  { mountPath: '/katib-config.yaml', name: 'katib-config', readOnly: true, subPath: 'katib-config.yaml' },
                ],
              },
            ],
            ...podScheduling(c),
            serviceAccountName: CONTROLLER,
            volumes: [
              { name: 'cert', secret: { defaultMode: 420, secretName: CERT } },
              { name: 'katib-config', configMap: { name: 'katib-config' } },
            ],
          },
        },
      },
    });
  }

  /** The Experiment validator/defaulter and the pod mutator that injects metrics collectors, and their certificate. */
  private webhooks(scope: Construct): void {
    const v = this.v;
    const ns = v.namespace;
    const certManager = eq(v.certificates, 'cert-manager');
    when(scope, 'cert-manager', certManager, (s) => {
      customObject<IIssuer>(s, 'issuer', {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Issuer',
        metadata: this.meta(ISSUER),
        spec: { selfSigned: {} },
      });
      const host = `${CONTROLLER}.${ns}.svc`;
      customObject<ICertificate>(s, 'certificate', {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Certificate',
        metadata: this.meta(CERT),
        spec: {
          commonName: host,
          dnsNames: [host, `${host}.cluster.local`],
          isCA: true,
          issuerRef: { kind: 'Issuer', name: ISSUER },
          secretName: CERT,
        },
      });
    });
    // Katib's cert generator writes the certificate into this Secret and the CA into the webhooks.
    when(scope, 'cert-generator', not(certManager), (s) => {
      new k8s.KubeSecret(s, 'cert-secret', { metadata: this.meta(CERT), data: {}, type: 'Opaque' });
    });
    // cert-manager's cainjector fills the webhooks' caBundle from the Certificate; Katib's cert generator patches it itself
    when(scope, 'injected', certManager, (s) => this.webhookConfigurations(s, { 'cert-manager.io/inject-ca-from': `${ns}/${CERT}` }));
    when(scope, 'self-patched', not(certManager), (s) => this.webhookConfigurations(s));
  }

  private webhookConfigurations(scope: Construct, annotations?: Record<string, string>): void {
    const ns = this.v.namespace;
    const metadata = { name: 'katib.kubeflow.org', ...(annotations ? { annotations } : {}) };
    const client = (path: string) => ({ service: { name: CONTROLLER, namespace: ns, path } });
    const experiments = { apiGroups: [GROUP], apiVersions: ['v1beta1'], operations: ['CREATE', 'UPDATE'], resources: ['experiments'] };
    new k8s.KubeMutatingWebhookConfiguration(scope, 'mutating', {
      metadata,
      webhooks: [
        {
          admissionReviewVersions: ['v1'],
          clientConfig: client('/mutate-experiment'),
          name: 'defaulter.experiment.katib.kubeflow.org',
          rules: [experiments],
          sideEffects: 'None',
        },
        {
          admissionReviewVersions: ['v1'],
          clientConfig: client('/mutate-pod'),
          // the controller's own pods (suggestions) never get a collector
          matchConditions: [
            { expression: `request.userInfo.username != "system:serviceaccount:${ns}:${CONTROLLER}"`, name: 'exclude-katib-controller' },
          ],
          name: 'mutator.pod.katib.kubeflow.org',
          namespaceSelector: { matchLabels: { 'katib.kubeflow.org/metrics-collector-injection': 'enabled' } },
          rules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }],
          sideEffects: 'None',
        },
      ],
    });
    new k8s.KubeValidatingWebhookConfiguration(scope, 'validating', {
      metadata,
      webhooks: [
        {
          admissionReviewVersions: ['v1'],
          clientConfig: client('/validate-experiment'),
          name: 'validator.experiment.katib.kubeflow.org',
          rules: [experiments],
          sideEffects: 'None',
        },
      ],
    });
  }

  private ui(scope: Construct): void {
    const v = this.v;
    const u = v.ui;
    const labels = component('ui');
    new k8s.KubeServiceAccount(scope, 'service-account', { metadata: this.meta(UI) });
    new k8s.KubeClusterRole(scope, 'role', {
      metadata: { name: UI },
      rules: [
        { apiGroups: [''], resources: ['configmaps', 'namespaces'], verbs: ['*'] },
        { apiGroups: [GROUP], resources: katibKinds, verbs: ['*'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['list'] },
        { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
        ...items(u.auth, [{ apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] }]),
      ],
    });
    this.binding(scope, UI);
    new k8s.KubeService(scope, 'service', {
      metadata: this.meta(UI, labels),
      spec: {
        ports: [{ name: 'ui', port: 80, protocol: 'TCP', targetPort: k8s.IntOrString.fromNumber(8080) }],
        selector: labels,
        type: 'ClusterIP',
      },
    });
    new k8s.KubeDeployment(scope, 'deployment', {
      metadata: this.meta(UI, labels),
      spec: {
        replicas: u.replicas,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels: { ...labels, 'sidecar.istio.io/inject': pick(u.istio.enabled, 'true', 'false') } },
          spec: {
            containers: [
              {
                name: UI,
                image: u.image.ref,
                imagePullPolicy: opt(nonEmpty(u.image.pullPolicy), u.image.pullPolicy),
                command: ['./katib-ui'],
                args: ['--port=8080'],
                env: [coreNamespaceEnv, ...items(u.auth, [{ name: 'APP_DISABLE_AUTH', value: 'false' }])],
                ports: [{ containerPort: 8080, name: 'ui' }],
                resources: u.resources,
                securityContext: restrictedContainer(1000),
              },
            ],
            ...podScheduling(u),
            serviceAccountName: UI,
          },
        },
      },
    });
    when(scope, 'istio', u.istio.enabled, (s) => {
      gatewayRoute(s, 'virtual-service', {
        metadata: this.meta(UI),
        gateway: u.istio.gateway,
        prefix: '/katib/',
        rewrite: '/katib/',
        host: `${UI}.${v.namespace}.svc.${u.clusterDomain}`,
        port: 80,
      });
      allowPrincipals(s, 'authorization-policy', this.meta(UI), [u.istio.ingressGatewayPrincipal], labels);
    });
  }

  private dbManager(scope: Construct): void {
    const d = this.v.dbManager;
    const labels = component('db-manager');
    new k8s.KubeService(scope, 'service', {
      metadata: this.meta(DB_MANAGER, labels),
      spec: { ports: [{ name: 'api', port: 6789, protocol: 'TCP' }], selector: labels, type: 'ClusterIP' },
    });
    new k8s.KubeDeployment(scope, 'deployment', {
      metadata: this.meta(DB_MANAGER, labels),
      spec: {
        replicas: d.replicas,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels: { ...labels, ...sidecar(false) } },
          spec: {
            containers: [
              {
                name: DB_MANAGER,
                image: d.image.ref,
                imagePullPolicy: opt(nonEmpty(d.image.pullPolicy), d.image.pullPolicy),
                command: ['./katib-db-manager'],
                env: dbManagerEnv(this),
                livenessProbe: { failureThreshold: 5, grpc: { port: 6789 }, initialDelaySeconds: 10, periodSeconds: 60 },
                ports: [{ containerPort: 6789, name: 'api' }],
                resources: d.resources,
                securityContext: restrictedContainer(1000),
              },
            ],
            ...podScheduling(d),
          },
        },
      },
    });
  }

  /** Kubeflow's aggregated roles for Experiments, Trials and Suggestions. */
  private kubeflowRoles(scope: Construct): void {
    new k8s.KubeClusterRole(scope, 'admin', {
      metadata: { name: 'kubeflow-katib-admin', labels: aggregateTo('kubeflow-admin') },
      aggregationRule: aggregating('kubeflow-katib-admin'),
      rules: [],
    });
    new k8s.KubeClusterRole(scope, 'edit', {
      metadata: { name: 'kubeflow-katib-edit', labels: aggregateTo('kubeflow-edit', 'kubeflow-katib-admin') },
      rules: [
        {
          apiGroups: [GROUP],
          resources: katibKinds,
          verbs: ['get', 'list', 'watch', 'create', 'delete', 'deletecollection', 'patch', 'update'],
        },
        { apiGroups: [''], resources: ['pods'], verbs: ['list'] },
        { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
      ],
    });
    new k8s.KubeClusterRole(scope, 'view', {
      metadata: { name: 'kubeflow-katib-view', labels: aggregateTo('kubeflow-view') },
      rules: [{ apiGroups: [GROUP], resources: katibKinds, verbs: ['get', 'list', 'watch'] }],
    });
  }
}
