import type { IAuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1beta1/AuthorizationPolicy';
import type { IVirtualService } from '@kubernetes-models/istio/networking.istio.io/v1alpha3/VirtualService';
import type { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { customObject, type TypedResource } from '../core/custom-object.js';
import { s } from '../core/schema.js';
import { v } from '../core/values.js';

type Meta = NonNullable<TypedResource['metadata']>;

/**
 * The value naming the Istio gateway a component's VirtualServices bind to (`namespace/name`, or a
 * name in the component's namespace); `global.auth.gateway` replaces it for the whole platform.
 */
export const gatewayValue = (def: string, description: string) =>
  v.strWithGlobal('auth.gateway', def, description, s.namespacedName({ namespaceOptional: true }));

/** The principal (service account) of Istio's ingress gateway, the caller Kubeflow's web apps allow. */
export const INGRESS_GATEWAY_PRINCIPAL = 'cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account';

export interface GatewayRouteProps {
  readonly metadata: Meta;
  /** Gateway (`name` or `namespace/name`) the route binds to. */
  readonly gateway: string;
  /** URL prefix the route matches. */
  readonly prefix: string;
  /** Prefix the request is rewritten to, if any. */
  readonly rewrite?: string;
  /** `x-forwarded-prefix` header added to the request, if any. */
  readonly forwardedPrefix?: string;
  /** Destination host (`<service>.<namespace>.svc.<cluster domain>`) and port. */
  readonly host: string;
  readonly port: number;
}

/** The shape every Kubeflow app uses behind the Kubeflow gateway: one prefix, one destination. */
export function gatewayRoute(scope: Construct, id: string, p: GatewayRouteProps): ApiObject {
  return customObject<IVirtualService>(scope, id, {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'VirtualService',
    metadata: p.metadata,
    spec: {
      gateways: [p.gateway],
      hosts: ['*'],
      http: [
        {
          ...(p.forwardedPrefix !== undefined ? { headers: { request: { add: { 'x-forwarded-prefix': p.forwardedPrefix } } } } : {}),
          match: [{ uri: { prefix: p.prefix } }],
          ...(p.rewrite !== undefined ? { rewrite: { uri: p.rewrite } } : {}),
          route: [{ destination: { host: p.host, port: { number: p.port } } }],
        },
      ],
    },
  });
}

/** ALLOW the given principals to reach the pods matching `selector`. */
export function allowPrincipals(
  scope: Construct,
  id: string,
  metadata: Meta,
  principals: string[],
  selector: Record<string, string>,
): ApiObject {
  return customObject<IAuthorizationPolicy>(scope, id, {
    apiVersion: 'security.istio.io/v1beta1',
    kind: 'AuthorizationPolicy',
    metadata,
    spec: { action: 'ALLOW', rules: [{ from: [{ source: { principals } }] }], selector: { matchLabels: selector } },
  });
}
