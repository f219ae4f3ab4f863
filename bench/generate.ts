/** Generated inputs for the benchmark. */

/** A network of about `lines` lines: one <ip><dhcp> with that many <host> entries. */
export function bigNetwork(lines: number): string {
  const hosts = Math.max(0, lines - 12);
  const out = [
    '<network>',
    '  <name>big</name>',
    '  <uuid>0f0e0d0c-0b0a-4908-8706-050403020100</uuid>',
    "  <forward mode='nat'/>",
    "  <bridge name='virbr-big' stp='on' delay='0'/>",
    "  <ip address='10.200.0.1' prefix='16'>",
    '    <dhcp>',
    "      <range start='10.200.200.1' end='10.200.255.254'/>",
  ];
  for (let i = 0; i < hosts; i++) {
    const hi = (i >> 8) & 0xff;
    const lo = i & 0xff;
    const mac = `52:54:00:${((i >> 16) & 0xff).toString(16).padStart(2, '0')}:${hi.toString(16).padStart(2, '0')}:${lo.toString(16).padStart(2, '0')}`;
    out.push(`      <host mac='${mac}' name='host${i}' ip='10.200.${1 + Math.floor(i / 250)}.${2 + (i % 250)}'/>`);
  }
  out.push('    </dhcp>', '  </ip>', '</network>', '');
  return out.join('\n');
}


/** Ways a netplan file can send the parser down a different path (see server/src/netplan/fastParse.ts). */
export type NetplanVariant = 'plain' | 'crlf' | 'anchors' | 'block-scalars' | 'yaml-error';

/**
 * A netplan file of about `lines` lines: ethernets of ten lines each, every one
 * with an `mtu: 1500` line the benchmark edits. Variants: CRLF line ends,
 * anchors and aliases, block scalars, or a YAML syntax error in the middle.
 */
export function bigNetplan(lines: number, variant: NetplanVariant = 'plain'): string {
  const count = Math.max(1, Math.floor((lines - 4) / 10));
  const out = ['network:', '  version: 2', '  renderer: networkd', '  ethernets:'];
  for (let i = 0; i < count; i++) {
    const a = (i >> 8) & 0xff;
    const b = i & 0xff;
    const mac = `52:54:00:10:${a.toString(16).padStart(2, '0')}:${b.toString(16).padStart(2, '0')}`;
    const ns =
      variant === 'anchors' ? (i === 0 ? '      nameservers: &ns {addresses: [192.0.2.53], search: [example.com]}' : '      nameservers: *ns') : '      nameservers: {addresses: [192.0.2.53], search: [example.com]}';
    out.push(
      `    en${i}:`,
      '      match:',
      variant === 'block-scalars' ? `        macaddress: >-\n          ${mac}` : `        macaddress: "${mac}"`,
      `      set-name: en${i}`,
      '      mtu: 1500',
      '      addresses:',
      `        - 10.${a}.${b}.1/24`,
      ns,
      `      optional: ${i === Math.floor(count / 2) && variant === 'yaml-error' ? '[true' : 'true'}`,
      '      dhcp4: false',
    );
  }
  const text = out.join('\n') + '\n';
  return variant === 'crlf' ? text.replace(/\n/g, '\r\n') : text;
}
