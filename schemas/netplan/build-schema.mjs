#!/usr/bin/env node
// Builds netplan.schema.json (run: node schemas/netplan/build-schema.mjs).
// The schema follows netplan 0.106 (Debian 12). Every scalar is validated as
// the TEXT netplan reads (netplan interprets scalars per key), so booleans and
// numbers are string patterns; an empty value (`key:`) is null.
import { writeFileSync } from 'node:fs';

const ci = (w) => [...w].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c)).join('');
const BOOL_WORDS = ['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n'];

const d = (description, s) => ({ description, ...s });
const ref = (name, description) => (description ? { $ref: `#/$defs/${name}`, description } : { $ref: `#/$defs/${name}` });
const bool = (desc) => ref('bool', desc);
const uint = (desc) => ref('uint', desc);
const str = (desc, extra = {}) => ({ type: ['string', 'null'], description: desc, ...extra });
const en = (values, desc, expected) => ({ type: 'string', enum: values, description: desc, 'x-expected': expected });
const seqOf = (items, desc) => ({ type: 'array', items, description: desc });
const obj = (properties, desc, extra = {}) => ({ type: 'object', properties, additionalProperties: false, description: desc, ...extra });

const $defs = {
  bool: { type: 'string', pattern: `^(${BOOL_WORDS.map(ci).join('|')})$`, 'x-expected': 'a boolean (true/false, yes/no, on/off, y/n)', examples: ['true', 'false'] },
  uint: { type: 'string', pattern: '^[0-9]+$', 'x-expected': 'a whole number (digits only)' },
  mac: {
    type: 'string',
    pattern: '^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$|^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){19}$',
    'x-expected': 'a MAC address XX:XX:XX:XX:XX:XX (or 20 octets for InfiniBand)',
  },
  renderer: en(['networkd', 'NetworkManager'], 'Which backend writes the configuration for this definition: networkd (the default) or NetworkManager.', "'networkd' or 'NetworkManager'"),
  nameList: seqOf({ type: 'string' }, 'Interface IDs defined elsewhere in the configuration.'),
  addresses: seqOf(
    {
      oneOf: [
        { type: 'string', description: 'An address with its prefix length, like 192.168.1.10/24 or 2001:db8::10/64.' },
        {
          type: 'object',
          minProperties: 1,
          maxProperties: 1,
          'x-expected': 'an address, or one address with its options',
          additionalProperties: obj(
            {
              lifetime: en(['forever', '0'], 'How long the address stays preferred: forever (default) or 0 (deprecated at once; networkd only).', "'forever' or '0'"),
              label: str('An address label, as `ip address ... label` sets it (networkd only).'),
            },
            'Options of this address.',
          ),
        },
      ],
    },
    'Static addresses in CIDR notation (address/prefix length), optionally with lifetime and label.',
  ),
  routes: seqOf(
    obj(
      {
        from: str('Source address for traffic using this route.'),
        to: str("Destination: an address or subnet, or 'default' (also 0.0.0.0/0 or ::/0)."),
        via: str('Gateway address for this route.'),
        'on-link': bool('The gateway is directly reachable on this link even if it is outside every local subnet.'),
        metric: uint('Route priority; lower wins.'),
        type: en(['unicast', 'anycast', 'blackhole', 'broadcast', 'local', 'multicast', 'nat', 'prohibit', 'throw', 'unreachable', 'xresolve'], 'Route type; unicast by default.', 'a route type such as unicast, blackhole, unreachable or prohibit'),
        scope: en(['global', 'link', 'host'], 'Route scope (IPv4): global, link or host.', "'global', 'link' or 'host'"),
        table: uint('Routing table number (1 and up).'),
        mtu: uint('MTU for this route, in bytes.'),
        'congestion-window': uint('Initial congestion window, in segments.'),
        'advertised-receive-window': uint('Advertised receive window, in segments.'),
      },
      'One static route.',
    ),
    'Static routes of this interface.',
  ),
  routingPolicy: seqOf(
    obj(
      {
        from: str('Match traffic from this address or subnet.'),
        to: str('Match traffic to this address or subnet.'),
        table: uint('Routing table to use for matching traffic.'),
        priority: uint('Rule priority; lower numbers are evaluated first.'),
        mark: uint('Match packets with this firewall mark.'),
        'type-of-service': uint('Match this Type Of Service value (0-255).'),
      },
      'One policy routing rule.',
    ),
    'Policy routing rules of this interface.',
  ),
  dhcpOverrides: obj(
    {
      hostname: str('Hostname to send to the DHCP server instead of the machine name.'),
      'route-metric': uint('Metric of routes learnt from DHCP.'),
      'send-hostname': bool('Send the hostname to the DHCP server.'),
      'use-dns': bool('Use the DNS servers the DHCP server offers.'),
      'use-domains': str("Use the DHCP-provided domain as search domain (true), for routing DNS queries only ('route'), or not (false).", { examples: ['true', 'false', 'route'] }),
      'use-hostname': bool('Set the transient hostname from DHCP.'),
      'use-mtu': bool('Use the MTU the DHCP server offers.'),
      'use-ntp': bool('Use the NTP servers the DHCP server offers.'),
      'use-routes': bool('Install routes (including the default route) learnt from DHCP.'),
    },
    'Overrides of what the DHCP client takes from the server.',
  ),
  nameservers: obj(
    {
      search: seqOf({ type: 'string' }, 'DNS search domains.'),
      addresses: seqOf({ type: 'string' }, 'DNS server addresses (IPv4 or IPv6, no prefix length).'),
    },
    'Static DNS servers and search domains.',
  ),
  networkmanager: obj(
    {
      name: str('Connection name shown by NetworkManager.'),
      uuid: str('NetworkManager connection UUID.'),
      'stable-id': str('NetworkManager stable connection id.'),
      device: str('Interface name this connection applies to.'),
      passthrough: { type: 'object', additionalProperties: { type: ['string', 'null'] }, description: 'Raw NetworkManager keyfile settings (section.key: value) passed through unchanged.' },
    },
    'NetworkManager-specific settings recorded by NetworkManager itself.',
  ),
  ovsDevice: obj(
    {
      'external-ids': { type: 'object', additionalProperties: { type: ['string', 'null'] }, description: 'Passed to Open vSwitch as external-ids.' },
      'other-config': { type: 'object', additionalProperties: { type: ['string', 'null'] }, description: 'Passed to Open vSwitch as other-config.' },
      lacp: en(['active', 'passive', 'off'], 'LACP mode of an Open vSwitch bond.', "'active', 'passive' or 'off'"),
      'fail-mode': en(['standalone', 'secure'], 'Fail mode of an Open vSwitch bridge.', "'standalone' or 'secure'"),
      'mcast-snooping': bool('Multicast snooping on an Open vSwitch bridge.'),
      rstp: bool('Rapid Spanning Tree on an Open vSwitch bridge.'),
      protocols: seqOf(en(['OpenFlow10', 'OpenFlow11', 'OpenFlow12', 'OpenFlow13', 'OpenFlow14', 'OpenFlow15', 'OpenFlow16'], 'OpenFlow version.', 'an OpenFlow version OpenFlow10 … OpenFlow16'), 'OpenFlow versions offered to the controller.'),
      controller: obj(
        {
          addresses: seqOf({ type: 'string' }, 'Controller targets, e.g. tcp:127.0.0.1:6653 or unix:/path.'),
          'connection-mode': en(['in-band', 'out-of-band'], 'How the bridge reaches its controller.', "'in-band' or 'out-of-band'"),
        },
        'External OpenFlow controller of an Open vSwitch bridge.',
      ),
    },
    'Create this device in Open vSwitch (requires ovs-vsctl on the host).',
  ),
  auth: obj(
    {
      'key-management': en(['none', 'psk', 'eap', '802.1x'], 'Key management: none, psk (WPA pre-shared key), eap (WPA-Enterprise) or 802.1x (wired).', "'none', 'psk', 'eap' or '802.1x'"),
      password: str('WPA pre-shared key or EAP password.'),
      method: en(['tls', 'peap', 'ttls'], 'EAP method.', "'tls', 'peap' or 'ttls'"),
      identity: str('EAP identity.'),
      'anonymous-identity': str('Identity sent in the clear for tunnelled EAP methods.'),
      'ca-certificate': str('Path to the CA certificate(s) to trust.'),
      'client-certificate': str('Path to the client certificate.'),
      'client-key': str('Path to the client private key.'),
      'client-key-password': str('Password of the client private key.'),
      'phase2-auth': str('Phase 2 authentication for tunnelled EAP.'),
    },
    'Authentication (802.1x on ethernets, WPA on Wi-Fi).',
  ),
};

