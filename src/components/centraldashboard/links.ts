import { json } from '../../core/conditions.js';

/** The dashboard's menu, as Kubeflow 26.03 ships it (platform install, with KServe). */
export interface DashboardLink {
  type?: 'item' | 'section';
  link?: string;
  text: string;
  icon?: string;
  desc?: string;
  items?: DashboardLink[];
}

const item = (icon: string, link: string, text: string): DashboardLink => ({ icon, link, text, type: 'item' });
const pipelinesPage = (path: string, text: string): DashboardLink => ({ link: `/pipeline/#/${path}`, text, type: 'item' });
const doc = (desc: string, link: string, text: string): DashboardLink => ({ desc, link, text });

export const kserveLink: DashboardLink = { type: 'item', link: '/kserve-endpoints/', text: 'KServe Endpoints', icon: 'kubeflow:models' };

export const defaultMenuLinks: DashboardLink[] = [
  item('book', '/jupyter/', 'Notebooks'),
  item('assessment', '/tensorboards/', 'TensorBoards'),
  item('device:storage', '/volumes/', 'Volumes'),
  item('kubeflow:katib', '/katib/', 'Katib Experiments'),
  kserveLink,
  {
    icon: 'kubeflow:pipeline-centered',
    items: [
      pipelinesPage('pipelines', 'Pipelines'),
      pipelinesPage('experiments', 'Experiments'),
      pipelinesPage('runs', 'Runs'),
      pipelinesPage('recurringruns', 'Recurring Runs'),
      pipelinesPage('artifacts', 'Artifacts'),
      pipelinesPage('executions', 'Executions'),
    ],
    text: 'Pipelines',
    type: 'section',
  },
];

const docs = 'https://www.kubeflow.org/docs/components';
export const defaultDocumentationItems: DashboardLink[] = [
  doc('The Kubeflow website', 'https://www.kubeflow.org/', 'Kubeflow Website'),
  doc('Documentation for Kubeflow Pipelines', `${docs}/pipelines/`, 'Kubeflow Pipelines Documentation'),
  doc('Documentation for Kubeflow Notebooks', `${docs}/notebooks/`, 'Kubeflow Notebooks Documentation'),
  doc('Documentation for Kubeflow Training Operator', `${docs}/training/`, 'Kubeflow Training Operator Documentation'),
  doc('Documentation for Katib', `${docs}/katib/`, 'Katib Documentation'),
];

export const defaultQuickLinks: DashboardLink[] = [
  doc('Kubeflow Notebooks', '/jupyter/new', 'Create a new Notebook'),
  doc('Kubeflow Pipelines', '/pipeline/#/pipelines', 'Upload a Pipeline'),
  doc('Pipelines', '/pipeline/#/runs', 'View Pipeline Runs'),
];

/** Upstream writes the menu with 4-space indentation in insertion order, nested one level deep. */
export const upstreamJsonText = (x: unknown): string => JSON.stringify(x, null, 4).replace(/\n/g, '\n    ');

/** The `links` entry of the dashboard ConfigMap in upstream's layout; the default menu keeps upstream's exact text. */
export function linksText(links: Record<'menuLinks' | 'externalLinks' | 'documentationItems' | 'quickLinks', DashboardLink[]>): string {
  const level1 = { indent: 4, level: 1 };
  return [
    '{',
    `    "menuLinks": ${json(links.menuLinks, { ...level1, verbatimDefault: { value: defaultMenuLinks, text: upstreamJsonText(defaultMenuLinks) } })},`,
    `    "externalLinks": ${json(links.externalLinks, level1)},`,
    `    "documentationItems": ${json(links.documentationItems, level1)},`,
    `    "quickLinks": ${json(links.quickLinks, level1)}`,
    '}',
  ].join('\n');
}
