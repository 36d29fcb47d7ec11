import { gzipSync } from 'node:zlib';

/**
 * Helm keeps a release as base64(gzip(release JSON)) in one Secret of at most 1 MiB. The length of
 * base64(gzip(text)) estimates what a manifest of this text adds to a stored release.
 */
export const storedEstimate = (text: string): number => Math.ceil(gzipSync(text).length / 3) * 4;
