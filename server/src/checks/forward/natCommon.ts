/** Helpers of the <nat> checks: the <nat> element, and IPv4 text as glibc reads it. */
import { child, type XmlElement } from '../../parse/xml';
import type { NetworkModel } from '../../model/libvirt';

export function natOf(net: NetworkModel | undefined): XmlElement | undefined {
  return net?.forward && child(net.forward, 'nat');
}

/** What glibc's numeric IPv4 parser (inet_aton forms) accepts: 1 to 4 dot-separated decimal, octal or hex numbers. */
export function looksLikeIpv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length >= 1 && parts.length <= 4 && parts.every((p) => /^(0x[0-9a-f]+|\d+)$/i.test(p));
}
