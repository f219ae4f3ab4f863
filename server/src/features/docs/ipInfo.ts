/**
 * Address arithmetic shown on hover: the subnet of an <ip>, the size of a
 * DHCP range and whether the gateway sits in it, where a static host falls.
 * Returns markdown lines; empty when the values do not parse (the checks
 * say what is wrong with them).
 */
import { ipSubnet, type IpBlock, type NetworkModel } from '../../model/libvirt';
import { attr, type XmlElement } from '../../parse/xml';
import { bits, broadcastOf, formatAddr, formatSubnet, inSubnet, netmaskBits, parseAddr, subnetOf, type Addr, type Subnet } from '../../net/ip';

export function code(s: string): string {
  const t = s.replace(/`/g, "'");
  return '`' + (t.length > 80 ? `${t.slice(0, 77)}…` : t) + '`';
}

/** A count, in words a person can read: 254, 65,536, or 2^64 for IPv6 sizes. */
export function countText(n: bigint): string {
  if (n < 0n) return '0';
  // Digits grouped by hand, as toLocaleString('en-US') groups them: its first call loads ICU's locale data (~20 ms, paid by the first outline).
  if (n <= 10_000_000_000n) return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let p = 0;
  while (1n << BigInt(p + 1) <= n) p++;
  return (1n << BigInt(p)) === n ? `2^${p}` : `about 2^${p}`;
}

function addrText(family: 4 | 6, v: bigint): string {
  return formatAddr({ family, value: v });
}

/** Facts about an <ip> block's subnet. */
export function subnetLines(ip: IpBlock): string[] {
  const s = ipSubnet(ip);
  if (!s) return [];
  const { subnet, addr } = s;
  const fam = subnet.family;
  const size = 1n << BigInt(bits(fam) - subnet.prefix);
  const out = [`**Subnet** ${code(formatSubnet(subnet))}`];
  if (fam === 4) {
    const mask = ((1n << 32n) - 1n) ^ (size - 1n);
    out.push(`**Netmask** ${code(addrText(4, mask))}`);
    const bc = broadcastOf(subnet);
    if (subnet.prefix <= 30) {
      out.push(`**Broadcast** ${code(addrText(4, bc))}`);
      out.push(`**Usable hosts** ${countText(size - 2n)} (${code(addrText(4, subnet.network + 1n))} – ${code(addrText(4, bc - 1n))})`);
    } else out.push(`**Addresses** ${countText(size)} (a /${subnet.prefix} has no separate network and broadcast address)`);
  } else {
    out.push(`**Addresses** ${countText(size)}`);
  }
  out.push(`**Gateway** (the host's address on the bridge) ${code(formatAddr(addr))}`);
  if (addr.value === subnet.network && size > 2n && fam === 4) out.push(`⚠ The address is the network address of the subnet; use a host address such as ${code(addrText(4, subnet.network + 1n))}.`);
  const sizes = ip.ranges
    .map((r) => (r.startAddr && r.endAddr && r.startAddr.family === r.endAddr.family && r.endAddr.value >= r.startAddr.value ? r.endAddr.value - r.startAddr.value + 1n : undefined))
    .filter((x): x is bigint => x !== undefined);
  if (sizes.length) {
    const total = sizes.reduce((a, b) => a + b, 0n);
    out.push(`**DHCP** ${countText(total)} dynamic address${total === 1n ? '' : 'es'} in ${sizes.length} range${sizes.length === 1 ? '' : 's'}, ${ip.hosts.length} static host${ip.hosts.length === 1 ? '' : 's'}`);
  } else if (ip.dhcp) out.push(`**DHCP** no dynamic range, ${ip.hosts.length} static host${ip.hosts.length === 1 ? '' : 's'}`);
  return out;
}

function blockOf(net: NetworkModel, el: XmlElement): IpBlock | undefined {
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    if (e.name === 'ip' && e.parent === net.root) return net.ips.find((b) => b.el === e);
  }
  return undefined;
}

/** Facts about a DHCP <range>. */
export function rangeLines(net: NetworkModel, rangeEl: XmlElement): string[] {
  const ip = blockOf(net, rangeEl);
  const r = ip?.ranges.find((x) => x.el === rangeEl);
  if (!ip || !r) return [];
  const out: string[] = [];
  const s = ipSubnet(ip);
  const a = r.startAddr;
  const b = r.endAddr;
  if (a && b && a.family === b.family) {
    if (b.value >= a.value) out.push(`**Range size** ${countText(b.value - a.value + 1n)} address${b.value === a.value ? '' : 'es'}`);
    else out.push('⚠ The range is reversed: start is above end.');
  }
  if (s) {
    const size = 1n << BigInt(bits(s.subnet.family) - s.subnet.prefix);
    out.push(`**Subnet** ${code(formatSubnet(s.subnet))} (${countText(size)} addresses)`);
    for (const [label, x] of [['start', a], ['end', b]] as const) if (x && !inSubnet(x, s.subnet)) out.push(`⚠ The ${label} ${code(formatAddr(x))} is outside the subnet.`);
    if (a && b && a.family === s.addr.family && b.family === s.addr.family) {
      const gw = s.addr;
      if (gw.value >= a.value && gw.value <= b.value) out.push(`⚠ The gateway ${code(formatAddr(gw))} (the \`<ip address>\`) is inside this range; start the range after it.`);
      else out.push(`The gateway ${code(formatAddr(gw))} is outside the range ✓`);
    }
  }
  return out;
}

/** Facts about a static DHCP host's address. */
export function dhcpHostLines(net: NetworkModel, hostEl: XmlElement): string[] {
  const ip = blockOf(net, hostEl);
  const h = ip?.hosts.find((x) => x.el === hostEl);
  if (!ip || !h || !h.ipAddr) return [];
  return placeLines(ip, h.ipAddr);
}

function placeLines(ip: IpBlock, a: Addr): string[] {
  const out: string[] = [];
  const s = ipSubnet(ip);
  if (!s) return out;
  if (!inSubnet(a, s.subnet)) {
    out.push(`⚠ ${code(formatAddr(a))} is outside the subnet ${code(formatSubnet(s.subnet))}.`);
    return out;
  }
  out.push(`In subnet ${code(formatSubnet(s.subnet))} ✓`);
  if (a.value === s.addr.value) out.push('⚠ This is the gateway (the `<ip address>`).');
  const inRange = ip.ranges.find((r) => r.startAddr && r.endAddr && r.startAddr.family === a.family && a.value >= r.startAddr.value && a.value <= r.endAddr.value);
  if (inRange) out.push(`⚠ Inside the dynamic range ${code(inRange.start?.value ?? '')} – ${code(inRange.end?.value ?? '')}: DHCP may also hand it to another guest.`);
  else if (ip.ranges.length) out.push('Outside the dynamic range(s) ✓');
  return out;
}

/** Which <ip> subnet of the network holds an address (DNS host, route gateway). */
export function containingSubnetLines(net: NetworkModel, a: Addr, what: string): string[] {
  for (const ip of net.ips) {
    const s = ipSubnet(ip);
    if (s && inSubnet(a, s.subnet)) return [`${what} ${code(formatAddr(a))} is in the network's subnet ${code(formatSubnet(s.subnet))} ✓`];
  }
  return net.ips.length ? [`${what} ${code(formatAddr(a))} is in none of the network's \`<ip>\` subnets.`] : [];
}

/** Facts about a <route>: its destination and whether the gateway is reachable. */
export function routeLines(net: NetworkModel, routeEl: XmlElement): string[] {
  const out: string[] = [];
  const a = parseAddr(attr(routeEl, 'address')?.value);
  const netmask = attr(routeEl, 'netmask')?.value;
  const fromMask = netmask !== undefined ? netmaskBits(netmask, 4) : undefined;
  const prefixText = attr(routeEl, 'prefix')?.value ?? (fromMask !== undefined ? String(fromMask) : undefined);
  if (a && prefixText && /^\d+$/.test(prefixText.trim()) && Number(prefixText) <= bits(a.family)) {
    const p = Number(prefixText);
    const dest: Subnet = subnetOf(a, p);
    out.push(`**Destination** ${code(formatSubnet(dest))}`);
  }
  const gw = parseAddr(attr(routeEl, 'gateway')?.value);
  if (gw) out.push(...containingSubnetLines(net, gw, 'The gateway'));
  return out;
}

/** Size of a NAT address or port range. */
export function natRangeLines(el: XmlElement): string[] {
  const sv = attr(el, 'start')?.value;
  const ev = attr(el, 'end')?.value;
  if (el.name === 'port') {
    if (sv && ev && /^\d+$/.test(sv) && /^\d+$/.test(ev) && Number(ev) >= Number(sv)) return [`**Ports** ${countText(BigInt(Number(ev) - Number(sv) + 1))}`];
    return [];
  }
  const a = parseAddr(sv);
  const b = parseAddr(ev);
  if (a && b && a.family === b.family && b.value >= a.value) return [`**Addresses** ${countText(b.value - a.value + 1n)}`];
  return [];
}
