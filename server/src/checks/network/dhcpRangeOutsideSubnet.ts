import { rangeProblemCheck } from './util';

/**
 * A DHCP range must lie entirely inside the subnet of its <ip> block.
 * One problem per range is reported, the first in libvirt's own order
 * (virSocketAddrGetRange), so a range never gets two errors.
 */
export const dhcpRangeOutsideSubnetCheck = rangeProblemCheck('libvirt/dhcp-range-outside-subnet', ['outside'], 'A DHCP range is not entirely inside the subnet of its <ip>.');
