import { RESOURCE_NAME, s } from '../../core/schema.js';
import { v } from '../../core/values.js';
import type { ProfileValue } from './profile-types.js';

const contributorSchema = s.object(
  {
    name: s.line({ minLength: 1, description: 'User id as the auth proxy sends it (usually the email).' }),
    role: s.enum(['edit', 'view']),
  },
  ['name'],
);

const podDefaultSchema = s.object(
  {
    name: s.dnsLabel(),
    spec: {
      type: 'object',
      required: ['desc', 'selector'],
      description: 'A PodDefault spec: desc, selector and what to add to matching pods (env, volumes, volumeMounts, …).',
    },
  },
  ['name', 'spec'],
);

export const profileSchema = s.object(
  {
    name: s.dnsLabel({ description: 'Profile name, also the name of its namespace (a DNS label).' }),
    owner: s.object({ kind: s.enum(['User', 'Group', 'ServiceAccount']), name: s.line({ minLength: 1 }) }, ['name']),
    resourceQuotaSpec: {
      type: 'object',
      properties: { hard: s.keyedMap(RESOURCE_NAME, s.quantity({ nonNegative: true })) },
      description: 'ResourceQuota spec for the namespace, e.g. `{hard: {cpu: "8", memory: 32Gi}}`.',
    },
    plugins: s.array(s.object({ kind: s.line({ minLength: 1 }), spec: { type: 'object' } }, ['kind'])),
    contributors: s.array(contributorSchema),
    podDefaults: s.array(podDefaultSchema),
  },
  ['name', 'owner'],
);

/** The fields of one profile, as the construct reads them (types and defaults of optional fields). */
export const profileItem = {
  name: v.str('', 'Profile name.'),
  owner: v.group('Owner.', {
    kind: v.oneOf(['User', 'Group', 'ServiceAccount'], 'User', 'Owner kind.'),
    name: v.str('', 'Owner name.'),
  }),
  resourceQuotaSpec: v.obj<Record<string, unknown>>({}, 'Quota.', { type: 'object' }, { omitEmpty: true }),
  plugins: v.list<Record<string, unknown>>([], 'Plugins.', { type: 'object' }, { omitEmpty: true }),
  contributors: v.list<Record<string, unknown>>([], 'Contributors.', contributorSchema, { omitEmpty: true }),
  podDefaults: v.list<Record<string, unknown>>([], 'PodDefaults.', podDefaultSchema, { omitEmpty: true }),
};
export const contributorItem = {
  name: v.str('', 'User id.'),
  role: v.oneOf(['edit', 'view'], 'edit', 'Role.'),
};
export const podDefaultItem = {
  name: v.str('', 'PodDefault name.'),
  spec: v.obj<Record<string, unknown>>({}, 'PodDefault spec.', { type: 'object' }),
};

export const values = {
  profiles: v.list<ProfileValue>(
    [{ name: 'kubeflow-user-example-com', owner: { kind: 'User', name: 'user@example.com' } }],
    'Profiles to create: each is a namespace owned by `owner`, with an optional ResourceQuota, plugins, contributors (RoleBinding to kubeflow-edit/view plus an Istio AuthorizationPolicy, as the dashboard\'s "Manage contributors" creates them) and PodDefaults. The default is upstream\'s example profile for `user@example.com`.',
    profileSchema,
    { key: 'name' },
  ),
  userIdHeader: v.headerName(
    'kubeflow-userid',
    "Header that carries the user id at the gateway (contributors' AuthorizationPolicies match it).",
  ),
  userIdPrefix: v.line('', 'Prefix the auth proxy puts before the user id in that header.'),
};
