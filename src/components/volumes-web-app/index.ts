import type { ComponentEntry } from '../../core/synth.js';
import { info } from './info.js';
import { VolumesWebApp } from './volumes-web-app.js';

export { VolumesWebApp } from './volumes-web-app.js';
export const volumesWebApp: ComponentEntry<typeof info.values> = {
  info,
  create: (scope, id, props) => new VolumesWebApp(scope, id, props),
};
