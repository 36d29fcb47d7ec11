import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { userNamespace } from '../../src/components/user-namespace/index.js';
import { synthConcrete } from '../../src/core/synth.js';
import { parseObjects, type K8sObject } from '../support/objects.js';
import { compareSets, DIST } from '../support/render.js';
import { helmTemplate } from '../support/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'kf-profiles-'));
const concrete = (values: unknown) =>
  synthConcrete(userNamespace, { values: values as never }).map((o) => JSON.parse(JSON.stringify(o.json)) as K8sObject);
async function helm(values: unknown) {
  const f = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(f, JSON.stringify(values));
  return parseObjects(await helmTemplate('helm3', join(DIST, 'helm', 'user-namespace'), ['-f', f]));
}

describe('declarative profiles', () => {
  it('50 profiles in values render 50 Profiles, with the chart and with concrete synthesis', async () => {
    const profiles = Array.from({ length: 50 }, (_, i) => ({ name: `team-${i}`, owner: { name: `user${i}@example.com` } }));
    const [h, c] = [await helm({ profiles }), concrete({ profiles })];
    for (const objs of [h, c]) {
      expect(
        objs
          .filter((o) => o.kind === 'Profile')
          .map((o) => o.metadata.name)
          .sort(),
      ).toEqual(profiles.map((p) => p.name).sort());
    }
    expect(compareSets(h, c, ['helm', 'concrete']).join('\n')).toBe('');
    expect(c.find((o) => o.metadata.name === 'team-7')!.spec).toEqual({ owner: { kind: 'User', name: 'user7@example.com' } });
  });

  it('quota, contributors and PodDefaults of a profile land in its namespace', async () => {
    const profiles = [
      {
        name: 'team-a',
        owner: { kind: 'Group', name: 'team-a' },
        resourceQuotaSpec: { hard: { cpu: '8', memory: '32Gi' } },
        contributors: [{ name: 'Bob.Smith@Example.com' }, { name: 'carol@example.com', role: 'view' }],
        podDefaults: [
          {
            name: 'access-ml-pipeline',
            spec: { desc: 'Allow access to Kubeflow Pipelines', selector: { matchLabels: { 'access-ml-pipeline': 'true' } } },
          },
        ],
      },
    ];
    const [h, c] = [await helm({ profiles }), concrete({ profiles })];
    expect(compareSets(h, c, ['helm', 'concrete']).join('\n')).toBe('');
    expect(c.find((o) => o.kind === 'Profile')!.spec).toEqual({
      owner: { kind: 'Group', name: 'team-a' },
      resourceQuotaSpec: profiles[0]!.resourceQuotaSpec,
    });
    const rb = c.find((o) => o.kind === 'RoleBinding' && o.metadata.annotations.role === 'edit')!;
    expect(rb.metadata).toEqual({
      name: 'user-bob-smith-example-com-clusterrole-edit',
      namespace: 'team-a',
      annotations: { role: 'edit', user: 'Bob.Smith@Example.com' },
    });
    expect(rb.roleRef.name).toBe('kubeflow-edit');
    expect(c.filter((o) => o.kind === 'AuthorizationPolicy').map((o) => o.spec.rules[0].when[0].values[0])).toEqual([
      'Bob.Smith@Example.com',
      'carol@example.com',
    ]);
    expect(c.find((o) => o.kind === 'PodDefault')!.metadata).toEqual({ name: 'access-ml-pipeline', namespace: 'team-a' });
  });

  it('no profiles: nothing rendered', async () => {
    expect(concrete({ profiles: [] })).toEqual([]);
    expect(await helm({ profiles: [] })).toEqual([]);
  });

  it('rejects a profile name that is not a DNS label', () => {
    expect(() => concrete({ profiles: [{ name: 'Team_A', owner: { name: 'x' } }] })).toThrow(/profiles\.0\.name/);
  });
});
