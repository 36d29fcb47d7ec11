import type { Construct } from 'constructs';
import { CustomResourceDefinition, prop, resourceSchema, type CrdSchema, type PrinterColumn } from '../../core/crd/index.js';
import { labels } from './labels.js';
import { revisionSpec, revisionTemplate } from './revision-spec.js';

/**
 * The 12 CRDs of Knative Serving 1.21 (serving.knative.dev and its internal groups), written with
 * the project's CRD builder: Knative's own fields here, embedded Kubernetes types from cdk8s-plus-33.
 * `@kubernetes-models/knative` ships compiled validators and TypeScript types, no JSON schemas, and
 * its RevisionSpec is the full PodSpec rather than the subset Knative's API accepts, so it is not a source.
 */

const str = (d?: string) => prop.string(d);
const strMap = (d?: string) => prop.map(prop.string(), d);

/** Knative's duck-typed status: conditions, annotations and the generation it reflects. */
const condition = prop.object(
  {
    lastTransitionTime: str('When the condition last changed.'),
    message: str('Human-readable detail.'),
    reason: str('One-word reason of the last change.'),
    severity: str('Error, Warning or Info; empty means Error.'),
    status: str('True, False or Unknown.'),
    type: str('Type of the condition (Ready, …).'),
  },
  { required: ['status', 'type'] },
);
const duckStatus = (fields: Record<string, CrdSchema> = {}, required?: string[]) =>
  prop.object(
    {
      annotations: strMap('Extra state of the reconciler.'),
      conditions: prop.array(condition, "Latest observations of the resource's state."),
      observedGeneration: prop.int64('Generation the status reflects.'),
      ...fields,
    },
    { description: 'Observed state.', required },
  );
const address = prop.object(
  {
    CACerts: str("CA certificates (PEM) that sign the address' certificate."),
    audience: str('OIDC audience of the address.'),
    name: str('Name of the address.'),
    url: prop.string(),
  },
  'Where the resource is reached inside the cluster.',
);
const trafficTarget = prop.object({
  configurationName: str('Configuration whose latest ready revision receives traffic.'),
  latestRevision: prop.boolean('Follow the latest ready revision.'),
  percent: prop.int64('Share of the traffic (0–100).'),
  revisionName: str('Revision that receives traffic.'),
  tag: str('Tag that gets its own URL.'),
  url: str('URL of the tag.'),
});
const traffic = prop.array(trafficTarget, 'How traffic splits over revisions.');

const ready = (quote: '"' | "'"): PrinterColumn[] => [
  { jsonPath: `.status.conditions[?(@.type==${quote}Ready${quote})].status`, name: 'Ready', type: 'string' },
  { jsonPath: `.status.conditions[?(@.type==${quote}Ready${quote})].reason`, name: 'Reason', type: 'string' },
];

interface KnativeCrd {
  group: string;
  kind: string;
  plural?: string;
  version: string;
  scope?: 'Namespaced' | 'Cluster';
  shortNames?: string[];
  categories: string[];
  component?: string;
  extraLabels?: Record<string, string>;
  description: string;
  spec: CrdSchema;
  status?: CrdSchema;
  columns?: PrinterColumn[];
}

function crd(scope: Construct, c: KnativeCrd): CustomResourceDefinition {
  return new CustomResourceDefinition(scope, `${c.plural ?? `${c.kind.toLowerCase()}s`}.${c.group}`, {
    group: c.group,
    kind: c.kind,
    ...(c.plural ? { plural: c.plural } : {}),
    scope: c.scope ?? 'Namespaced',
    ...(c.shortNames ? { shortNames: c.shortNames } : {}),
    categories: c.categories,
    labels: labels(c.component, { 'knative.dev/crd-install': 'true', ...c.extraLabels }),
    versions: [
      {
        name: c.version,
        storage: true,
        subresources: { status: true },
        schema: resourceSchema({ description: c.description, spec: c.spec, ...(c.status ? { status: c.status } : {}) }),
        ...(c.columns ? { additionalPrinterColumns: c.columns } : {}),
      },
    ],
  });
}

