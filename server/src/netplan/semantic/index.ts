/** The netplan semantic checks, in reporting order. */
import type { NetplanCheck } from './model';
import { undefinedInterface, interfaceInTwoMasters } from './members';
import { invalidAddress } from './addresses';
import { invalidRoute } from './routes';
import { vlanDefinition, tunnelDefinition, setNameWithoutMatch, vrfTable, wifiAccessPoints } from './definitions';
import { wireguard } from './wireguard';
import { tunnelBackend } from './tunnelBackend';
import { openvswitch } from './openvswitch';
import { dhcpOverridesMismatch } from './dhcpOverrides';
import { wifi } from './wifi';
import { unsupportedByRenderer } from './backendSupport';
import { bridgeBondParameters } from './parameters';
import { matchRules } from './matchRules';
import { ipv6AddressToken } from './ipv6Token';
import { vrfTableMismatch } from './vrfTables';
import { nmDeviceType } from './nmDevices';
import { generatorCrash } from './generatorCrash';
import { nameTooLong, gatewayDeprecated, conflictingDefaultRoutes, bridgeMemberHasAddress, duplicateAddress, viaOutsideSubnets, duplicateMac } from './warnings';

export const netplanChecks: readonly NetplanCheck[] = [
  invalidAddress,
  invalidRoute,
  vlanDefinition,
  tunnelDefinition,
  wireguard,
  tunnelBackend,
  openvswitch,
  bridgeBondParameters,
  matchRules,
  ipv6AddressToken,
  wifi,
  nmDeviceType,
  vrfTableMismatch,
  dhcpOverridesMismatch,
  unsupportedByRenderer,
  generatorCrash,
  vrfTable,
  wifiAccessPoints,
  setNameWithoutMatch,
  undefinedInterface,
  interfaceInTwoMasters,
  nameTooLong,
  gatewayDeprecated,
  conflictingDefaultRoutes,
  bridgeMemberHasAddress,
  duplicateAddress,
  viaOutsideSubnets,
  duplicateMac,
];
