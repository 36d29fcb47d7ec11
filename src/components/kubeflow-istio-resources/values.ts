import { v } from '../../core/values.js';

export const values = {
  namespace: v.str('kubeflow', 'Namespace of the Kubeflow gateway.', { minLength: 1 }),
  gateway: v.group('The `kubeflow-gateway` Istio Gateway every Kubeflow VirtualService binds to.', {
    name: v.str('kubeflow-gateway', 'Gateway name (VirtualServices refer to `<namespace>/<name>`).', { minLength: 1 }),
    selector: v.map<string>({ istio: 'ingressgateway' }, 'Labels of the ingress gateway pods that serve it.', { type: 'string' }),
    hosts: v.list<string>(['*'], 'Hosts the gateway accepts.', { type: 'string' }, { minItems: 1 }),
    port: v.int(80, 'Port of the HTTP server.', { minimum: 1, maximum: 65535 }),
  }),
};
