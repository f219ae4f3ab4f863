import { attr, child } from '../../parse/xml';
import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, forwardMode, network, parseCInteger } from './common';
import { natOf } from './natCommon';

export const natPortRange: Check = {
  id: 'libvirt/nat-port-range',
  defaultSeverity: 'error',
  description: 'The <nat><port> range lacks start or end, is outside 0–65535, or has end before start.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    const nat = natOf(net);
    const el = nat && child(nat, 'port');
    if (!el || forwardMode(net!) !== 'nat') return [];
    const out: Finding[] = [];
    const read = (name: string): bigint | undefined => {
      const a = attr(el, name);
      if (!a || a.value === undefined) {
        out.push(finding(this.id, el.nameSpan, `<nat><port> has no ${name} attribute; libvirt needs both start and end (e.g. start='1024' end='65535')`));
        return undefined;
      }
      const v = parseCInteger(a.value);
      if (v === undefined || v < 0n || v > 65535n) {
        out.push(finding(this.id, a.valueSpan ?? a.nameSpan, `The NAT port ${name} '${a.value}' is not a port number from 0 to 65535; libvirt refuses it`));
        return undefined;
      }
      return v;
    };
    const start = read('start');
    if (start === undefined) return out; // libvirt stops at the first bad value
    const end = read('end');
    if (end !== undefined && end < start) {
      const a = attr(el, 'end')!;
      out.push(finding(this.id, a.valueSpan ?? a.nameSpan, `The NAT port range ${start}-${end} ends before it starts; libvirt refuses it`));
    }
    return out;
  },
};
