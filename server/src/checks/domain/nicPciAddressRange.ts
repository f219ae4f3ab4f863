import { attr, child } from '../../parse/xml';
import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, parseCNumber } from '../forward/common';
import { domainModel } from './common';

const LIMITS: readonly [string, bigint, string][] = [
  ['bus', 0xffn, '0xff (255)'],
  ['slot', 0x1fn, '0x1f (31)'],
  ['function', 7n, '7'],
];

/** The guest PCI address of a NIC: bus ≤ 0xff, slot ≤ 0x1f, function ≤ 7. */
export const nicPciAddressRange: Check = {
  id: 'libvirt/nic-pci-address-range',
  defaultSeverity: 'error',
  description: "A NIC's <address type='pci'> has a bus, slot or function beyond what PCI allows.",
  appliesTo: ['libvirt-domain', 'libvirt-domain-interface'],
  run(ctx) {
    const out: Finding[] = [];
    for (const nic of domainModel(ctx)?.nics ?? []) {
      const addr = child(nic.el, 'address');
      if (!addr || attr(addr, 'type')?.value !== 'pci') continue;
      for (const [name, max, shown] of LIMITS) {
        const a = attr(addr, name);
        const v = parseCNumber(a?.value);
        if (!a || v === undefined || v <= max) continue;
        out.push(finding(this.id, a.valueSpan ?? a.nameSpan, `PCI ${name} '${a.value}' is out of range: it must be at most ${shown}; libvirt refuses the address`));
      }
    }
    return out;
  },
};
