/**
 * A host's networks, fetched in two round trips whatever their number (up
 * to 400 per batch): one batch of `net-list --name` with the filters
 * `--all`, `--active`, `--autostart`, `--persistent`, then one batch of
 * `net-dumpxml` per network. This is what a tree of hosts → networks shows:
 * state, autostart, persistence, bridge, forward mode, subnets. (net-info
 * per network would give the same flags at nearly twice the cost.)
 */
import type { NetIp, NetXml } from './parseNetXml';
import type { Result } from './result';
import type { Runner } from './runner';
import { netDumpXml, netListNames } from './virsh';
import { batch } from './virshBatch';
import { runVirsh } from './virshCommand';

export interface NetworkSummary {
  /** The name as `net-list --name` printed it (exact, also for odd names). */
  readonly name: string;
  readonly uuid?: string;
  readonly active?: boolean;
  readonly persistent?: boolean;
  readonly autostart?: boolean;
  readonly bridge?: string;
  /** undefined for an isolated network (no `<forward>`). */
  readonly forwardMode?: string;
  readonly ips: readonly NetIp[];
  /** The live XML (the inactive one is fetched on demand). */
  readonly xml?: string;
  /** Why some of the above is missing (e.g. the network was undefined between the two round trips). */
  readonly error?: string;
}

const PER_BATCH = 400; // ~70 bytes per network: well under the 128 KiB of one argument

export async function fetchNetworks(runner: Runner, uri: string, options: { timeoutMs: number }): Promise<Result<NetworkSummary[]>> {
  // Round trip 1: every name, and which are active, autostarted, persistent (filtered lists).
  const lists = await runVirsh(runner, uri, batch([netListNames('all'), netListNames('active'), netListNames('autostart'), netListNames('persistent')]), options);
  if (!lists.ok) return lists;
  const [all, active, autostart, persistent] = lists.value;
  if (!all.ok) return all;
  const setOf = (r: Result<string[]>) => (r.ok ? new Set(r.value) : undefined);
  const [isActive, isAutostart, isPersistent] = [setOf(active), setOf(autostart), setOf(persistent)];
  // Round trip 2: the live XML of each (name, UUID, bridge, forward mode, addresses).
  const out: NetworkSummary[] = [];
  for (let i = 0; i < all.value.length; i += PER_BATCH) {
    const chunk = all.value.slice(i, i + PER_BATCH);
    const r = await runVirsh(runner, uri, batch(chunk.map((n) => netDumpXml(n))), options);
    if (!r.ok) return r;
    chunk.forEach((name, j) => {
      const xml = r.value[j] as Result<NetXml>;
      out.push({
        name,
        uuid: xml.ok ? xml.value.uuid : undefined,
        active: isActive?.has(name),
        persistent: isPersistent?.has(name),
        autostart: isAutostart?.has(name),
        bridge: xml.ok ? xml.value.bridge : undefined,
        forwardMode: xml.ok ? xml.value.forwardMode : undefined,
        ips: xml.ok ? xml.value.ips : [],
        xml: xml.ok ? xml.value.xml : undefined,
        // e.g. undefined between the two round trips
        error: xml.ok ? undefined : xml.error.message,
      });
    });
  }
  return { ok: true, value: out };
}
