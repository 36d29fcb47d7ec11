/** The README's "Usage" section for Kale: how notebooks get the token, and the spawner settings. */
export const usage = `
A notebook gets the Pipelines token when its pod carries the label \`kale-pipelines-access: "true"\`: in the spawner, tick
the configuration "Kale: access Kubeflow Pipelines" (or preselect it for everyone), and pick a Kale-enabled image
(JupyterLab with the Kale extension and the KFP SDK; set your own, kubeflow/manifests pins none). Kale's chart cannot
change the spawner's values; with the umbrella chart set both on \`jupyter-web-app\` (keep the images you still want
to offer):

\`\`\`sh
helm upgrade kubeflow ./dist/helm/kubeflow --reuse-values --set kale.enabled=true --set jupyter-web-app.spawnerFormDefaults.configurations.value={kale-pipelines-access} --set jupyter-web-app.spawnerFormDefaults.image.options={registry.example.com/kale-notebook:v1}
\`\`\`

In a cdk8s app: \`new KubeflowPlatform(chart, 'kf', { components: { kale: { enabled: true }, 'jupyter-web-app': { values:
{ spawnerFormDefaults: { configurations: { value: ['kale-pipelines-access'] } } } } } })\`. Profiles created later need
their name in \`profiles\`. Kale needs Kubeflow Pipelines: enable the \`pipelines\` component too.
`;
