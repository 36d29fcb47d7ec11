import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mustExec, ROOT } from './tools.js';

/**
 * The package as `npm pack` builds it (prepack compiles lib/), unpacked into a scratch folder with
 * the project's node_modules linked in (what `npm install kubeflow-cdk8s` would provide).
 */
export async function packedPackage(): Promise<{ dir: string; files: string[] }> {
  const dest = mkdtempSync(join(tmpdir(), 'kf-npm-pack-'));
  const json = await mustExec('npm', ['pack', '--pack-destination', dest, '--json', '--loglevel=error'], { cwd: ROOT });
  const [info] = JSON.parse(json.slice(json.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  await mustExec('tar', ['-xzf', join(dest, info!.filename), '-C', dest]);
  const dir = join(dest, 'package');
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return { dir, files: info!.files.map((f) => f.path) };
}
