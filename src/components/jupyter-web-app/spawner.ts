import type { IAffinity } from 'kubernetes-models/v1/Affinity';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import { s, IMAGE_REGISTRY, NON_NEGATIVE_QUANTITY_PATTERN, type JsonSchema } from '../../core/schema.js';
import { v } from '../../core/values.js';

/**
 * The spawner form of the Notebooks UI (`spawner_ui_config.yaml`, key `spawnerFormDefaults`) as
 * typed values. Names follow upstream's file, so an existing file's `spawnerFormDefaults` block can
 * be pasted under the chart value of the same name. Defaults are Kubeflow 26.03's.
 */
const servers = 'ghcr.io/kubeflow/kubeflow/notebook-servers';
const tag = 'v1.10.0';
const jupyterImages = [
  'jupyter-scipy',
  'jupyter-pytorch-full',
  'jupyter-pytorch-cuda-full',
  'jupyter-pytorch-gaudi-full',
  'jupyter-tensorflow-full',
  'jupyter-tensorflow-cuda-full',
].map((n) => `${servers}/${n}:${tag}`);
const codeServerImages = [`${servers}/codeserver-python:${tag}`];
const rstudioImages = [`${servers}/rstudio-tidyverse:${tag}`];

export interface GpuVendor {
  limitsKey: string;
  uiName: string;
}
export interface NotebookVolume {
  /** Mount path in the notebook container. */
  mount: string;
  /** A PVC to create; `{notebook-name}` in its metadata.name is replaced with the notebook's name. */
  newPvc?: { metadata: { name: string; [k: string]: unknown }; spec: Record<string, unknown> };
  /** An existing volume source, e.g. `{ persistentVolumeClaim: { claimName: … } }`. */
  existingSource?: Record<string, unknown>;
}
export interface AffinityOption {
  configKey: string;
  displayName: string;
  affinity: IAffinity;
}
export interface TolerationGroup {
  groupKey: string;
  displayName: string;
  tolerations: IToleration[];
}

const defaultWorkspaceVolume: NotebookVolume = {
  mount: '/home/jovyan',
  newPvc: {
    metadata: { name: '{notebook-name}-workspace' },
    spec: { resources: { requests: { storage: '5Gi' } }, accessModes: ['ReadWriteOnce'] },
  },
};

// ---- schemas: closed objects, so a misspelt key fails at install time ----
const IMAGE_REF = `^(${IMAGE_REGISTRY.slice(2, -3)}/)?[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*(/[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@[a-z0-9]+:[a-fA-F0-9]{32,})?$`;
/** An image reference `[registry/]repository[:tag][@digest]`: no spaces, quotes or control characters. */
const image = s.string({ minLength: 1, pattern: IMAGE_REF });
const volume: JsonSchema = s.object(
  {
    mount: s.string({ minLength: 1, pattern: '^/[^\\x00-\\x1f\\x7f]*$', description: 'Mount path in the notebook container.' }),
    newPvc: s.object(
      {
        metadata: {
          type: 'object',
          description: 'PVC metadata; `{notebook-name}` in `name` is replaced with the notebook name.',
          properties: { name: s.string({ minLength: 1, pattern: '^([a-z0-9.-]|\\{notebook-name\\})+$' }) },
          required: ['name'],
        },
        spec: { type: 'object', description: 'A Kubernetes PersistentVolumeClaimSpec.' },
      },
      ['metadata', 'spec'],
    ),
    existingSource: { type: 'object', description: 'A Kubernetes volume source, e.g. persistentVolumeClaim.claimName.' },
  },
  ['mount'],
);
const LIMIT_FACTOR = '^(none|[0-9]+(\\.[0-9]+)?)$';
const readOnly = (what: string) => v.bool(false, `Users cannot change ${what}: the default is the only choice.`);

const imageGroup = (what: string, def: string[]) =>
  v.group(what, {
    value: v.str(def[0]!, 'Image selected by default.', image),
    options: v.list<string>(def, 'Images offered in the dropdown.', image),
    readOnly: v.bool(false, 'Users cannot change the image (written to the file only when true).'),
  });
const resource = (what: string, value: string, example: string) =>
  v.group(`${what[0]!.toUpperCase()}${what.slice(1)} of the notebook container.`, {
    readOnly: readOnly(`the ${what} request`),
    value: v.str(value, `Default ${what} request (a Kubernetes quantity, e.g. "${example}").`, { pattern: NON_NEGATIVE_QUANTITY_PATTERN }),
    limitFactor: v.str('1.2', `The ${what} limit is the request times this factor; "none" sets no limit.`, { pattern: LIMIT_FACTOR }),
  });

