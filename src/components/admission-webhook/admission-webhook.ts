import { k8s } from 'cdk8s-plus-33';
import { podScheduling } from '../../lib/k8s-values.js';
import type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import type { IIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { nonEmpty, opt, when } from '../../core/conditions.js';
import { customObject } from '../../core/custom-object.js';
import { objectMeta } from '../../lib/metadata.js';
import { aggregateTo, aggregating } from '../../lib/rbac.js';
import { podDefaultCrd } from './crds.js';
import { info } from './info.js';
import type { values } from './values.js';

const NAME = 'admission-webhook';
const labels = {
  app: 'poddefaults',
  'app.kubernetes.io/component': 'poddefaults',
  'app.kubernetes.io/name': 'poddefaults',
  'kustomize.component': 'poddefaults',
};
const SERVICE = `${NAME}-service`;
const SERVICE_ACCOUNT = `${NAME}-service-account`;
const CERT = `${NAME}-cert`;
const PORT = 'https-webhook';

/** The PodDefaults admission webhook: merges PodDefault resources into matching pods of profile namespaces. */
export class AdmissionWebhook extends Component<typeof values> {
  private readonly meta = objectMeta(this.v.namespace, labels);

  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    when(this, 'crds', this.v.crds.install, (s) => podDefaultCrd(s, labels));
    this.rbac();
    new k8s.KubeService(this, 'service', {
      metadata: this.meta(SERVICE),
      spec: { ports: [{ name: PORT, port: 443, targetPort: k8s.IntOrString.fromString(PORT) }], selector: labels },
    });
    this.deployment();
    this.certificate();
    this.webhook();
  }

  /** The webhook's service account and cluster role with its binding; the users' roles in between. */
  private rbac(): void {
    new k8s.KubeServiceAccount(this, 'service-account', { metadata: this.meta(SERVICE_ACCOUNT) });
    new k8s.KubeClusterRole(this, 'cluster-role', {
      metadata: this.meta(`${NAME}-cluster-role`, false),
      rules: [
        { apiGroups: ['kubeflow.org'], resources: ['poddefaults'], verbs: ['get', 'watch', 'list', 'update', 'create', 'patch', 'delete'] },
      ],
    });
    this.userRoles();
    new k8s.KubeClusterRoleBinding(this, 'cluster-role-binding', {
      metadata: this.meta(`${NAME}-cluster-role-binding`, false),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `${NAME}-cluster-role` },
      subjects: [{ kind: 'ServiceAccount', name: SERVICE_ACCOUNT, namespace: this.v.namespace }],
    });
  }

  /**
   * Users get PodDefault rights through Kubeflow's aggregated kubeflow-admin/edit/view roles:
   * `kubeflow-poddefaults-<role>` gathers rules and is itself aggregated into `kubeflow-<role>`.
   */
  private userRoles(): void {
    for (const role of ['admin', 'edit'] as const) {
      new k8s.KubeClusterRole(this, `poddefaults-${role}`, {
        metadata: this.meta(`${NAME}-kubeflow-poddefaults-${role}`, false, aggregateTo(`kubeflow-${role}`)),
        aggregationRule: aggregating(`kubeflow-poddefaults-${role}`),
        rules: [],
      });
    }
    new k8s.KubeClusterRole(this, 'poddefaults-view', {
      metadata: this.meta(
        `${NAME}-kubeflow-poddefaults-view`,
        false,
        aggregateTo('kubeflow-poddefaults-admin', 'kubeflow-poddefaults-edit', 'kubeflow-view'),
      ),
      rules: [{ apiGroups: ['kubeflow.org'], resources: ['poddefaults'], verbs: ['get', 'list', 'watch'] }],
    });
  }

  private deployment(): void {
    const v = this.v;
    new k8s.KubeDeployment(this, 'deployment', {
      metadata: this.meta(`${NAME}-deployment`),
      spec: {
        replicas: v.replicas,
        selector: { matchLabels: labels },
        template: {
          // The webhook is called by the API server directly: no Istio sidecar.
          metadata: { labels: { ...labels, 'sidecar.istio.io/inject': 'false' } },
          spec: {
            containers: [
              {
                name: NAME,
                image: v.image.ref,
                imagePullPolicy: opt(nonEmpty(v.image.pullPolicy), v.image.pullPolicy),
                args: ['--tlsCertFile=/etc/webhook/certs/tls.crt', '--tlsKeyFile=/etc/webhook/certs/tls.key'],
                ports: [{ containerPort: 4443, name: PORT }],
                resources: v.resources,
                securityContext: {
                  allowPrivilegeEscalation: false,
                  capabilities: { drop: ['ALL'] },
                  runAsNonRoot: true,
                  runAsUser: 65532,
                  seccompProfile: { type: 'RuntimeDefault' },
                },
                volumeMounts: [{ mountPath: '/etc/webhook/certs', name: 'webhook-cert', readOnly: true }],
              },
            ],
            ...podScheduling(v),
            serviceAccountName: SERVICE_ACCOUNT,
            volumes: [{ name: 'webhook-cert', secret: { secretName: v.certificate.secretName } }],
          },
        },
      },
    });
  }

  /** The serving certificate from cert-manager, and its self-signed issuer unless another is named. */
  private certificate(): void {
    const c = this.v.certificate;
    const host = `${SERVICE}.${this.v.namespace}.svc`;
    customObject<ICertificate>(this, 'certificate', {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: this.meta(CERT),
      spec: {
        commonName: host,
        dnsNames: [host, `${host}.${this.v.clusterDomain}`],
        duration: opt(nonEmpty(c.duration), c.duration),
        renewBefore: opt(nonEmpty(c.renewBefore), c.renewBefore),
        isCA: true,
        issuerRef: { kind: c.issuer.kind, name: c.issuer.name },
        secretName: c.secretName,
      },
    });
    when(this, 'issuer', c.issuer.create, (s) => {
      customObject<IIssuer>(s, 'issuer', {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Issuer',
        metadata: this.meta(c.issuer.name),
        spec: { selfSigned: {} },
      });
    });
  }

  /** The API server calls the webhook on every pod creation in the selected namespaces. */
  private webhook(): void {
    const v = this.v;
    const ns = v.namespace;
    new k8s.KubeMutatingWebhookConfiguration(this, 'mutating-webhook-configuration', {
      metadata: {
        ...this.meta(`${NAME}-mutating-webhook-configuration`, false),
        // cert-manager's cainjector fills caBundle from the certificate's CA.
        annotations: { 'cert-manager.io/inject-ca-from': `${ns}/${CERT}` },
      },
      webhooks: [
        {
          admissionReviewVersions: ['v1beta1', 'v1'],
          clientConfig: { caBundle: '', service: { name: SERVICE, namespace: ns, path: '/apply-poddefault' } },
          failurePolicy: v.webhook.failurePolicy,
          name: `${NAME}-deployment.kubeflow.org`,
          namespaceSelector: { matchLabels: v.webhook.namespaceSelector },
          rules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }],
          sideEffects: 'None',
          timeoutSeconds: v.webhook.timeoutSeconds,
        },
      ],
    });
  }
}
