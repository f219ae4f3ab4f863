import { child } from '../../parse/xml';
import { attrVal } from '../../model/libvirt';
import { parseAddr } from '../../net/ip';
import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, forwardMode, network } from './common';
import { looksLikeIpv4, natOf } from './natCommon';

export const natAddressRange: Check = {
  id: 'libvirt/nat-address-range',
  defaultSeverity: 'error',
  description: 'The <nat><address> range lacks start or end, is not IPv4, or is reversed.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    const nat = natOf(net);
    const el = nat && child(nat, 'address');
    if (!el || forwardMode(net!) !== 'nat') return [];
    const start = attrVal(el, 'start');
    const end = attrVal(el, 'end');
    if (!start || !end) {
      const missing = !start ? 'start' : 'end';
      if (!start && !end) return [finding(this.id, el.nameSpan, '<nat><address> needs both start and end attributes (the first and last public IPv4 address to translate to); libvirt refuses it without them')];
      return [finding(this.id, el.nameSpan, `<nat><address> has no ${missing} attribute; libvirt needs both start and end (use the same address twice for a single one)`)];
    }
    const out: Finding[] = [];
    for (const v of [start, end]) {
      const s = v.value;
      if (s.includes(':') || !looksLikeIpv4(s))
        out.push(finding(this.id, v.span, `'${s}' is not an IPv4 address; address translation in <nat> works on IPv4 only`));
    }
    if (out.length) return out;
    const a = parseAddr(start.value);
    const b = parseAddr(end.value);
    if (a && b && a.family === 4 && b.family === 4 && a.value > b.value)
      out.push(finding(this.id, end.span, `The NAT address range ${start.value} - ${end.value} is reversed: end comes before start; libvirt refuses it`));
    return out;
  },
};
