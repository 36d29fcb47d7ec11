import type { ComponentInfo, Preset } from '../../core/component.js';
import { values } from './values.js';

/** Every layer off: a preset turns on the layer(s) its upstream overlay holds. */
const layersOff = {
  server: { enabled: false },
  ui: { enabled: false },
  istio: { enabled: false },
  storageInitializer: { enabled: false },
  controller: { enabled: false },
};
/** Upstream's overlays without a namespace are applied with `kubectl apply -n`. */
const unnamespaced = { namespace: '' };
const layer = (description: string, v: Preset<typeof values>['values']): Preset<typeof values> => ({
  description,
  values: { ...layersOff, ...v },
});

export const info: ComponentInfo<typeof values> = {
  name: 'model-registry',
  description:
    'Kubeflow Model Registry: server with a bundled MySQL/PostgreSQL or external database, web UI, Istio route, ' +
    'KServe storage initializer and InferenceService controller, each a layer switched by values. The defaults are the ' +
    'layers a Kubeflow platform installs (server with MySQL, Kubeflow-mode UI, Istio route, storage initializer) in ' +
    '`kubeflow`; upstream 26.03 has no platform render of Model Registry (it is not in the example), so the defaults ' +
    'combine the variants db, ui-kubeflow, istio and csi, and each preset reproduces one variant. The bundled ' +
    "database credentials (root/test) are upstream's well-known examples: set `database.password` or `database.existingSecret`.",
  appVersion: 'v0.3.7',
  values,
  umbrellaDefault: 'disabled',
  requires: [
    // the Kubeflow-mode UI lives inside the central dashboard and reads namespaces through profiles
    { component: 'centraldashboard', when: { 'ui.enabled': true, 'ui.mode': 'kubeflow' } },
    { component: 'profiles', when: { 'ui.enabled': true, 'ui.mode': 'kubeflow' } },
    // the storage initializer is a KServe ClusterStorageContainer; the controller watches InferenceServices
    { component: 'kserve', when: { 'storageInitializer.enabled': true } },
    { component: 'kserve', when: { 'controller.enabled': true } },
  ],
  keywords: ['model-registry', 'mlops'],
  notes:
    "Model Registry: unless you set database.password or database.existingSecret, the bundled database uses upstream's " +
    'well-known example credentials (user root, password test). The standalone UI (ui.mode=standalone) logs everyone in as ' +
    'ui.standalone.user (default user@example.com, an example) and by default binds that user to cluster-admin.',
  deviations: [
    {
      object: '(defaults)',
      reason:
        "Upstream 26.03 has no platform render of Model Registry; the defaults are the union of the variants db, ui-kubeflow, istio and csi, all in the namespace `kubeflow` (the platform's way), so the objects of db, ui-kubeflow and istio gain `metadata.namespace` and RBAC subject namespaces.",
    },
    {
      object: 'ConfigMap/auth-proxy-config',
      reason:
        "The nginx configuration of the standalone UI's auth proxy is generated from `ui.standalone.user`: the same directives as upstream, in our own layout, without upstream's comments.",
    },
    {
      object: 'Secret/model-registry-db-secrets',
      reason:
        "Holds upstream's well-known example credentials (root/test) by default, as upstream; replace them with `database.user`/`database.password` or point `database.existingSecret` at your own Secret.",
    },
  ],
  presets: {
    db: layer('Server with a bundled MySQL, no namespace set (upstream overlays/db, applied with -n).', {
      ...unnamespaced,
      server: { enabled: true },
    }),
    postgres: layer('Server with a bundled PostgreSQL, no namespace set (upstream overlays/postgres).', {
      ...unnamespaced,
      server: { enabled: true },
      database: { type: 'postgres' },
    }),
    'ui-kubeflow': layer('The UI for the central dashboard only, no namespace set (upstream options/ui/overlays/kubeflow).', {
      ...unnamespaced,
      ui: { enabled: true },
    }),
    'ui-standalone': layer('The UI only, standalone with its auth proxy, in kubeflow (upstream options/ui/overlays/standalone).', {
      ui: { enabled: true, mode: 'standalone' },
    }),
    istio: layer('The Istio route of the REST API only, no namespace set (upstream options/istio).', {
      ...unnamespaced,
      istio: { enabled: true },
    }),
    csi: layer('The KServe storage initializer only (upstream options/csi).', { storageInitializer: { enabled: true } }),
    controller: layer('The InferenceService controller only (upstream options/controller/default).', { controller: { enabled: true } }),
    secure: {
      description:
        'The default layers without the example database credentials: the server and the bundled database read the Secret `model-registry-db-credentials` you create (keys MYSQL_USER_NAME and MYSQL_ROOT_PASSWORD; POSTGRES_USER and POSTGRES_PASSWORD with database.type=postgres).',
      values: { database: { existingSecret: 'model-registry-db-credentials' } },
    },
  },
};
