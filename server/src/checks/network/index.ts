import type { Check } from '../check';
import { bridgeNameTooLongCheck } from './bridgeNameTooLong';
import { dhcpHostDuplicateCheck } from './dhcpHostDuplicate';
import { dhcpHostIdentityCheck } from './dhcpHostIdentity';
import { dhcpHostInRangeCheck } from './dhcpHostInRange';
import { dhcpHostMacMulticastCheck } from './dhcpHostMacMulticast';
import { dhcpHostNameCheck } from './dhcpHostName';
import { dhcpHostOutsideSubnetCheck } from './dhcpHostOutsideSubnet';
import { dhcpLeaseTooShortCheck } from './dhcpLeaseTooShort';
import { dhcpMultipleIpCheck } from './dhcpMultipleIp';
import { dhcpRangeFamilyCheck } from './dhcpRangeFamily';
import { dhcpRangeIncludesHostIpCheck } from './dhcpRangeIncludesHostIp';
import { dhcpRangeNetworkAddressCheck } from './dhcpRangeNetworkAddress';
import { dhcpRangeOutsideSubnetCheck } from './dhcpRangeOutsideSubnet';
import { dhcpRangeReversedCheck } from './dhcpRangeReversed';
import { dhcpRangeTooLargeCheck } from './dhcpRangeTooLarge';
import { dnsDisabledRecordsCheck } from './dnsDisabledRecords';
import { dnsForwarderCheck } from './dnsForwarder';
import { dnsSrvCheck } from './dnsSrv';
import { ipFamilyCheck } from './ipFamily';
import { ipNetmaskCheck } from './ipNetmask';
import { ipPrefixCheck } from './ipPrefix';
import { routeFamilyCheck } from './routeFamily';
import { routeGatewayUnreachableCheck } from './routeGatewayUnreachable';
import { routeNetworkAddressCheck } from './routeNetworkAddress';
import { tftpIpv6Check } from './tftpIpv6';

/** The network checks, in the order they report. Add one module per check. */
export const networkChecks: Check[] = [
  // <ip> element (libvirt errors)
  ipFamilyCheck,
  ipNetmaskCheck,
  ipPrefixCheck,
  tftpIpv6Check,
  dhcpMultipleIpCheck,
  // DHCP ranges
  dhcpRangeFamilyCheck,
  dhcpRangeOutsideSubnetCheck,
  dhcpRangeNetworkAddressCheck,
  dhcpRangeTooLargeCheck,
  dhcpRangeReversedCheck,
  dhcpLeaseTooShortCheck,
  // DHCP static hosts
  dhcpHostIdentityCheck,
  dhcpHostMacMulticastCheck,
  dhcpHostNameCheck,
  // DNS
  dnsSrvCheck,
  dnsForwarderCheck,
  dnsDisabledRecordsCheck,
  // static routes
  routeFamilyCheck,
  routeNetworkAddressCheck,
  routeGatewayUnreachableCheck,
  // warnings: accepted by libvirt, but wrong in practice
  dhcpRangeIncludesHostIpCheck,
  dhcpHostOutsideSubnetCheck,
  dhcpHostInRangeCheck,
  dhcpHostDuplicateCheck,
  bridgeNameTooLongCheck,
];
