import { rangeProblemCheck } from './util';

/**
 * A DHCP range whose start and end are of different families, or not of its <ip>'s family.
 * One problem per range is reported, the first in libvirt's own order
 * (virSocketAddrGetRange), so a range never gets two errors.
 */
export const dhcpRangeFamilyCheck = rangeProblemCheck('libvirt/dhcp-range-family', ['family'], 'A DHCP range mixes IPv4 and IPv6, or is of another family than its <ip>.');
