/**
 * `virsh net-dumpxml`: the network's XML, read with the language server's
 * own parser and model (server/src/parse/xml.ts, server/src/model/libvirt.ts),
 * so the sidebar and the editor read a definition the same way. Never throws.
 */
import { buildModel, ipSubnet, type NetworkModel } from '../../../server/src/model/libvirt';
import { formatAddr, formatSubnet } from '../../../server/src/net/ip';
import { parseXml, type XmlElement } from '../../../server/src/parse/xml';

export interface NetIp {
  /** The host's address on the network, as written (`192.168.122.1`). */
  readonly address: string;
  /** Effective prefix length (from `prefix`, `netmask` or the class default). */
  readonly prefix?: number;
  /** The subnet in CIDR form (`192.168.122.0/24`), when address and prefix are usable. */
  readonly subnet?: string;
  readonly family: 'ipv4' | 'ipv6';
  readonly dhcp: boolean;
}

export interface NetXml {
  /** The XML text as virsh printed it (without the blank lines around it). */
  readonly xml: string;
  readonly name?: string;
  readonly uuid?: string;
  /** The forward mode; `undefined` with no `<forward>` (an isolated network), `nat` for `<forward/>`. */
  readonly forwardMode?: string;
  readonly bridge?: string;
  readonly ips: NetIp[];
  /** XML problems found while reading (should not happen with virsh's output). */
  readonly problems: string[];
}

/**
 * What `*-dumpxml` printed, parsed: the text (without the blank lines
 * around it), the root element when it is the `expected` one, and the
 * problems found (also a wrong or missing root).
 */
export function readDumpXml(stdout: string, expected: string): { xml: string; root?: XmlElement; problems: string[] } {
  const xml = stdout.trim() === '' ? '' : `${stdout.trim()}\n`;
  const doc = parseXml(xml);
  const problems = doc.errors.map((p) => p.message);
  if (!doc.root || doc.root.name !== expected) {
    return { xml, problems: [...problems, doc.root ? `expected <${expected}>, found <${doc.root.name}>` : 'no XML element'] };
  }
  return { xml, root: doc.root, problems };
}

export function parseNetXml(stdout: string): NetXml {
  const { xml, root, problems } = readDumpXml(stdout, 'network');
  if (!root) return { xml, ips: [], problems };
  const model = buildModel('libvirt-network', root) as NetworkModel;
  const forwardMode = model.forward ? (model.forwardMode?.value ?? 'nat') : undefined;
  return {
    xml,
    name: model.name?.value,
    uuid: model.uuid?.value.trim(),
    forwardMode,
    bridge: model.bridgeName?.value,
    ips: model.ips.flatMap((ip): NetIp[] => {
      if (!ip.address) return [];
      const s = ipSubnet(ip);
      const family = ip.family?.value === 'ipv6' || ip.addr?.family === 6 ? 'ipv6' : 'ipv4';
      return [
        {
          address: s ? formatAddr(s.addr) : ip.address.value,
          prefix: s?.prefix,
          subnet: s ? formatSubnet(s.subnet) : undefined,
          family,
          dhcp: ip.dhcp !== undefined,
        },
      ];
    }),
    problems,
  };
}
