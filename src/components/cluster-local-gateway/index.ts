import type { ComponentEntry } from '../../core/synth.js';
import { ClusterLocalGateway } from './cluster-local-gateway.js';
import { info } from './info.js';

export { ClusterLocalGateway } from './cluster-local-gateway.js';
export const clusterLocalGateway: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new ClusterLocalGateway(scope, id, props),
};
