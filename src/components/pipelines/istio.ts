import type { Construct } from 'constructs';
import type { IAuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1beta1/AuthorizationPolicy';
import type { IDestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1alpha3/DestinationRule';
import type { IVirtualService } from '@kubernetes-models/istio/networking.istio.io/v1alpha3/VirtualService';
import { and, when } from '../../core/conditions.js';
import { APP, obj } from './objects.js';
import type { Pipelines } from './pipelines.js';

/** The service accounts of Pipelines' own workloads that call the API server, the visualization server and the database. */
const PIPELINE_ACCOUNTS = [
  'cluster.local/ns/kubeflow/sa/ml-pipeline',
  'cluster.local/ns/kubeflow/sa/ml-pipeline-ui',
  'cluster.local/ns/kubeflow/sa/ml-pipeline-persistenceagent',
  'cluster.local/ns/kubeflow/sa/ml-pipeline-scheduledworkflow',
  'cluster.local/ns/kubeflow/sa/ml-pipeline-viewer-crd-service-account',
  'cluster.local/ns/kubeflow/sa/kubeflow-pipelines-cache',
];

export function istio(c: Pipelines, s: Construct = c): void {
  const v = c.v;
  const ns = v.namespace;
  // Mutual TLS to each service of Pipelines.
  const mutualTls = (scope: Construct, name: string, labels: Record<string, string>, service = name) =>
    obj<IDestinationRule>(scope, `destinationrule-${name}`, {
      apiVersion: 'networking.istio.io/v1alpha3',
      kind: 'DestinationRule',
      metadata: { labels: { ...labels }, name, namespace: ns },
      spec: { host: `${service}.kubeflow.svc.cluster.local`, trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } },
    });
  mutualTls(s, 'metadata-grpc-service', APP);
  mutualTls(s, 'ml-pipeline', c.labels);
  when(s, 'if-destinationrule-ml-pipeline-mysql', and(v.database.bundled, c.db.mysql), (w) =>
    mutualTls(w, 'ml-pipeline-mysql', APP, 'mysql'),
  );
  when(s, 'if-destinationrule-ml-pipeline-seaweedfs', v.objectStore.bundled, (w) =>
    mutualTls(w, 'ml-pipeline-seaweedfs', APP, 'seaweedfs'),
  );
  mutualTls(s, 'ml-pipeline-ui', c.labels);
  mutualTls(s, 'ml-pipeline-visualizationserver', c.labels);
  obj<IVirtualService>(s, 'virtualservice-metadata-grpc', {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'VirtualService',
    metadata: { labels: { ...APP }, name: 'metadata-grpc', namespace: ns },
    spec: {
      gateways: [v.istio.gateway],
      hosts: ['*'],
      http: [
        {
          match: [{ uri: { prefix: '/ml_metadata' } }],
          rewrite: { uri: '/ml_metadata' },
          route: [
            {
              destination: { host: 'metadata-envoy-service.kubeflow.svc.cluster.local', port: { number: 9090 } },
            },
          ],
        },
      ],
    },
  });
  obj<IVirtualService>(s, 'virtualservice-ml-pipeline-ui', {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'VirtualService',
    metadata: { labels: { ...c.labels }, name: 'ml-pipeline-ui', namespace: ns },
    spec: {
      gateways: [v.istio.gateway],
      hosts: ['*'],
      http: [
        {
          match: [{ uri: { prefix: '/pipeline' } }],
          rewrite: { uri: '/pipeline' },
          route: [{ destination: { host: 'ml-pipeline-ui.kubeflow.svc.cluster.local', port: { number: 80 } } }],
          timeout: '300s',
        },
      ],
    },
  });
  obj<IAuthorizationPolicy>(s, 'authorizationpolicy-metadata-grpc-service', {
    apiVersion: 'security.istio.io/v1beta1',
    kind: 'AuthorizationPolicy',
    metadata: {
      labels: { ...APP },
      name: 'metadata-grpc-service',
      namespace: ns,
    },
    spec: { action: 'ALLOW', rules: [{}], selector: { matchLabels: { component: 'metadata-grpc-server' } } },
  });
  obj<IAuthorizationPolicy>(s, 'authorizationpolicy-ml-pipeline', {
    apiVersion: 'security.istio.io/v1beta1',
    kind: 'AuthorizationPolicy',
    metadata: { labels: { ...c.labels }, name: 'ml-pipeline', namespace: ns },
    spec: {
      rules: [
        {
          from: [
            {
              source: {
                principals: PIPELINE_ACCOUNTS,
              },
            },
          ],
        },
        { when: [{ key: 'request.headers[kubeflow-userid]', notValues: ['*'] }] },
      ],
      selector: { matchLabels: { app: 'ml-pipeline' } },
    },
  });
  obj<IAuthorizationPolicy>(s, 'authorizationpolicy-ml-pipeline-ui', {
    apiVersion: 'security.istio.io/v1beta1',
    kind: 'AuthorizationPolicy',
    metadata: { labels: { ...c.labels }, name: 'ml-pipeline-ui', namespace: ns },
    spec: {
      rules: [
        {
          from: [
            {
              source: { principals: [v.istio.gatewayPrincipal] },
            },
          ],
        },
        {
          when: [
            { key: 'request.headers[authorization]', values: ['*'] },
            { key: 'request.headers[kubeflow-userid]', notValues: ['*'] },
          ],
        },
      ],
      selector: { matchLabels: { app: 'ml-pipeline-ui' } },
    },
  });
  obj<IAuthorizationPolicy>(s, 'authorizationpolicy-ml-pipeline-visualizationserver', {
    apiVersion: 'security.istio.io/v1beta1',
    kind: 'AuthorizationPolicy',
    metadata: { labels: { ...c.labels }, name: 'ml-pipeline-visualizationserver', namespace: ns },
    spec: {
      rules: [
        {
          from: [
            {
              source: {
                principals: PIPELINE_ACCOUNTS,
              },
            },
          ],
        },
      ],
      selector: { matchLabels: { app: 'ml-pipeline-visualizationserver' } },
    },
  });
  when(s, 'if-authorizationpolicy-mysql', and(v.database.bundled, c.db.mysql), (w) => {
    obj<IAuthorizationPolicy>(w, 'authorizationpolicy-mysql', {
      apiVersion: 'security.istio.io/v1beta1',
      kind: 'AuthorizationPolicy',
      metadata: { labels: { ...APP }, name: 'mysql', namespace: ns },
      spec: {
        rules: [
          {
            from: [
              {
                source: {
                  principals: [...PIPELINE_ACCOUNTS, 'cluster.local/ns/kubeflow/sa/metadata-grpc-server'],
                },
              },
            ],
          },
        ],
        selector: { matchLabels: { app: 'mysql' } },
      },
    });
  });
  when(s, 'if-authorizationpolicy-seaweedfs-service', v.objectStore.bundled, (w) => {
    obj<IAuthorizationPolicy>(w, 'authorizationpolicy-seaweedfs-service', {
      apiVersion: 'security.istio.io/v1beta1',
      kind: 'AuthorizationPolicy',
      metadata: { labels: { ...APP }, name: 'seaweedfs-service', namespace: ns },
      spec: {
        action: 'ALLOW',
        rules: [
          { from: [{ source: { principals: ['cluster.local/ns/kubeflow/sa/ml-pipeline'] } }] },
          { from: [{ source: { principals: ['cluster.local/ns/kubeflow/sa/ml-pipeline-ui'] } }] },
          {},
        ],
        selector: { matchLabels: { app: 'seaweedfs' } },
      },
    });
  });
  obj<IAuthorizationPolicy>(s, 'authorizationpolicy-service-cache-server', {
    apiVersion: 'security.istio.io/v1beta1',
    kind: 'AuthorizationPolicy',
    metadata: { labels: { ...c.labels }, name: 'service-cache-server', namespace: ns },
    spec: { rules: [{}], selector: { matchLabels: { app: 'cache-server' } } },
  });
}
