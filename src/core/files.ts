import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Writers produce a virtual tree first: easy to vendor, compare and test before touching disk. */
export type FileTree = Map<string, string>;

/**
 * Replaces `root` with the tree. The tree is written next to it first and swapped in by renames, so
 * whoever reads `root` meanwhile (a test run while `npm run synth` rewrites dist/) sees the old or the
 * new tree, never a half-written or missing one.
 */
export function writeTree(root: string, tree: FileTree): void {
  const target = resolve(root);
  if (sameTree(readTree(target), tree)) return; // nothing changed: leave the files (and their times) alone
  const next = `${target}.next-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  mkdirSync(next, { recursive: true });
  for (const [rel, content] of tree) {
    const p = join(next, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  rmSync(old, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, old);
  renameSync(next, target);
  rmSync(old, { recursive: true, force: true });
}

export function readTree(root: string): FileTree {
  const out: FileTree = new Map();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(root, p), readFileSync(p, 'utf8'));
    }
  };
  try {
    walk(root);
  } catch {
    /* missing root: empty tree */
  }
  return out;
}

export function sameTree(a: FileTree, b: FileTree): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** Prefixes every path of a tree (to nest one tree inside another). */
export function mount(tree: FileTree, prefix: string): FileTree {
  return new Map([...tree].map(([k, v]) => [`${prefix}/${k}`, v]));
}

/** The project (or installed package) root: the nearest folder above `from` with our package.json. */
export function packageRoot(from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'kubeflow-cdk8s') return dir;
    if (dirname(dir) === dir) return resolve(from, '../..');
  }
}
