import { attr, child } from '../../parse/xml';
import type { Check } from '../check';
import type { Finding } from '../../service/types';
import { finding, parseCNumber } from '../forward/common';
import { domainDevices, domainModel } from './common';

/** Each per-device <boot order> number may be used by one device only. */
export const bootOrderDuplicate: Check = {
  id: 'libvirt/boot-order-duplicate',
  defaultSeverity: 'error',
  description: 'Two devices use the same <boot order> number.',
  appliesTo: ['libvirt-domain'],
  run(ctx) {
    const model = domainModel(ctx);
    if (!model) return [];
    const out: Finding[] = [];
    const seen = new Map<string, string>();
    for (const dev of domainDevices(model)) {
      const a = child(dev, 'boot') && attr(child(dev, 'boot')!, 'order');
      const n = a?.value !== undefined ? parseCNumber(a.value) : undefined;
      if (!a || n === undefined) continue;
      const key = n.toString();
      const prev = seen.get(key);
      if (prev) out.push(finding(this.id, a.valueSpan ?? a.nameSpan, `Boot order ${key} is already used by a <${prev}>; each device needs its own number and libvirt refuses the domain`));
      else seen.set(key, dev.name);
    }
    return out;
  },
};
