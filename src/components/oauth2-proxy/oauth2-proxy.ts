import { gatewayRoute } from '../../lib/istio.js';
import { podScheduling } from '../../lib/k8s-values.js';
import type { IAuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1beta1/AuthorizationPolicy';
import type { IRequestAuthentication } from '@kubernetes-models/istio/security.istio.io/v1beta1/RequestAuthentication';
import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { items, nonEmpty, not, pick, text, when } from '../../core/conditions.js';
import { customObject } from '../../core/custom-object.js';
import { hashedName } from '../../core/hash.js';
import { b64, generatedSecretData, joined } from '../../core/value-text.js';
import { namespaceNamed, networkPolicyProps, sameNamespacePolicy } from '../../lib/network-policies.js';
import { EMAILS_FILE, oauth2ProxyConfig } from './config.js';
import { info } from './info.js';
import { signInLogoSvg } from './sign-in-logo.js';
import type { values } from './values.js';

const NAME = 'oauth2-proxy';
const COOKIE_SECRET = `${NAME}-cookie`;
const selector = { 'app.kubernetes.io/name': NAME };
/** Container security context of both workloads (Pod Security "restricted"). */
const RESTRICTED: k8s.SecurityContext = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  runAsNonRoot: true,
  seccompProfile: { type: 'RuntimeDefault' },
};

/**
 * oauth2-proxy: signs users in with the OIDC issuer (Dex) and answers the Istio ingress gateway's
 * ext_authz checks; plus the Istio policies in the gateway's namespace that send every request
 * through it or require a JWT, and the RequestAuthentications that turn JWTs into user headers.
 */
