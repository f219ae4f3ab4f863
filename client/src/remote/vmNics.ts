/**
 * A VM's NICs in its two configurations side by side: the running one (live
 * XML) and the persistent one (`dumpxml --inactive`, used at the next boot).
 * They differ after a change made to one only, or when a live detach was
 * accepted by libvirt but not by the guest. Pure.
 */
import type { VmNic } from './parseDomainXml';

export type NicDifference = 'live-only' | 'config-only' | 'changed';

/** One NIC, matched by MAC across the two configurations. */
export interface VmNicEntry {
  readonly mac?: string;
  /** In the running VM (undefined when the VM does not run, or the NIC is not there). */
  readonly live?: VmNic;
  /** In the persistent configuration (undefined for a transient VM, or when the NIC is not there). */
  readonly config?: VmNic;
  /** Set only when both configurations exist and disagree about this NIC. */
  readonly difference?: NicDifference;
  /** For `changed`: what differs (`model virtio → e1000`). */
  readonly changes?: readonly string[];
}

/** The source a person reads: network name, bridge or device. */
export function nicSource(nic: VmNic): string {
  if (nic.type === 'network') return nic.network ?? '?';
  if (nic.type === 'bridge') return nic.bridge ?? '?';
  if (nic.type === 'direct') return nic.dev ?? '?';
  return nic.network ?? nic.bridge ?? nic.dev ?? '';
}

/** The fields that matter for a comparison (a live network NIC also names its bridge: not a difference). */
function compared(nic: VmNic): [string, string | undefined][] {
  return [
    ['type', nic.type],
    ['source', nicSource(nic)],
    ['model', nic.model],
  ];
}

function changesBetween(live: VmNic, config: VmNic): string[] {
  const c = new Map(compared(config));
  return compared(live)
    .filter(([k, v]) => c.get(k) !== v)
    .map(([k, v]) => `${k} ${c.get(k) ?? '(default)'} in the saved configuration, ${v ?? '(default)'} while running`);
}

/**
 * Both lists merged by MAC (NICs without a MAC are matched by position among
 * those). `live` or `config` undefined means that configuration does not
 * exist (VM not running; transient VM): then nothing is flagged.
 */
export function compareNics(live: readonly VmNic[] | undefined, config: readonly VmNic[] | undefined): VmNicEntry[] {
  if (!live || !config) return (live ?? config ?? []).map((n) => ({ mac: n.mac, live: live ? n : undefined, config: config ? n : undefined }));
  const out: VmNicEntry[] = [];
  const remaining = [...config];
  for (const l of live) {
    const i = remaining.findIndex((c) => (l.mac === undefined ? c.mac === undefined : c.mac === l.mac));
    if (i < 0) {
      out.push({ mac: l.mac, live: l, difference: 'live-only' });
      continue;
    }
    const [c] = remaining.splice(i, 1);
    const changes = changesBetween(l, c);
    out.push(changes.length > 0 ? { mac: l.mac, live: l, config: c, difference: 'changed', changes } : { mac: l.mac, live: l, config: c });
  }
  for (const c of remaining) out.push({ mac: c.mac, config: c, difference: 'config-only' });
  return out;
}

/** NICs (by MAC) present after and not before, and before and not after. */
export function nicDelta(before: readonly VmNic[], after: readonly VmNic[]): { added: VmNic[]; removed: VmNic[] } {
  const macs = (l: readonly VmNic[]) => new Set(l.map((n) => n.mac));
  const [b, a] = [macs(before), macs(after)];
  return { added: after.filter((n) => !b.has(n.mac)), removed: before.filter((n) => !a.has(n.mac)) };
}

/** `52:54:00:12:34:56 on network 'isol' (virtio)`. */
export function describeNic(nic: VmNic): string {
  const where = nic.type === 'network' ? `network '${nicSource(nic)}'` : nic.type === 'bridge' ? `bridge '${nicSource(nic)}'` : `${nic.type} ${nicSource(nic)}`.trim();
  return `${nic.mac ?? 'NIC without MAC'} on ${where} (${nic.model ?? 'default model'})`;
}
