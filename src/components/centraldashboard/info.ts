import type { ComponentInfo } from '../../core/component.js';
import { kserveLink } from './links.js';
import { defaultMenuLinks } from './links.js';
import { values } from './values.js';

export const info: ComponentInfo<typeof values> = {
  name: 'centraldashboard',
  description: 'Kubeflow central dashboard: landing page, menu and namespace selector, behind the Istio gateway.',
  appVersion: 'v1.10.0',
  values,
  requires: ['profiles'],
  keywords: ['dashboard'],
  presets: {
    istio: {
      description: 'Dashboard for an Istio install without the KServe menu entry (upstream overlays/istio).',
      values: {
        authOverlay: 'istio',
        links: { menuLinks: defaultMenuLinks.filter((l) => l !== kserveLink) },
      },
    },
  },
};
