/**
 * Documentation of elements that networks and guest NICs share: bandwidth
 * limits, VLAN tags, virtual port profiles, static routes, port isolation.
 */
import type { AttrDoc, DocTable } from './types';

const YES_NO = { yes: 'Turn it on.', no: 'Turn it off.' };

const rate = (what: string): AttrDoc => ({
  summary: `${what} in kibibytes per second (1 = 1024 bytes/s; 1000 ≈ 8 Mbit/s).`,
  example: '1000',
});

const bandwidthDirection = (dir: 'inbound' | 'outbound', who: string): DocTable[string] => ({
  summary:
    dir === 'inbound'
      ? `Limits traffic flowing into ${who} (for a guest NIC: what the guest receives).`
      : `Limits traffic flowing out of ${who} (for a guest NIC: what the guest sends).`,
  details: 'Give at least `average`. `peak` and `burst` allow short bursts above the average; `floor` (inbound only) reserves a guaranteed share on a NAT/route/isolated network that has an inbound limit itself.',
  attrs: {
    average: rate('Long-term average rate'),
    peak: rate('Highest rate allowed during a burst'),
    floor: {
      summary:
        'Guaranteed minimum inbound rate in KiB/s. Only for guest NICs on libvirt-managed networks (isolated, nat, route, open) whose network sets an inbound average; libvirt refuses to start the guest if the floors add up to more than the network has.',
    },
    burst: { summary: 'How many kibibytes may be sent at `peak` speed before the rate falls back to `average`.', example: '1024' },
  },
  example: `<${dir} average='1000' peak='5000' burst='1024'/>`,
});

