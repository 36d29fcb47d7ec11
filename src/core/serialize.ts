import { ApiObject, type IResolver, type ResolutionContext } from 'cdk8s';
import { TOKEN_KEY, Token, type Placement } from './tokens.js';

/**
 * Symbolic serialization. cdk8s resolves props, then the generated `toJson_*` functions convert
 * them to Kubernetes JSON, dropping anything they do not know. Structured tokens would not survive
 * that, so this resolver lifts them out (recording where they stood) and `serialize` puts markers
 * back into the final JSON at the same paths.
 */
interface Lifted {
  path: string[];
  placement: Placement;
  start?: number;
  count?: number;
}

// toJson_* renames a few props (cdk8s-plus-33 k8s.ts); token paths are recorded in prop names.
const JSON_NAMES: Record<string, string> = {
  clusterIp: 'clusterIP',
  hostIp: 'hostIP',
  hostIpc: 'hostIPC',
  hostPid: 'hostPID',
  loadBalancerIp: 'loadBalancerIP',
  nonResourceUrLs: 'nonResourceURLs',
  podCidr: 'podCIDR',
  podCidRs: 'podCIDRs',
  setHostnameAsFqdn: 'setHostnameAsFQDN',
  insecureSkipTlsVerify: 'insecureSkipTLSVerify',
  volumeId: 'volumeID',
  providerId: 'providerID',
  externalId: 'externalID',
};

export class SymbolicResolver implements IResolver {
  private readonly lifted = new Map<ApiObject, Lifted[]>();

  /** cdk8s resolves metadata separately, from its own root: paths there need the `metadata` prefix. */
  private prefix: string[] = [];

  resolve(ctx: ResolutionContext): void {
    const val = ctx.value;
    if (ctx.key.length === 0)
      this.prefix = val && typeof val === 'object' && !('metadata' in val) && 'ownerReferences' in val ? ['metadata'] : [];
    if (val instanceof Token) {
      const p = val.placement;
      if (p.kind === 'splice' || p.kind === 'spread')
        throw new Error(`${ctx.obj.node.path}: items()/spread() must be spread into a list (at ${ctx.key.join('.')})`);
      this.record(ctx.obj, { path: [...this.prefix, ...ctx.key], placement: p });
      ctx.replaceValue(p.kind === 'optional' ? p.value : undefined);
      return;
    }
    const inList = (x: unknown): x is Token => x instanceof Token && (x.placement.kind === 'splice' || x.placement.kind === 'spread');
    if (Array.isArray(val) && val.some(inList)) {
      const flat: unknown[] = [];
      for (const x of val) {
        if (inList(x) && x.placement.kind === 'spread') {
          this.record(ctx.obj, { path: [...this.prefix, ...ctx.key], placement: x.placement, start: flat.length, count: 1 });
          flat.push(undefined);
        } else if (inList(x) && x.placement.kind === 'splice') {
          if (x.placement.items.some((y) => y instanceof Token && y.placement.kind === 'splice')) {
            throw new Error(`${ctx.obj.node.path}: nested items() at ${ctx.key.join('.')}; combine the conditions with and()`);
          }
          this.record(ctx.obj, {
            path: [...this.prefix, ...ctx.key],
            placement: x.placement,
            start: flat.length,
            count: x.placement.items.length,
          });
          flat.push(...x.placement.items);
        } else {
          flat.push(x);
        }
      }
      ctx.replaceValue(flat);
    }
  }

  private record(obj: ApiObject, l: Lifted) {
    const list = this.lifted.get(obj) ?? [];
    list.push(l);
    this.lifted.set(obj, list);
  }

  /** The object's JSON with token markers in place. */
  serialize(obj: ApiObject): Record<string, unknown> {
    this.lifted.delete(obj);
    const json = obj.toJson() as Record<string, unknown>;
    const lifted = this.lifted.get(obj) ?? [];
    this.lifted.delete(obj);
    // deepest first, and splices right to left, so earlier insertions do not move later paths
    lifted.sort((a, b) => b.path.length - a.path.length || (b.start ?? 0) - (a.start ?? 0));
    for (const l of lifted)
      insert(
        json,
        l.path.map((k) => JSON_NAMES[k] ?? k),
        l,
      );
    return json;
  }
}

function insert(root: Record<string, unknown>, path: string[], l: Lifted) {
  let node: any = root;
  for (const k of path.slice(0, -1)) {
    if (node[k] === undefined || node[k] === null) node[k] = {};
    node = node[k];
  }
  const last = path[path.length - 1]!;
  const p = l.placement;
  if (p.kind === 'splice' || p.kind === 'spread') {
    const arr: unknown[] = node[last] ?? [];
    const taken = arr.splice(l.start!, l.count!);
    arr.splice(l.start!, 0, { [TOKEN_KEY]: p.kind === 'splice' ? { ...p, items: taken } : p });
    node[last] = arr;
  } else if (p.kind === 'optional') {
    node[last] = { [TOKEN_KEY]: { ...p, value: node[last] ?? {} } };
  } else {
    node[last] = { [TOKEN_KEY]: p };
  }
}
