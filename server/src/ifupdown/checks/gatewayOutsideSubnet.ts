import type { Finding } from '../../service/types';
import { formatSubnet, inSubnet, parseAddr } from '../../net/ip';
import { addressFamily, stanzaAddresses } from '../model';
import { option, optionsNamed } from '../parse';
import type { IfupdownCheck } from './check';

const ID = 'ifupdown/gateway-outside-subnet';

/**
 * A gateway outside every subnet of the stanza's addresses. ifupdown adds the
 * route with `onlink`, so it is accepted, but the gateway is usually a typo
 * (wrong subnet or netmask). Point-to-point setups (a `pointopoint` option or
 * a /32 or /128 address) put the gateway outside on purpose and are skipped.
 */
export const gatewayOutsideSubnetCheck: IfupdownCheck = {
  id: ID,
  defaultSeverity: 'warning',
  description: 'A gateway that is not inside the subnet given by the address and netmask.',
  run(file, folder) {
    const out: Finding[] = [];
    for (const st of file.model.ifaces) {
      const family = addressFamily(st, folder.dialect);
      if (!family || option(st, 'pointopoint')) continue;
      for (const g of optionsNamed(st, 'gateway')) {
        const gw = g.values.length === 1 ? parseAddr(g.values[0].text) : undefined;
        if (!gw || (family !== 'any' && gw.family !== family)) continue;
        const addrs = stanzaAddresses(st, folder.dialect).filter((a) => a.family === gw.family);
        if (addrs.length === 0 || addrs.some((a) => a.prefix >= (gw.family === 4 ? 32 : 128))) continue;
        if (addrs.some((a) => inSubnet(gw, a.subnet))) continue;
        const nets = addrs.map((a) => formatSubnet(a.subnet)).join(', ');
        out.push({ code: ID, span: g.valueSpan, message: `gateway ${g.value} is outside ${addrs.length > 1 ? 'the subnets' : 'the subnet'} ${nets} of this interface; check the gateway, the address and the netmask` });
      }
    }
    return out;
  },
};
