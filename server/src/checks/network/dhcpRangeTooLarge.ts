import { rangeProblemCheck } from './util';

/**
 * libvirt requires an IPv4 range's ends to share their first two bytes (an IPv6 range's: all but the last 16 bits).
 * One problem per range is reported, the first in libvirt's own order
 * (virSocketAddrGetRange), so a range never gets two errors.
 */
export const dhcpRangeTooLargeCheck = rangeProblemCheck('libvirt/dhcp-range-too-large', ['too-large'], 'A DHCP range larger than libvirt accepts (ends differ beyond the last 16 bits).');
