/**
 * What ifupdown (0.8), ifupdown2 and the common extension packages understand
 * in /etc/network/interfaces: address families, their methods, and the usual
 * options — for checks, completion and hover. Descriptions are our own words.
 * An entry marked `only` is read by that dialect alone (see dialect.ts).
 */
import type { Dialect } from './dialect';

export type FamilyName = 'inet' | 'inet6' | 'ipx' | 'can';

export interface MethodInfo {
  readonly name: string;
  readonly description: string;
  /** Options the method cannot work without. */
  readonly required?: readonly string[];
  /** The one dialect that has this method; both when absent. */
  readonly only?: Dialect;
}

export const FAMILIES: Readonly<Record<FamilyName, string>> = {
  inet: 'IPv4',
  inet6: 'IPv6',
  ipx: 'IPX (legacy)',
  can: 'CAN bus',
};

export const METHODS: Readonly<Record<FamilyName, readonly MethodInfo[]>> = {
  inet: [
    { name: 'loopback', description: 'The IPv4 loopback interface (lo).' },
    { name: 'static', description: 'A fixed IPv4 address given with `address` (and `netmask` or a /prefix).', required: ['address'] },
    { name: 'manual', description: 'Bring the link up without any address; use for bridge and bond ports, or configure it with up/down commands.' },
    { name: 'dhcp', description: 'Obtain the IPv4 address from a DHCP server (dhclient, udhcpc or dhcpcd).' },
    { name: 'bootp', description: 'Obtain the address with BOOTP.', only: 'ifupdown' },
    { name: 'tunnel', description: 'A GRE or IPIP tunnel.', required: ['address', 'mode', 'endpoint'] },
    { name: 'ppp', description: 'A PPP link brought up with pon/poff.' },
    { name: 'wvdial', description: 'A PPP link brought up with wvdial.', only: 'ifupdown' },
    { name: 'ipv4ll', description: 'A link-local 169.254.0.0/16 address chosen by avahi-autoipd.', only: 'ifupdown' },
  ],
  inet6: [
    { name: 'auto', description: 'Stateless address autoconfiguration from router advertisements (SLAAC), optionally with stateless DHCPv6.' },
    { name: 'loopback', description: 'The IPv6 loopback interface (::1).' },
    { name: 'static', description: 'A fixed IPv6 address given with `address` (with a /prefix or `netmask` bits).', required: ['address'] },
    { name: 'manual', description: 'Bring the link up without any address.' },
    { name: 'dhcp', description: 'Stateful DHCPv6 with dhclient.' },
    { name: 'v4tunnel', description: 'An IPv6-in-IPv4 (sit) tunnel.', required: ['address', 'endpoint'], only: 'ifupdown' },
    { name: '6to4', description: 'A 6to4 tunnel derived from a public IPv4 address.', required: ['local'], only: 'ifupdown' },
    { name: 'dhcp6', description: 'DHCPv6, as ifupdown2 names it (the same as `dhcp` in an inet6 stanza).', only: 'ifupdown2' },
    { name: 'ppp', description: 'A PPP link (ifupdown2 accepts it for inet6 too).', only: 'ifupdown2' },
    { name: 'tunnel', description: 'A tunnel configured with the tunnel-* options (ifupdown2).', only: 'ifupdown2' },
  ],
  ipx: [
    { name: 'static', description: 'A static IPX interface.' },
    { name: 'dynamic', description: 'A dynamic IPX interface.' },
  ],
  can: [{ name: 'static', description: 'A CAN bus interface.', required: ['bitrate'] }],
};

/** Families only classic ifupdown has; ifupdown2 knows inet and inet6. */
export const CLASSIC_ONLY_FAMILIES: ReadonlySet<string> = new Set(['ipx', 'can']);

export function isFamily(s: string): s is FamilyName {
  return s === 'inet' || s === 'inet6' || s === 'ipx' || s === 'can';
}

/** The families a dialect reads (no dialect: every family). */
export function familiesOf(dialect?: Dialect): FamilyName[] {
  return (Object.keys(FAMILIES) as FamilyName[]).filter((f) => dialect !== 'ifupdown2' || !CLASSIC_ONLY_FAMILIES.has(f));
}

/** The methods of a family in a dialect (no dialect: every method of either). */
export function methodsOf(family: string, dialect?: Dialect): MethodInfo[] {
  if (!isFamily(family)) return [];
  return METHODS[family].filter((m) => !dialect || !m.only || m.only === dialect);
}

export function methodOf(family: string, method: string): MethodInfo | undefined {
  return isFamily(family) ? METHODS[family].find((m) => m.name === method) : undefined;
}

export interface OptionInfo {
  readonly name: string;
  readonly description: string;
  /** Package that provides the option, when not ifupdown itself. */
  readonly from?: string;
  /** Fixed choices, for completion. */
  readonly values?: readonly string[];
}

/** The bonding driver's modes by name (each also has its number, 0–6, in this order). */
export const BOND_MODES: readonly string[] = ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb'];

