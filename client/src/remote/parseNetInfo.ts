/**
 * `virsh net-info NAME` (with LC_ALL=C):
 *
 *     Name:           default
 *     UUID:           dd8fe884-6c02-601e-7551-cca97df1c5df
 *     Active:         yes
 *     Persistent:     yes
 *     Autostart:      no
 *     Bridge:         virbr0
 *
 * `Bridge:` is missing where libvirt knows none (the test driver's inactive
 * networks, direct modes). Never throws; missing fields are undefined.
 */

export interface NetInfo {
  readonly name?: string;
  readonly uuid?: string;
  readonly active?: boolean;
  readonly persistent?: boolean;
  readonly autostart?: boolean;
  readonly bridge?: string;
}

export function parseNetInfo(stdout: string): NetInfo {
  const fields = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const m = /^([A-Za-z ]+):\s?(.*)$/.exec(line);
    // The value column is padded with spaces; a name's own leading spaces are lost (virsh pads with spaces too).
    if (m && !fields.has(m[1])) fields.set(m[1], m[2].replace(/^ +/, ''));
  }
  const yesNo = (k: string) => {
    const v = fields.get(k);
    return v === 'yes' ? true : v === 'no' ? false : undefined;
  };
  return {
    name: fields.get('Name'),
    uuid: fields.get('UUID'),
    active: yesNo('Active'),
    persistent: yesNo('Persistent'),
    autostart: yesNo('Autostart'),
    bridge: fields.get('Bridge') || undefined,
  };
}
