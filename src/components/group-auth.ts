import type { ComponentEntry } from '../core/synth.js';
import { clusterLocalGateway } from './cluster-local-gateway/index.js';
import { dex } from './dex/index.js';
import { istioNamespace } from './istio-namespace/index.js';
import { kubeflowIstioResources } from './kubeflow-istio-resources/index.js';
import { kubeflowNamespace } from './kubeflow-namespace/index.js';
import { kubeflowRoles } from './kubeflow-roles/index.js';
import { oauth2Proxy } from './oauth2-proxy/index.js';
import { userNamespace } from './user-namespace/index.js';

/** Dex, oauth2-proxy, namespaces, roles, Istio resources, user profiles. */
export const authComponents: ComponentEntry[] = [
  istioNamespace,
  kubeflowNamespace,
  kubeflowRoles,
  kubeflowIstioResources,
  clusterLocalGateway,
  oauth2Proxy,
  dex,
  userNamespace,
];
