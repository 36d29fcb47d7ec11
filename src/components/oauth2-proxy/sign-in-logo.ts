/**
 * The image on the oauth2-proxy sign-in page, drawn for this project: three blue rounded bars
 * forming a simple flow mark, and the word "Kubeflow". Upstream's Kubeflow logo is not carried over
 * (declared in info.deviations); the `signIn.logoSvg` value supplies any other image.
 */
const bar = (x: number, y: number, w: number, fill: string) => `<rect x="${x}" y="${y}" width="${w}" height="14" rx="7" fill="${fill}"/>`;

export const signInLogoSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="64" viewBox="0 0 240 64">
${bar(4, 6, 44, '#4279f4')}
${bar(16, 25, 44, '#0028aa')}
${bar(4, 44, 44, '#6ca1ff')}
<text x="72" y="42" font-family="Arial, Helvetica, sans-serif" font-size="30" font-weight="bold" fill="#1a1f36">Kubeflow</text>
</svg>
`;
