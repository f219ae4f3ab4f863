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

