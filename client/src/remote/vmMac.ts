/**
 * MAC addresses for a new NIC: a fresh one, unique on the host and among the
 * MACs the workspace's files use, or a typed one checked against the same.
 * Pure (the random source is a parameter).
 */
import { randomBytes } from 'node:crypto';
import { isMulticastMac, parseMac } from '../../../server/src/net/ip';
import { normalizeMac } from './parseDomainXml';

/** QEMU/KVM's locally administered prefix, the one libvirt itself generates from. */
export const QEMU_MAC_PREFIX = '52:54:00';

/**
 * A MAC `52:54:00:xx:xx:xx` used by none of `used` (lower case, libvirt's
 * form). Throws only if 1000 random draws all collide (a host with millions
 * of NICs).
 */
export function freshMac(used: ReadonlySet<string>, random: (n: number) => Uint8Array = randomBytes): string {
  for (let i = 0; i < 1000; i++) {
    const mac = [QEMU_MAC_PREFIX, ...[...random(3)].map((b) => b.toString(16).padStart(2, '0'))].join(':');
    if (!used.has(mac)) return mac;
  }
  throw new Error('no free MAC address found after 1000 tries');
}

export type MacCheck = { readonly ok: true; readonly mac: string; readonly warnings: readonly string[] } | { readonly ok: false; readonly message: string };

/**
 * A typed MAC: libvirt's syntax (six groups of hex digits), unicast (libvirt
 * refuses a group address), not used on the host nor in the workspace. A
 * MAC outside 52:54:00 is accepted with a warning.
 */
export function checkMac(text: string, onHost: ReadonlySet<string>, inWorkspace: ReadonlySet<string> = new Set()): MacCheck {
  const bytes = parseMac(text);
  if (!bytes) return { ok: false, message: `'${text}' is not a MAC address: write six pairs of hex digits separated by colons (52:54:00:12:34:56)` };
  const mac = normalizeMac(text);
  if (isMulticastMac(bytes)) return { ok: false, message: `${mac} is a multicast address (the lowest bit of the first byte is set): a NIC needs a unicast MAC` };
  if (onHost.has(mac)) return { ok: false, message: `${mac} is already used by a VM's NIC on this host` };
  if (inWorkspace.has(mac)) return { ok: false, message: `${mac} is already used in a file of this workspace` };
  const warnings = mac.startsWith(`${QEMU_MAC_PREFIX}:`) ? [] : [`${mac} is outside QEMU's ${QEMU_MAC_PREFIX} range: make sure no other machine on that network uses it`];
  return { ok: true, mac, warnings };
}
