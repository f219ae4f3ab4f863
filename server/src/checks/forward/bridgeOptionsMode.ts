import { attr } from '../../parse/xml';
import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { DIRECT_MODES, finding, forwardMode, network } from './common';

/**
 * <bridge> settings that only make sense when libvirt builds the bridge
 * itself. In the direct modes (private, vepa, passthrough, hostdev) there
 * is no bridge at all: name, zone and macTableManager are refused. In those
 * modes and in mode 'bridge' (an existing host bridge) delay, stp and zone
 * are refused too, as libvirt does not manage that bridge.
 */
export const bridgeOptionsMode: Check = {
  id: 'libvirt/bridge-option-not-allowed',
  defaultSeverity: 'error',
  description: 'A <bridge> setting is not allowed with this forward mode (name/zone/macTableManager in direct modes; delay/stp/zone with an existing bridge).',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    const br = net?.bridge;
    if (!net || !br) return [];
    const mode = forwardMode(net);
    if (!mode) return [];
    const out: Finding[] = [];
    const direct = DIRECT_MODES.includes(mode);
    if (direct) {
      for (const name of ['name', 'zone', 'macTableManager']) {
        const a = attr(br, name);
        if (a)
          out.push(
            finding(this.id, a.nameSpan, `In forward mode '${mode}' guests attach directly to a host device and there is no bridge, so libvirt refuses <bridge ${name}=…>; remove it`),
          );
      }
    }
    if (direct || mode === 'bridge') {
      for (const name of ['delay', 'stp', 'zone']) {
        const a = attr(br, name);
        if (!a || (direct && name === 'zone')) continue; // zone already reported above
        // libvirt ignores a delay of 0 (its default) but refuses any stp value.
        if (name === 'delay' && /^\s*\+?0+$/.test(a.value ?? '')) continue;
        const why = mode === 'bridge' ? "the host bridge of forward mode 'bridge' is not managed by libvirt" : `forward mode '${mode}' has no bridge`;
        out.push(
          finding(this.id, a.nameSpan, `<bridge ${name}=…> is only allowed for networks whose bridge libvirt creates (isolated, nat, route, open); ${why}. Remove it`),
        );
      }
    }
    return out;
  },
};
