/**
 * An empty mapping (`{}`) as an item of `addresses` or of a WireGuard peer's
 * `allowed-ips`: netplan reads such an item as "an address with options"
 * (`- 10.0.0.1/24: {label: …}`) and takes the mapping's first key without
 * checking that there is one, so the generator dies with a segmentation fault
 * while parsing (`netplan generate` exits 245, no message). The same code
 * (handle_generic_addresses in parse.c) is still in netplan 1.x's source, so
 * later releases are not known to be fixed. Reported in place of the schema
 * error at the same item, which would not say that netplan crashes.
 */
import type { NpNode } from '../../parse';
import type { DefPart, NetplanConfig } from '../model';
import type { GeneratorCrash } from './types';

const isEmptyMap = (n: NpNode) => n.kind === 'map' && n.pairs.length === 0;

function emptyItems(part: DefPart, list: NpNode | undefined, where: string, defId: string) {
  if (!list || list.kind !== 'seq') return [];
  return list.items.filter(isEmptyMap).map((item) => ({
    uri: part.uri,
    span: item.span,
    phase: 'parse' as const,
    replacesSameSpan: true,
    message:
      `${defId}: netplan generate 0.106 crashes (segmentation fault) on an empty mapping in '${where}', so 'netplan apply' fails. ` +
      `Write the address as a value ('- 192.0.2.10/24'), or with its options ('- 192.0.2.10/24: {label: …}'), or remove the item. Not fixed in netplan 1.x either.`,
  }));
}

export const emptyAddressMapping: GeneratorCrash = {
  name: 'empty-mapping-in-addresses',
  find(config: NetplanConfig) {
    const out = [];
    for (const def of config.ordered)
      for (const part of def.parts) {
        out.push(...emptyItems(part, part.map.get('addresses')?.value, 'addresses', def.id));
        if (def.type !== 'tunnels') continue;
        const peers = part.map.get('peers')?.value;
        if (peers && peers.kind === 'seq')
          for (const peer of peers.items) if (peer.kind === 'map') out.push(...emptyItems(part, peer.get('allowed-ips')?.value, 'allowed-ips', def.id));
      }
    return out;
  },
};
