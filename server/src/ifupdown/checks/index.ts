/** The interfaces-file checks, in reporting order. */
import type { IfupdownCheck } from './check';
import { ifaceLineCheck } from './ifaceLine';
import { unknownFamilyCheck } from './unknownFamily';
import { unknownMethodCheck } from './unknownMethod';
import { optionOutsideIfaceCheck } from './optionOutsideIface';
import { emptyOptionCheck } from './emptyOption';
import { invalidAddressCheck } from './invalidAddress';
import { invalidNetmaskCheck } from './invalidNetmask';
import { gatewayOutsideSubnetCheck } from './gatewayOutsideSubnet';
import { networkBroadcastMismatchCheck } from './networkBroadcastMismatch';
import { staticWithoutAddressCheck } from './staticWithoutAddress';
import { duplicateIfaceCheck } from './duplicateIface';
import { bridgePortUndeclaredCheck } from './bridgePortUndeclared';
import { bridgePortHasAddressCheck } from './bridgePortHasAddress';
import { bridgePortSharedCheck } from './bridgePortShared';
import { bridgeStpValueCheck } from './bridgeStpValue';
import { bridgeNumericValueCheck } from './bridgeNumericValue';
import { duplicateAddressCheck } from './duplicateAddress';
import { secondDefaultGatewayCheck } from './secondDefaultGateway';
import { autoWithoutIfaceCheck } from './autoWithoutIface';
import { dialectUnsupportedCheck } from './dialectUnsupported';
import { repeatedOptionCheck } from './repeatedOption';
import { vlanIdRangeCheck } from './vlanIdRange';
import { bondModeValueCheck } from './bondModeValue';

export const ifupdownChecks: readonly IfupdownCheck[] = [
  ifaceLineCheck,
  unknownFamilyCheck,
  unknownMethodCheck,
  dialectUnsupportedCheck,
  optionOutsideIfaceCheck,
  emptyOptionCheck,
  repeatedOptionCheck,
  invalidAddressCheck,
  invalidNetmaskCheck,
  gatewayOutsideSubnetCheck,
  networkBroadcastMismatchCheck,
  staticWithoutAddressCheck,
  duplicateIfaceCheck,
  bridgePortUndeclaredCheck,
  bridgePortHasAddressCheck,
  bridgePortSharedCheck,
  bridgeStpValueCheck,
  bridgeNumericValueCheck,
  vlanIdRangeCheck,
  bondModeValueCheck,
  duplicateAddressCheck,
  secondDefaultGatewayCheck,
  autoWithoutIfaceCheck,
];
