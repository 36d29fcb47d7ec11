import type { IAuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1beta1/AuthorizationPolicy';
import type { IDestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1alpha3/DestinationRule';
import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { nonEmpty, opt } from '../../core/conditions.js';
import { customObject, type TypedResource } from '../../core/custom-object.js';
import { gatewayRoute } from '../../lib/istio.js';
import { SERVER, SERVER_SERVICE, type Context } from './context.js';

/** The REST API behind the Kubeflow gateway at `/api/model_registry/`, with mutual TLS to the server. */
export function istioRoute(scope: Construct, c: Context): void {
  customObject<IDestinationRule>(scope, 'destination-rule', {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'DestinationRule',
    metadata: c.meta(SERVER_SERVICE),
    spec: { host: c.serverHost, trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } },
  });
  gatewayRoute(scope, 'virtual-service', {
    metadata: c.meta('model-registry'),
    gateway: c.v.istio.gateway,
    prefix: '/api/model_registry/',
    host: c.serverHost,
    port: c.v.server.port,
  });
  customObject<IAuthorizationPolicy>(scope, 'authorization-policy', {
    apiVersion: 'security.istio.io/v1beta1',
    kind: 'AuthorizationPolicy',
    metadata: c.meta(SERVER_SERVICE),
    // every caller: the registry checks access itself (upstream's policy)
    spec: { action: 'ALLOW', rules: [{}], selector: { matchLabels: { component: SERVER } } },
  });
}

/** KServe's ClusterStorageContainer (serving.kserve.io/v1alpha1); the CRD comes with KServe. */
interface ClusterStorageContainer extends TypedResource {
  apiVersion: 'serving.kserve.io/v1alpha1';
  kind: 'ClusterStorageContainer';
  spec: { container: k8s.Container; supportedUriFormats: { prefix?: string; regex?: string }[] };
}

/** Lets KServe download models given as `model-registry://…` URIs through the registry. */
export function storageInitializer(scope: Construct, c: Context): void {
  const v = c.v.storageInitializer;
  const obj = customObject<ClusterStorageContainer>(scope, 'storage-initializer', {
    apiVersion: 'serving.kserve.io/v1alpha1',
    kind: 'ClusterStorageContainer',
    metadata: c.meta('model-registry-storage-initializer'),
    spec: {
      container: {
        env: [{ name: 'MODEL_REGISTRY_BASE_URL', value: `${c.serverHost}:${c.v.server.port}` }],
        image: v.image.ref,
        imagePullPolicy: opt(nonEmpty(v.image.pullPolicy), v.image.pullPolicy),
        name: 'storage-initializer',
        resources: v.resources,
      },
      supportedUriFormats: [{ prefix: 'model-registry://' }],
    },
  });
  // the container serialized as a Pod's is (quantities), after values are resolved, as the Kube* objects do it
  const toJson = obj.toJson.bind(obj);
  obj.toJson = () => {
    const json = toJson();
    return { ...json, spec: { ...json.spec, container: k8s.toJson_Container(json.spec.container) } };
  };
}
