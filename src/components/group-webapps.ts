import type { ComponentEntry } from '../core/synth.js';
import { jupyterWebApp } from './jupyter-web-app/index.js';
import { tensorboardsWebApp } from './tensorboards-web-app/index.js';
import { volumesWebApp } from './volumes-web-app/index.js';

/** Jupyter, volumes and tensorboards web apps. */
export const webappComponents: ComponentEntry[] = [jupyterWebApp, volumesWebApp, tensorboardsWebApp];
