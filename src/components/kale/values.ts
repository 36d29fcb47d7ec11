import { s } from '../../core/schema.js';
import { v } from '../../core/values.js';

const DNS_LABEL = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';

/** The fields of one profile entry, as the construct reads them. */
export const profileItem = {
  name: v.str('', 'Profile name (= namespace).'),
};

export const values = {
  profiles: v.list<{ name: string }>(
    [{ name: 'kubeflow-user-example-com' }],
    'Profiles whose namespaces get the Kale PodDefault (the profile name is the namespace). The default is the example profile of `user-namespace`.',
    s.object({ name: s.string({ minLength: 1, pattern: DNS_LABEL, description: 'Profile (namespace) name.' }) }, ['name']),
  ),
  podDefault: v.group(
    'The PodDefault `kale-pipelines-access` (selected by the pod label `kale-pipelines-access: "true"`, which the spawner sets when the configuration is ticked) that gives notebooks access to the Kubeflow Pipelines API.',
    {
      description: v.str('Kale: access Kubeflow Pipelines', 'Text the notebook spawner shows for this configuration.', { minLength: 1 }),
    },
  ),
  token: v.group('Projected service-account token the Pipelines API accepts.', {
    audience: v.str('pipelines.kubeflow.org', 'Audience of the token (the Pipelines API server accepts this audience).', { minLength: 1 }),
    expirationSeconds: v.int(7200, 'Lifetime of the token; the kubelet refreshes it before it expires.', { minimum: 600 }),
    mountPath: v.str(
      '/var/run/secrets/kubeflow/pipelines',
      'Directory the token is mounted in (file `token`); `KF_PIPELINES_SA_TOKEN_PATH` points at the file.',
      { minLength: 1, pattern: '^/.*[^/]$' },
    ),
  }),
  pipelinesEndpoint: v.str(
    '',
    'Pipelines API URL for the KFP client (`KF_PIPELINES_ENDPOINT`); empty leaves it out, so the client uses its in-cluster default.',
  ),
};
