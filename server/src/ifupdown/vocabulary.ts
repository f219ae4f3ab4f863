/**
 * What ifupdown (0.8) and the common extension packages understand in
 * /etc/network/interfaces: address families, their methods, and the usual
 * options — for checks, completion and hover. Descriptions are our own words.
 */

export type FamilyName = 'inet' | 'inet6' | 'ipx' | 'can';

export interface MethodInfo {
  readonly name: string;
  readonly description: string;
  /** Options the method cannot work without. */
  readonly required?: readonly string[];
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
    { name: 'bootp', description: 'Obtain the address with BOOTP.' },
    { name: 'tunnel', description: 'A GRE or IPIP tunnel.', required: ['address', 'mode', 'endpoint'] },
    { name: 'ppp', description: 'A PPP link brought up with pon/poff.' },
    { name: 'wvdial', description: 'A PPP link brought up with wvdial.' },
    { name: 'ipv4ll', description: 'A link-local 169.254.0.0/16 address chosen by avahi-autoipd.' },
  ],
  inet6: [
    { name: 'auto', description: 'Stateless address autoconfiguration from router advertisements (SLAAC), optionally with stateless DHCPv6.' },
    { name: 'loopback', description: 'The IPv6 loopback interface (::1).' },
    { name: 'static', description: 'A fixed IPv6 address given with `address` (with a /prefix or `netmask` bits).', required: ['address'] },
    { name: 'manual', description: 'Bring the link up without any address.' },
    { name: 'dhcp', description: 'Stateful DHCPv6 with dhclient.' },
    { name: 'v4tunnel', description: 'An IPv6-in-IPv4 (sit) tunnel.', required: ['address', 'endpoint'] },
    { name: '6to4', description: 'A 6to4 tunnel derived from a public IPv4 address.', required: ['local'] },
  ],
  ipx: [
    { name: 'static', description: 'A static IPX interface.' },
    { name: 'dynamic', description: 'A dynamic IPX interface.' },
  ],
  can: [{ name: 'static', description: 'A CAN bus interface.', required: ['bitrate'] }],
};

export function isFamily(s: string): s is FamilyName {
  return s === 'inet' || s === 'inet6' || s === 'ipx' || s === 'can';
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
  { name: 'bridge_vlan_aware', description: 'Make the bridge VLAN aware (yes/no).', from: 'bridge-utils', values: ['yes', 'no'] },
  { name: 'dns-nameservers', description: 'Name servers to hand to resolvconf while the interface is up.', from: 'resolvconf' },
  { name: 'dns-search', description: 'Search domains to hand to resolvconf.', from: 'resolvconf' },
  { name: 'dns-domain', description: 'The local domain to hand to resolvconf.', from: 'resolvconf' },
  { name: 'bond-slaves', description: 'Ports of a bond (`none` when the ports name the bond with bond-master).', from: 'ifenslave' },
  { name: 'bond-master', description: 'The bond this port belongs to.', from: 'ifenslave' },
  { name: 'bond-mode', description: 'Bonding mode (balance-rr, active-backup, 802.3ad, …).', from: 'ifenslave' },
  { name: 'bond-miimon', description: 'Link monitoring interval in milliseconds.', from: 'ifenslave' },
  { name: 'vlan-raw-device', description: 'The parent device of a VLAN interface.', from: 'vlan' },
  { name: 'wpa-ssid', description: 'Wireless network name (wpasupplicant).', from: 'wpasupplicant' },
  { name: 'wpa-psk', description: 'Wireless pre-shared key (wpasupplicant).', from: 'wpasupplicant' },
  { name: 'mode', description: 'Tunnel mode (GRE or IPIP).' },
  { name: 'endpoint', description: 'Remote end of a tunnel.' },
  { name: 'local', description: 'Local end of a tunnel.' },
];

/** Bridge options whose value is a number of seconds. */
export const BRIDGE_SECONDS = ['bridge_fd', 'bridge_maxwait', 'bridge_hello', 'bridge_maxage', 'bridge_ageing', 'bridge_gcint', 'bridge_waitport'];