const common = {
  renderer: ref('renderer', 'Backend for this definition.'),
  'accept-ra': bool('Accept IPv6 Router Advertisements (unset: kernel default).'),
  'activation-mode': en(['manual', 'off'], "'manual' leaves the link state to the administrator; 'off' keeps it down (networkd).", "'manual' or 'off'"),
  addresses: ref('addresses'),
  critical: bool('Never release the DHCP address when the daemon restarts.'),
  dhcp4: bool('Get an IPv4 address by DHCP.'),
  dhcp6: bool('Get IPv6 configuration by DHCPv6.'),
  'dhcp-identifier': { type: 'string', pattern: `^(${['duid', 'mac'].map(ci).join('|')})$`, 'x-expected': "'duid' or 'mac'", description: 'DHCPv4 client identifier source: duid (default) or mac (networkd).' },
  'dhcp4-overrides': ref('dhcpOverrides', 'DHCPv4 client overrides.'),
  'dhcp6-overrides': ref('dhcpOverrides', 'DHCPv6 client overrides.'),
  gateway4: str('Deprecated: IPv4 default gateway. Use a route with `to: default` instead.'),
  gateway6: str('Deprecated: IPv6 default gateway. Use a route with `to: default` instead.'),
  'ignore-carrier': bool('Configure the interface even without carrier (networkd).'),
  'ipv6-address-generation': en(['eui64', 'stable-privacy'], 'How SLAAC builds the interface identifier (NetworkManager).', "'eui64' or 'stable-privacy'"),
  'ipv6-address-token': str('Static interface identifier for SLAAC, e.g. ::2.'),
  'ipv6-mtu': uint('IPv6 MTU (networkd).'),
  'ipv6-privacy': bool('Use IPv6 privacy extensions (temporary addresses).'),
  'link-local': seqOf(en(['ipv4', 'ipv6'], 'Link-local family.', "'ipv4' or 'ipv6'"), 'Which link-local addresses to bring up; empty disables both. Default: ipv6 only.'),
  macaddress: ref('mac', 'MAC address to set on the device.'),
  mtu: uint('Maximum transmission unit in bytes.'),
  nameservers: ref('nameservers'),
  'neigh-suppress': bool('ARP/ND neighbour suppression on this bridge port.'),
  optional: bool('Do not wait for this device at boot.'),
  'optional-addresses': seqOf(en(['ipv4-ll', 'ipv6-ra', 'dhcp4', 'dhcp6', 'static'], 'Address type.', "one of ipv4-ll, ipv6-ra, dhcp4, dhcp6, static"), 'Address types not required for the device to count as online.'),
  routes: ref('routes'),
  'routing-policy': ref('routingPolicy'),
};
const backend = {
  networkmanager: ref('networkmanager'),
  openvswitch: ref('ovsDevice'),
};
const physical = {
  match: obj(
    {
      name: str('Current kernel interface name; globs allowed.'),
      macaddress: ref('mac', 'Permanent MAC address of the device.'),
      driver: { anyOf: [{ type: 'string' }, seqOf({ type: 'string' })], 'x-expected': 'a driver name or a list of driver names', description: 'Kernel driver name(s); globs allowed (networkd).' },
    },
    'Select physical devices by name, MAC address or driver.',
  ),
  'set-name': str('Rename the matched device to this name (needs match:).'),
  wakeonlan: bool('Enable wake-on-LAN.'),
  wakeonwlan: seqOf(en(['any', 'disconnect', 'magic_pkt', 'gtk_rekey_failure', 'eap_identity_req', 'four_way_handshake', 'rfkill_release', 'tcp', 'default'], 'Wake-on-WLAN trigger.', 'a wake-on-WLAN trigger such as magic_pkt or default'), 'Wake-on-WLAN triggers.'),
  'emit-lldp': bool('Send LLDP packets (networkd).'),
  'receive-checksum-offload': bool('Receive checksum offload (networkd).'),
  'transmit-checksum-offload': bool('Transmit checksum offload (networkd).'),
  'tcp-segmentation-offload': bool('TCP segmentation offload (networkd).'),
  'tcp6-segmentation-offload': bool('TCP6 segmentation offload (networkd).'),
  'generic-segmentation-offload': bool('Generic segmentation offload (networkd).'),
  'generic-receive-offload': bool('Generic receive offload (networkd).'),
  'large-receive-offload': bool('Large receive offload (networkd).'),
};

