import { attr, child, children, type XmlElement } from '../../parse/xml';
import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, forwardMode, network } from './common';

function hasTags(vlan: XmlElement | undefined): boolean {
  return !!vlan && children(vlan, 'tag').length > 0;
}

function vportType(el: XmlElement): string | undefined {
  const vp = child(el, 'virtualport');
  return vp ? (attr(vp, 'type')?.value ?? '') : undefined;
}

/**
 * libvirt can only tag guest traffic with a VLAN on SR-IOV devices (modes
 * hostdev and passthrough) and on Open vSwitch bridges (mode bridge with
 * <virtualport type='openvswitch'>). This follows networkValidate: the
 * network-wide <vlan> applies to every portgroup, a portgroup with its own
 * <virtualport> must be Open vSwitch in mode bridge, and with no portgroup
 * marked default the network-wide <vlan> itself must be usable.
 */
export const vlanNotSupported: Check = {
  id: 'libvirt/vlan-not-supported',
  defaultSeverity: 'error',
  description: '<vlan> on a network type that cannot tag VLANs (only hostdev, passthrough and Open vSwitch bridges can).',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    if (!net) return [];
    const mode = forwardMode(net);
    if (!mode) return [];
    const netVp = vportType(net.root);
    const allowed = mode === 'hostdev' || mode === 'passthrough' || (mode === 'bridge' && netVp === 'openvswitch');
    const netVlan = child(net.root, 'vlan');
    const netUsed = hasTags(netVlan);
    const why = `VLAN tags work only with forward mode 'hostdev' or 'passthrough', or mode 'bridge' with <virtualport type='openvswitch'>`;
    const out: Finding[] = [];
    let hasDefault = false;
    for (const pg of children(net.root, 'portgroup')) {
      if (attr(pg, 'default')?.value?.toLowerCase() === 'yes') hasDefault = true;
      const pgVlan = child(pg, 'vlan');
      if (!netUsed && !hasTags(pgVlan)) continue;
      const vp = vportType(pg);
      const bad = vp !== undefined ? !(mode === 'bridge' && vp === 'openvswitch') : !allowed;
      if (!bad) continue;
      const where = hasTags(pgVlan) ? pgVlan!.nameSpan : (attr(pg, 'name')?.valueSpan ?? pg.nameSpan);
      const name = attr(pg, 'name')?.value ?? '?';
      const detail = vp === undefined ? '' : vp === '' ? ` (portgroup '${name}' has its own <virtualport> without type='openvswitch')` : ` (portgroup '${name}' has its own <virtualport type='${vp}'>)`;
      out.push(finding(this.id, where, `${hasTags(pgVlan) ? `Portgroup '${name}' sets a <vlan>` : `Portgroup '${name}' inherits the network's <vlan>`}, but this network cannot tag VLANs${detail}: ${why}. libvirt refuses the network`));
    }
    if (out.length === 0 && netUsed && !allowed && !hasDefault)
      out.push(finding(this.id, netVlan!.nameSpan, `This network cannot tag VLANs (${mode === 'none' ? 'isolated network' : `forward mode '${mode}'`}): ${why}. libvirt refuses the network`));
    return out;
  },
};
