/**
 * Large and hostile inputs, shared by test/robustness.test.ts (which asserts
 * what the service answers) and bench/inputs.ts (which times them).
 */

export const XML_URI = 'file:///robust/test.xml';
export const NETPLAN_URI = 'file:///robust/netplan/01.yaml';
export const IFACES_URI = 'file:///robust/interfaces';

/** Deterministic pseudo-random numbers (mulberry32), so failures can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PAD = () => ' '.repeat(10 * 1024 * 1024 + 10);
export const tooLargeNetwork = () => `<network>\n  <name>big</name>${PAD()}</network>\n`;
export const tooLargeOther = () => `<project>${PAD()}</project>`;

const DEPTH = 100_000;
const nest = (open: string, close: string) => open.repeat(DEPTH) + close.repeat(DEPTH);
export const deepNestings = (): string[] => [
  `<network><name>deep</name>${nest('<a>', '</a>')}</network>`,
  `<network><name>deep</name><ip address='10.0.0.1' prefix='24'>${nest('<dhcp>', '</dhcp>')}</ip></network>`,
  `<domain type='kvm'><name>d</name><devices>${nest("<interface type='network'>", '</interface>')}</devices></domain>`,
  `<interface type='bridge' name='br0'><bridge>${nest("<interface type='bridge' name='x'><bridge>", '</bridge></interface>')}</bridge></interface>`,
  `<network>${'<a>'.repeat(DEPTH)}`, // never closed
];

export function billionLaughsXml(): string {
  const entities = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>\n<!DOCTYPE network [\n${entities.join('\n')}\n]>\n<network>\n  <name>&lol9;</name>\n  <bridge name='&lol9;'/>\n</network>\n`;
}

export function longValues(): string[] {
  const long = 'a'.repeat(2_000_000);
  return [
    `<network><name>${long}</name><bridge name='${long}'/><ip address='${long}' prefix='${long}'/></network>`,
    `<network><name>n</name><ip address='10.0.0.1' prefix='24'><dhcp><range start='${'1.'.repeat(500_000)}' end='10.0.0.9'/></dhcp></ip></network>`,
    `<domain><devices><interface type='network'><mac address='${'52:'.repeat(600_000)}'/><source network='${long}'/></interface></devices></domain>`,
    `<network ${'x'.repeat(1_000_000)}='1'><name>n</name></network>`,
  ];
}

export function manyDhcpHosts(): string {
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  const hosts = Array.from({ length: 20_000 }, (_, i) => `      <host mac='52:54:00:00:${hex(i >> 8)}:${hex(i & 255)}' name='h${i}' ip='10.0.${i >> 8}.${(i & 255) + 0}'/>`);
  return `<network>\n  <name>big</name>\n  <ip address='10.255.255.254' prefix='8'>\n    <dhcp>\n${hosts.join('\n')}\n    </dhcp>\n  </ip>\n</network>\n`;
}

// Many attributes on one element were quadratic (parseXml's repeated-attribute test and the schema
// validator's unknown-attribute message); both are linear now.
export const manyAttributes = () => `<network><name>n</name><bridge ${Array.from({ length: 3_000 }, (_, i) => `a${i}='${i}'`).join(' ')}/></network>`;

export function netplanBillionLaughs(): string {
  const lines = ['network:', '  version: 2', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const [name, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
    lines.push(`  ${name}: &${name} [${Array(9).fill('*' + prev).join(',')}]`);
  }
  lines.push('  ethernets: *j');
  return lines.join('\n') + '\n';
}

export const netplanDeepFlow = () => 'network: ' + '['.repeat(100000) + ']'.repeat(100000) + '\n';
export const netplanDeepBlock = () => 'network:\n' + Array.from({ length: 5000 }, (_, i) => ' '.repeat(i + 1) + `k${i}:`).join('\n') + '\n';
export function netplanRandom(): string {
  const r = rng(7);
  return 'network:\n' + Array.from({ length: 100000 }, () => String.fromCharCode(Math.floor(r() * 65536))).join('');
}

export function interfacesRandom(): string {
  const r = rng(11);
  return 'auto lo\n' + Array.from({ length: 100000 }, () => String.fromCharCode(Math.floor(r() * 65536))).join('');
}
export const interfacesBig = () => Array.from({ length: 25000 }, (_, i) => `auto e${i}\niface e${i} inet static\n    address 10.${(i >> 8) & 255}.${i & 255}.1/24\n`).join('');

/** A realistic file of about `lines` lines: bridges, ports, VLANs, comments, continuations. */
export function bigInterfaces(lines: number): string {
  const out: string[] = ['# generated', 'auto lo', 'iface lo inet loopback', ''];
  let i = 0;
  while (out.length < lines) {
    const a = Math.floor(i / 200);
    const b = i % 200;
    out.push(`# bridge ${i}`, `auto eth${i} br${i}`, `iface eth${i} inet manual`, `iface br${i} inet static`,
      `        address 10.${a}.${b}.1`, '        netmask 255.255.255.0', `        network 10.${a}.${b}.0`, `        broadcast 10.${a}.${b}.255`,
      `        bridge_ports eth${i}`, '        bridge_stp off', '        bridge_fd 0', '        bridge_maxwait 0',
      `        up ip route add 172.16.${b}.0/24 \\`, `           via 10.${a}.${b}.254`, '');
    i++;
  }
  return out.join('\n');
}

/** Every large or hostile input, for the benchmark. */
export function hostileInputs(): { name: string; uri: string; text: string }[] {
  const xml = (name: string, text: string) => ({ name, uri: XML_URI, text });
  return [
    xml('10 MiB network (too large)', tooLargeNetwork()),
    xml('10 MiB other XML', tooLargeOther()),
    ...deepNestings().map((t, i) => xml(`100,000-deep nesting #${i + 1}`, t)),
    xml('billion laughs (XML entities)', billionLaughsXml()),
    ...longValues().map((t, i) => xml(`2,000,000-character values #${i + 1}`, t)),
    xml('20,000 DHCP hosts', manyDhcpHosts()),
    xml('3,000 attributes on one element', manyAttributes()),
    { name: 'netplan billion laughs (aliases)', uri: NETPLAN_URI, text: netplanBillionLaughs() },
    { name: 'netplan 100,000-deep flow', uri: NETPLAN_URI, text: netplanDeepFlow() },
    { name: 'netplan 5,000-deep block', uri: NETPLAN_URI, text: netplanDeepBlock() },
    { name: 'netplan 100,000 random characters', uri: NETPLAN_URI, text: netplanRandom() },
    { name: 'interfaces 100,000 random characters', uri: IFACES_URI, text: interfacesRandom() },
    { name: 'interfaces 100,000 lines', uri: IFACES_URI, text: interfacesBig() },
  ];
}
