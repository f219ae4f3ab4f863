/** Helpers of the domain <interface> checks. */
import { child, type XmlElement } from '../../parse/xml';
import type { DomainModel } from '../../model/libvirt';
import type { CheckContext } from '../check';

export function domainModel(ctx: CheckContext): DomainModel | undefined {
  return ctx.model.kind === 'libvirt-domain' || ctx.model.kind === 'libvirt-domain-interface' ? ctx.model : undefined;
}

/** The <devices> children of a whole domain (NICs, disks, …); empty for a lone <interface>. */
export function domainDevices(model: DomainModel): XmlElement[] {
  if (model.kind !== 'libvirt-domain') return [];
  return child(model.root, 'devices')?.children ?? [];
}
