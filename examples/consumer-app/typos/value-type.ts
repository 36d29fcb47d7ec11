// Must fail tsc: a value of the wrong type.
import { Chart, Testing } from 'cdk8s';
import { CentralDashboard } from 'kubeflow-cdk8s';
new CentralDashboard(new Chart(Testing.app(), 'c'), 'd', { values: { registrationFlow: 'yes' } });
