import { allowPrincipals, gatewayRoute, gatewayValue, INGRESS_GATEWAY_PRINCIPAL } from './istio.js';
import { k8s } from 'cdk8s-plus-33';
import type { IDestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1alpha3/DestinationRule';
import { eq, json, not, opt, pick, spread, text, type Cond } from '../core/conditions.js';
import { hashedName } from '../core/hash.js';
import { customObject } from '../core/custom-object.js';
import { envVarSchema, podScheduling, scheduling } from './k8s-values.js';
import { objectMeta } from './metadata.js';
import { aggregateTo } from './rbac.js';
import { s } from '../core/schema.js';
import { v, type Access, type Group, type ImageValue } from '../core/values.js';
import type { Construct } from 'constructs';

/**
 * The three CRUD web apps of Kubeflow Notebooks (jupyter, volumes, tensorboards) share one layout
 * upstream (kubeflow/kubeflow components/crud-web-apps): a Flask backend on port 5000 behind the
 * Istio gateway under a path prefix, a parameters ConfigMap, a cluster role plus roles aggregated
 * into kubeflow-admin/edit/view. This module holds that layout once; each app adds its config.
 */
export interface CrudWebAppDefaults {
  /** What the app manages, for value descriptions ("Notebooks"). */
  readonly what: string;
  readonly image: ImageValue;
  /** URL path prefix, e.g. `/jupyter`. */
  readonly prefix: string;
}

export const crudWebAppValues = (d: CrudWebAppDefaults) => ({
  namespace: v.dnsLabel('kubeflow', 'Namespace of the web app.'),
  image: v.image(
    d.image,
    'Web app image. As upstream, the Deployment states no pull policy while it is IfNotPresent (the Kubernetes default for tagged images); another policy is written out.',
  ),
  replicas: v.int(1, 'Web app replicas.', { minimum: 0 }),
  resources: v.resources({}, 'Resources of the web app container.'),
  ...scheduling(),
  prefix: v.str(
    d.prefix,
    `URL path under which the gateway serves the ${d.what} UI (APP_PREFIX; the VirtualService matches \`<prefix>/\`).`,
    { pattern: '^/[-A-Za-z0-9._~]+(/[-A-Za-z0-9._~]+)*$' },
  ),
  clusterDomain: v.subdomain('cluster.local', 'Cluster DNS domain, used in service hostnames.'),
  userIdHeader: v.headerName('kubeflow-userid', 'Request header that carries the user identity (set by the auth proxy).'),
  userIdPrefix: v.line('', 'Prefix the auth proxy puts before the user id in that header.'),
  secureCookies: v.bool(true, 'Mark the CSRF cookie Secure (APP_SECURE_COOKIES); set false only when the UI is served over plain HTTP.'),
  metrics: v.line('1', 'Value of METRICS: a non-empty value exposes Prometheus metrics at /metrics; empty turns them off.'),
  extraEnv: v.list<k8s.EnvVar>([], 'Environment variables appended to the web app container.', envVarSchema(), { omitEmpty: true }),
  istio: v.group('Istio integration.', {
    gateway: gatewayValue('kubeflow-gateway', 'Gateway the VirtualService binds to.'),
    ingressGatewayPrincipal: v.str(
      INGRESS_GATEWAY_PRINCIPAL,
      'Principal of the ingress gateway, the only caller the AuthorizationPolicy allows.',
      s.principal(),
    ),
  }),
});

export type CrudWebAppValues = ReturnType<typeof crudWebAppValues>;
type V = Access<Group<CrudWebAppValues>>;

export interface CrudWebAppLayout {
  /** Upstream name, also the prefix of every object name (`volumes-web-app`). */
  readonly name: string;
  /** Prefix of the parameters ConfigMap keys (`VWA`). */
  readonly paramPrefix: string;
  /** Entries of the parameters ConfigMap besides the common ones (`JWA_UI`). */
  readonly extraParams?: Record<string, string>;
  /** Noun in the aggregated role names: `<name>-kubeflow-<uiRole>-ui-{admin,edit,view}`. */
  readonly uiRole: string;
  readonly rules: { readonly cluster: k8s.PolicyRule[]; readonly edit: k8s.PolicyRule[]; readonly view: k8s.PolicyRule[] };
  /** Container env right after APP_PREFIX, and right before METRICS (upstream order). */
  readonly envAfterPrefix?: k8s.EnvVar[];
  readonly envBeforeMetrics?: k8s.EnvVar[];
  readonly volumeMounts?: k8s.VolumeMount[];
  readonly volumes?: k8s.Volume[];
}

export const crudLabels = (name: string) => ({ app: name, 'kustomize.component': name });

/** Creates the objects every CRUD web app has. */
export function crudWebApp(scope: Construct, v: V, l: CrudWebAppLayout): void {
  const { name } = l;
  const ns = v.namespace;
  const labels = crudLabels(name);
  const meta = objectMeta(ns, labels);
  const sa = `${name}-service-account`;
  const svc = `${name}-service`;
  const host = `${svc}.${ns}.svc.${v.clusterDomain}`;

  new k8s.KubeServiceAccount(scope, 'service-account', { metadata: meta(sa) });
  new k8s.KubeClusterRole(scope, 'cluster-role', { metadata: meta(`${name}-cluster-role`, false), rules: l.rules.cluster });
  new k8s.KubeClusterRoleBinding(scope, 'cluster-role-binding', {
    metadata: meta(`${name}-cluster-role-binding`, false),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `${name}-cluster-role` },
    subjects: [{ kind: 'ServiceAccount', name: sa, namespace: ns }],
  });
  // Aggregated into Kubeflow's kubeflow-admin/edit/view roles, which profiles bind for their users.
  const aggregated: [string, k8s.PolicyRule[]][] = [
    ['admin', []],
    ['edit', l.rules.edit],
    ['view', l.rules.view],
  ];
  for (const [level, rules] of aggregated) {
    new k8s.KubeClusterRole(scope, `kubeflow-${level}-role`, {
      metadata: meta(`${name}-kubeflow-${l.uiRole}-ui-${level}`, false, aggregateTo(`kubeflow-${level}`)),
      rules,
    });
  }

  // Kustomize's parameter source upstream; the app itself reads the same settings from env.
  const p = l.paramPrefix;
  const params: Record<string, string> = {
    [`${p}_APP_ENABLE_METRICS`]: v.metrics,
    [`${p}_APP_SECURE_COOKIES`]: text(v.secureCookies),
    [`${p}_CLUSTER_DOMAIN`]: v.clusterDomain,
    [`${p}_PREFIX`]: v.prefix,
    ...l.extraParams,
    [`${p}_USERID_HEADER`]: v.userIdHeader,
    [`${p}_USERID_PREFIX`]: v.userIdPrefix,
  };
  new k8s.KubeConfigMap(scope, 'parameters', { metadata: meta(hashedName(`${name}-parameters`, 'ConfigMap', params)), data: params });

  new k8s.KubeService(scope, 'service', {
    metadata: meta(svc, true, { run: name }),
    spec: {
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: k8s.IntOrString.fromNumber(5000) }],
      selector: labels,
      type: 'ClusterIP',
    },
  });

  new k8s.KubeDeployment(scope, 'deployment', {
    metadata: meta(`${name}-deployment`),
    spec: {
      replicas: v.replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name,
              image: v.image.ref,
              // Upstream leaves the policy to Kubernetes (IfNotPresent for tagged images); only other policies are written.
              imagePullPolicy: opt(not(eq(v.image.pullPolicy, 'IfNotPresent')), v.image.pullPolicy),
              env: [
                { name: 'APP_PREFIX', value: v.prefix },
                ...(l.envAfterPrefix ?? []),
                { name: 'USERID_HEADER', value: v.userIdHeader },
                { name: 'USERID_PREFIX', value: v.userIdPrefix },
                { name: 'APP_SECURE_COOKIES', value: text(v.secureCookies) },
                ...(l.envBeforeMetrics ?? []),
                { name: 'METRICS', value: v.metrics },
                ...spread(v.extraEnv),
              ],
              ports: [{ containerPort: 5000 }],
              resources: v.resources,
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true, runAsUser: 1000 },
              volumeMounts: l.volumeMounts,
            },
          ],
          ...podScheduling(v),
          securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
          serviceAccountName: sa,
          volumes: l.volumes,
        },
      },
    },
  });

  customObject<IDestinationRule>(scope, 'destination-rule', {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'DestinationRule',
    metadata: meta(name),
    spec: { host, trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } },
  });
  gatewayRoute(scope, 'virtual-service', {
    metadata: meta(`${name}-${name}`),
    gateway: v.istio.gateway,
    forwardedPrefix: v.prefix,
    prefix: `${v.prefix}/`,
    rewrite: '/',
    host,
    port: 80,
  });
  allowPrincipals(scope, 'authorization-policy', meta(name), [v.istio.ingressGatewayPrincipal], { app: name });
}

