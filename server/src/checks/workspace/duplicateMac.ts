import type { Check } from '../check';
import type { MacRole, MacUse } from '../../workspace/workspaceIndex';
import { fileName } from '../../workspace/uris';
import { relatedTo } from './related';

/**
 * A MAC address used twice: two VM NICs, a network's bridge MAC and anything
 * else, or DHCP reservations for one MAC in two networks. A DHCP <host>
 * entry with the MAC of a VM NIC is a reservation, not a clash. Reuse
 * within one network's DHCP hosts is reported by libvirt/dhcp-host-duplicate.
 */
function clashes(a: MacRole, b: MacRole): boolean {
  const pair = [a, b].sort().join('+');
  return pair !== 'DHCP host+VM interface';
}

export const duplicateMac: Check = {
  id: 'libvirt/duplicate-mac',
  defaultSeverity: 'warning',
  description: 'The same MAC address is used by two VM interfaces, networks or DHCP reservations in the workspace.',
  appliesTo: ['libvirt-network', 'libvirt-domain', 'libvirt-domain-interface', 'libvirt-host-interface'],
  crossFile: true,
  run({ uri, workspace }) {
    const facts = workspace.facts(uri);
    if (!facts) return [];
    const out = [];
    for (const m of facts.macs) {
      const uses = workspace.macUses(m.mac);
      // The usual case: the index holds this very use and no other (no list filtered, no span made).
      if (uses.length === 1 && uses[0] === m) continue;
      const others = uses.filter((o: MacUse) => {
        if (o.uri === uri && o.span.start === m.span.start) return false;
        if (!clashes(m.role, o.role)) return false;
        // Same-network DHCP duplicates belong to libvirt/dhcp-host-duplicate.
        if (o.uri === uri && m.role === 'DHCP host' && o.role === 'DHCP host') return false;
        return true;
      });
      if (others.length === 0) continue;
      const first = others[0];
      const where = first.uri === uri ? 'elsewhere in this file' : `in ${fileName(first.uri)}`;
      out.push({
        code: this.id,
        span: m.span,
        message: `MAC ${m.mac} (${m.role}) is also used by a ${first.role} ${where}${others.length > 1 ? ` and ${others.length - 1} more place${others.length > 2 ? 's' : ''}` : ''}; two devices with one MAC break each other's traffic`,
        related: relatedTo(others, (o) => `same MAC, ${(o as MacUse).role}`),
      });
    }
    return out;
  },
};
