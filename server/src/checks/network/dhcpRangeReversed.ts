import { rangeProblemCheck } from './util';

/**
 * A DHCP range's end must not be lower than its start.
 * One problem per range is reported, the first in libvirt's own order
 * (virSocketAddrGetRange), so a range never gets two errors.
 */
export const dhcpRangeReversedCheck = rangeProblemCheck('libvirt/dhcp-range-reversed', ['reversed'], 'A DHCP range whose end is lower than its start.');
