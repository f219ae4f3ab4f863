import type { Finding } from '../../service/types';
import { broadcastOf, formatAddr, parseAddr } from '../../net/ip';
import { addressFamily, stanzaAddresses } from '../model';
import { optionsNamed } from '../parse';
import type { IfupdownCheck } from './check';

const ID = 'ifupdown/network-broadcast-mismatch';

/**
 * IPv4 `network` and `broadcast` that do not follow from address and netmask.
 * ifupdown passes `broadcast` to `ip addr add` (a wrong one breaks broadcast
 * traffic) and ignores `network`, but a wrong `network` shows that the
 * address or netmask is not what was meant.
 */
export const networkBroadcastMismatchCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'warning',
  description: 'A network or broadcast option inconsistent with the address and netmask.',
  run(file, folder) {
    const out: Finding[] = [];
    for (const st of file.model.ifaces) {
      const family = addressFamily(st, folder.dialect);
      if (family !== 4 && family !== 'any') continue;
      const addrs = stanzaAddresses(st, folder.dialect).filter((a) => a.family === 4);
      if (addrs.length !== 1) continue; // ambiguous with several addresses
      const a = addrs[0];
      const net = a.subnet.network;
      const bcast = broadcastOf(a.subnet);
      const where = `${formatAddr(a.addr)}/${a.prefix}${a.prefixFrom === 'default' ? (folder.dialect === 'ifupdown2' ? ' (ifupdown2 uses /32 when no prefix or netmask is given)' : ' (classful default, no netmask given)') : ''}`;
      for (const o of optionsNamed(st, 'network')) {
        const v = o.values.length === 1 ? parseAddr(o.values[0].text) : undefined;
        if (!v || v.family !== 4 || v.value === net) continue;
        out.push({ code: ID, span: o.valueSpan, message: `network ${o.value} does not match ${where}, whose network is ${formatAddr({ family: 4, value: net })}` });
      }
      for (const o of optionsNamed(st, 'broadcast')) {
        const v = o.values.length === 1 ? parseAddr(o.values[0].text) : undefined;
        if (!v || v.family !== 4 || v.value === bcast) continue;
        out.push({ code: ID, span: o.valueSpan, message: `broadcast ${o.value} does not match ${where}, whose broadcast address is ${formatAddr({ family: 4, value: bcast })}` });
      }
    }
    return out;
  },
};
