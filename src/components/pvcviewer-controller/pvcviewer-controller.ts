import type { ICertificate } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate';
import type { IIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/Issuer';
import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { items, nonEmpty, opt, when } from '../../core/conditions.js';
import { customObject } from '../../core/custom-object.js';
import {
  healthProbes,
  kubeRbacProxyContainer,
  leaderElectionRole,
  metricsReaderRole,
  metricsService,
  proxyRole,
} from '../../lib/kubebuilder.js';
import { pvcViewerCrd } from './crds.js';
import { info } from './info.js';
import type { values } from './values.js';

const PREFIX = 'pvcviewer';
const base = { app: PREFIX };
const selector = { ...base, 'control-plane': 'controller-manager' };
const SERVICE_ACCOUNT = `${PREFIX}-controller-manager`;
const WEBHOOK_SERVICE = `${PREFIX}-webhook-service`;
const CERTIFICATE = `${PREFIX}-serving-cert`;
const CERT_SECRET = 'webhook-server-cert';
const rbac = 'rbac.authorization.k8s.io';
const watchAndWrite = ['create', 'get', 'list', 'update', 'watch'];
// kubebuilder's recommended labels, as the upstream scaffold sets them on each object (managed-by
// included: it is part of upstream's objects, so both outputs carry it unchanged).
const scaffold = (component: string, instance: string, kind: string, extra: Record<string, string> = {}) => ({
  ...base,
  'app.kubernetes.io/component': component,
  'app.kubernetes.io/created-by': 'pvc-viewer',
  'app.kubernetes.io/instance': instance,
  'app.kubernetes.io/managed-by': 'kustomize',
  'app.kubernetes.io/name': kind,
  'app.kubernetes.io/part-of': 'pvc-viewer',
  ...extra,
});

/** The PVC viewer controller: runs a file browser for a PVC per PVCViewer, defaulted and validated by its webhook. */
export class PvcViewerController extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    this.crds();
    this.rbac();
    this.services();
    this.deployment();
    this.certificates();
    this.webhooks();
  }

  private meta(name: string, labels: Record<string, string>, namespaced = true) {
    return { name, ...(namespaced ? { namespace: this.v.namespace } : {}), labels };
  }

  private crds(): void {
    const v = this.v;
    const ns = v.namespace;
    when(this, 'crds', v.crds.install, (s) =>
      pvcViewerCrd(s, { labels: base, namespace: ns, webhookService: WEBHOOK_SERVICE, certificate: CERTIFICATE }),
    );
  }

  /** ServiceAccount, kubebuilder roles, the manager's ClusterRole and their bindings. */
  private rbac(): void {
    const v = this.v;
    const ns = v.namespace;
    const meta = this.meta.bind(this);
    new k8s.KubeServiceAccount(this, 'service-account', {
      metadata: meta(SERVICE_ACCOUNT, scaffold('rbac', 'controller-manager-sa', 'serviceaccount')),
    });
    leaderElectionRole(
      this,
      'leader-election-role',
      meta(`${PREFIX}-leader-election-role`, scaffold('rbac', 'leader-election-role', 'role')),
    );
    metricsReaderRole(
      this,
      'metrics-reader-role',
      meta(`${PREFIX}-metrics-reader`, scaffold('kube-rbac-proxy', 'metrics-reader', 'clusterrole'), false),
    );
    proxyRole(this, 'proxy-role', meta(`${PREFIX}-proxy-role`, scaffold('kube-rbac-proxy', 'proxy-role', 'clusterrole'), false));
    new k8s.KubeClusterRole(this, 'manager-role', {
      metadata: meta(`${PREFIX}-role`, base, false),
      rules: [
        { apiGroups: ['apps'], resources: ['deployments'], verbs: watchAndWrite },
        { apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: [''], resources: ['services'], verbs: watchAndWrite },
        { apiGroups: ['kubeflow.org'], resources: ['pvcviewers'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] },
        { apiGroups: ['kubeflow.org'], resources: ['pvcviewers/finalizers'], verbs: ['update'] },
        { apiGroups: ['kubeflow.org'], resources: ['pvcviewers/status'], verbs: ['get', 'patch', 'update'] },
        { apiGroups: ['networking.istio.io'], resources: ['virtualservices'], verbs: watchAndWrite },
      ],
    });
    const subjects = [{ kind: 'ServiceAccount', name: SERVICE_ACCOUNT, namespace: ns }];
    new k8s.KubeRoleBinding(this, 'leader-election-role-binding', {
      metadata: meta(`${PREFIX}-leader-election-rolebinding`, scaffold('rbac', 'leader-election-rolebinding', 'rolebinding')),
      roleRef: { apiGroup: rbac, kind: 'Role', name: `${PREFIX}-leader-election-role` },
      subjects,
    });
    new k8s.KubeClusterRoleBinding(this, 'manager-role-binding', {
      metadata: meta(`${PREFIX}-manager-rolebinding`, scaffold('rbac', 'manager-rolebinding', 'clusterrolebinding'), false),
      roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: `${PREFIX}-role` },
      subjects,
    });
    new k8s.KubeClusterRoleBinding(this, 'proxy-role-binding', {
      metadata: meta(`${PREFIX}-proxy-rolebinding`, scaffold('kube-rbac-proxy', 'proxy-rolebinding', 'clusterrolebinding'), false),
      roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: `${PREFIX}-proxy-role` },
      subjects,
    });
  }

  /** Metrics and webhook Services. */
  private services(): void {
    const meta = this.meta.bind(this);
    metricsService(
      this,
      'metrics-service',
      meta(
        `${PREFIX}-controller-manager-metrics-service`,
        scaffold('kube-rbac-proxy', 'controller-manager-metrics-service', 'service', { 'control-plane': 'controller-manager' }),
      ),
      selector,
    );
    new k8s.KubeService(this, 'webhook-service', {
      metadata: meta(WEBHOOK_SERVICE, scaffold('webhook', 'webhook-service', 'service')),
      spec: { ports: [{ port: 443, protocol: 'TCP', targetPort: k8s.IntOrString.fromNumber(9443) }], selector },
    });
  }

  /** The controller manager with its kube-rbac-proxy. */
  private deployment(): void {
    const v = this.v;
    const meta = this.meta.bind(this);
    const pullPolicy = (p: string) => opt(nonEmpty(p), p);
    new k8s.KubeDeployment(this, 'deployment', {
      metadata: meta(SERVICE_ACCOUNT, scaffold('manager', 'controller-manager', 'deployment', { 'control-plane': 'controller-manager' })),
      spec: {
        replicas: v.replicas,
        selector: { matchLabels: selector },
        template: {
          metadata: {
            annotations: {
              'kubectl.kubernetes.io/default-container': 'manager',
              // The API server calls the webhook directly, with its own TLS: keep the Istio sidecar out of that path.
              'traffic.sidecar.istio.io/excludeInboundPorts': '9443',
            },
            labels: selector,
          },
          spec: {
            affinity: v.affinity,
            containers: [
              {
                name: 'manager',
                image: v.image.ref,
                imagePullPolicy: v.image.pullPolicy,
                command: ['/manager'],
                args: [
                  '--health-probe-bind-address=:8081',
                  '--metrics-bind-address=127.0.0.1:8080',
                  ...items(v.leaderElection, ['--leader-elect']),
                ],
                ...healthProbes(15, 20),
                ports: [{ containerPort: 9443, name: 'webhook-server', protocol: 'TCP' }],
                resources: v.resources,
                securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
                volumeMounts: [{ mountPath: '/tmp/k8s-webhook-server/serving-certs', name: 'cert', readOnly: true }],
              },
              kubeRbacProxyContainer(v.kubeRbacProxy.image.ref, v.kubeRbacProxy.resources, pullPolicy(v.kubeRbacProxy.image.pullPolicy)),
            ],
            nodeSelector: v.nodeSelector,
            tolerations: v.tolerations,
            securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
            serviceAccountName: SERVICE_ACCOUNT,
            terminationGracePeriodSeconds: 10,
            volumes: [{ name: 'cert', secret: { defaultMode: 420, secretName: CERT_SECRET } }],
          },
        },
      },
    });
  }

  /** cert-manager Certificate for the webhook, and optionally its self-signed Issuer. */
  private certificates(): void {
    const v = this.v;
    const ns = v.namespace;
    const meta = this.meta.bind(this);
    // cert-manager issues the webhook's serving certificate and injects its CA into the webhook configurations and the CRD.
    const certLabels = scaffold('certificate', 'serving-cert', 'certificate');
    customObject<ICertificate>(this, 'certificate', {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: meta(CERTIFICATE, certLabels),
      spec: {
        dnsNames: [`${WEBHOOK_SERVICE}.${ns}.svc`, `${WEBHOOK_SERVICE}.${ns}.svc.${v.clusterDomain}`],
        issuerRef: { kind: v.certificate.issuer.kind, name: v.certificate.issuer.name },
        secretName: CERT_SECRET,
      },
    });
    when(this, 'issuer', v.certificate.issuer.create, (s) => {
      customObject<IIssuer>(s, 'issuer', {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Issuer',
        metadata: meta(v.certificate.issuer.name, certLabels),
        spec: { selfSigned: {} },
      });
    });
  }

  /** Defaulting and validating webhooks for PVCViewers. */
  private webhooks(): void {
    const v = this.v;
    const ns = v.namespace;
    const meta = this.meta.bind(this);
    const injectCa = { 'cert-manager.io/inject-ca-from': `${ns}/${CERTIFICATE}` };
    const webhook = (name: string, path: string) => ({
      admissionReviewVersions: ['v1'],
      clientConfig: { service: { name: WEBHOOK_SERVICE, namespace: ns, path } },
      failurePolicy: v.webhook.failurePolicy,
      name,
      rules: [{ apiGroups: ['kubeflow.org'], apiVersions: ['v1alpha1'], operations: ['CREATE', 'UPDATE'], resources: ['pvcviewers'] }],
      sideEffects: 'None',
    });
    new k8s.KubeMutatingWebhookConfiguration(this, 'mutating-webhook', {
      metadata: {
        annotations: injectCa,
        ...meta(
          `${PREFIX}-mutating-webhook-configuration`,
          scaffold('webhook', 'mutating-webhook-configuration', 'mutatingwebhookconfiguration'),
          false,
        ),
      },
      webhooks: [webhook(`m${PREFIX}.kb.io`, '/mutate-kubeflow-org-v1alpha1-pvcviewer')],
    });
    new k8s.KubeValidatingWebhookConfiguration(this, 'validating-webhook', {
      metadata: {
        annotations: injectCa,
        ...meta(
          `${PREFIX}-validating-webhook-configuration`,
          scaffold('webhook', 'validating-webhook-configuration', 'validatingwebhookconfiguration'),
          false,
        ),
      },
      webhooks: [webhook(`v${PREFIX}.kb.io`, '/validate-kubeflow-org-v1alpha1-pvcviewer')],
    });
  }
}
