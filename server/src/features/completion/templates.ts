/**
 * Whole-configuration templates: the networks of the tutorial (NAT,
 * isolated, routed, open, bridged to a host bridge), a static DHCP host, VM
 * NICs on a network or a bridge, and a host bridge for `virsh iface-define`.
 *
 * One source for two outputs: the static snippets in
 * snippets/libvirt-network.json (VS Code's `$UUID` variable, no MAC: libvirt
 * makes one up when it is left out) and the server completions, which fill
 * in a fresh UUID and MAC and a subnet, bridge and name no workspace file
 * uses. test/features/snippets.test.ts checks that the JSON file is what
 * `staticSnippets()` produces and that every template validates. After
 * changing a template, regenerate the file with:
 *
 *   npx tsx -e "import { staticSnippets } from './server/src/features/completion/templates'; require('fs').writeFileSync('snippets/libvirt-network.json', JSON.stringify(staticSnippets(), null, 2) + '\n')"
 */

/** What a template is filled with. Every field is snippet text (already escaped). */
export interface Fill {
  readonly uuid: string;
  /** Undefined: leave the MAC out (static snippets). */
  readonly mac: string | undefined;
  /** The first three octets of the /24, written at its first use and at later uses. */
  readonly net: (first: boolean) => string;
  /** A host address in the subnet for a DHCP host (IP only, snippet text). */
  readonly hostIp: string;
  /** Bridge device name created by libvirt (nat/route/open/isolated). */
  readonly bridge: string;
  /** An existing host bridge (bridge mode, bridged NICs). */
  readonly hostBridge: string;
  /** The name of a DHCP host. */
  readonly hostName: string;
  /** A network name for `<source network>`. */
  readonly sourceNetwork: string;
  /** Network name for a network template (given its kind). */
  readonly name: (suggested: string) => string;
}

export type TemplateScope = 'network-document' | 'nic' | 'host-interface-document' | 'dhcp-host';

export interface Template {
  readonly id: string;
  readonly label: string;
  /** Snippet prefix (static snippets) and filter word. */
  readonly prefix: string;
  readonly description: string;
  readonly scope: TemplateScope;
  body(f: Fill): string;
}

const macLine = (f: Fill, indent: string) => (f.mac ? `\n${indent}<mac address='${f.mac}'/>` : '');

function routedLike(mode: 'nat' | 'route' | 'open' | undefined, name: string, f: Fill, dhcpFrom: number): string {
  const forward =
    mode === 'nat'
      ? `\n  <forward mode='nat'>\n    <nat>\n      <port start='1024' end='65535'/>\n    </nat>\n  </forward>`
      : mode
        ? `\n  <forward mode='${mode}'/>`
        : '';
  return [
    `<network>`,
    `  <name>${f.name(name)}</name>`,
    `  <uuid>${f.uuid}</uuid>${forward}`,
    `  <bridge name='${f.bridge}' stp='on' delay='0'/>${macLine(f, '  ')}`,
    `  <ip address='${f.net(true)}.1' prefix='24'>`,
    `    <dhcp>`,
    `      <range start='${f.net(false)}.${dhcpFrom}' end='${f.net(false)}.254'/>`,
    `    </dhcp>`,
    `  </ip>`,
    `</network>`,
  ].join('\n');
}

