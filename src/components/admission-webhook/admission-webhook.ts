import { k8s } from 'cdk8s-plus-33';
import { podScheduling } from '../../lib/k8s-values.js';
import type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import type { IIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { nonEmpty, opt, when } from '../../core/conditions.js';
import { customObject } from '../../core/custom-object.js';
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

/** Aggregated role: `kubeflow-poddefaults-<role>` gathers rules and is itself aggregated into `kubeflow-<role>`. */
const aggregated = (role: 'admin' | 'edit') => ({
  [`rbac.authorization.kubeflow.org/aggregate-to-kubeflow-${role}`]: 'true',
});

/** The PodDefaults admission webhook: merges PodDefault resources into matching pods of profile namespaces. */
export class AdmissionWebhook extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    const v = this.v;
    const ns = v.namespace;
    const meta = (name: string, namespaced = true) => ({ name, ...(namespaced ? { namespace: ns } : {}), labels });

    when(this, 'crds', v.crds.install, (s) => podDefaultCrd(s, labels));

    new k8s.KubeServiceAccount(this, 'service-account', { metadata: meta(SERVICE_ACCOUNT) });
    new k8s.KubeClusterRole(this, 'cluster-role', {
      metadata: meta(`${NAME}-cluster-role`, false),
      rules: [
        { apiGroups: ['kubeflow.org'], resources: ['poddefaults'], verbs: ['get', 'watch', 'list', 'update', 'create', 'patch', 'delete'] },
      ],
    });
    for (const role of ['admin', 'edit'] as const) {
      new k8s.KubeClusterRole(this, `poddefaults-${role}`, {
        metadata: { ...meta(`${NAME}-kubeflow-poddefaults-${role}`, false), labels: { ...labels, ...aggregated(role) } },
        aggregationRule: {
          clusterRoleSelectors: [
            { matchLabels: { [`rbac.authorization.kubeflow.org/aggregate-to-kubeflow-poddefaults-${role}`]: 'true' } },
          ],
        },
        rules: [],
      });
    }
    new k8s.KubeClusterRole(this, 'poddefaults-view', {
      metadata: {
        ...meta(`${NAME}-kubeflow-poddefaults-view`, false),
        labels: {
          ...labels,
          'rbac.authorization.kubeflow.org/aggregate-to-kubeflow-poddefaults-admin': 'true',
          'rbac.authorization.kubeflow.org/aggregate-to-kubeflow-poddefaults-edit': 'true',
          'rbac.authorization.kubeflow.org/aggregate-to-kubeflow-view': 'true',
        },
      },
      rules: [{ apiGroups: ['kubeflow.org'], resources: ['poddefaults'], verbs: ['get', 'list', 'watch'] }],
    });
    new k8s.KubeClusterRoleBinding(this, 'cluster-role-binding', {
      metadata: meta(`${NAME}-cluster-role-binding`, false),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `${NAME}-cluster-role` },
      subjects: [{ kind: 'ServiceAccount', name: SERVICE_ACCOUNT, namespace: ns }],
    });

    new k8s.KubeService(this, 'service', {
      metadata: meta(SERVICE),
      spec: { ports: [{ name: PORT, port: 443, targetPort: k8s.IntOrString.fromString(PORT) }], selector: labels },
    });

    new k8s.KubeDeployment(this, 'deployment', {
      metadata: meta(`${NAME}-deployment`),
      spec: {
        replicas: (v.replicas ?? undefined) as number | undefined,
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

    const host = `${SERVICE}.${ns}.svc`;
    customObject<ICertificate>(this, 'certificate', {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: meta(CERT),
      spec: {
        commonName: host,
        dnsNames: [host, `${host}.${v.clusterDomain}`],
        duration: opt(nonEmpty(v.certificate.duration), v.certificate.duration),
        renewBefore: opt(nonEmpty(v.certificate.renewBefore), v.certificate.renewBefore),
        isCA: true,
        issuerRef: { kind: v.certificate.issuer.kind, name: v.certificate.issuer.name },
        secretName: v.certificate.secretName,
      },
    });
    when(this, 'issuer', v.certificate.issuer.create, (s) => {
      customObject<IIssuer>(s, 'issuer', {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Issuer',
        metadata: meta(v.certificate.issuer.name),
        spec: { selfSigned: {} },
      });
    });

    new k8s.KubeMutatingWebhookConfiguration(this, 'mutating-webhook-configuration', {
      metadata: {
        ...meta(`${NAME}-mutating-webhook-configuration`, false),
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
          timeoutSeconds: (v.webhook.timeoutSeconds ?? undefined) as number | undefined,
        },
      ],
    });
  }
}
