import type { Check } from '../check';
import { finding, forwardMode, network } from './common';
import { natOf } from './natCommon';

export const natNotNatMode: Check = {
  id: 'libvirt/nat-not-nat-mode',
  defaultSeverity: 'error',
  description: "A <nat> element inside a <forward> whose mode is not 'nat'.",
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    const nat = natOf(net);
    const mode = net && forwardMode(net);
    if (!nat || !mode || mode === 'nat') return [];
    return [finding(this.id, nat.nameSpan, `<nat> sets address translation and is only allowed with forward mode 'nat', not '${mode}'; libvirt refuses it. Remove <nat> or use mode='nat'`)];
  },
};
