/**
 * Documentation of libvirt network XML (`virsh net-define`), in our own words.
 */
import { DIRECT, MANAGED, type AttrDoc, type DocTable } from './types';
import { YES_NO } from './common';

const leaseAttrs: Record<string, AttrDoc> = {
  expiry: { summary: 'Lease time in `unit`s; 0 means the lease never expires. Below 2 minutes is refused.', example: '24' },
  unit: {
    summary: 'Unit of `expiry`.',
    values: { seconds: 'Seconds.', minutes: 'Minutes.', hours: 'Hours.' },
    default: 'minutes',
  },
};

export const networkDocs: DocTable = {
  network: {
    summary: 'A libvirt virtual network: a bridge (or a pool of host devices) that guests plug their NICs into, defined with `virsh net-define`.',
    details:
      'What libvirt builds depends on `<forward mode>`: without `<forward>` an isolated bridge; `nat` (the default mode) a bridge with masquerading to the host\'s uplink; `route` plain routing; `open` a bridge without any firewall rules; `bridge` an existing host bridge; `private`/`vepa`/`passthrough` macvtap on a host NIC; `hostdev` SR-IOV passthrough. For the managed modes libvirt also runs dnsmasq for DHCP and DNS on the `<ip>` subnets.',
    attrs: {
      connections: { summary: 'Number of guest NICs currently using the network (reported by libvirt in live XML; not something you set).' },
      ipv6: {
        summary: 'Lets guests on a network without any IPv6 `<ip>` talk to each other over IPv6 (libvirt otherwise disables IPv6 on the bridge).',
        values: YES_NO,
        default: 'no',
      },
      trustGuestRxFilters: {
        summary:
          'Trust guests to change their MAC address and multicast filters: the host follows what the guest NIC reports (macvtap and SR-IOV modes). Can be overridden per portgroup or per guest NIC.',
        values: YES_NO,
        default: 'no',
      },
    },
    example: "<network>\n  <name>default</name>\n  <forward mode='nat'/>\n  <bridge name='virbr0'/>\n  <ip address='192.168.122.1' netmask='255.255.255.0'>\n    <dhcp>\n      <range start='192.168.122.2' end='192.168.122.254'/>\n    </dhcp>\n  </ip>\n</network>",
  },
  name: {
    summary: 'The network\'s name: how `virsh net-start`, `<source network=…>` in guest NICs and the API refer to it.',
    text: 'Any text without `/` or line breaks; must be unique on the host.',
    example: '<name>default</name>',
  },
  uuid: {
    summary: 'The network\'s globally unique id. libvirt generates one when it is left out.',
    text: 'A UUID such as 3e3fce45-4f53-4fa7-bb32-11f34168b82b (32 hex digits, dashes optional). Each network needs its own: copying a file without changing the UUID makes libvirt refuse the second one.',
    example: '<uuid>3e3fce45-4f53-4fa7-bb32-11f34168b82b</uuid>',
  },
  title: {
    summary: 'A short human-readable title of the network (one line).',
    since: 'Newer libvirt releases only; the installed libvirt 9.0.0 schema does not accept it.',
  },
  description: {
    summary: 'A free-text description of the network, for people.',
    since: 'Newer libvirt releases only; the installed libvirt 9.0.0 schema does not accept it.',
  },
  bridge: {
    summary: 'The Linux bridge behind the network.',
    details:
      'In the managed modes (isolated, nat, route, open) libvirt creates this bridge (name it, or libvirt picks a free `virbrN`). In mode `bridge` it names an existing host bridge that libvirt only attaches guests to. In the direct modes (private, vepa, passthrough, hostdev) there is no bridge: use `<forward dev>` instead.',
    attrs: {
      name: {
        summary: 'Bridge device name (at most 15 characters). A `%d` in it lets libvirt fill in a free number, like `virbr%d`.',
        modes: { allowed: [...MANAGED, 'bridge'] },
        default: 'a free virbrN picked by libvirt (managed modes)',
        example: 'virbr1',
      },
      stp: {
        summary: 'Run the Spanning Tree Protocol on the bridge libvirt creates.',
        values: { on: 'STP enabled.', off: 'STP disabled.' },
        default: 'on',
        modes: { allowed: MANAGED },
      },
      delay: {
        summary: 'Forward delay of the bridge, in seconds, before a new port starts forwarding.',
        default: '0',
        modes: { allowed: MANAGED },
        example: '0',
      },
      macTableManager: {
        summary: 'Who maintains the bridge\'s table of which MAC sits on which port.',
        values: {
          kernel: 'The kernel learns addresses from traffic (normal bridge behaviour).',
          libvirt: 'libvirt fills the table from the guests\' configured MACs and turns off learning and promiscuous mode on the ports (less flooding).',
        },
        default: 'kernel',
        modes: { allowed: [...MANAGED, 'bridge'] },
      },
      zone: {
        summary: 'The firewalld zone to put the bridge in (when firewalld is used).',
        default: "libvirt's own `libvirt` zone",
        modes: { allowed: MANAGED },
        example: 'trusted',
      },
    },
    example: "<bridge name='virbr1' stp='on' delay='0'/>",
  },
  mac: {
    summary: 'The MAC address of the bridge libvirt creates (and of the bridge\'s dummy tap device).',
    modes: { allowed: MANAGED },
    attrs: {
      address: {
        summary: 'A unicast MAC address (first byte even). libvirt generates one with its 52:54:00 prefix when the element is left out.',
        example: '52:54:00:12:34:56',
      },
    },
    example: "<mac address='52:54:00:12:34:56'/>",
  },
  forward: {
    summary: 'How guests\' traffic leaves the network. Without `<forward>` the network is isolated: guests reach each other and the host only.',
    details: 'An empty `<forward/>` means NAT.',
    attrs: {
      mode: {
        summary: 'How the network connects to the outside.',
        default: 'nat',
        values: {
          nat: 'libvirt\'s bridge with masquerading: guests reach the outside through the host\'s address; the outside cannot reach guests. Needs an IPv4 `<ip>`.',
          route: 'libvirt\'s bridge, routed without NAT: guests are reachable, but the rest of the LAN needs a route to the subnet via the host. Needs an `<ip>`.',
          open: 'Like route, but libvirt adds no firewall rules at all; you manage them.',
          bridge: 'Use an existing host bridge (from netplan, NetworkManager, Open vSwitch…), named by `<bridge name>`: guests appear directly on the LAN. libvirt runs no DHCP/DNS.',
          private: 'macvtap on a host NIC (`dev`), guests cannot talk to each other, even through an external switch.',
          vepa: 'macvtap on a host NIC; all guest traffic goes through the external switch (which must support reflective relay to let guests talk).',
          passthrough: 'macvtap that hands a whole host NIC (typically an SR-IOV VF) to one guest at a time.',
          hostdev: 'PCI passthrough of SR-IOV virtual functions: each guest NIC gets a VF from the pool (`<pf>` or `<address>` list).',
        },
      },
      dev: {
        summary:
          'The host device to use: in nat/route the only interface traffic may leave through; in the macvtap modes the first device of the pool. Not allowed in mode open.',
        modes: { allowed: ['nat', 'route', 'bridge', 'private', 'vepa', 'passthrough'] },
        example: 'eth0',
      },
      managed: {
        summary: 'hostdev mode: let libvirt detach each VF from its host driver and bind it to vfio before giving it to a guest (and undo it afterwards).',
        values: { yes: 'libvirt (re)binds the VF driver.', no: 'You prepare the VFs yourself.' },
        default: 'no',
        modes: { allowed: ['hostdev'] },
      },
    },
    example: "<forward mode='nat'/>",
  },
  'forward/interface': {
    summary: 'One host network device of the forward pool.',
    details: 'In the macvtap modes guests are spread over the listed devices; in nat/route at most one may be given (the same as `<forward dev>`).',
    modes: { allowed: ['nat', 'route', 'bridge', 'private', 'vepa', 'passthrough'] },
    attrs: {
      dev: { summary: 'Host interface name.', example: 'eth0' },
      connections: { summary: 'Number of guests using this device (reported by libvirt in live XML).' },
    },
    example: "<interface dev='eth1'/>",
  },
  'forward/address': {
    summary: 'The PCI address of one SR-IOV virtual function in the pool (instead of listing network devices).',
    modes: { allowed: ['passthrough', 'hostdev'] },
    attrs: {
      type: { summary: 'Always `pci`.' },
      domain: { summary: 'PCI domain, e.g. 0x0000.' },
      bus: { summary: 'PCI bus, e.g. 0x03.' },
      slot: { summary: 'PCI slot (0–31), e.g. 0x10.' },
      function: { summary: 'PCI function (0–7).' },
      multifunction: { summary: 'Whether the device is multi-function.', values: { on: 'Multi-function.', off: 'Single function.' } },
      connections: { summary: 'Number of guests using this VF (live XML).' },
    },
    example: "<address type='pci' domain='0x0000' bus='0x03' slot='0x10' function='0x1'/>",
  },
  'forward/pf': {
    summary: 'An SR-IOV physical function: libvirt builds the pool from all its virtual functions.',
    details: 'Only one `<pf>`; cannot be combined with `<interface>` or `<address>` entries.',
    modes: { allowed: DIRECT },
    attrs: { dev: { summary: 'Host name of the physical function\'s network device.', example: 'eth2' } },
    example: "<pf dev='eth2'/>",
  },
  'forward/driver': {
    summary: 'hostdev mode: which backend assigns the VFs to guests.',
    modes: { allowed: ['hostdev'] },
    attrs: {
      name: {
        summary: 'The device assignment backend.',
        values: { vfio: 'VFIO (the modern default).', kvm: 'Legacy KVM device assignment (removed from current kernels).' },
        default: 'vfio',
      },
    },
  },
  'forward/nat': {
    summary: 'Fine-tunes NAT: the public addresses and ports used for masquerading, and IPv6 NAT.',
    modes: { allowed: ['nat'] },
    attrs: {
      ipv6: {
        summary: 'Also masquerade IPv6 traffic (for an IPv6 `<ip>` with a private ULA prefix).',
        values: YES_NO,
        default: 'no',
      },
    },
    example: "<nat>\n  <address start='203.0.113.10' end='203.0.113.20'/>\n  <port start='1024' end='65535'/>\n</nat>",
  },
  'forward/nat/address': {
    summary: 'The range of host IPv4 addresses masqueraded traffic may use as its source.',
    attrs: {
      start: { summary: 'First IPv4 address of the range.', example: '203.0.113.10' },
      end: { summary: 'Last IPv4 address of the range (not below start).', example: '203.0.113.20' },
    },
  },
  'forward/nat/port': {
    summary: 'The range of source ports masqueraded TCP/UDP traffic may use.',
    attrs: {
      start: { summary: 'First port (1–65535).', default: '1024', example: '1024' },
      end: { summary: 'Last port (not below start).', default: '65535', example: '65535' },
    },
  },
  portgroup: {
    summary: 'A named set of port settings (VLAN, bandwidth, virtual port) that guest NICs select with `<source portgroup=…>`.',
    attrs: {
      name: { summary: 'The portgroup\'s name, unique in the network.', example: 'engineering' },
      default: { summary: 'Used by guest NICs that name no portgroup. At most one portgroup can be the default.', values: YES_NO, default: 'no' },
      trustGuestRxFilters: { summary: 'Overrides the network\'s `trustGuestRxFilters` for NICs in this portgroup.', values: YES_NO },
    },
    example: "<portgroup name='engineering' default='yes'>\n  <vlan>\n    <tag id='42'/>\n  </vlan>\n</portgroup>",
  },
  domain: {
    summary: 'The DNS domain of the network: dnsmasq hands it to DHCP clients and resolves `guest.domain` names.',
    modes: { allowed: MANAGED },
    attrs: {
      name: { summary: 'The DNS domain name.', example: 'lab.example' },
      localOnly: {
        summary: 'Answer queries for this domain only locally: never forward them to the host\'s upstream resolvers.',
        values: YES_NO,
        default: 'no',
      },
    },
    example: "<domain name='lab.example' localOnly='yes'/>",
  },
  dns: {
    summary: 'The DNS server libvirt\'s dnsmasq runs for guests: extra records, forwarders, or turning it off.',
    modes: { allowed: MANAGED, note: 'DNS records need a libvirt-managed bridge' },
    attrs: {
      enable: {
        summary: 'Run the DNS server at all. With `no`, guests get no DNS from libvirt (DHCP still works) and the element must hold no records.',
        values: { yes: 'dnsmasq answers DNS on the network.', no: 'No DNS service; use your own.' },
        default: 'yes',
      },
      forwardPlainNames: {
        summary: 'Forward single-label names (no dot) that dnsmasq cannot answer to the upstream resolvers.',
        values: YES_NO,
        default: 'yes',
      },
    },
    example: "<dns>\n  <host ip='192.168.122.10'>\n    <hostname>web</hostname>\n  </host>\n</dns>",
  },
  'dns/forwarder': {
    summary: 'Sends queries to a specific upstream server, for all names or only those of one domain.',
    details: 'Give `addr`, `domain`, or both. With only `domain`, names of that domain are answered locally and never forwarded.',
    attrs: {
      addr: { summary: 'IP address of the upstream DNS server.', example: '8.8.8.8' },
      domain: { summary: 'Forward only names of this domain.', example: 'corp.example' },
    },
    example: "<forwarder domain='corp.example' addr='10.0.0.53'/>",
  },
  'dns/txt': {
    summary: 'A DNS TXT record.',
    attrs: {
      name: { summary: 'The record\'s name (no spaces or commas).', example: 'example' },
      value: { summary: 'The record\'s text.', example: 'some text' },
    },
    example: "<txt name='example' value='some text'/>",
  },
  'dns/srv': {
    summary: 'A DNS SRV record: where a service (e.g. _ldap._tcp) is offered.',
    attrs: {
      service: { summary: 'Service name without the leading underscore (at most 15 characters).', example: 'ldap' },
      protocol: { summary: 'Transport of the service.', values: { tcp: 'TCP.', udp: 'UDP.' } },
      domain: { summary: 'Domain of the record.', default: 'the network\'s domain' },
      target: { summary: 'Host name that offers the service. `port`, `priority` and `weight` need a target.', example: 'ldap.lab.example' },
      port: { summary: 'Port of the service (1–65535).', example: '389' },
      priority: { summary: 'Lower values are tried first (0–65535).', example: '10' },
      weight: { summary: 'Relative weight among records of the same priority (0–65535).', example: '10' },
    },
    example: "<srv service='ldap' protocol='tcp' domain='lab.example' target='ldap.lab.example' port='389' priority='10' weight='10'/>",
  },
  'dns/host': {
    summary: 'Static DNS names for an address (like a line of /etc/hosts).',
    attrs: { ip: { summary: 'The address the names resolve to.', example: '192.168.122.10' } },
    example: "<host ip='192.168.122.10'>\n  <hostname>web</hostname>\n</host>",
  },
  'dns/host/hostname': {
    summary: 'One name for the host\'s address.',
    text: 'A DNS name such as `web` or `web.lab.example`.',
    example: '<hostname>web</hostname>',
  },
  ip: {
    summary: 'An address of the bridge on the host; libvirt derives the guests\' subnet from it. Add `<dhcp>` to hand out addresses.',
    details:
      'The address is the host side of the network, usually the guests\' default gateway and DNS server (e.g. 192.168.122.1). At most one IPv4 and one IPv6 `<ip>` may carry `<dhcp>`. nat needs an IPv4 `<ip>`, route an `<ip>` of either family.',
    modes: { allowed: MANAGED },
    attrs: {
      address: { summary: 'The host\'s address on the bridge (IPv4 or IPv6), typically the .1 of the subnet.', example: '192.168.122.1' },
      netmask: {
        summary: 'IPv4 only: the subnet mask in dotted form. Give either netmask or prefix, not both.',
        default: 'the classful mask when neither netmask nor prefix is given (e.g. /24 for 192.168.x.x, /8 for 10.x.x.x)',
        example: '255.255.255.0',
      },
      prefix: {
        summary: 'The subnet\'s prefix length: 0–32 for IPv4, 0–128 for IPv6 (64 is the norm). Give either prefix or netmask.',
        default: 'classful for IPv4, 64 for IPv6',
        example: '24',
      },
      family: {
        summary: 'The address family. Optional: libvirt reads it from the address, but it must match.',
        values: { ipv4: 'An IPv4 address.', ipv6: 'An IPv6 address.' },
        default: 'ipv4, or ipv6 for an address with colons',
      },
      localPtr: {
        summary: 'Answer reverse (PTR) lookups for this subnet locally instead of forwarding them upstream.',
        values: YES_NO,
        default: 'no',
      },
    },
    example: "<ip address='192.168.122.1' netmask='255.255.255.0'>\n  <dhcp>\n    <range start='192.168.122.2' end='192.168.122.254'/>\n  </dhcp>\n</ip>",
  },
  'ip/tftp': {
    summary: 'Serves files over TFTP from a host directory (for network boot). IPv4 only.',
    attrs: { root: { summary: 'The host directory TFTP serves.', example: '/var/lib/tftpboot' } },
    example: "<tftp root='/var/lib/tftpboot'/>",
  },
  'ip/dhcp': {
    summary: 'Turns on libvirt\'s DHCP server (dnsmasq) for this subnet: dynamic ranges, fixed hosts and network boot.',
    details: 'Only one IPv4 and one IPv6 `<ip>` per network may have it.',
    example: "<dhcp>\n  <range start='192.168.122.100' end='192.168.122.254'/>\n  <host mac='52:54:00:6c:3c:01' name='vm1' ip='192.168.122.11'/>\n</dhcp>",
  },
  'dhcp/range': {
    summary: 'A pool of addresses DHCP hands out to any guest.',
    details:
      'Both ends must lie inside the `<ip>` subnet, not on the network or broadcast address, and start must not be above end. Keep the gateway (the `<ip address>`) and fixed `<host>` addresses out of it. A range holds at most 65,535 addresses.',
    attrs: {
      start: { summary: 'First address handed out.', example: '192.168.122.100' },
      end: { summary: 'Last address handed out.', example: '192.168.122.254' },
    },
    example: "<range start='192.168.122.100' end='192.168.122.254'/>",
  },
  'dhcp/range/lease': { summary: 'How long leases from this range last.', attrs: leaseAttrs, example: "<lease expiry='1' unit='hours'/>" },
  'dhcp/host': {
    summary: 'A fixed DHCP reservation: the guest with this MAC (IPv4), DUID (IPv6) or name always gets `ip`.',
    details:
      'IPv4 hosts need `mac` or `name`; IPv6 hosts need `id` or `name` (no MAC). Pick an `ip` inside the subnet but outside the dynamic `<range>`s, so nobody else gets it.',
    attrs: {
      mac: { summary: 'The guest NIC\'s MAC address (IPv4 only); must match the guest\'s `<mac address>`.', example: '52:54:00:6c:3c:01' },
      id: { summary: 'IPv6: the client\'s DHCP unique identifier (DUID), as colon-separated hex bytes.', example: '0:3:0:1:0:16:3e:11:22:33' },
      name: { summary: 'Host name given to the guest; also a DNS name for `ip`. Must start with a letter or digit.', example: 'vm1' },
      ip: { summary: 'The fixed address (inside the subnet, outside the dynamic ranges).', example: '192.168.122.11' },
    },
    example: "<host mac='52:54:00:6c:3c:01' name='vm1' ip='192.168.122.11'/>",
  },
  'dhcp/host/lease': { summary: 'How long this reservation\'s lease lasts.', attrs: leaseAttrs },
  'dhcp/bootp': {
    summary: 'Network boot (PXE): the boot file DHCP tells clients to load, and optionally the server holding it.',
    attrs: {
      file: { summary: 'Boot file name (relative to the TFTP root).', example: 'pxelinux.0' },
      server: { summary: 'TFTP server to fetch it from.', default: 'this host (with `<tftp>`)' },
    },
    example: "<bootp file='pxelinux.0'/>",
  },
  'portgroup/bandwidth': {
    summary: 'Bandwidth limits applied to each guest NIC in this portgroup.',
    modes: { allowed: ['none', 'nat', 'route', 'open', 'bridge'], note: "in mode 'bridge' only together with `<bridge name>`" },
  },
  'network/bandwidth': {
    summary: 'Bandwidth limits for the whole network (all guests together, on the bridge).',
    details: 'An inbound `average` here also enables `floor` guarantees on guest NICs.',
    modes: { allowed: ['none', 'nat', 'route', 'open', 'bridge'], note: "in mode 'bridge' only together with `<bridge name>`" },
  },
  'network/port': {
    summary: 'Options of every guest port on the network\'s bridge.',
    modes: { allowed: ['none', 'nat', 'route', 'open', 'bridge'] },
  },
  'network/mtu': {
    summary: 'The MTU of the bridge libvirt creates; guest NICs get the same MTU.',
    modes: { allowed: MANAGED },
  },
  options: {
    summary: 'Raw dnsmasq options (namespace http://libvirt.org/schemas/network/dnsmasq/1.0), passed through unchecked. Unsupported by libvirt: use with care.',
    example: "<dnsmasq:options xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'>\n  <dnsmasq:option value='dhcp-authoritative'/>\n</dnsmasq:options>",
  },
  'options/option': {
    summary: 'One dnsmasq option line, written without the leading `--`.',
    attrs: { value: { summary: 'The option, e.g. `dhcp-authoritative` or `address=/example.com/1.2.3.4`.' } },
  },
};
