import { rangeProblemCheck } from './util';

/**
 * An IPv4 DHCP range may not start at the subnet's network address nor end at its broadcast address.
 * One problem per range is reported, the first in libvirt's own order
 * (virSocketAddrGetRange), so a range never gets two errors.
 */
export const dhcpRangeNetworkAddressCheck = rangeProblemCheck('libvirt/dhcp-range-network-address', ['network-address', 'broadcast'], 'An IPv4 DHCP range starts at the network address or ends at the broadcast address.');