export const spawnerFormDefaults = v.group(
  'The spawner form of the Notebooks UI: the `spawnerFormDefaults` of spawner_ui_config.yaml, same keys. `readOnly: true` on a setting leaves users only its default.',
  {
    allowCustomImage: v.bool(true, 'Let users type any image instead of picking one from the lists.'),
    hideRegistry: v.bool(true, 'Hide the registry part of image names in the dropdowns.'),
    hideTag: v.bool(false, 'Hide the tag part of image names in the dropdowns.'),
    imagePullPolicy: v.group('Image pull policy of notebooks.', {
      readOnly: readOnly('the pull policy'),
      value: v.oneOf(['Always', 'IfNotPresent', 'Never'], 'IfNotPresent', 'Default pull policy.'),
    }),
    image: imageGroup('JupyterLab images (apps that serve under the NB_PREFIX path).', jupyterImages),
    imageGroupOne: imageGroup(
      'VS Code (code-server) images: apps served at "/" (the notebook gets the annotation `notebooks.kubeflow.org/http-rewrite-uri: /`).',
      codeServerImages,
    ),
    imageGroupTwo: imageGroup(
      'RStudio images: apps whose path comes from the X-RStudio-Root-Path header (set through notebook annotations).',
      rstudioImages,
    ),
    cpu: resource('CPU', '0.5', '500m'),
    memory: resource('memory', '1.0Gi', '2Gi'),
    gpus: v.group('GPUs and other device-plugin resources.', {
      readOnly: readOnly('the GPU settings'),
      value: v.group('GPU defaults and vendors.', {
        vendor: v.str('', 'limitsKey of the vendor selected by default; empty for none.', s.orEmpty(s.labelKey())),
        vendors: v.list<GpuVendor>(
          [
            { limitsKey: 'nvidia.com/gpu', uiName: 'NVIDIA' },
            { limitsKey: 'amd.com/gpu', uiName: 'AMD' },
            { limitsKey: 'habana.ai/gaudi', uiName: 'Intel Gaudi' },
          ],
          'Vendors in the dropdown: `limitsKey` is the resource set as limit, `uiName` the label shown.',
          s.object({ limitsKey: s.string({ minLength: 1 }), uiName: s.string({ minLength: 1 }) }, ['limitsKey', 'uiName']),
        ),
        num: v.oneOf(['none', '1', '2', '4', '8'], 'none', 'Number of devices selected by default.'),
      }),
    }),
    workspaceVolume: v.group('The workspace volume (home directory).', {
      readOnly: readOnly('the workspace volume'),
      value: v.obj<NotebookVolume | null>(
        defaultWorkspaceVolume,
        'Default workspace volume (`mount` plus `newPvc` or `existingSource`); null for none. Maps merge with this default: set `newPvc: null` when giving `existingSource`.',
        { ...volume, type: ['object', 'null'] },
      ),
    }),
    dataVolumes: v.group('Additional data volumes.', {
      readOnly: readOnly('the data volumes'),
      value: v.list<NotebookVolume>([], 'Data volumes added by default (each `mount` plus `newPvc` or `existingSource`).', volume),
    }),
    affinityConfig: v.group('Affinity choices (e.g. a dedicated node per notebook).', {
      readOnly: readOnly('the affinity'),
      value: v.str('', 'configKey of the choice selected by default; empty for none.'),
      options: v.list<AffinityOption>(
        [],
        'Choices in the dropdown.',
        s.object(
          {
            configKey: s.string({ minLength: 1 }),
            displayName: s.string({ minLength: 1 }),
            affinity: { type: 'object', description: 'A Kubernetes Affinity.' },
          },
          ['configKey', 'displayName', 'affinity'],
        ),
      ),
    }),
    tolerationGroup: v.group('Toleration choices (e.g. node pools by machine size).', {
      readOnly: readOnly('the tolerations'),
      value: v.str('', 'groupKey of the choice selected by default; empty for none.'),
      options: v.list<TolerationGroup>(
        [],
        'Choices in the dropdown.',
        s.object(
          {
            groupKey: s.string({ minLength: 1 }),
            displayName: s.string({ minLength: 1 }),
            tolerations: s.array(
              s.object({
                key: s.string(),
                operator: s.enum(['Exists', 'Equal']),
                value: s.string(),
                effect: s.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute', '']),
                tolerationSeconds: s.integer(),
              }),
            ),
          },
          ['groupKey', 'displayName', 'tolerations'],
        ),
      ),
    }),
    shm: v.group('Shared memory (/dev/shm as a memory-backed volume).', {
      readOnly: readOnly('shared memory'),
      value: v.bool(true, 'The "Enable Shared Memory" toggle starts on.'),
    }),
    configurations: v.group('PodDefaults (labelled configurations in the user namespace).', {
      readOnly: readOnly('the configurations'),
      value: v.list<string>([], 'Names of PodDefaults selected by default (they must exist in the profile namespaces).', s.subdomain()),
    }),
    environment: v.group('Environment of the notebook (read only by the "rok" UI flavor).', {
      readOnly: readOnly('the environment'),
      value: v.map<string | number | boolean>({}, 'Environment variables, name to value.', { type: ['string', 'number', 'boolean'] }),
    }),
  },
);
