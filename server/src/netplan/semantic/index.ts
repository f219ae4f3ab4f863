/** The netplan semantic checks, in reporting order. */
import type { NetplanCheck } from './model';
import { undefinedInterface, interfaceInTwoMasters } from './members';
import { invalidAddress } from './addresses';
import { invalidRoute } from './routes';
import { vlanDefinition, tunnelDefinition, setNameWithoutMatch, vrfTable, wifiAccessPoints } from './definitions';
import { wireguard } from './wireguard';
import { tunnelBackend } from './tunnelBackend';
import { openvswitch } from './openvswitch';
import { nameTooLong, gatewayDeprecated, conflictingDefaultRoutes, bridgeMemberHasAddress, duplicateAddress, viaOutsideSubnets, duplicateMac } from './warnings';

export const netplanChecks: readonly NetplanCheck[] = [
  invalidAddress,
  invalidRoute,
  vlanDefinition,
  tunnelDefinition,
  wireguard,
  tunnelBackend,
  openvswitch,
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