export const commonDocs: DocTable = {
  bandwidth: {
    summary: 'Traffic shaping: caps (and, on managed networks, guarantees) the bandwidth in each direction.',
    details:
      'Holds an optional `<inbound>` and `<outbound>` limit. On a network it applies to the whole bridge; in a `<portgroup>` or a guest `<interface>` it applies to each guest NIC. Rates are in KiB/s.',
    modes: { allowed: ['none', 'nat', 'route', 'open', 'bridge'], note: "in mode 'bridge' only together with `<bridge name>`" },
    attrs: {
      classID: { summary: 'Internal traffic-class number libvirt assigns to the network (written by libvirt in live XML; do not set it yourself).' },
    },
    example: "<bandwidth>\n  <inbound average='1000' peak='5000' burst='1024'/>\n  <outbound average='1000'/>\n</bandwidth>",
  },
  'bandwidth/inbound': bandwidthDirection('inbound', 'the network or guest'),
  'bandwidth/outbound': bandwidthDirection('outbound', 'the network or guest'),
  vlan: {
    summary: '802.1Q VLAN tagging of guest traffic.',
    details:
      "One `<tag>` puts guests in that VLAN (access port). Several tags, or `trunk='yes'`, make a trunk: the guest sees tagged frames. Only works where the host side can tag: SR-IOV devices (forward mode hostdev/passthrough, NIC type hostdev) and Open vSwitch bridges (`<virtualport type='openvswitch'>`).",
    modes: { allowed: ['bridge', 'passthrough', 'hostdev'], note: "mode 'bridge' only with an Open vSwitch `<virtualport>`" },
    attrs: {
      trunk: { summary: 'Makes the port a trunk even with a single tag (the guest receives tagged frames).', values: { yes: 'A trunk port.' }, default: 'a trunk only when there are several tags' },
    },
    example: "<vlan>\n  <tag id='42'/>\n</vlan>",
  },
  'vlan/tag': {
    summary: 'One VLAN id the port belongs to.',
    attrs: {
      id: { summary: 'The VLAN id.', example: '42' },
      nativeMode: {
        summary: 'Makes this the native VLAN of a trunk (Open vSwitch only): frames of this VLAN cross without a tag, or with one.',
        values: { tagged: 'Native VLAN, frames keep their tag.', untagged: 'Native VLAN, frames travel untagged.' },
      },
    },
  },
  virtualport: {
    summary: 'Connects the port to a switch that needs extra setup: Open vSwitch, an 802.1Qbg/802.1Qbh (VEPA/VN-Tag) switch, or MidoNet.',
    details: 'The `type` decides which `<parameters>` apply. Without a type, libvirt fills it in from the network the guest connects to.',
    modes: { allowed: ['bridge', 'private', 'vepa', 'passthrough'], note: "Open vSwitch and MidoNet with mode 'bridge'; 802.1Qbg/802.1Qbh with the macvtap modes" },
    attrs: {
      type: {
        summary: 'The kind of switch port.',
        values: {
          openvswitch: 'A port on an Open vSwitch bridge (the `<bridge name>` must be an OVS bridge).',
          '802.1Qbg': 'VEPA/VSI switch: the adjacent physical switch is told about the guest (managerid, typeid…).',
          '802.1Qbh': 'VN-Tag (Cisco) port profile, named by `profileid`.',
          midonet: 'A MidoNet virtual port, identified by `interfaceid`.',
        },
      },
    },
    example: "<virtualport type='openvswitch'/>",
  },
  'virtualport/parameters': {
    summary: 'Settings of the virtual port; which ones apply depends on the virtualport `type`.',
    attrs: {
      managerid: { summary: '802.1Qbg: id of the VSI manager (0–255).' },
      typeid: { summary: '802.1Qbg: VSI type id (a 24-bit number).' },
      typeidversion: { summary: '802.1Qbg: version of the VSI type (0–255).' },
      instanceid: { summary: '802.1Qbg: UUID of this VSI instance; generated when left out.' },
      profileid: { summary: '802.1Qbh / Open vSwitch: name of the port profile to apply (at most 39 characters).' },
      interfaceid: { summary: 'Open vSwitch / MidoNet: UUID identifying the port; generated for OVS when left out.' },
    },
  },
  route: {
    summary: 'A static route the host adds: traffic for `address`/`prefix` goes through `gateway`.',
    details:
      'Use it when a subnet lives behind a guest (for example a router VM). The `gateway` must be inside one of the network\'s `<ip>` subnets, or libvirt refuses the route as unreachable.',
    modes: { allowed: ['none', 'nat', 'route', 'open'] },
    attrs: {
      family: { summary: 'Address family of the route.', values: { ipv4: 'An IPv4 route.', ipv6: 'An IPv6 route.' }, default: 'taken from the address' },
      address: { summary: 'The destination network address (host bits zero).', example: '192.168.222.0' },
      netmask: { summary: 'IPv4 only: the destination mask in dotted form. Give either netmask or prefix, not both.', example: '255.255.255.0' },
      prefix: { summary: 'The destination prefix length (0–32 for IPv4, 0–128 for IPv6). Give either prefix or netmask.', example: '24' },
      gateway: { summary: 'The next hop. Must be reachable inside one of the network\'s `<ip>` subnets.', example: '192.168.122.2' },
      metric: { summary: 'Route priority; lower wins.', default: '1' },
    },
    example: "<route address='192.168.222.0' prefix='24' gateway='192.168.122.2'/>",
  },
  port: {
    summary: 'Options of the ports guests get on the bridge.',
    attrs: {
      isolated: {
        summary: 'Isolated ports cannot talk to each other, only to the outside (uses the kernel bridge port isolation flag).',
        values: YES_NO,
        default: 'no',
      },
    },
    example: "<port isolated='yes'/>",
  },
  mtu: {
    summary: 'The MTU (largest packet size, in bytes) of the bridge or device.',
    attrs: { size: { summary: 'MTU in bytes.', default: '1500 for a libvirt bridge (or what the device reports)', example: '9000' } },
    example: "<mtu size='9000'/>",
  },
  metadata: {
    summary: 'Free-form data for applications: any XML in your own namespace. libvirt keeps it but never acts on it.',
    example: "<metadata>\n  <app:info xmlns:app='http://example.org/app'>…</app:info>\n</metadata>",
  },
};

export { YES_NO };