const ethernet = obj(
  {
    ...common,
    ...backend,
    ...physical,
    auth: ref('auth'),
    link: str('SR-IOV: the physical function (netplan ID) this virtual function belongs to.'),
    'virtual-function-count': uint('SR-IOV: number of virtual functions to create.'),
    'embedded-switch-mode': en(['switchdev', 'legacy'], 'SR-IOV: embedded switch mode.', "'switchdev' or 'legacy'"),
    'delay-virtual-functions-rebind': bool('SR-IOV: rebind virtual functions later.'),
    'infiniband-mode': en(['datagram', 'connected'], 'IPoIB mode.', "'datagram' or 'connected'"),
  },
  'A physical Ethernet device.',
);

const accessPoint = obj(
  {
    password: str('WPA passphrase (same as auth with key-management psk).'),
    mode: en(['infrastructure', 'ap', 'adhoc'], 'infrastructure (default), ap (be an access point, NetworkManager) or adhoc.', "'infrastructure', 'ap' or 'adhoc'"),
    bssid: ref('mac', 'Only associate with this access point.'),
    band: en(['5GHz', '2.4GHz', '5G', '2.4G'], 'Frequency band.', "'5GHz' or '2.4GHz'"),
    channel: uint('Wireless channel (needs band).'),
    hidden: bool('The network does not broadcast its SSID.'),
    auth: ref('auth'),
    networkmanager: ref('networkmanager'),
  },
  'Settings of one access point (keyed by SSID).',
);
const wifi = obj(
  {
    ...common,
    ...backend,
    ...physical,
    'access-points': { type: 'object', additionalProperties: accessPoint, description: 'Known networks, keyed by SSID.' },
    auth: ref('auth'),
    'regulatory-domain': str('Radio regulatory domain: ISO 3166 country code, or 00 for the world domain.'),
  },
  'A Wi-Fi device.',
);

