/**
 * A host's networks, fetched in two round trips whatever their number (up
 * to 200 per batch): `net-list --all --name`, then one batch with
 * `net-info` and `net-dumpxml` of every network. This is what a tree of
 * hosts → networks shows: state, autostart, persistence, bridge, subnets.
 */
import type { NetInfo } from './parseNetInfo';
import type { NetIp, NetXml } from './parseNetXml';
import type { Result } from './result';
import type { Runner } from './runner';
import { netDumpXml, netInfo, netListNames } from './virsh';
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

const PER_BATCH = 200; // ~130 bytes per network: well under the 128 KiB of one argument

export async function fetchNetworks(runner: Runner, uri: string, options: { timeoutMs: number }): Promise<Result<NetworkSummary[]>> {
  const names = await runVirsh(runner, uri, netListNames('all'), options);
  if (!names.ok) return names;
  const out: NetworkSummary[] = [];
  for (let i = 0; i < names.value.length; i += PER_BATCH) {
    const chunk = names.value.slice(i, i + PER_BATCH);
    const r = await runVirsh(runner, uri, batch(chunk.flatMap((n) => [netInfo(n), netDumpXml(n)])), options);
    if (!r.ok) return r;
    chunk.forEach((name, j) => {
      const info = r.value[2 * j] as Result<NetInfo>;
      const xml = r.value[2 * j + 1] as Result<NetXml>;
      const errors = [info, xml].flatMap((x) => (x.ok ? [] : [x.error.message]));
      out.push({
        name,
        uuid: info.ok ? info.value.uuid : xml.ok ? xml.value.uuid : undefined,
        active: info.ok ? info.value.active : undefined,
        persistent: info.ok ? info.value.persistent : undefined,
        autostart: info.ok ? info.value.autostart : undefined,
        bridge: (info.ok ? info.value.bridge : undefined) ?? (xml.ok ? xml.value.bridge : undefined),
        forwardMode: xml.ok ? xml.value.forwardMode : undefined,
        ips: xml.ok ? xml.value.ips : [],
        xml: xml.ok ? xml.value.xml : undefined,
        error: errors.length > 0 ? errors.join('; ') : undefined,
      });
    });
  }
  return { ok: true, value: out };
}