const SERVING = ['all', 'knative', 'serving'];
const NETWORKING = ['knative-internal', 'networking'];
const AUTOSCALING = ['knative-internal', 'autoscaling'];
const latest: PrinterColumn[] = [
  { jsonPath: '.status.latestCreatedRevisionName', name: 'LatestCreated', type: 'string' },
  { jsonPath: '.status.latestReadyRevisionName', name: 'LatestReady', type: 'string' },
];
const url: PrinterColumn = { jsonPath: '.status.url', name: 'URL', type: 'string' };
const latestNames = {
  latestCreatedRevisionName: str('Newest revision created from the template.'),
  latestReadyRevisionName: str('Newest revision that is ready.'),
};

export function knativeServingCrds(scope: Construct): void {
  const statusRef = (d: string) => prop.object({ apiVersion: str(), kind: str(), name: str() }, d);

  crd(scope, {
    group: 'networking.internal.knative.dev',
    kind: 'Certificate',
    version: 'v1alpha1',
    shortNames: ['kcert'],
    categories: NETWORKING,
    component: 'networking',
    description: 'A TLS certificate Knative requests for its routes (fulfilled by the certificate class, e.g. cert-manager).',
    spec: prop.object(
      {
        dnsNames: prop.array(prop.string(), 'Host names the certificate covers.'),
        domain: str('Domain of the certificate.'),
        secretName: str('Secret the certificate is written to.'),
      },
      { description: 'The certificate wanted.', required: ['dnsNames', 'secretName'] },
    ),
    status: duckStatus({
      http01Challenges: prop.array(
        prop.object({
          serviceName: str('Service that answers the challenge.'),
          serviceNamespace: str('Its namespace.'),
          servicePort: prop.intOrString('Its port.'),
          url: str('URL the challenge is served at.'),
        }),
        'HTTP-01 challenges to route while the certificate is issued.',
      ),
      notAfter: prop.dateTime('End of validity.'),
    }),
    columns: ready('"'),
  });
  crd(scope, {
    group: 'networking.internal.knative.dev',
    kind: 'ClusterDomainClaim',
    version: 'v1alpha1',
    scope: 'Cluster',
    shortNames: ['cdc'],
    categories: NETWORKING,
    component: 'networking',
    description: 'Claims a domain name for one namespace, so DomainMappings of other namespaces cannot take it.',
    spec: prop.object({ namespace: str('Namespace that may use the domain.') }, { description: 'The claim.', required: ['namespace'] }),
  });
  crd(scope, {
    group: 'serving.knative.dev',
    kind: 'Configuration',
    version: 'v1',
    shortNames: ['config', 'cfg'],
    categories: SERVING,
    extraLabels: { 'duck.knative.dev/podspecable': 'true' },
    description: 'Keeps the latest revision of a workload: each change of its template creates a Revision.',
    spec: prop.object({ template: revisionTemplate() }, 'The template of the revisions.'),
    status: duckStatus(latestNames),
    columns: [...latest, ...ready("'")],
  });
  crd(scope, {
    group: 'serving.knative.dev',
    kind: 'DomainMapping',
    version: 'v1beta1',
    shortNames: ['dm'],
    categories: SERVING,
    description: 'Maps a custom domain (its name) to an addressable resource such as a Knative Service.',
    spec: prop.object(
      {
        ref: prop.object(
          {
            address: str('Custom address of the target.'),
            apiVersion: str('API version of the target.'),
            group: str('API group of the target.'),
            kind: str('Kind of the target.'),
            name: str('Name of the target.'),
            namespace: str("Namespace of the target (the mapping's own)."),
          },
          { description: 'The target.', required: ['kind', 'name'] },
        ),
        tls: prop.object(
          { secretName: str('Secret with the certificate.') },
          { description: 'TLS for the domain.', required: ['secretName'] },
        ),
      },
      { description: 'The mapping.', required: ['ref'] },
    ),
    status: duckStatus({ address, url: str('URL of the mapping.') }),
    columns: [url, ...ready("'")],
  });
  crd(scope, {
    group: 'caching.internal.knative.dev',
    kind: 'Image',
    version: 'v1alpha1',
    categories: ['knative-internal', 'caching'],
    description: 'An image to keep cached on the nodes (queue-proxy).',
    spec: prop.object(
      {
        image: str('Image reference.'),
        imagePullSecrets: prop.array(
          { ...prop.object({ name: prop.string({ default: '' }) }), 'x-kubernetes-map-type': 'atomic' },
          'Secrets to pull the image with.',
        ),
        serviceAccountName: str('Service account whose pull secrets apply.'),
      },
      { description: 'The image.', required: ['image'] },
    ),
    status: duckStatus(),
    columns: [{ jsonPath: '.spec.image', name: 'Image', type: 'string' }],
  });
  const loadBalancer = prop.object({
    ingress: prop.array(
      prop.object({
        domain: str('Domain name of the balancer.'),
        domainInternal: str('Cluster-internal domain name.'),
        ip: str('IP address.'),
        meshOnly: prop.boolean('Reachable only inside the mesh.'),
      }),
      'Addresses of the balancer.',
    ),
  });
  const split = prop.object(
    {
      appendHeaders: strMap('Headers added to requests of this split.'),
      percent: prop.integer('Share of the traffic.'),
      serviceName: str('Backend service.'),
      serviceNamespace: str('Its namespace.'),
      servicePort: prop.intOrString('Its port.'),
    },
    { required: ['serviceName', 'serviceNamespace', 'servicePort'] },
  );
  crd(scope, {
    group: 'networking.internal.knative.dev',
    kind: 'Ingress',
    plural: 'ingresses',
    version: 'v1alpha1',
    shortNames: ['kingress', 'king'],
    categories: NETWORKING,
    component: 'networking',
    description: "Knative's ingress abstraction; net-istio turns each into Istio VirtualServices.",
    spec: prop.object(
      {
        httpOption: str('Enabled or Redirected (HTTP to HTTPS).'),
        rules: prop.array(
          prop.object({
            hosts: prop.array(prop.string(), 'Host names the rule matches.'),
            http: prop.object(
              {
                paths: prop.array(
                  prop.object(
                    {
                      appendHeaders: strMap('Headers added to matching requests.'),
                      headers: prop.map(prop.object({ exact: prop.string() }, { required: ['exact'] }), 'Header matches.'),
                      path: str('Path prefix (regular expression).'),
                      rewriteHost: str('Host the request is rewritten to.'),
                      splits: prop.array(split, 'Backends and their shares.'),
                    },
                    { required: ['splits'] },
                  ),
                  'Paths and their backends.',
                ),
              },
              { description: 'HTTP routing.', required: ['paths'] },
            ),
            visibility: str('ExternalIP or ClusterLocal.'),
          }),
          'Routing rules.',
        ),
        tls: prop.array(
          prop.object({
            hosts: prop.array(prop.string(), 'Hosts the certificate serves.'),
            secretName: str('Secret with the certificate.'),
            secretNamespace: str('Its namespace.'),
          }),
          'TLS settings.',
        ),
      },
      'The routes.',
    ),
    status: duckStatus({ privateLoadBalancer: loadBalancer, publicLoadBalancer: loadBalancer }),
    columns: ready("'"),
  });
  crd(scope, {
    group: 'autoscaling.internal.knative.dev',
    kind: 'Metric',
    version: 'v1alpha1',
    categories: AUTOSCALING,
    description: 'What the autoscaler scrapes for one revision, and over which windows.',
    spec: prop.object(
      {
        panicWindow: prop.int64('Panic window (nanoseconds).'),
        scrapeTarget: str('Service scraped.'),
        stableWindow: prop.int64('Stable window (nanoseconds).'),
      },
      { description: 'The metric.', required: ['panicWindow', 'scrapeTarget', 'stableWindow'] },
    ),
    status: duckStatus(),
    columns: ready("'"),
  });
  crd(scope, {
    group: 'autoscaling.internal.knative.dev',
    kind: 'PodAutoscaler',
    version: 'v1alpha1',
    shortNames: ['kpa', 'pa'],
    categories: AUTOSCALING,
    description: "Scales one revision's Deployment (KPA or HPA class).",
    spec: prop.object(
      {
        containerConcurrency: prop.int64('Hard concurrency limit of the revision.'),
        protocolType: str('http1 or h2c.'),
        reachability: str('Reachable, Unreachable or empty (unknown).'),
        scaleTargetRef: { ...statusRef('The scaled workload.'), 'x-kubernetes-map-type': 'atomic' },
      },
      { description: 'The autoscaler.', required: ['protocolType', 'scaleTargetRef'] },
    ),
    status: duckStatus(
      {
        actualScale: prop.int32('Pods running.'),
        desiredScale: prop.int32('Pods wanted.'),
        metricsServiceName: str('Service metrics are scraped from.'),
        serviceName: str('Service of the revision.'),
      },
      ['metricsServiceName', 'serviceName'],
    ),
    columns: [
      { jsonPath: '.status.desiredScale', name: 'DesiredScale', type: 'integer' },
      { jsonPath: '.status.actualScale', name: 'ActualScale', type: 'integer' },
      ...ready("'"),
    ],
  });
  const containerStatuses = (d: string) => prop.array(prop.object({ imageDigest: prop.string(), name: prop.string() }), d);
  crd(scope, {
    group: 'serving.knative.dev',
    kind: 'Revision',
    version: 'v1',
    shortNames: ['rev'],
    categories: SERVING,
    description: "An immutable snapshot of a workload's code and configuration.",
    spec: revisionSpec(),
    status: duckStatus({
      actualReplicas: prop.int32('Pods ready.'),
      desiredReplicas: prop.int32('Pods wanted.'),
      containerStatuses: containerStatuses('Resolved image digests of the containers.'),
      initContainerStatuses: containerStatuses('Resolved image digests of the init containers.'),
      logUrl: str("Where the revision's logs are."),
    }),
    columns: [
      { jsonPath: ".metadata.labels['serving\\.knative\\.dev/configuration']", name: 'Config Name', type: 'string' },
      { jsonPath: ".metadata.labels['serving\\.knative\\.dev/configurationGeneration']", name: 'Generation', type: 'string' },
      ...ready("'"),
      { jsonPath: '.status.actualReplicas', name: 'Actual Replicas', type: 'integer' },
      { jsonPath: '.status.desiredReplicas', name: 'Desired Replicas', type: 'integer' },
    ],
  });
  crd(scope, {
    group: 'serving.knative.dev',
    kind: 'Route',
    version: 'v1',
    shortNames: ['rt'],
    categories: SERVING,
    extraLabels: { 'duck.knative.dev/addressable': 'true' },
    description: "Routes a URL's traffic to revisions.",
    spec: prop.object({ traffic }, 'The traffic split.'),
    status: duckStatus({ address, traffic, url: str('URL of the route.') }),
    columns: [url, ...ready("'")],
  });
  crd(scope, {
    group: 'networking.internal.knative.dev',
    kind: 'ServerlessService',
    version: 'v1alpha1',
    shortNames: ['sks'],
    categories: NETWORKING,
    component: 'networking',
    description: "Switches a revision's traffic between its pods and the activator (when scaled to zero).",
    spec: prop.object(
      {
        mode: str('Serve (pods) or Proxy (activator).'),
        numActivators: prop.int32('Activators in the path in Proxy mode.'),
        objectRef: {
          ...prop.object(
            { apiVersion: str(), fieldPath: str(), kind: str(), name: str(), namespace: str(), resourceVersion: str(), uid: str() },
            "The revision's Deployment.",
          ),
          'x-kubernetes-map-type': 'atomic',
        },
        protocolType: str('http1 or h2c.'),
      },
      { description: 'The service.', required: ['objectRef', 'protocolType'] },
    ),
    status: duckStatus({ privateServiceName: str('Service of the pods.'), serviceName: str('Public service of the revision.') }),
    columns: [
      { jsonPath: '.spec.mode', name: 'Mode', type: 'string' },
      { jsonPath: '.spec.numActivators', name: 'Activators', type: 'integer' },
      { jsonPath: '.status.serviceName', name: 'ServiceName', type: 'string' },
      { jsonPath: '.status.privateServiceName', name: 'PrivateServiceName', type: 'string' },
      ...ready("'"),
    ],
  });
  crd(scope, {
    group: 'serving.knative.dev',
    kind: 'Service',
    version: 'v1',
    shortNames: ['kservice', 'ksvc'],
    categories: SERVING,
    extraLabels: { 'duck.knative.dev/addressable': 'true', 'duck.knative.dev/podspecable': 'true' },
    description: 'A serverless workload: a Configuration and a Route, managed together.',
    spec: prop.object({ template: revisionTemplate(), traffic }, 'The template of the revisions and the traffic split.'),
    status: duckStatus({ address, ...latestNames, traffic, url: str('URL of the service.') }),
    columns: [url, ...latest, ...ready("'")],
  });
}
