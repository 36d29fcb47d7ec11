import { k8s } from 'cdk8s-plus-33';

/** Pod pieces the KServe controllers share. */
export const base = { app: 'kserve', 'app.kubernetes.io/name': 'kserve' };
export const controlPlane = (name: string) => ({ ...base, 'control-plane': name, 'controller-tools.k8s.io': '1.0' });
export const restricted = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  privileged: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
};
export const podSecurity = { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } };
export const podNamespaceEnv = { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } };
export const probe = (path: string, extra: Record<string, number>) => ({
  failureThreshold: 5,
  httpGet: { path, port: k8s.IntOrString.fromNumber(8081) },
  initialDelaySeconds: 30,
  timeoutSeconds: 5,
  ...extra,
});
export const certVolume = (secretName: string) => ({ name: 'cert', secret: { defaultMode: 420, secretName } });
export const certMount = { mountPath: '/tmp/k8s-webhook-server/serving-certs', name: 'cert', readOnly: true };
