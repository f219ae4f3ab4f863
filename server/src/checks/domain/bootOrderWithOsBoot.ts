import { attr, child, children } from '../../parse/xml';
import type { Check } from '../check';
import { finding } from '../forward/common';
import { domainDevices, domainModel } from './common';

/** Boot devices are chosen either in <os> (<boot dev=…>) or per device (<boot order=…>), never both. */
export const bootOrderWithOsBoot: Check = {
  id: 'libvirt/boot-order-with-os-boot',
  defaultSeverity: 'error',
  description: "Per-device <boot order> is used together with <os><boot dev>.",
  appliesTo: ['libvirt-domain'],
  run(ctx) {
    const model = domainModel(ctx);
    if (!model) return [];
    const os = child(model.root, 'os');
    const osBoots = os ? children(os, 'boot') : [];
    if (osBoots.length === 0) return [];
    const perDevice = domainDevices(model).map((d) => child(d, 'boot')).filter((b) => b !== undefined);
    if (perDevice.length === 0) return [];
    const b = perDevice[0]!;
    const dev = attr(osBoots[0], 'dev')?.value;
    const device = b.parent?.name ?? 'device';
    return perDevice.map((el) =>
      finding(
        this.id,
        el.nameSpan,
        `Per-device <boot order> (here on <${el.parent?.name ?? device}>) cannot be combined with <os><boot${dev ? ` dev='${dev}'` : ''}>; libvirt refuses the domain. Remove the <boot> elements from <os> or from the devices`,
      ),
    );
  },
};
