import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';

/**
 * The PVCViewer the volumes web app creates for "browse" (a filebrowser pod on the volume), as
 * Kubeflow 26.03 ships it. The web app expands `$VAR`/`${VAR}` from its own environment, plus
 * NAME, PVC_NAME and NAMESPACE of the volume; VOLUME_VIEWER_IMAGE comes from `viewer.image`.
 */
export const defaultViewerPodSpec: IPodSpec = {
  serviceAccountName: 'default-editor',
  containers: [
    {
      name: 'main',
      image: '$VOLUME_VIEWER_IMAGE',
      env: [
        { name: 'FB_ADDRESS', value: '0.0.0.0' },
        { name: 'FB_PORT', value: '8080' },
        { name: 'FB_DATABASE', value: '/tmp/filebrowser.db' },
        { name: 'FB_NOAUTH', value: 'true' },
        { name: 'FB_BASEURL', value: '/pvcviewers/$NAMESPACE/$NAME/' },
      ],
      readinessProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: 2, periodSeconds: 10 },
      // the web app adds the volume `viewer-volume` itself
      volumeMounts: [{ name: 'viewer-volume', mountPath: '/srv' }],
      workingDir: '/srv',
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    },
  ],
  volumes: [{ name: 'viewer-volume', persistentVolumeClaim: { claimName: '$NAME' } }],
};
