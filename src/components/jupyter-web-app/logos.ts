/**
 * Icons the Notebooks UI shows for the image groups (mounted at /src/apps/default/static/assets/logos),
 * drawn for this project: a notebook page for JupyterLab (`image`), the digits 1 and 2 for
 * `imageGroupOne` (VS Code) and `imageGroupTwo` (RStudio), as upstream uses digits there too. Upstream's
 * artwork is not carried over (declared in info.deviations); the `logos` value supplies any other.
 */
const notebook = (x: number, y: number, s: number) => `<g transform="translate(${x} ${y}) scale(${s})">
  <rect x="2" y="2" width="40" height="48" rx="5" fill="#ffffff" stroke="#3b4a5a" stroke-width="3"/>
  <rect x="2" y="2" width="10" height="48" rx="4" fill="#f37726"/>
  <path d="M18 14h18M18 22h18M18 30h12M18 38h15" stroke="#3b4a5a" stroke-width="3" stroke-linecap="round"/>
</g>`;

const digit = (n: string, size: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 48 48">
<circle cx="24" cy="24" r="21" fill="#ffffff" stroke="#3b4a5a" stroke-width="3"/>
<text x="24" y="32" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-size="24" font-weight="bold" fill="#3b4a5a">${n}</text>
</svg>
`;

export const defaultLogos: Record<string, string> = {
  'group-one-icon.svg': digit('1', 48),
  'group-one-logo.svg': digit('1', 96),
  'group-two-icon.svg': digit('2', 48),
  'group-two-logo.svg': digit('2', 96),
  'jupyter-icon.svg': `<svg xmlns="http://www.w3.org/2000/svg" width="44" height="52" viewBox="0 0 44 52">
${notebook(0, 0, 1)}
</svg>
`,
  'jupyterlab-logo.svg': `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="52" viewBox="0 0 200 52">
${notebook(0, 0, 1)}
<text x="54" y="35" font-family="Arial, Helvetica, sans-serif" font-size="24" fill="#3b4a5a">JupyterLab</text>
</svg>
`,
};
