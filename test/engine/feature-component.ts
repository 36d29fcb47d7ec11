import { k8s } from 'cdk8s-plus-33';
import type { Construct } from 'constructs';
import { Component, type ComponentInfo, type ComponentProps } from '../../src/core/component.js';
import { and, eq, items, json, nonEmpty, not, opt, or, pick, spread, text, when } from '../../src/core/conditions.js';
import { hashedName } from '../../src/core/hash.js';
import { envVarSchema, scheduling } from '../../src/lib/k8s-values.js';
import { s } from '../../src/core/schema.js';
import type { ComponentEntry } from '../../src/core/synth.js';
import { v } from '../../src/core/values.js';

/** A component that uses every engine feature, so the engine is tested apart from Kubeflow's components. */
const values = {
  namespace: v.str('features', 'Namespace.'),
  issuer: v.strWithGlobal('auth.issuerUrl', 'http://dex.auth:5556/dex', 'Issuer.'),
  image: v.image({ registry: 'ghcr.io', repository: 'org/app', tag: 'v1' }, 'Image.'),
  replicas: v.int(1, 'Replicas.', { minimum: 0 }),
  port: v.int(8080, 'Port.'),
  ratio: v.num(0.5, 'A float.'),
  debug: v.bool(false, 'Debug flag.'),
  mode: v.oneOf(['a', 'b', 'c'], 'a', 'Mode.'),
  existingSecret: v.str('', 'Existing secret.'),
  memory: v.quantity('1Gi', 'A quantity.'),
  resources: v.resources({ limits: { cpu: '1' } }, 'Resources.'),
  ...scheduling(),
  extraEnv: v.list<k8s.EnvVar>([], 'Extra env.', envVarSchema(), { omitEmpty: true }),
  labels: v.map<string>({ team: 'ml' }, 'Labels.', s.string()),
  config: v.obj<Record<string, unknown>>({ b: [1, 2, { c: '<&>' }], a: { z: 'é', y: null, x: {} } }, 'Free config.', { type: 'object' }),
  feature: v.group('A feature.', { enabled: v.bool(true, 'On.'), name: v.str('feat "quoted" {{ not a template }}', 'Name.') }),
};

class Features extends Component<typeof values> {
  constructor(scope: Construct, id: string, props?: ComponentProps<typeof values>) {
    super(scope, id, info, props);
    const v = this.v;
    const data = {
      mode: v.mode,
      port: text(v.port),
      json: json(v.config, { indent: 2 }),
      compact: json(v.config),
      multi: `line1\nport=${v.port}\n`,
    };
    const cmName = hashedName('features-config', 'ConfigMap', data);
    new k8s.KubeConfigMap(this, 'config', {
      metadata: { name: cmName, namespace: v.namespace, labels: { fixed: 'yes', team: v.mode } },
      data,
    });
    new k8s.KubeDeployment(this, 'deployment', {
      metadata: { name: 'features', namespace: v.namespace },
      spec: {
        replicas: v.replicas,
        selector: { matchLabels: { app: 'features' } },
        template: {
          metadata: { labels: { app: 'features' }, annotations: v.labels },
          spec: {
            hostNetwork: opt(and(v.debug, eq(v.mode, 'c')), true),
            containers: [
              {
                name: 'app',
                image: v.image.ref,
                args: [
                  `--issuer=${v.issuer}`,
                  `--port=${v.port}`,
                  `--ratio=${v.ratio}`,
                  ...items(v.debug, ['--debug', `--mode=${v.mode}`]),
                  pick(or(v.debug, not(v.feature.enabled)), '--x', '--y'),
                ],
                env: [
                  { name: 'A', value: 'literal %s 100%' },
                  ...items(nonEmpty(v.existingSecret), [
                    { name: 'SECRET', valueFrom: { secretKeyRef: { name: v.existingSecret, key: 'k' } } },
                  ]),
                  ...spread(v.extraEnv),
                ],
                resources: v.resources,
                volumeMounts: [{ name: 'config', mountPath: '/etc/app' }],
              },
            ],
            nodeSelector: v.nodeSelector,
            tolerations: v.tolerations,
            volumes: [{ name: 'config', configMap: { name: cmName } }],
          },
        },
      },
    });
    when(this, 'feature', v.feature.enabled, (sc) => {
      new k8s.KubeService(sc, 'service', {
        metadata: { name: 'feature', namespace: v.namespace, annotations: { note: v.feature.name } },
        spec: { ports: [{ port: v.port, targetPort: k8s.IntOrString.fromNumber(v.port) }], selector: { app: 'features' } },
      });
      new k8s.KubeLimitRange(sc, 'limits', {
        metadata: { name: 'features', namespace: v.namespace },
        spec: { limits: [{ type: 'Container', max: { memory: v.memory } }] },
      });
    });
  }
}

export const info: ComponentInfo<typeof values> = {
  name: 'features',
  description: 'Engine feature test.',
  appVersion: 'v1',
  values,
  presets: {
    everything: {
      description: 'All toggles on.',
      values: { debug: true, mode: 'c', existingSecret: 's', extraEnv: [{ name: 'X', value: '1' }], nodeSelector: { a: 'b' } },
    },
  },
};
export const features: ComponentEntry<typeof values> = { info, create: (scope, id, props) => new Features(scope, id, props) };
