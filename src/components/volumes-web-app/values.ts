import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { v } from '../../core/values.js';
import { crudWebAppValues } from '../../lib/crud-web-app.js';
import { defaultViewerPodSpec } from './viewer.js';

export const values = {
  ...crudWebAppValues({
    what: 'volumes',
    image: { registry: 'ghcr.io', repository: 'kubeflow/kubeflow/volumes-web-app', tag: 'v1.10.0' },
    prefix: '/volumes',
  }),
  viewer: v.group(
    'The PVCViewer the UI creates to browse a volume (the `viewer-spec.yaml` the web app reads). Strings may use `$VAR`/`${VAR}` of the web app environment and NAME, PVC_NAME, NAMESPACE of the volume.',
    {
      image: v.image(
        { registry: '', repository: 'filebrowser/filebrowser', tag: 'v2.25.0' },
        'File browser image, passed to the web app as VOLUME_VIEWER_IMAGE, which `podSpec` uses as `$VOLUME_VIEWER_IMAGE` (honours global.imageRegistry; its pullPolicy is not used: set one in `podSpec`).',
      ),
      pvc: v.str('$NAME', 'Name of the PVC to browse.', { minLength: 1 }),
      podSpec: v.obj<IPodSpec>(
        defaultViewerPodSpec,
        'Pod spec of the viewer (a Kubernetes PodSpec); the web app mounts the PVC as `viewer-volume`.',
        { type: 'object' },
      ),
      networking: v.group('How the gateway reaches the viewer.', {
        targetPort: v.port(8080, 'Port of the viewer container.'),
        basePrefix: v.str('/pvcviewers', 'URL prefix of viewers; a viewer is served at `<basePrefix>/<namespace>/<name>/`.', {
          pattern: '^/',
        }),
        rewrite: v.str('/', 'Path the prefix is rewritten to.', { pattern: '^/[^\\s"\'{}]*$' }),
        timeout: v.str('30s', 'Request timeout of the viewer route (Istio duration).', { pattern: '^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$' }),
      }),
      rwoScheduling: v.bool(true, 'Schedule the viewer on the node that already mounts a ReadWriteOnce volume.'),
    },
  ),
};
