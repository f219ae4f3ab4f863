/**
 * Whole-file templates for /etc/network/interfaces, the tutorial's Debian
 * configurations (../shared/seed sections 1.2 and 4.2): a bridge on one NIC,
 * two bridges on two NICs, a bridge for VMs plus a separate management NIC.
 * Deviations from the tutorial, so that each template is clean: every
 * bridge port has its own `inet manual` stanza (the tutorial leaves the
 * second NIC of 1.2 undeclared), and only one interface carries a default
 * gateway (the tutorial's 4.2 gives both).
 *
 * One source for snippets/interfaces.json (`staticSnippets`, shared with
 * netplan) and the completions offered in an empty interfaces file.
 * Regenerate the JSON file with:
 *
 *   npx tsx -e "import { staticSnippets } from './server/src/features/netplan/templates'; import { INTERFACES_TEMPLATES } from './server/src/features/ifupdown/templates'; require('fs').writeFileSync('snippets/interfaces.json', JSON.stringify(staticSnippets(INTERFACES_TEMPLATES), null, 2) + '\n')"
 */
import type { FileTemplate } from '../netplan/templates';

const LO = ['auto lo', 'iface lo inet loopback', ''];
const BRIDGE_OPTS = ['    bridge_stp ${9|off,on|}', '    bridge_fd 0', '    bridge_maxwait 0'];

export const INTERFACES_TEMPLATES: readonly FileTemplate[] = [
  {
    label: 'interfaces: bridge on one NIC',
    prefix: 'interfaces-bridge',
    description: 'The host address moves from the NIC to a bridge br0 that VMs can join (libvirt forward mode bridge).',
    body: [
      ...LO,
      '# The NIC carries no address: it is a port of the bridge',
      'auto ${1:enp3s0f0}',
      'iface $1 inet manual',
      '',
      '# The bridge has the host address',
      'auto ${2:br0}',
      'iface $2 inet static',
      '    address ${3:192.168.1}.${4:121}',
      '    netmask 255.255.255.0',
      '    gateway $3.${5:1}',
      '    bridge_ports $1',
      ...BRIDGE_OPTS,
      '    dns-nameservers ${6:8.8.8.8}',
      '$0',
    ].join('\n'),
  },
  {
    label: 'interfaces: two bridges on two NICs',
    prefix: 'interfaces-two-bridges',
    description: 'br0 on the first NIC carries the host address and default gateway; br1 on the second NIC serves a second network.',
    body: [
      ...LO,
      '# Bridge ports: no addresses on the raw devices',
      'auto ${1:enp3s0f0}',
      'iface $1 inet manual',
      'auto ${2:enx00e04c534458}',
      'iface $2 inet manual',
      '',
      'auto ${3:br0}',
      'iface $3 inet static',
      '    address ${4:192.168.1}.121',
      '    netmask 255.255.255.0',
      '    gateway $4.1',
      '    bridge_ports $1',
      ...BRIDGE_OPTS,
      '    dns-nameservers 8.8.8.8',
      '',
      'auto ${5:br1}',
      'iface $5 inet static',
      '    address ${6:10.1.1}.1',
      '    netmask 255.255.255.0',
      '    bridge_ports $2',
      ...BRIDGE_OPTS.map((l) => l.replace('${9|off,on|}', 'off')),
      '$0',
    ].join('\n'),
  },
  {
    label: 'interfaces: bridge for VMs + management NIC',
    prefix: 'interfaces-bridge-management',
    description: 'VM traffic on a bridge over one NIC; the host is reached on a second NIC with its own address.',
    body: [
      ...LO,
      '# VM traffic interface (bridged)',
      'auto ${1:enp3s0f0}',
      'iface $1 inet manual',
      '',
      '# Bridge for VMs',
      'auto ${2:br0}',
      'iface $2 inet static',
      '    address ${3:192.168.1}.121',
      '    netmask 255.255.255.0',
      '    gateway $3.1',
      '    bridge_ports $1',
      ...BRIDGE_OPTS,
      '    dns-nameservers 8.8.8.8',
      '',
      '# Host management interface (no second default gateway)',
      'auto ${4:enx00e04c534458}',
      'iface $4 inet static',
      '    address $3.122',
      '    netmask 255.255.255.0',
      '    dns-nameservers 8.8.8.8',
      '$0',
    ].join('\n'),
  },
];