const bridgeParams = obj(
  {
    'ageing-time': str('How long a learnt MAC address stays in the forwarding table (seconds unless suffixed).'),
    'aging-time': str('Same as ageing-time.'),
    priority: uint('Bridge priority (0-65535); lowest becomes root.'),
    'port-priority': { type: 'object', additionalProperties: uint(), description: 'Per-member port priority (0-63), keyed by member ID.' },
    'forward-delay': str('Time in listening and learning states (seconds unless suffixed).'),
    'hello-time': str('Interval between hello packets (seconds unless suffixed).'),
    'max-age': str('Maximum age of a hello packet (seconds unless suffixed).'),
    'path-cost': { type: 'object', additionalProperties: uint(), description: 'Per-member path cost, keyed by member ID.' },
    stp: bool('Use the Spanning Tree Protocol (default true).'),
  },
  'Bridge options.',
);
const bridge = obj({ ...common, ...backend, interfaces: ref('nameList'), parameters: bridgeParams }, 'A bridge: a virtual switch joining its member interfaces.');

const bondParams = obj(
  {
    mode: en(['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb', 'balance-tcp', 'balance-slb'], 'Bonding mode; balance-rr by default (balance-tcp and balance-slb: Open vSwitch only).', 'a bonding mode such as active-backup, 802.3ad or balance-rr'),
    'lacp-rate': str('LACPDU rate in 802.3ad mode: slow (default) or fast.', { examples: ['slow', 'fast'] }),
    'mii-monitor-interval': str('MII link monitoring interval (milliseconds unless suffixed); 0 disables.'),
    'min-links': uint('Minimum number of links up for the bond to be up.'),
    'transmit-hash-policy': str('Transmit hash policy: layer2, layer3+4, layer2+3, encap2+3 or encap3+4.', { examples: ['layer2', 'layer3+4', 'layer2+3', 'encap2+3', 'encap3+4'] }),
    'ad-select': str('802.3ad aggregation selection: stable, bandwidth or count.', { examples: ['stable', 'bandwidth', 'count'] }),
    'all-members-active': bool('Deliver duplicate frames received on inactive members.'),
    'all-slaves-active': bool('Old name of all-members-active.'),
    'arp-interval': str('ARP monitoring interval (milliseconds unless suffixed); 0 disables.'),
    'arp-ip-targets': seqOf({ type: 'string' }, 'IPv4 addresses probed by ARP monitoring (up to 16).'),
    'arp-validate': str('ARP reply validation: none, active, backup or all.', { examples: ['none', 'active', 'backup', 'all'] }),
    'arp-all-targets': str('Whether any or all ARP targets must answer: any or all.', { examples: ['any', 'all'] }),
    'up-delay': str('Delay before enabling a member whose link came up (milliseconds unless suffixed).'),
    'down-delay': str('Delay before disabling a member whose link went down (milliseconds unless suffixed).'),
    'fail-over-mac-policy': str('MAC handling on failover: none, active or follow.', { examples: ['none', 'active', 'follow'] }),
    'gratuitous-arp': uint('Number of gratuitous ARPs after a failover (1-255).'),
    'gratuitious-arp': uint('Misspelt old name of gratuitous-arp.'),
    'packets-per-member': uint('balance-rr: packets sent on a member before moving on (0-65535).'),
    'packets-per-slave': uint('Old name of packets-per-member.'),
    'primary-reselect-policy': str('When the primary member becomes active again: always, better or failure.', { examples: ['always', 'better', 'failure'] }),
    'resend-igmp': uint('IGMP membership reports sent after a failover (0-255).'),
    'learn-packet-interval': str('Interval between learning packets (seconds unless suffixed).'),
    primary: str('Preferred member (netplan ID) in active-backup, balance-alb and balance-tlb modes.'),
  },
  'Bonding options.',
);
const bond = obj({ ...common, ...backend, interfaces: ref('nameList'), parameters: bondParams }, 'A bond: several links aggregated into one.');