export const OPTIONS: readonly OptionInfo[] = [
  { name: 'address', description: 'The interface address, optionally with a /prefix (e.g. `192.168.1.10/24` or `2001:db8::10/64`).' },
  { name: 'netmask', description: 'IPv4: dotted netmask or prefix length; IPv6: prefix length. Overrides a /prefix written in `address`.' },
  { name: 'gateway', description: 'Default gateway; ifupdown adds a default route through it. Only one interface per family should carry one.' },
  { name: 'network', description: 'Network address; informational only in current ifupdown, but should match address and netmask.' },
  { name: 'broadcast', description: 'IPv4 broadcast address (`+` computes it from the netmask, the default).' },
  { name: 'metric', description: 'Metric of the default route added for `gateway`.' },
  { name: 'pointopoint', description: 'Address of the other end of a point-to-point link.' },
  { name: 'mtu', description: 'Maximum transmission unit of the link, in bytes.' },
  { name: 'hwaddress', description: 'MAC address to set on the link (or `random`).' },
  { name: 'scope', description: 'Address scope: global, link or host (site for IPv6).', values: ['global', 'link', 'host', 'site'] },
  { name: 'hostname', description: 'Host name to send to the DHCP server.' },
  { name: 'accept_ra', description: 'IPv6: accept router advertisements (0 off, 1 on, 2 on even when forwarding).', values: ['0', '1', '2'] },
  { name: 'autoconf', description: 'IPv6: stateless autoconfiguration (0 or 1).', values: ['0', '1'] },
  { name: 'privext', description: 'IPv6 privacy extensions (0 off, 1 assign, 2 prefer).', values: ['0', '1', '2'] },
  { name: 'dad-attempts', description: 'IPv6: duplicate address detection attempts to wait for (0 disables DAD).' },
  { name: 'pre-up', description: 'Shell command run before the interface is brought up; ifup stops if it fails.' },
  { name: 'up', description: 'Shell command run after the interface is brought up.' },
  { name: 'post-up', description: 'Same as `up`.' },
  { name: 'down', description: 'Shell command run before the interface is taken down.' },
  { name: 'pre-down', description: 'Same as `down`.' },
  { name: 'post-down', description: 'Shell command run after the interface is taken down.' },
  { name: 'description', description: 'A free-text alias for the interface.' },
  { name: 'bridge_ports', description: 'Makes this interface a bridge and lists its ports (`none`, `all`, names, or `regex …`).', from: 'bridge-utils' },
  { name: 'bridge_stp', description: 'Spanning tree protocol: `on`/`yes` turns it on, anything else off.', from: 'bridge-utils', values: ['off', 'on'] },
  { name: 'bridge_fd', description: 'Forward delay in seconds (0 for a host bridge without loops).', from: 'bridge-utils' },
  { name: 'bridge_maxwait', description: 'Seconds to wait at most for the ports to reach the forwarding state (0: do not wait).', from: 'bridge-utils' },
  { name: 'bridge_hello', description: 'STP hello time in seconds.', from: 'bridge-utils' },
  { name: 'bridge_maxage', description: 'STP maximum message age in seconds.', from: 'bridge-utils' },
  { name: 'bridge_ageing', description: 'MAC address ageing time in seconds.', from: 'bridge-utils' },
  { name: 'bridge_bridgeprio', description: 'Bridge priority for STP root election.', from: 'bridge-utils' },
  { name: 'bridge_hw', description: 'MAC address to give the bridge.', from: 'bridge-utils' },
  { name: 'bridge_waitport', description: 'Seconds to wait for the ports to appear before creating the bridge.', from: 'bridge-utils' },
  { name: 'bridge_vlan_aware', description: 'Make the bridge VLAN aware (yes/no): its ports then carry the VLANs listed in bridge-vids.', from: 'bridge-utils, ifupdown2', values: ['yes', 'no'] },
  { name: 'dns-nameservers', description: 'Name servers to hand to resolvconf while the interface is up.', from: 'resolvconf' },
  { name: 'dns-search', description: 'Search domains to hand to resolvconf.', from: 'resolvconf' },
  { name: 'dns-domain', description: 'The local domain to hand to resolvconf.', from: 'resolvconf' },
  { name: 'bond-slaves', description: 'Ports of a bond (`none` when the ports name the bond with bond-master).', from: 'ifenslave' },
  { name: 'bond-master', description: 'The bond this port belongs to.', from: 'ifenslave' },
  { name: 'bond-mode', description: 'Bonding mode: how traffic is spread over the ports (balance-rr, active-backup, 802.3ad for LACP, …; or its number 0–6).', from: 'ifenslave', values: BOND_MODES },
  { name: 'bond-miimon', description: 'Link monitoring interval in milliseconds (100 is usual; 0 turns monitoring off).', from: 'ifenslave' },
  { name: 'bond-xmit-hash-policy', description: 'How balance-xor and 802.3ad pick the port for a flow.', from: 'ifenslave', values: ['layer2', 'layer2+3', 'layer3+4', 'encap2+3', 'encap3+4'] },
  { name: 'bond-lacp-rate', description: 'How often the LACP partner is asked for status: slow (every 30 s) or fast (every second).', from: 'ifenslave', values: ['slow', 'fast'] },
  { name: 'bond-min-links', description: 'Ports that must be up for the bond to count as up.', from: 'ifenslave' },
  { name: 'bond-primary', description: 'The preferred port in active-backup mode.', from: 'ifenslave' },
  { name: 'bond-updelay', description: 'Milliseconds to wait before using a port whose link came up.', from: 'ifenslave' },
  { name: 'bond-downdelay', description: 'Milliseconds to wait before dropping a port whose link went down.', from: 'ifenslave' },
  { name: 'vlan-raw-device', description: 'The parent device of a VLAN interface (needed when the name does not say it, as in `vlan10`).', from: 'vlan' },
  { name: 'vlan-id', description: 'The VLAN ID (1–4094) of a VLAN interface whose name does not end in `.ID`; use with vlan-raw-device.', from: 'ifupdown2' },
  { name: 'vlan-protocol', description: 'The VLAN tag type: 802.1q (default) or 802.1ad (QinQ outer tag).', from: 'ifupdown2', values: ['802.1q', '802.1ad'] },
  { name: 'bridge-vids', description: 'VLAN-aware bridge: the VLANs its ports carry tagged, as IDs and ranges (`2-4094`, `10 20 100-200`).', from: 'ifupdown2' },
  { name: 'bridge-pvid', description: 'VLAN-aware bridge: the VLAN that untagged frames of a port belong to (default 1).', from: 'ifupdown2' },
  { name: 'bridge-access', description: 'VLAN-aware bridge: make this port an access port of one VLAN (untagged in and out).', from: 'ifupdown2' },
  { name: 'bridge-allow-untagged', description: 'VLAN-aware bridge: whether a port accepts untagged frames (yes/no).', from: 'ifupdown2', values: ['yes', 'no'] },
  { name: 'bridge-learning', description: 'Whether the bridge learns MAC addresses on a port (on/off).', from: 'ifupdown2', values: ['on', 'off'] },
  { name: 'bridge-mcsnoop', description: 'IGMP/MLD snooping on the bridge (yes/no).', from: 'ifupdown2', values: ['yes', 'no'] },
  { name: 'address-purge', description: 'ifupdown2: whether addresses not in this file are removed from the interface on ifreload (yes, the default, or no).', from: 'ifupdown2', values: ['yes', 'no'] },
  { name: 'alias', description: 'A description stored on the interface (ip link alias).', from: 'ifupdown2' },
  { name: 'link-speed', description: 'Link speed in Mb/s, set with ethtool.', from: 'ifupdown2' },
  { name: 'link-duplex', description: 'Link duplex, set with ethtool (half or full).', from: 'ifupdown2', values: ['half', 'full'] },
  { name: 'link-autoneg', description: 'Link autonegotiation, set with ethtool (on/off).', from: 'ifupdown2', values: ['on', 'off'] },
  { name: 'link-type', description: 'Create a device of this kind (e.g. `dummy`).', from: 'ifupdown2', values: ['dummy'] },
  { name: 'vrf', description: 'Put the interface in this VRF (a routing table of its own).', from: 'ifupdown2' },
  { name: 'vrf-table', description: 'Makes this interface a VRF device using this routing table number (or `auto`).', from: 'ifupdown2' },
  { name: 'vxlan-id', description: 'Makes this interface a VXLAN device with this VNI (1–16777214).', from: 'ifupdown2' },
  { name: 'vxlan-local-tunnelip', description: 'The local address VXLAN packets are sent from.', from: 'ifupdown2' },
  { name: 'vxlan-remoteip', description: 'A remote VXLAN endpoint to flood traffic to (repeatable).', from: 'ifupdown2' },
  { name: 'ovs_type', description: 'Open vSwitch: what this interface is (bridge, port, internal port or bond).', from: 'openvswitch-switch', values: ['OVSBridge', 'OVSPort', 'OVSIntPort', 'OVSBond'] },
  { name: 'ovs_ports', description: 'Open vSwitch: the ports of an OVSBridge.', from: 'openvswitch-switch' },
  { name: 'ovs_bridge', description: 'Open vSwitch: the OVSBridge a port, internal port or bond belongs to.', from: 'openvswitch-switch' },
  { name: 'ovs_options', description: 'Open vSwitch: extra settings passed to ovs-vsctl (e.g. `tag=10`, `bond_mode=balance-slb`).', from: 'openvswitch-switch' },
  { name: 'wpa-ssid', description: 'Wireless network name (wpasupplicant).', from: 'wpasupplicant' },
  { name: 'wpa-psk', description: 'Wireless pre-shared key (wpasupplicant).', from: 'wpasupplicant' },
  { name: 'mode', description: 'Tunnel mode (GRE or IPIP).' },
  { name: 'endpoint', description: 'Remote end of a tunnel.' },
  { name: 'local', description: 'Local end of a tunnel.' },
];

/** Bridge options whose value is a number of seconds. */
export const BRIDGE_SECONDS = ['bridge_fd', 'bridge_maxwait', 'bridge_hello', 'bridge_maxage', 'bridge_ageing', 'bridge_gcint', 'bridge_waitport'];
