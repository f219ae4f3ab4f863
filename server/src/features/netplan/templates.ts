/**
 * Whole-file netplan templates for the tutorial's host configurations
 * (../shared/seed sections 1.2 and 4.2): a bridge on one NIC, two bridges on
 * two NICs, a bridge for VMs plus a separate management NIC.
 *
 * One source for two outputs: the static snippets in snippets/netplan.json
 * (`staticSnippets()`) and the completions offered in an empty netplan file.
 * test/features/netplan.test.ts checks that the JSON file matches, that each
 * template gives zero diagnostics with its defaults, and that
 * `netplan generate` accepts it. Regenerate the JSON file with:
 *
 *   npx tsx -e "import { staticSnippets } from './server/src/features/netplan/templates'; require('fs').writeFileSync('snippets/netplan.json', JSON.stringify(staticSnippets(), null, 2) + '\n')"
 */

export interface FileTemplate {
  readonly label: string;
  readonly prefix: string;
  readonly description: string;
  /** Snippet text (VS Code snippet syntax). */
  readonly body: string;
}

const DNS = ['      nameservers:', '        addresses: [${9:8.8.8.8}, 8.8.4.4]'];

export const NETPLAN_TEMPLATES: readonly FileTemplate[] = [
  {
    label: 'netplan: bridge on one NIC',
    prefix: 'netplan-bridge',
    description: 'The host address moves from the NIC to a bridge br0 that VMs can join (libvirt forward mode bridge).',
    body: [
      'network:',
      '  version: 2',
      '  ethernets:',
      '    ${1:enp3s0f0}:',
      '      dhcp4: false',
      '      dhcp6: false',
      '  bridges:',
      '    ${2:br0}:',
      '      interfaces: [$1]',
      '      addresses: [${3:192.168.1}.${4:121}/24]',
      '      routes:',
      '        - to: default',
      '          via: $3.${5:1}',
      ...DNS,
      '      parameters:',
      '        stp: ${6|false,true|}',
      '        forward-delay: ${7:0}',
      '      dhcp4: false',
      '      dhcp6: false',
      '$0',
    ].join('\n'),
  },
  {
    label: 'netplan: two bridges on two NICs',
    prefix: 'netplan-two-bridges',
    description: 'br0 on the first NIC carries the host address and default route; br1 on the second NIC serves a second network.',
    body: [
      'network:',
      '  version: 2',
      '  ethernets:',
      '    ${1:enp3s0f0}:',
      '      dhcp4: false',
      '      dhcp6: false',
      '    ${2:enx00e04c534458}:',
      '      dhcp4: false',
      '      dhcp6: false',
      '  bridges:',
      '    ${3:br0}:',
      '      interfaces: [$1]',
      '      addresses: [${4:192.168.1}.121/24]',
      '      routes:',
      '        - to: default',
      '          via: $4.1',
      '      mtu: 1500',
      ...DNS,
      '      parameters:',
      '        stp: true',
      '        forward-delay: 4',
      '      dhcp4: false',
      '      dhcp6: false',
      '    ${5:br1}:',
      '      interfaces: [$2]',
      '      addresses: [${6:10.1.1}.1/24]',
      '      mtu: 1500',
      '      dhcp4: false',
      '      dhcp6: false',
      '$0',
    ].join('\n'),
  },
  {
    label: 'netplan: bridge for VMs + management NIC',
    prefix: 'netplan-bridge-management',
    description: 'VM traffic on a bridge over one NIC; the host is reached on a second NIC with its own address.',
    body: [
      'network:',
      '  version: 2',
      '  ethernets:',
      '    ${1:enp3s0f0}:',
      '      dhcp4: false',
      '      dhcp6: false',
      '    ${2:enx00e04c534458}:',
      '      addresses: [${3:192.168.1}.122/24]',
      ...DNS,
      '  bridges:',
      '    ${4:br0}:',
      '      interfaces: [$1]',
      '      addresses: [$3.121/24]',
      '      routes:',
      '        - to: default',
      '          via: $3.1',
      ...DNS.map((l) => l.replace('${9:8.8.8.8}', '8.8.8.8')),
      '      dhcp4: false',
      '      dhcp6: false',
      '$0',
    ].join('\n'),
  },
];

/** The static snippet file's content (snippets/netplan.json). */
export function staticSnippets(templates: readonly FileTemplate[] = NETPLAN_TEMPLATES): Record<string, { prefix: string; description: string; body: string[] }> {
  const out: Record<string, { prefix: string; description: string; body: string[] }> = {};
  for (const t of templates) out[t.label] = { prefix: t.prefix, description: t.description, body: t.body.split('\n') };
  return out;
}