const vlan = obj(
  {
    ...common,
    ...backend,
    renderer: en(['networkd', 'NetworkManager', 'sriov'], "Backend; 'sriov' sets up a hardware VLAN filter on an SR-IOV virtual function.", "'networkd', 'NetworkManager' or 'sriov'"),
    id: uint('VLAN id, 0 to 4094.'),
    link: str('The netplan ID of the device this VLAN is created on.'),
  },
  'A VLAN on top of another device.',
);

const tunnelKey = { anyOf: [{ type: 'string' }, obj({ input: str('Input key.'), output: str('Output key.'), private: str('WireGuard private key (base64) or a path to a file holding it.') }, 'Separate keys.')], 'x-expected': 'a key, or a mapping with input/output/private', description: 'Tunnel key (number or dotted quad), or WireGuard private key; or a mapping of input/output/private keys.' };
const tunnel = obj(
  {
    ...common,
    ...backend,
    mode: en(['sit', 'gre', 'ip6gre', 'ipip', 'ipip6', 'ip6ip6', 'vti', 'vti6', 'wireguard', 'vxlan', 'gretap', 'ip6gretap', 'isatap'], 'Tunnel type.', 'a tunnel mode: sit, gre, ip6gre, ipip, ipip6, ip6ip6, vti, vti6, wireguard, vxlan, gretap, ip6gretap or isatap'),
    local: str('Local endpoint address.'),
    remote: str('Remote endpoint address (for VXLAN: also a multicast group).'),
    ttl: uint('Time to live, 1-255.'),
    key: tunnelKey,
    keys: tunnelKey,
    mark: uint('WireGuard: firewall mark of outgoing packets.'),
    port: str("WireGuard: listening UDP port or 'auto'. VXLAN: destination UDP port."),
    peers: seqOf(
      obj(
        {
          endpoint: str('host:port of the peer.'),
          'allowed-ips': seqOf({ type: 'string' }, 'Subnets this peer may send from and that are routed to it.'),
          keepalive: uint('Keepalive interval in seconds (0-65535).'),
          keys: obj({ public: str("The peer's public key (base64), required."), shared: str('Preshared key (base64) or a path to a file holding it.') }, 'Keys of this peer.'),
        },
        'One WireGuard peer.',
      ),
      'WireGuard peers.',
    ),
    id: uint('VXLAN network identifier (1-16777215).'),
    link: str('VXLAN: netplan ID of the parent device.'),
    'type-of-service': uint('VXLAN: Type Of Service byte.'),
    'mac-learning': bool('VXLAN: learn remote MAC addresses.'),
    ageing: str('VXLAN: lifetime of learnt forwarding entries, in seconds.'),
    aging: str('Same as ageing.'),
    limit: uint('VXLAN: maximum number of forwarding entries.'),
    'arp-proxy': bool('VXLAN: answer ARP requests for remote clients.'),
    notifications: seqOf(en(['l2-miss', 'l3-miss'], 'Notification.', "'l2-miss' or 'l3-miss'"), 'VXLAN: netlink miss notifications.'),
    'short-circuit': bool('VXLAN: route short-circuiting.'),
    checksums: seqOf(en(['udp', 'zero-udp6-tx', 'zero-udp6-rx', 'remote-tx', 'remote-rx'], 'Checksum flag.', 'udp, zero-udp6-tx, zero-udp6-rx, remote-tx or remote-rx'), 'VXLAN: checksum options.'),
    extensions: seqOf(en(['group-policy', 'generic-protocol'], 'Extension.', "'group-policy' or 'generic-protocol'"), 'VXLAN: extensions.'),
    'port-range': { ...seqOf(uint(), 'VXLAN: source port range [low, high].'), minItems: 2, maxItems: 2, 'x-expected': 'exactly two ports [low, high]' },
    'flow-label': uint('VXLAN: IPv6 flow label (0-1048575).'),
    'do-not-fragment': bool('VXLAN: set the IPv4 Do-not-Fragment bit.'),
  },
  'A tunnel (GRE, IPIP, SIT, VTI, WireGuard, VXLAN…).',
);

