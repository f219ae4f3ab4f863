import { attr, child, children, type XmlElement } from '../../parse/xml';
import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, forwardMode, L3_MODES, network } from './common';
import { parseMac } from '../../net/ip';

function hasBandwidth(el: XmlElement | undefined): boolean {
  return !!el && (!!child(el, 'inbound') || !!child(el, 'outbound'));
}

/**
 * When the network uses a bridge or device that libvirt does not manage
 * (modes bridge, private, vepa, passthrough, hostdev), libvirt's network
 * driver refuses at define time what only a libvirt-managed bridge can do:
 * a bridge <mac>, <ip> addresses, DNS records, a <domain> name, and
 * bandwidth limits (allowed in mode 'bridge' only with a bridge name).
 */
export const elementUnsupportedInMode: Check = {
  id: 'libvirt/element-not-allowed-in-mode',
  defaultSeverity: 'error',
  description: '<mac>, <ip>, <dns> records, <domain> or <bandwidth> in a network whose bridge or device libvirt does not manage.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    if (!net) return [];
    const mode = forwardMode(net);
    if (!mode || L3_MODES.includes(mode)) return [];
    const out: Finding[] = [];
    const tail = `libvirt does not manage the ${mode === 'bridge' ? 'host bridge' : 'host device'} of forward mode '${mode}' and refuses it when the network is defined`;
    const macEl = child(net.root, 'mac');
    if (macEl && net.mac && parseMac(net.mac.value))
      out.push(finding(this.id, macEl.nameSpan, `<mac> sets the address of a bridge libvirt creates; ${tail}`));
    for (const ip of net.ips) out.push(finding(this.id, ip.el.nameSpan, `<ip> gives an address and DHCP to a bridge libvirt creates; ${tail}. Configure addresses on the host side instead`));
    if (net.dns && (children(net.dns, 'host').length || children(net.dns, 'srv').length || children(net.dns, 'txt').length))
      out.push(finding(this.id, net.dns.nameSpan, `<dns> records are served by libvirt's dnsmasq on its own bridge; ${tail}`));
    if (net.domain && attr(net.domain, 'name'))
      out.push(finding(this.id, net.domain.nameSpan, `<domain> names the DNS domain of libvirt's dnsmasq; ${tail}`));
    const bandwidthAllowed = mode === 'bridge' && !!net.bridgeName;
    if (!bandwidthAllowed) {
      const bw = child(net.root, 'bandwidth');
      if (hasBandwidth(bw))
        out.push(finding(this.id, bw!.nameSpan, `A network-wide <bandwidth> limit needs a bridge; ${mode === 'bridge' ? "in forward mode 'bridge' it is only allowed together with <bridge name>" : `forward mode '${mode}' has none`}, so libvirt refuses it`));
      for (const pg of children(net.root, 'portgroup')) {
        const pbw = child(pg, 'bandwidth');
        if (hasBandwidth(pbw))
          out.push(finding(this.id, pbw!.nameSpan, `A <bandwidth> limit in a portgroup needs a bridge; ${mode === 'bridge' ? "in forward mode 'bridge' it is only allowed together with <bridge name>" : `forward mode '${mode}' has none`}, so libvirt refuses it`));
      }
    }
    return out;
  },
};
