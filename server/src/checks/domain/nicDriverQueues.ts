import { attr, child } from '../../parse/xml';
import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, parseCInteger, UINT_MAX } from '../forward/common';
import { domainModel } from './common';

/**
 * On virtio NICs libvirt reads <driver queues/rx_queue_size/tx_queue_size>
 * as unsigned 32-bit numbers; a negative or oversized value is refused (on
 * other models the attributes are not read at all).
 */
export const nicDriverQueues: Check = {
  id: 'libvirt/nic-driver-queues',
  defaultSeverity: 'error',
  description: 'A virtio NIC <driver> has a negative or too large queues / rx_queue_size / tx_queue_size.',
  appliesTo: ['libvirt-domain', 'libvirt-domain-interface'],
  run(ctx) {
    const out: Finding[] = [];
    for (const nic of domainModel(ctx)?.nics ?? []) {
      const model = child(nic.el, 'model');
      const driver = child(nic.el, 'driver');
      if (!driver || !model || !(attr(model, 'type')?.value ?? '').startsWith('virtio')) continue;
      for (const name of ['queues', 'rx_queue_size', 'tx_queue_size']) {
        const a = attr(driver, name);
        if (a?.value === undefined) continue;
        const v = parseCInteger(a.value);
        if (v === undefined || (v >= 0n && v <= UINT_MAX)) continue; // non-numbers are the schema's business
        out.push(
          finding(this.id, a.valueSpan ?? a.nameSpan, `${name} '${a.value}' must be a whole number from 0 to ${UINT_MAX}${name === 'queues' ? ' (usually the number of guest vCPUs)' : ''}; libvirt refuses it`),
        );
      }
    }
    return out;
  },
};
