import { child } from '../../parse/xml';
import type { Check } from '../check';
import { finding, network } from './common';

/**
 * A network name may not contain '/' (refused when parsing) nor a line
 * break (refused when the network driver validates it at define time; a
 * name written over several lines counts).
 */
export const networkNameInvalidChar: Check = {
  id: 'libvirt/network-name-invalid-char',
  defaultSeverity: 'error',
  description: "The network name contains '/' or a line break, which libvirt refuses.",
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    const el = net && child(net.root, 'name');
    if (!el || !el.textSpan) return [];
    const raw = el.text;
    const shown = raw.trim();
    if (raw.includes('/'))
      return [finding(this.id, el.textSpan, `The network name '${shown}' contains '/', which libvirt does not allow in a name`)];
    if (raw.includes('\n'))
      return [
        finding(
          this.id,
          el.textSpan,
          raw.trim().includes('\n')
            ? `The network name contains a line break; libvirt refuses it when the network is defined`
            : `The network name '${shown}' is written with a line break around it, which becomes part of the name; libvirt refuses it when the network is defined. Write <name>${shown}</name> on one line`,
        ),
      ];
    return [];
  },
};
