/**
 * `virsh net-list … --name` and `--uuid`: one entry per line. Names are
 * printed byte for byte (the table form pads and, under LC_ALL=C, mangles
 * non-ASCII names into `\xff`, so it is not parsed). libvirt refuses line
 * breaks in network names, so a line is a name. virsh ends the list with an
 * empty line.
 */
export function parseNameList(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l !== '');
}

/** `net-uuid NAME`: the UUID on its own line. */
export function parseUuid(stdout: string): string {
  return stdout.trim();
}
