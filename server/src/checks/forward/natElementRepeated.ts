import { children } from '../../parse/xml';
import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, network } from './common';

export const natElementRepeated: Check = {
  id: 'libvirt/nat-element-repeated',
  defaultSeverity: 'error',
  description: '<forward> has more than one <nat>, or <nat> more than one <address> or <port>.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    if (!net?.forward) return [];
    const out: Finding[] = [];
    const nats = children(net.forward, 'nat');
    for (const extra of nats.slice(1)) out.push(finding(this.id, extra.nameSpan, 'Only one <nat> element is allowed in <forward>; libvirt refuses a second one. Merge them'));
    const nat = nats[0];
    if (nat) {
      for (const name of ['address', 'port']) {
        for (const extra of children(nat, name).slice(1))
          out.push(finding(this.id, extra.nameSpan, `<nat> may hold only one <${name}> range; libvirt refuses a second one. Use a single range that covers both`));
      }
    }
    return out;
  },
};
