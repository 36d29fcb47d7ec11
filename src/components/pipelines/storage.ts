import { eq, nonEmpty, not, pick } from '../../core/conditions.js';
import { structuredText } from '../../core/value-text.js';
import type { Access, Group } from '../../core/values.js';
import type { values } from './values.js';

type V = Access<Group<typeof values>>;

/** The object store as every consumer (API server, Argo, UI, launcher, profiles) addresses it. */
export interface ObjectStore {
  readonly bundled: boolean;
  readonly external: boolean;
  /** `host:port`. */
  readonly endpoint: string;
  /** `http(s)://host:port`. */
  readonly url: string;
  readonly insecure: boolean;
  /** Secret with the keys (the chart's `mlpipeline-minio-artifact` or `existingSecret`) and its key names. */
  readonly secret: string;
  readonly accessKeyKey: string;
  readonly secretKeyKey: string;
}

export const S3_SECRET = 'mlpipeline-minio-artifact';

export function objectStore(v: V): ObjectStore {
  const o = v.objectStore;
  return {
    bundled: o.bundled,
    external: not(o.bundled),
    endpoint: `${o.host}:${o.port}`,
    url: `${pick(o.secure, 'https', 'http')}://${o.host}:${o.port}`,
    insecure: not(o.secure),
    secret: pick(nonEmpty(o.existingSecret), o.existingSecret, S3_SECRET),
    accessKeyKey: pick(nonEmpty(o.existingSecret), o.secretKeys.username, 'accesskey'),
    secretKeyKey: pick(nonEmpty(o.existingSecret), o.secretKeys.password, 'secretkey'),
  };
}

/** The database as its consumers address it. */
export interface Database {
  readonly mysql: boolean;
  readonly postgresql: boolean;
  /** Host and port the consumers connect to (the bundled service or `host`/`port`). */
  readonly host: string;
  readonly port: string;
  readonly secret: string;
  readonly userKey: string;
  readonly passwordKey: string;
}

export function databaseOf(v: V, mysqlSecret: string, postgresSecret: string): Database {
  const d = v.database;
  const mysql = eqStr(d.type, 'mysql');
  const bundledHost = pick(mysql, 'mysql', 'postgres-service');
  const bundledPort = pick(mysql, '3306', '5432');
  const portText = pick(eqNum(d.port, 0), bundledPort, `${d.port}`);
  return {
    mysql,
    postgresql: not(mysql),
    host: pick(d.bundled, bundledHost, d.host),
    port: pick(d.bundled, bundledPort, portText),
    secret: pick(nonEmpty(d.existingSecret), d.existingSecret, pick(mysql, mysqlSecret, postgresSecret)),
    userKey: pick(nonEmpty(d.existingSecret), d.secretKeys.username, 'username'),
    passwordKey: pick(nonEmpty(d.existingSecret), d.secretKeys.password, 'password'),
  };
}

const eqStr = (a: string, b: string) => eq(a, b);
const eqNum = (a: number, b: number) => eq(a, b);

/** A config file as text from a structure that may hold values (JSON, which YAML readers accept). */
export const yamlText = (x: unknown): string => structuredText(x, { indent: 2, defaultValue: null, defaultText: '' });
