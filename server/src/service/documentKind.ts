import { attr, type XmlElement } from '../parse/xml';
import type { LibvirtKind } from './types';

/**
 * Domain <interface type='…'> values that host interface XML never uses.
 * Host interfaces are ethernet, bridge, bond and vlan, and always carry a
 * `name` attribute on the root; domain NICs never do.
 */
export function kindOfRoot(root: XmlElement | undefined): LibvirtKind | undefined {
  if (!root) return undefined;
  switch (root.name) {
    case 'network':
      return 'libvirt-network';
    case 'domain':
      return 'libvirt-domain';
    case 'interface':
      return attr(root, 'name') ? 'libvirt-host-interface' : 'libvirt-domain-interface';
    default:
      return undefined;
  }
}

/**
 * Cheap test on raw text, for deciding whether a file on disk is worth
 * indexing: the first element (after the prolog and comments) is one of ours.
 */
export function looksLikeLibvirtXml(text: string): boolean {
  const m = /^(?:\ufeff)?\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(network|domain|interface)[\s>/]/.exec(text.slice(0, 65536));
  return m !== null;
}
