import type { K8sObject } from './objects.js';

const WORKLOADS: Record<string, (o: K8sObject) => K8sObject | undefined> = {
  Deployment: (o) => o.spec?.template?.spec,
  StatefulSet: (o) => o.spec?.template?.spec,
  DaemonSet: (o) => o.spec?.template?.spec,
  Job: (o) => o.spec?.template?.spec,
  CronJob: (o) => o.spec?.jobTemplate?.spec?.template?.spec,
  Pod: (o) => o.spec,
};

/**
 * Pod Security Standard "restricted" (v1.33) violations of a workload's pod spec, as a list of
 * readable findings. Empty = compliant; undefined = not a workload.
 */
export function restrictedViolations(o: K8sObject): string[] | undefined {
  const get = WORKLOADS[o.kind];
  const pod = get?.(o);
  if (!pod) return undefined;
  const v: string[] = [];
  const psc = pod.securityContext ?? {};
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) v.push('host namespaces');
  for (const vol of pod.volumes ?? []) if (vol.hostPath) v.push(`hostPath volume ${vol.name}`);
  const containers = [...(pod.initContainers ?? []), ...(pod.containers ?? []), ...(pod.ephemeralContainers ?? [])];
  for (const c of containers) {
    const sc = c.securityContext ?? {};
    const at = `container ${c.name}`;
    if (sc.privileged) v.push(`${at}: privileged`);
    if (sc.allowPrivilegeEscalation !== false) v.push(`${at}: allowPrivilegeEscalation not false`);
    const nonRoot = sc.runAsNonRoot ?? psc.runAsNonRoot;
    if (nonRoot !== true) v.push(`${at}: runAsNonRoot not true`);
    if ((sc.runAsUser ?? psc.runAsUser) === 0) v.push(`${at}: runAsUser 0`);
    const seccomp = sc.seccompProfile?.type ?? psc.seccompProfile?.type;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') v.push(`${at}: seccompProfile not RuntimeDefault/Localhost`);
    const drop: string[] = sc.capabilities?.drop ?? [];
    if (!drop.includes('ALL')) v.push(`${at}: capabilities do not drop ALL`);
    const add: string[] = sc.capabilities?.add ?? [];
    if (add.some((a) => a !== 'NET_BIND_SERVICE')) v.push(`${at}: adds capabilities ${add.join(',')}`);
    for (const p of c.ports ?? []) if (p.hostPort) v.push(`${at}: hostPort ${p.hostPort}`);
  }
  return v;
}

/** RBAC rules with a wildcard, as `Kind/name: rule` strings. */
export function wildcardRules(o: K8sObject): string[] {
  if (o.kind !== 'ClusterRole' && o.kind !== 'Role') return [];
  return (o.rules ?? [])
    .filter((r: K8sObject) => ['apiGroups', 'resources', 'verbs'].some((f) => (r[f] ?? []).includes('*')))
    .map((r: K8sObject) => `${o.kind}/${o.metadata.name}: ${JSON.stringify(r)}`);
}
