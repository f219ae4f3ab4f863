import type { Check } from '../check';
import type { MacRole, MacUse } from '../../workspace/workspaceIndex';
import { fileName } from '../../workspace/uris';
import type { Finding } from '../../service/types';
import { hostRelated, hostsLabel } from './hostRelated';
import { relatedTo } from './related';

/**
 * A MAC address used twice: two VM NICs, a network's bridge MAC and anything
 * else, or DHCP reservations for one MAC in two networks. A DHCP <host>
 * entry with the MAC of a VM NIC is a reservation, not a clash. Reuse
 * within one network's DHCP hosts is reported by libvirt/dhcp-host-duplicate.
 * A VM NIC on a targeted KVM host with the MAC clashes too, unless this file
 * is that VM's own definition (same domain name: the deployed copy).
 */
function clashes(a: MacRole, b: MacRole): boolean {
  const pair = [a, b].sort().join('+');
  return pair !== 'DHCP host+VM interface';
}

export const duplicateMac: Check = {
  id: 'libvirt/duplicate-mac',
  defaultSeverity: 'warning',
  description: 'The same MAC address is used by two VM interfaces, networks or DHCP reservations in the workspace, or by a VM interface on a targeted KVM host.',
  appliesTo: ['libvirt-network', 'libvirt-domain', 'libvirt-domain-interface', 'libvirt-host-interface'],
  crossFile: true,
  run({ uri, model, workspace }) {
    const facts = workspace.facts(uri);
    if (!facts) return [];
    const out: Finding[] = [];
    const vmName = model.kind === 'libvirt-domain' ? model.name?.value : undefined;
    for (const m of facts.macs) {
      if (workspace.hosts.size > 0 && clashes(m.role, 'VM interface')) {
        const onHosts = workspace.hosts.nicsWithMac(m.mac).filter((n) => n.vm.name !== vmName);
        if (onHosts.length > 0) {
          const n = onHosts[0];
          out.push({
            code: this.id,
            span: m.span,
            message: `MAC ${m.mac} (${m.role}) is already used by a NIC of VM '${n.vm.name}' on ${hostsLabel(onHosts.map((o) => o.host))}${onHosts.length > 1 ? ` and ${onHosts.length - 1} more NIC${onHosts.length > 2 ? 's' : ''}` : ''}; two devices with one MAC break each other's traffic`,
            related: onHosts.slice(0, 20).map((o) => hostRelated(o.host, 'vm', o.vm.name, `VM '${o.vm.name}' has a NIC with MAC ${m.mac}`)),
          });
        }
      }
      const uses = workspace.macUsesOf(m);
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