export class OAuth2Proxy extends Component<typeof values> {
  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    this.namespaceAndAccount();
    const files = this.configMaps();
    const secretName = this.secrets();
    this.allowedEmails();
    this.service();
    this.deployment(files, secretName);
    this.routing();
    this.istioPolicies();
    when(this, 'cluster-jwks-proxy', this.v.m2m.clusterJwksProxy.enabled, (s) => this.clusterJwksProxy(s));
  }

  private meta(name: string) {
    return { name, namespace: this.v.namespace };
  }

  private namespaceAndAccount(): void {
    const v = this.v;
    const ns = v.namespace;
    const meta = this.meta.bind(this);
    new k8s.KubeNamespace(this, 'namespace', { metadata: { name: ns, labels: { 'pod-security.kubernetes.io/enforce': v.podSecurity } } });
    new k8s.KubeServiceAccount(this, 'service-account', { metadata: meta(NAME) });
  }

  /** The config file, the parameters the Deployment reads, and the sign-in page theme (hash-named ConfigMaps). */
  private configMaps(): { configName: string; paramsName: string; themeName: string } {
    const v = this.v;
    const meta = this.meta.bind(this);
    const configData = { 'oauth2_proxy.cfg': oauth2ProxyConfig(v) };
    const configName = hashedName(NAME, 'ConfigMap', configData);
    new k8s.KubeConfigMap(this, 'config', { metadata: meta(configName), data: configData });

    const params = {
      ALLOW_SELF_SIGNED_ISSUER: text(v.oidc.allowSelfSignedIssuer),
      ENABLE_M2M_TOKENS: text(v.m2m.enabled),
      EXTRA_JWT_ISSUERS: joined(v.m2m.extraJwtIssuers, ','),
      FORCE_HTTPS: text(v.cookie.secure),
    };
    const paramsName = hashedName(`${NAME}-parameters`, 'ConfigMap', params);
    new k8s.KubeConfigMap(this, 'parameters', { metadata: meta(paramsName), data: params });

    const theme = { 'kubeflow-logo.svg': pick(nonEmpty(v.signIn.logoSvg), v.signIn.logoSvg, signInLogoSvg) };
    const themeName = hashedName(`${NAME}-theme`, 'ConfigMap', theme);
    new k8s.KubeConfigMap(this, 'theme', { metadata: meta(themeName), data: theme });
    return { configName, paramsName, themeName };
  }

  /** The client and cookie Secret (unless `existingSecret`), the generated cookie secret; returns the Secret name in use. */
  private secrets(): string {
    const v = this.v;
    const ns = v.namespace;
    const meta = this.meta.bind(this);
    const secretData = { 'client-id': b64(v.client.id), 'client-secret': b64(v.client.secret), 'cookie-secret': b64(v.cookie.secret) };
    const ownSecret = hashedName(NAME, 'Secret', secretData);
    const useExisting = nonEmpty(v.existingSecret);
    when(this, 'secret', not(useExisting), (s) => {
      new k8s.KubeSecret(s, 'secret', { metadata: meta(ownSecret), data: secretData, type: 'Opaque' });
    });
    when(this, 'generated', v.cookie.generateSecret, (s) => {
      new k8s.KubeSecret(s, 'cookie-secret', {
        metadata: { ...meta(COOKIE_SECRET), annotations: { 'helm.sh/resource-policy': 'keep' } },
        data: {
          'cookie-secret': generatedSecretData({
            component: NAME,
            valuePath: 'cookie.generateSecret',
            namespace: ns,
            secretName: COOKIE_SECRET,
            key: 'cookie-secret',
            length: 32,
            symbolic: this.symbolic,
          }),
        },
        type: 'Opaque',
      });
    });
    return pick(useExisting, v.existingSecret, ownSecret);
  }

  private allowedEmails(): void {
    const v = this.v;
    const meta = this.meta.bind(this);
    when(this, 'emails', nonEmpty(v.allowedEmails), (s) => {
      new k8s.KubeConfigMap(s, 'emails', {
        metadata: meta(`${NAME}-emails`),
        data: { 'authenticated-emails.txt': `${joined(v.allowedEmails, '\n')}\n` },
      });
    });
  }

  private service(): void {
    const meta = this.meta.bind(this);
    new k8s.KubeService(this, 'service', {
      metadata: meta(NAME),
      spec: {
        ports: [{ name: 'http', port: 80, targetPort: k8s.IntOrString.fromString('http') }],
        publishNotReadyAddresses: true,
        selector,
        type: 'ClusterIP',
      },
    });
  }

  private deployment(files: { configName: string; paramsName: string; themeName: string }, secretName: string): void {
    const v = this.v;
    const meta = this.meta.bind(this);
    const { configName, paramsName, themeName } = files;
    const fromSecret = (name: string, key: string, secret = secretName): k8s.EnvVar => ({
      name,
      valueFrom: { secretKeyRef: { key, name: secret } },
    });
    const fromParams = (name: string, key: string): k8s.EnvVar => ({ name, valueFrom: { configMapKeyRef: { key, name: paramsName } } });
    const httpProbe = (path: string): k8s.Probe => ({ httpGet: { path, port: k8s.IntOrString.fromString('http'), scheme: 'HTTP' } });
    new k8s.KubeDeployment(this, 'deployment', {
      metadata: { ...meta(NAME), labels: { app: NAME } },
      spec: {
        replicas: v.replicas,
        selector: { matchLabels: selector },
        template: {
          metadata: { labels: selector },
          spec: {
            containers: [
              {
                name: NAME,
                image: v.image.ref,
                args: ['--http-address=0.0.0.0:4180', '--config=/etc/oauth2_proxy/oauth2_proxy.cfg'],
                env: [
                  fromSecret('OAUTH2_PROXY_CLIENT_ID', 'client-id'),
                  fromSecret('OAUTH2_PROXY_CLIENT_SECRET', 'client-secret'),
                  fromSecret('OAUTH2_PROXY_COOKIE_SECRET', 'cookie-secret', pick(v.cookie.generateSecret, COOKIE_SECRET, secretName)),
                  fromParams('OAUTH2_PROXY_COOKIE_SECURE', 'FORCE_HTTPS'),
                  fromParams('OAUTH2_PROXY_SSL_INSECURE_SKIP_VERIFY', 'ALLOW_SELF_SIGNED_ISSUER'),
                  fromParams('OAUTH2_PROXY_SKIP_JWT_BEARER_TOKENS', 'ENABLE_M2M_TOKENS'),
                  fromParams('OAUTH2_PROXY_EXTRA_JWT_ISSUERS', 'EXTRA_JWT_ISSUERS'),
                ],
                livenessProbe: httpProbe('/ping'),
                ports: [
                  { containerPort: 4180, name: 'http', protocol: 'TCP' },
                  { containerPort: 44180, name: 'metrics', protocol: 'TCP' },
                ],
                readinessProbe: httpProbe('/ready'),
                resources: v.resources,
                securityContext: RESTRICTED,
                volumeMounts: [
                  {
                    mountPath: '/etc/oauth2_proxy/oauth2_proxy.cfg',
                    name: 'oauth2-proxy-config',
                    readOnly: true,
                    subPath: 'oauth2_proxy.cfg',
                  },
                  {
                    mountPath: '/custom-theme/kubeflow-logo.svg',
                    name: 'oauth2-proxy-theme',
                    readOnly: true,
                    subPath: 'kubeflow-logo.svg',
                  },
                  ...items(nonEmpty(v.allowedEmails), [
                    { mountPath: EMAILS_FILE, name: 'oauth2-proxy-emails', readOnly: true, subPath: 'authenticated-emails.txt' },
                  ]),
                ],
              },
            ],
            ...podScheduling(v),
            volumes: [
              { configMap: { name: configName }, name: 'oauth2-proxy-config' },
              { configMap: { name: themeName }, name: 'oauth2-proxy-theme' },
              ...items(nonEmpty(v.allowedEmails), [{ configMap: { name: `${NAME}-emails` }, name: 'oauth2-proxy-emails' }]),
            ],
          },
        },
      },
    });
  }

  /** The /oauth2/ route on the gateway, and the NetworkPolicies of the namespace. */
  private routing(): void {
    const v = this.v;
    const ns = v.namespace;
    const meta = this.meta.bind(this);

    gatewayRoute(this, 'virtual-service', {
      metadata: meta(NAME),
      gateway: v.istio.gateway,
      prefix: '/oauth2/',
      host: `${NAME}.${ns}.svc.${v.clusterDomain}`,
      port: 80,
    });

    new k8s.KubeNetworkPolicy(this, 'allow-ingressgateway', {
      metadata: meta('allow-istio-ingressgateway'),
      spec: {
        ingress: [{ from: [{ ...namespaceNamed(v.istio.namespace), podSelector: { matchLabels: v.istio.gatewaySelector } }] }],
        podSelector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: [NAME] }] },
        policyTypes: ['Ingress'],
      },
    });
    new k8s.KubeNetworkPolicy(this, 'same-namespace', networkPolicyProps(sameNamespacePolicy(`default-allow-same-namespace-${ns}`), ns));
  }

  /** In the gateway's namespace: ext_authz through oauth2-proxy unless a JWT is presented, and a JWT required everywhere. */
  private istioPolicies() {
    const v = this.v;
    const gw = new Construct(this, 'istio');
    const meta = (name: string) => ({ name, namespace: v.istio.namespace });
    const onGateway = { matchLabels: v.istio.gatewaySelector };
    const exceptLogin = [{ operation: { notPaths: v.istio.unauthenticatedPaths } }];
    customObject<IAuthorizationPolicy>(gw, 'ext-authz', {
      apiVersion: 'security.istio.io/v1beta1',
      kind: 'AuthorizationPolicy',
      metadata: meta('istio-ingressgateway-oauth2-proxy'),
      spec: {
        action: 'CUSTOM',
        provider: { name: v.istio.extAuthzProvider },
        // requests that carry a bearer token are checked by Istio's JWT rules instead
        rules: [{ to: exceptLogin, when: [{ key: 'request.headers[authorization]', notValues: ['*'] }] }],
        selector: onGateway,
      },
    });
    customObject<IAuthorizationPolicy>(gw, 'require-jwt', {
      apiVersion: 'security.istio.io/v1beta1',
      kind: 'AuthorizationPolicy',
      metadata: meta('istio-ingressgateway-require-jwt'),
      spec: { action: 'DENY', rules: [{ from: [{ source: { notRequestPrincipals: ['*'] } }], to: exceptLogin }], selector: onGateway },
    });
    customObject<IRequestAuthentication>(gw, 'issuer-jwt', {
      apiVersion: 'security.istio.io/v1beta1',
      kind: 'RequestAuthentication',
      metadata: meta('dex-jwt'),
      spec: {
        jwtRules: [
          {
            forwardOriginalToken: true,
            fromHeaders: [{ name: 'Authorization', prefix: 'Bearer ' }],
            issuer: v.issuerUrl,
            outputClaimToHeaders: [
              { claim: v.istio.userIdClaim, header: v.istio.userIdHeader },
              { claim: 'groups', header: v.istio.groupsHeader },
            ],
          },
        ],
        selector: onGateway,
      },
    });
    when(gw, 'm2m', nonEmpty(v.m2m.jwtRules), (s) => {
      customObject<IRequestAuthentication>(s, 'm2m-jwt', {
        apiVersion: 'security.istio.io/v1beta1',
        kind: 'RequestAuthentication',
        metadata: meta('m2m-token-issuer'),
        spec: { jwtRules: v.m2m.jwtRules, selector: onGateway },
      });
    });
  }

  /** kubectl proxy that serves only the API server's OIDC discovery and JWKS, so Istio can verify service account tokens. */
  private clusterJwksProxy(scope: Construct) {
    const v = this.v;
    const name = 'cluster-jwks-proxy';
    const labels = { 'app.kubernetes.io/name': name };
    const metadata = { name, namespace: v.istio.namespace, labels };
    new k8s.KubeServiceAccount(scope, 'jwks-proxy-service-account', { metadata });
    new k8s.KubeService(scope, 'jwks-proxy-service', {
      metadata,
      spec: { ports: [{ name: 'http', port: 80, targetPort: k8s.IntOrString.fromString('http') }], selector: labels },
    });
    const probe = (initialDelaySeconds: number, periodSeconds: number, timeoutSeconds: number): k8s.Probe => ({
      httpGet: { path: '/openid/v1/jwks', port: k8s.IntOrString.fromString('http') },
      initialDelaySeconds,
      periodSeconds,
      timeoutSeconds,
    });
    new k8s.KubeDeployment(scope, 'jwks-proxy-deployment', {
      metadata,
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: 'kubectl-proxy',
                image: v.m2m.clusterJwksProxy.image.ref,
                args: [
                  'proxy',
                  '--address=0.0.0.0',
                  '--port=8080',
                  '--accept-hosts=.*',
                  '--accept-paths=^(?:/openid/v1/jwks)|(?:/.well-known/openid-configuration)$',
                  '--reject-methods=^(POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT|TRACE)$',
                ],
                livenessProbe: probe(15, 15, 5),
                ports: [{ containerPort: 8080, name: 'http' }],
                readinessProbe: probe(15, 15, 5),
                securityContext: RESTRICTED,
                startupProbe: probe(5, 5, 2),
              },
            ],
            serviceAccountName: name,
          },
        },
      },
    });
  }
}