const modem = obj(
  {
    ...common,
    ...backend,
    ...physical,
    apn: str('Carrier access point name.'),
    'auto-config': bool('Look the carrier up in the mobile broadband provider database.'),
    'device-id': str('Device ID of the modem (from mmcli).'),
    'network-id': str('Network ID (GSM LAI); disables roaming.'),
    number: str('Number to dial.'),
    password: str('Carrier password.'),
    pin: str('SIM PIN.'),
    'sim-id': str('SIM identifier this connection applies to.'),
    'sim-operator-id': str('MCC/MNC of the carrier.'),
    username: str('Carrier user name.'),
  },
  'A GSM/CDMA modem (NetworkManager only).',
);

const vrf = obj({ renderer: common.renderer, routes: common.routes, 'routing-policy': common['routing-policy'], ...backend, table: uint('Routing table of this VRF (required).'), interfaces: ref('nameList') }, 'A VRF: a separate routing table with its member interfaces.');
const nmDevice = { ...ethernet, description: 'NetworkManager fallback definition (internal use); takes the keys of an ethernet.' };

const devType = (def, what) => ({
  type: 'object',
  description: `${what}, keyed by netplan ID (the interface name unless match: is used).`,
  properties: { renderer: ref('renderer', 'Backend for all definitions of this type.') },
  additionalProperties: def,
  propertyNames: { $ref: '#/$defs/id' },
});
$defs.id = { type: 'string', pattern: '^[!-~]+$', not: { pattern: '[*?\\[\\]]' }, 'x-expected': 'a name of printable characters without spaces or glob characters' };

const network = obj(
  {
    version: { type: 'string', pattern: '^2([^0-9].*)?$', 'x-expected': '2', description: 'Configuration format version; only 2 exists.', examples: ['2'] },
    renderer: ref('renderer', 'Default backend for every definition.'),
    ethernets: devType(ethernet, 'Physical Ethernet devices'),
    wifis: devType(wifi, 'Wi-Fi devices'),
    modems: devType(modem, 'GSM/CDMA modems'),
    bridges: devType(bridge, 'Bridges'),
    bonds: devType(bond, 'Bonds'),
    vlans: devType(vlan, 'VLANs'),
    vrfs: devType(vrf, 'VRFs'),
    tunnels: devType(tunnel, 'Tunnels'),
    'nm-devices': devType(nmDevice, 'NetworkManager fallback devices'),
    openvswitch: obj(
      {
        'external-ids': { type: 'object', additionalProperties: { type: ['string', 'null'] }, description: 'Global Open vSwitch external-ids.' },
        'other-config': { type: 'object', additionalProperties: { type: ['string', 'null'] }, description: 'Global Open vSwitch other-config.' },
        protocols: ref('ovsDevice').$ref ? $defs.ovsDevice.properties.protocols : undefined,
        ports: seqOf({ type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2, 'x-expected': 'a pair of port names' }, 'Open vSwitch patch ports, each a pair [port, peer].'),
        ssl: obj({ 'ca-cert': str('CA certificate path.'), certificate: str('Server certificate path.'), 'private-key': str('Server private key path.') }, 'SSL settings of the switch.'),
      },
      'Global Open vSwitch settings.',
    ),
  },
  'The netplan network configuration.',
);

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://virtnet.invalid/schemas/netplan.schema.json',
  title: 'netplan configuration (netplan 0.106)',
  description: 'netplan YAML as netplan 0.106 (Debian 12) accepts it. Scalars are checked as the text netplan reads.',
  type: 'object',
  properties: { network },
  additionalProperties: false,
  $defs,
};
// draft-07 uses "definitions"; ajv accepts $defs as well. Keep $defs (2019+ name) for both.
writeFileSync(new URL('./netplan.schema.json', import.meta.url), JSON.stringify(schema, null, 2) + '\n');
console.log('wrote netplan.schema.json');
