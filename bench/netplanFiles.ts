/**
 * Generated netplan inputs for bench/netplan.ts: one realistic, valid file
 * of about N lines (NICs, bonds, VLANs, bridges with addresses, routes, DNS)
 * written five ways, one per parse path of server/src/netplan.
 */
import { checkNetplanFolder } from '../server/src/netplan';

export type NetplanPath = 'plain' | 'crlf' | 'anchors' | 'block-scalars' | 'yaml-error';
export const NETPLAN_PATHS: readonly NetplanPath[] = ['plain', 'crlf', 'anchors', 'block-scalars', 'yaml-error'];

interface Style {
  /** Bridges share one `parameters` mapping through an anchor and aliases. */
  readonly anchors?: boolean;
  /** `set-name` is written as a folded block scalar. */
  readonly blockScalars?: boolean;
}

function generate(lines: number, style: Style): string {
  const out = ['# generated for the benchmark', 'network:', '  version: 2', '  renderer: networkd', '  ethernets:'];
  const eth: string[] = [];
  const body: string[] = [];
  let i = 0;
  while (out.length + eth.length + body.length < lines) {
    const a = `enp${i}s0`;
    const b = `enp${i}s1`;
    const setName = style.blockScalars ? [`      set-name: >-`, `        ${a}`] : [`      set-name: ${a}`];
    eth.push(`    ${a}:`, `      match:`, `        macaddress: "52:54:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}:01"`, ...setName, `      dhcp4: no`, `      mtu: 9000`);
    eth.push(`    ${b}:`, `      dhcp4: false`, `      dhcp6: false`, `      optional: true`);
    const sub = `10.${(i >> 8) & 255}.${i & 255}`;
    const parameters = !style.anchors ? [`      parameters:`, `        stp: true`, `        forward-delay: 4`] : i === 0 ? [`      parameters: &bridge-parameters`, `        stp: true`, `        forward-delay: 4`] : [`      parameters: *bridge-parameters`];
    body.push(
      `    br${i}:`,
      `      interfaces: [bond${i}]`,
      `      addresses:`,
      `        - ${sub}.1/24`,
      `        - "fd00:${i.toString(16)}::1/64"`,
      `      routes:`,
      `        - to: 172.${16 + (i % 16)}.${i & 255}.0/24`,
      `          via: ${sub}.254`,
      `          metric: ${100 + i}`,
      `      nameservers:`,
      `        search: [lab.example.com]`,
      `        addresses: [${sub}.53, "fd00:${i.toString(16)}::53"]`,
      ...parameters,
      `      dhcp4: no`,
    );
    i++;
  }
  const bonds: string[] = ['  bonds:'];
  const vlans: string[] = ['  vlans:'];
  for (let k = 0; k < i; k++) {
    bonds.push(`    bond${k}:`, `      interfaces: [enp${k}s0, enp${k}s1]`, `      parameters:`, `        mode: active-backup`, `        primary: enp${k}s0`, `        mii-monitor-interval: 100`);
    vlans.push(`    vlan${k}:`, `      id: ${(k % 4000) + 1}`, `      link: bond${k}`, `      addresses: ["192.168.${k & 255}.${(k >> 8) + 2}/32"]`);
  }
  let text = [...out, ...eth, ...bonds, ...vlans, '  bridges:', ...body].join('\n') + '\n';
  text = text.split('\n').slice(0, lines).join('\n').replace(/\n[^\n]*$/, '\n');
  // The cut may leave a half definition at the end: trim back to a whole one.
  const uri = 'file:///etc/netplan/50-bench.yaml';
  while (checkNetplanFolder([{ uri, text }]).get(uri)!.some((d) => d.severity === 'error')) {
    const ls = text.trimEnd().split('\n');
    ls.pop();
    text = ls.join('\n') + '\n';
    if (ls.length < 10) break;
  }
  return text;
}

/** The plain file, valid, of about `lines` lines (LF line ends, no anchors, no block scalars). */
export function bigNetplan(lines: number): string {
  return generate(lines, {});
}

/** The file of one parse path, about `lines` lines long. */
export function netplanFor(path: NetplanPath, lines: number): string {
  switch (path) {
    case 'plain':
      return bigNetplan(lines);
    case 'crlf':
      return bigNetplan(lines).replace(/\n/g, '\r\n');
    case 'anchors':
      return generate(lines, { anchors: true });
    case 'block-scalars':
      return generate(lines, { blockScalars: true });
    case 'yaml-error': {
      // Half-way through typing a new key in the middle of the file: `dh` with no colon yet.
      const ls = bigNetplan(lines).split('\n');
      let mid = ls.length >> 1;
      while (!/^ {6}\S/.test(ls[mid])) mid++; // a key of a definition
      ls.splice(mid, 0, '      dh');
      return ls.join('\n');
    }
  }
}
