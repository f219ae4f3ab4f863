import { attr } from '../../parse/xml';
import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, forwardMode, forwardPool, interfaceDevs, network } from './common';

/**
 * hostdev networks hand whole SR-IOV virtual functions to guests, named by
 * PCI address; every other mode uses network device names. libvirt's
 * network driver refuses the other kind at define time.
 */
export const forwardDeviceKind: Check = {
  id: 'libvirt/forward-device-kind',
  defaultSeverity: 'error',
  description: "A hostdev network lists devices by name, or another mode lists them by PCI address.",
  appliesTo: ['libvirt-network'],
  run(ctx) {
    const net = network(ctx);
    if (!net) return [];
    const mode = forwardMode(net);
    if (!mode) return [];
    const pool = forwardPool(net);
    const out: Finding[] = [];
    if (mode === 'hostdev') {
      const named = pool.dev ? [{ value: pool.dev.value, span: pool.dev.span }] : interfaceDevs(pool).slice(0, 1);
      for (const d of named)
        out.push(finding(this.id, d.span, `A hostdev network lists its devices by PCI address (<address type='pci' …>) or through <pf dev=…>, not by device name ('${d.value}'); libvirt refuses it`));
    } else if (!pool.dev && pool.interfaces.length === 0) {
      const pci = pool.addresses.find((a) => attr(a, 'type')?.value === 'pci');
      if (pci)
        out.push(finding(this.id, pci.nameSpan, `Only forward mode 'hostdev' can list devices by PCI address; in mode '${mode}' use <interface dev=…> names. libvirt refuses it`));
    }
    return out;
  },
};