export const TEMPLATES: readonly Template[] = [
  {
    id: 'nat-network',
    label: 'NAT network',
    prefix: 'libvirt-nat-network',
    description: 'A virtual network whose guests reach outside through NAT on the host, with DHCP.',
    scope: 'network-document',
    body: (f) => routedLike('nat', 'nat', f, 101),
  },
  {
    id: 'isolated-network',
    label: 'Isolated network',
    prefix: 'libvirt-isolated-network',
    description: 'A virtual network that guests and the host share, with no route to the outside.',
    scope: 'network-document',
    body: (f) => routedLike(undefined, 'isolated', f, 101),
  },
  {
    id: 'routed-network',
    label: 'Routed network',
    prefix: 'libvirt-routed-network',
    description: 'A virtual network routed (not NATed) to the host’s LAN; the LAN needs a route back to its subnet.',
    scope: 'network-document',
    body: (f) => routedLike('route', 'routed', f, 101),
  },
  {
    id: 'open-network',
    label: 'Open network',
    prefix: 'libvirt-open-network',
    description: 'Like a routed network, but libvirt adds no firewall rules at all.',
    scope: 'network-document',
    body: (f) => routedLike('open', 'open', f, 101),
  },
  {
    id: 'bridge-network',
    label: 'Bridged network (host bridge)',
    prefix: 'libvirt-bridge-network',
    description: 'A network that plugs guests into an existing host bridge (e.g. br0): guests appear on the LAN.',
    scope: 'network-document',
    body: (f) =>
      [`<network>`, `  <name>${f.name('host-bridge')}</name>`, `  <uuid>${f.uuid}</uuid>`, `  <forward mode='bridge'/>`, `  <bridge name='${f.hostBridge}'/>`, `</network>`].join('\n'),
  },
  {
    id: 'dhcp-host',
    label: 'DHCP static host',
    prefix: 'libvirt-dhcp-host',
    description: 'A fixed address for one guest, by MAC, inside the subnet and outside the dynamic range.',
    scope: 'dhcp-host',
    body: (f) => `<host mac='${f.mac ?? '${1:52:54:00:00:00:10}'}' name='${f.hostName}' ip='${f.hostIp}'/>`,
  },
  {
    id: 'nic-network',
    label: 'VM interface on a network',
    prefix: 'libvirt-interface-network',
    description: 'A guest NIC (virtio) attached to a libvirt network.',
    scope: 'nic',
    body: (f) => [`<interface type='network'>`, `  <source network='${f.sourceNetwork}'/>${macLine(f, '  ')}`, `  <model type='virtio'/>`, `</interface>`].join('\n'),
  },
  {
    id: 'nic-bridge',
    label: 'VM interface on a host bridge',
    prefix: 'libvirt-interface-bridge',
    description: 'A guest NIC (virtio) plugged straight into a host bridge.',
    scope: 'nic',
    body: (f) => [`<interface type='bridge'>`, `  <source bridge='${f.hostBridge}'/>${macLine(f, '  ')}`, `  <model type='virtio'/>`, `</interface>`].join('\n'),
  },
  {
    id: 'host-bridge',
    label: 'Host bridge (virsh iface-define)',
    prefix: 'libvirt-host-bridge',
    description: 'A host bridge over one Ethernet port, configured by DHCP, for `virsh iface-define`.',
    scope: 'host-interface-document',
    body: () =>
      [
        `<interface type='bridge' name='\${1:br0}'>`,
        `  <start mode='onboot'/>`,
        `  <protocol family='ipv4'>`,
        `    <dhcp/>`,
        `  </protocol>`,
        `  <bridge stp='off' delay='0'>`,
        `    <interface type='ethernet' name='\${2:eth0}'/>`,
        `  </bridge>`,
        `</interface>`,
      ].join('\n'),
  },
];

/** The fill of the static snippets: placeholders, `$UUID`, no MAC. */
export const STATIC_FILL: Fill = {
  uuid: '$UUID',
  mac: undefined,
  net: (first) => (first ? '${3:192.168.100}' : '$3'),
  hostIp: '${3:192.168.100.10}',
  hostName: '${2:vm1}',
  bridge: '${2:virbr1}',
  hostBridge: '${2:br0}',
  sourceNetwork: '${1:default}',
  name: (n) => `\${1:${n}}`,
};

export interface VsCodeSnippet {
  readonly prefix: string;
  readonly description: string;
  readonly body: string[];
}

/** The content of snippets/libvirt-network.json. */
export function staticSnippets(): Record<string, VsCodeSnippet> {
  const out: Record<string, VsCodeSnippet> = {};
  for (const t of TEMPLATES) {
    const body = t.body(t.scope === 'nic' ? { ...STATIC_FILL, hostBridge: '${1:br0}' } : STATIC_FILL);
    out[t.label] = { prefix: t.prefix, description: t.description, body: body.split('\n') };
  }
  return out;
}
