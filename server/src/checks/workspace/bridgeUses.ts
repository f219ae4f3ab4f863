import type { LibvirtModel, Val } from '../../model/libvirt';

/**
 * The bridges a libvirt file needs to exist on the host: the bridge of a
 * `forward mode='bridge'` network, and `<source bridge='…'>` of VM NICs.
 */
export function bridgesNeeded(model: LibvirtModel): { val: Val; what: string }[] {
  const wanted: { val: Val; what: string }[] = [];
  if (model.kind === 'libvirt-network') {
    if (model.forward && model.forwardMode?.value === 'bridge' && model.bridgeName?.value) wanted.push({ val: model.bridgeName, what: 'This bridged network' });
  } else if (model.kind !== 'libvirt-host-interface') for (const nic of model.nics) if (nic.sourceBridge?.value) wanted.push({ val: nic.sourceBridge, what: 'This VM interface' });
  return wanted;
}
