import { ISTIO_HOST } from '../../core/schema.js';
import { v } from '../../core/values.js';

export const values = {
  namespace: v.dnsLabel('kubeflow', 'Namespace of the Kubeflow gateway.'),
  gateway: v.group('The `kubeflow-gateway` Istio Gateway every Kubeflow VirtualService binds to.', {
    name: v.subdomain('kubeflow-gateway', 'Gateway name (VirtualServices refer to `<namespace>/<name>`).'),
    selector: v.labelMap({ istio: 'ingressgateway' }, 'Labels of the ingress gateway pods that serve it.'),
    hosts: v.list<string>(
      ['*'],
      'Hosts the gateway accepts (`*`, a DNS name, or `namespace/host`).',
      { type: 'string', pattern: ISTIO_HOST },
      { minItems: 1 },
    ),
    port: v.port(80, 'Port of the HTTP server.'),
  }),
};
