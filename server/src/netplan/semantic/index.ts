/** The netplan semantic checks, in reporting order. */
import type { NetplanCheck } from './model';
import { undefinedInterface, interfaceInTwoMasters } from './members';
import { invalidAddress } from './addresses';
import { invalidRoute } from './routes';
import { vlanDefinition, tunnelDefinition, setNameWithoutMatch, vrfTable, wifiAccessPoints } from './definitions';
import { nameTooLong, gatewayDeprecated, conflictingDefaultRoutes, bridgeMemberHasAddress, duplicateAddress, viaOutsideSubnets, duplicateMac } from './warnings';

export const netplanChecks: readonly NetplanCheck[] = [
  invalidAddress,
  invalidRoute,
  vlanDefinition,
  tunnelDefinition,
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