/** A member of a JSON object composed by `jsonObject`; `when` keeps it only while the condition holds. */
export interface JsonMember {
  readonly key: string;
  /** JSON text of the member's value: `json(v.x, …)`, `jsonValue(v.x, level)` or a nested `jsonObject`. */
  readonly text: string;
  readonly when?: Cond;
}

/**
 * JSON text of an object whose members come in the given order (config files keep upstream's
 * section order), two-space indented, `level` deep. Member texts may hold chart values, so the
 * same text is computed in TypeScript (concrete) and by the template (Helm). JSON is valid YAML,
 * which is how the web apps read these files.
 */
export function jsonObject(members: JsonMember[], level = 0): string {
  const pad = '  '.repeat(level + 1);
  const end = '  '.repeat(level);
  let body = '';
  members.forEach((m, i) => {
    const line = `${i ? ',\n' : ''}${pad}${JSON.stringify(m.key)}: ${m.text}`;
    if (m.when === undefined) body += line;
    else if (!i) throw new Error(`jsonObject: the first member ('${m.key}') cannot be conditional`);
    else body += pick(m.when, line, '');
  });
  return `{\n${body}\n${end}}`;
}

/** JSON text of one value, as a member `level` deep (sorted keys; a removed value is `null`). */
export const jsonValue = (x: unknown, level: number): string => json(x ?? null, { indent: 2, level });
