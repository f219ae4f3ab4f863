import { attr } from '../../parse/xml';
import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, forwardPool, interfaceDevs, network, parseCNumber } from './common';

/** A device of the forward pool (network device name or PCI address) listed twice. */
export const forwardDeviceDuplicate: Check = {
  id: 'libvirt/forward-device-duplicate',
  defaultSeverity: 'error',
  description: 'The same <interface dev> or PCI <address> is listed twice in <forward>.',
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    if (!net) return [];
    const pool = forwardPool(net);
    const out: Finding[] = [];
    if (pool.dev || pool.interfaces.length > 0) {
      const seen = new Set<string>();
      for (const d of interfaceDevs(pool)) {
        if (seen.has(d.value)) out.push(finding(this.id, d.span, `Interface '${d.value}' is already listed in <forward>; libvirt refuses a device listed twice`));
        seen.add(d.value);
      }
      return out;
    }
    // Only when there is no netdev pool does libvirt read the PCI addresses.
    const seen = new Set<string>();
    for (const el of pool.addresses) {
      if (attr(el, 'type')?.value !== 'pci') continue;
      const parts = ['domain', 'bus', 'slot', 'function'].map((n) => parseCNumber(attr(el, n)?.value ?? '0'));
      if (parts.some((p) => p === undefined)) continue;
      const [d, b, s, f] = parts as bigint[];
      const key = `${d.toString(16).padStart(4, '0')}:${b.toString(16).padStart(2, '0')}:${s.toString(16).padStart(2, '0')}.${f.toString(16)}`;
      if (seen.has(key)) out.push(finding(this.id, el.nameSpan, `PCI device ${key} is already listed in <forward>; libvirt refuses a device listed twice`));
      seen.add(key);
    }
    return out;
  },
};
