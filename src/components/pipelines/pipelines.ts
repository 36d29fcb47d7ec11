import type { Construct } from 'constructs';
import { Component, type ComponentProps } from '../../core/component.js';
import { opt, pick, when } from '../../core/conditions.js';
import { argoCrds, kubeflowCrds, metacontrollerCrds, pipelineCrds } from './crds/index.js';
import { apiServer } from './api-server.js';
import { argo } from './argo.js';
import { cache } from './cache.js';
import { database } from './database.js';
import { info } from './info.js';
import { istio } from './istio.js';
import { kubernetesNative } from './k8s-native.js';
import { metacontroller } from './metacontroller.js';
import { metadata } from './metadata.js';
import { APP, fromConfig, fromSecret } from './objects.js';
import { databaseOf, objectStore, yamlText, type Database, type ObjectStore } from './storage.js';
import { persistenceAgent } from './persistence-agent.js';
import { profileController } from './profile-controller.js';
import { scheduledWorkflow } from './scheduled-workflow.js';
import { objectStoreCredentials, seaweedfs } from './seaweedfs.js';
import { ui } from './ui.js';
import type { values } from './values.js';
import { viewer } from './viewer.js';
import { visualization } from './visualization.js';

/**
 * Kubeflow Pipelines: the API server and its controllers, ML Metadata, the UI, Argo Workflows, a
 * database and an object store, and in multi-user mode the per-profile controller and Istio policies.
 * Each part lives in a file of its own; this constructor only lists them.
 */
export class Pipelines extends Component<typeof values> {
  /** Metadata labels of Pipelines' own objects. */
  public readonly labels: Record<string, string>;
  /** The object store as its consumers see it (bundled SeaweedFS or external S3). */
  public readonly s3: ObjectStore;
  /** The database as its consumers see it (bundled MySQL/PostgreSQL or external). */
  public readonly db: Database;

  constructor(scope: Construct, id: string, props: ComponentProps<typeof values> = {}) {
    super(scope, id, info, props);
    const v = this.v;
    this.labels = {
      'app.kubernetes.io/component': opt(v.platformLabels, 'ml-pipeline'),
      'app.kubernetes.io/name': opt(v.platformLabels, 'kubeflow-pipelines'),
      ...APP,
    };
    this.s3 = objectStore(v);
    this.db = databaseOf(v, 'mysql-secret', 'postgres-secret-extended');
    apiServer(this);
    persistenceAgent(this);
    scheduledWorkflow(this);
    when(this, 'cache', v.cache.enabled, (s) => cache(this, s));
    metadata(this);
    ui(this);
    visualization(this);
    viewer(this);
    when(this, 'multi-user', v.multiUser.enabled, (s) => {
      profileController(this, s);
      metacontroller(this, s);
    });
    argo(this);
    database(this);
    objectStoreCredentials(this);
    when(this, 'seaweedfs', v.objectStore.bundled, (s) => seaweedfs(this, s));
    when(this, 'istio', v.istio.enabled, (s) => istio(this, s));
    when(this, 'kubernetes-native', v.kubernetesNativeStorage, (s) => kubernetesNative(this, s));
    this.crds();
  }

  /** Argo's, Pipelines' own, metacontroller's (multi-user) and Pipeline/PipelineVersion (Kubernetes-native storage). */
  private crds(): void {
    const v = this.v;
    when(this, 'crds', v.crds.install, (s) => {
      argoCrds(s);
      kubeflowCrds(s, this.labels);
      when(s, 'metacontroller', v.multiUser.enabled, metacontrollerCrds);
      when(s, 'kubernetes-native', v.kubernetesNativeStorage, pipelineCrds);
    });
  }

  /** USER, PASSWORD, DBNAME, HOST, PORT of the database driver, named `<mysqlPrefix>_*` or `<postgresPrefix>_*`. */
  public dbDriverEnv(mysqlPrefix: string, postgresPrefix: string) {
    const db = this.db;
    const name = (x: string) => pick(db.mysql, `${mysqlPrefix}_${x}`, `${postgresPrefix}_${x}`);
    return [
      fromSecret(name('USER'), db.secret, db.userKey),
      fromSecret(name('PASSWORD'), db.secret, db.passwordKey),
      fromConfig(name('DBNAME'), 'pipelineDb'),
      fromConfig(name('HOST'), pick(db.mysql, 'mysqlHost', 'postgresHost')),
      fromConfig(name('PORT'), pick(db.mysql, 'mysqlPort', 'postgresPort')),
    ];
  }

  /** The launcher's `providers` setting (kfp-launcher) for external S3: endpoint, region and the credentials Secret. */
  public launcherProviders(secret: string, accessKeyKey: string, secretKeyKey: string): string {
    const o = this.v.objectStore;
    return yamlText({
      s3: {
        default: {
          endpoint: this.s3.endpoint,
          disableSSL: this.s3.insecure,
          region: o.region,
          forcePathStyle: o.pathStyle,
          credentials: { fromEnv: false, secretRef: { secretName: secret, accessKeyKey, secretKeyKey } },
        },
      },
    });
  }
}
