import { gatewayRoute } from '../../lib/istio.js';
import { podScheduling } from '../../lib/k8s-values.js';
import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { and, nonEmpty, not, pick, spread, when } from '../../core/conditions.js';
import { b64, generatedSecretData } from '../../core/value-text.js';
import { networkPolicyProps, sameNamespacePolicy } from '../../lib/network-policies.js';
import { dexConfigText } from './config.js';
import { dexCrds } from './crds.js';
import { info } from './info.js';
import type { values } from './values.js';

const NAME = 'dex';
const CLIENT_SECRET = 'dex-oidc-client';
const PASSWORDS_SECRET = 'dex-passwords';
const PORT = 5556;

/** Dex, the OIDC identity provider Kubeflow logs users in with (static users or upstream connectors). */
export class Dex extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    this.namespaceAndCrds();
    this.identity();
    this.config();
    this.secrets();
    this.service();
    this.deployment();
    this.routing();
  }

  private meta(name: string) {
    return { name, namespace: this.v.namespace };
  }

  private namespaceAndCrds(): void {
    const v = this.v;
    const ns = v.namespace;
    new k8s.KubeNamespace(this, 'namespace', { metadata: { name: ns, labels: { 'pod-security.kubernetes.io/enforce': v.podSecurity } } });
    when(this, 'crds', v.crds.install, (s) => dexCrds(s));
  }

  /** ServiceAccount and the ClusterRole Dex needs for its Kubernetes storage. */
  private identity(): void {
    const v = this.v;
    const ns = v.namespace;
    const meta = this.meta.bind(this);
    new k8s.KubeServiceAccount(this, 'service-account', { metadata: meta(NAME) });
    new k8s.KubeClusterRole(this, 'cluster-role', {
      metadata: { name: NAME },
      rules: [
        { apiGroups: ['dex.coreos.com'], resources: ['*'], verbs: ['*'] },
        { apiGroups: ['apiextensions.k8s.io'], resources: ['customresourcedefinitions'], verbs: ['create'] },
      ],
    });
    new k8s.KubeClusterRoleBinding(this, 'cluster-role-binding', {
      metadata: { name: NAME },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: NAME },
      subjects: [{ kind: 'ServiceAccount', name: NAME, namespace: ns }],
    });
  }

  private config(): void {
    const v = this.v;
    const meta = this.meta.bind(this);
    new k8s.KubeConfigMap(this, 'config', { metadata: meta(NAME), data: { 'config.yaml': dexConfigText(v) } });
  }

  /** The OIDC client Secret (given or generated, unless `existingSecret`) and the static-password Secret. */
  private secrets(): void {
    const v = this.v;
    const ns = v.namespace;
    const meta = this.meta.bind(this);
    const ownClientSecret = not(nonEmpty(v.oidcClient.existingSecret));
    const clientSecret = (scope: Construct, id: string, generate: boolean) =>
      new k8s.KubeSecret(scope, id, {
        metadata: { ...meta(CLIENT_SECRET), ...(generate ? { annotations: { 'helm.sh/resource-policy': 'keep' } } : {}) },
        data: {
          OIDC_CLIENT_ID: b64(v.oidcClient.id),
          OIDC_CLIENT_SECRET: generate
            ? generatedSecretData({
                component: NAME,
                valuePath: 'oidcClient.generateSecret',
                namespace: ns,
                secretName: CLIENT_SECRET,
                key: 'OIDC_CLIENT_SECRET',
                length: 32,
                symbolic: this.symbolic,
              })
            : b64(v.oidcClient.secret),
        },
        type: 'Opaque',
      });
    // A generated secret is kept on uninstall and read back on upgrades, so it never changes.
    when(this, 'client-secret', and(ownClientSecret, not(v.oidcClient.generateSecret)), (s) => clientSecret(s, 'oidc-client', false));
    when(this, 'generated-client-secret', and(ownClientSecret, v.oidcClient.generateSecret), (s) =>
      clientSecret(s, 'generated-oidc-client', true),
    );
    const ownPasswords = not(nonEmpty(v.passwords.existingSecret));
    when(this, 'password-secret', ownPasswords, (s) => {
      new k8s.KubeSecret(s, 'passwords', { metadata: meta(PASSWORDS_SECRET), stringData: v.passwords.hashes });
    });
  }

  private service(): void {
    const meta = this.meta.bind(this);
    new k8s.KubeService(this, 'service', {
      metadata: meta(NAME),
      spec: {
        ports: [{ name: NAME, port: PORT, protocol: 'TCP', targetPort: k8s.IntOrString.fromNumber(PORT) }],
        selector: { app: NAME },
        type: 'ClusterIP',
      },
    });
  }

  private deployment(): void {
    const v = this.v;
    const meta = this.meta.bind(this);
    const ownClientSecret = not(nonEmpty(v.oidcClient.existingSecret));
    const ownPasswords = not(nonEmpty(v.passwords.existingSecret));
    new k8s.KubeDeployment(this, 'deployment', {
      metadata: { ...meta(NAME), labels: { app: NAME } },
      spec: {
        replicas: v.replicas,
        selector: { matchLabels: { app: NAME } },
        template: {
          metadata: { labels: { app: NAME } },
          spec: {
            containers: [
              {
                name: NAME,
                image: v.image.ref,
                command: ['dex', 'serve', '/etc/dex/cfg/config.yaml'],
                env: [{ name: 'KUBERNETES_POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
                envFrom: [
                  { secretRef: { name: pick(ownClientSecret, CLIENT_SECRET, v.oidcClient.existingSecret) } },
                  { secretRef: { name: pick(ownPasswords, PASSWORDS_SECRET, v.passwords.existingSecret) } },
                  ...spread(v.extraEnvFrom),
                ],
                ports: [{ containerPort: PORT, name: 'http' }],
                readinessProbe: {
                  failureThreshold: 3,
                  httpGet: { path: '/dex/healthz', port: k8s.IntOrString.fromNumber(PORT) },
                  initialDelaySeconds: 10,
                  periodSeconds: 10,
                  timeoutSeconds: 3,
                },
                resources: v.resources,
                securityContext: {
                  allowPrivilegeEscalation: false,
                  capabilities: { drop: ['ALL'] },
                  runAsGroup: 1001,
                  runAsNonRoot: true,
                  runAsUser: 1001,
                  seccompProfile: { type: 'RuntimeDefault' },
                },
                volumeMounts: [{ mountPath: '/etc/dex/cfg', name: 'config' }],
              },
            ],
            ...podScheduling(v),
            serviceAccountName: NAME,
            volumes: [{ configMap: { items: [{ key: 'config.yaml', path: 'config.yaml' }], name: NAME }, name: 'config' }],
          },
        },
      },
    });
  }

  /** The /dex/ route on the gateway and, when enabled, the NetworkPolicies. */
  private routing(): void {
    const v = this.v;
    const ns = v.namespace;
    const meta = this.meta.bind(this);
    gatewayRoute(this, 'virtual-service', {
      metadata: meta(NAME),
      gateway: v.istio.gateway,
      prefix: '/dex/',
      host: `${NAME}.${ns}.svc.${v.clusterDomain}`,
      port: PORT,
    });

    when(this, 'network-policies', v.networkPolicies.enabled, (s) => {
      const peer = (namespace: string, labels: Record<string, string>): k8s.NetworkPolicyPeer => ({
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
        podSelector: { matchLabels: labels },
      });
      new k8s.KubeNetworkPolicy(s, 'allow-istio-and-oauth2-proxy', {
        metadata: meta('allow-istio-and-oauth2-proxy'),
        spec: {
          ingress: [
            {
              from: [
                peer(v.istio.namespace, { app: 'istio-ingressgateway' }),
                peer(v.istio.namespace, { app: 'istiod' }),
                peer(v.oauth2ProxyNamespace, { 'app.kubernetes.io/name': 'oauth2-proxy' }),
              ],
            },
          ],
          podSelector: { matchLabels: { app: NAME } },
          policyTypes: ['Ingress'],
        },
      });
      new k8s.KubeNetworkPolicy(s, 'same-namespace', networkPolicyProps(sameNamespacePolicy(`default-allow-same-namespace-${ns}`), ns));
    });
  }
}
