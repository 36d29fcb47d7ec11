// A platform team's cdk8s app: three components on their own, and the whole platform, typed.
import { App, Chart } from 'cdk8s';
import {
  CentralDashboard,
  JupyterWebApp,
  KubeflowPlatform,
  Profiles,
  type CentralDashboardProps,
  type KubeflowPlatformProps,
} from 'kubeflow-cdk8s';

const app = new App({ outdir: process.argv[2] ?? 'dist' });

const components = new Chart(app, 'components', { disableResourceNameHashes: true });
const dashboard: CentralDashboardProps = {
  values: { replicas: 2, registrationFlow: true, istio: { gateway: 'kubeflow/my-gateway' } },
};
new CentralDashboard(components, 'dashboard', dashboard);
new Profiles(components, 'profiles', { values: { global: { commonLabels: { team: 'platform' } } } });
new JupyterWebApp(components, 'jupyter', { values: { global: { imageRegistry: 'registry.internal:5000' } } });

const platform: KubeflowPlatformProps = {
  preset: 'notebooks',
  global: { imageRegistry: 'registry.internal:5000' },
  components: {
    centraldashboard: { values: { replicas: 3 } },
    'jupyter-web-app': { values: { istio: { gateway: 'kubeflow/my-gateway' } } },
    'user-namespace': { enabled: false },
  },
};
new KubeflowPlatform(new Chart(app, 'platform', { disableResourceNameHashes: true }), 'kubeflow', platform);

app.synth();
