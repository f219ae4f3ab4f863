import type { Check } from '../check';
import { finding, forwardMode, modeSpan, network } from './common';

/** nat and route forwarding route an IP subnet: without an <ip> there is nothing to forward. */
export const forwardNeedsIp: Check = {
  id: 'libvirt/forward-needs-ip',
  defaultSeverity: 'error',
  description: "A network with forward mode 'nat' or 'route' has no <ip> element.",
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    if (!net) return [];
    const mode = forwardMode(net);
    if ((mode !== 'nat' && mode !== 'route') || net.ips.length > 0) return [];
    const span = modeSpan(net)!;
    const how = net.forwardMode ? `Forward mode '${mode}'` : "<forward> without a mode means 'nat', which";
    return [finding(this.id, span, `${how} needs an <ip address=… prefix=…> element giving the network's subnet; libvirt refuses the network without one`)];
  },
};
