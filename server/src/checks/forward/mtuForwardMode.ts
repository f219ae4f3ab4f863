import { child } from '../../parse/xml';
import { attrVal } from '../../model/libvirt';
import type { Check } from '../check';
import { finding, forwardMode, L3_MODES, network, parseCInteger } from './common';

/** libvirt only sets an MTU on bridges it creates itself (isolated, nat, route, open). */
export const mtuForwardMode: Check = {
  id: 'libvirt/mtu-not-allowed',
  defaultSeverity: 'error',
  description: "<mtu> is given for a network whose forward mode is bridge, private, vepa, passthrough or hostdev.",
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    if (!net) return [];
    const mtu = child(net.root, 'mtu');
    const mode = forwardMode(net);
    if (!mtu || !mode || L3_MODES.includes(mode)) return [];
    const size = attrVal(mtu, 'size');
    // libvirt treats a size of 0 as no MTU at all.
    if (!size || parseCInteger(size.value) === 0n) return [];
    return [
      finding(
        this.id,
        mtu.nameSpan,
        `<mtu> is only allowed when libvirt creates the bridge (isolated, nat, route, open), not in forward mode '${mode}'; set the MTU on the host device or bridge instead`,
      ),
    ];
  },
};
