import { gzipSync } from 'node:zlib';
import { mustExec, tools } from './tools.js';

/** What Helm would store for a release, and its NOTES, from a Helm 4 client-side dry run (no cluster). */
export interface DryRunRelease {
  /** base64(gzip(release JSON)): the size of the Secret Helm keeps the release in (at most 1 MiB). */
  readonly storedBytes: number;
  readonly notes: string;
}

export async function dryRunRelease(release: string, chart: string, args: string[] = []): Promise<DryRunRelease> {
  const json = await mustExec(tools.helm4, ['install', release, chart, ...args, '--dry-run=client', '-o', 'json']);
  const rel = JSON.parse(json) as { info?: { notes?: string } };
  return { storedBytes: gzipSync(JSON.stringify(rel)).toString('base64').length, notes: rel.info?.notes ?? '' };
}
