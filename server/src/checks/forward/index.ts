import type { Check } from '../check';
import { bridgeMacMulticast } from './bridgeMacMulticast';
import { bridgeOptionsMode } from './bridgeOptionsMode';
import { bridgeOrForwardDev } from './bridgeOrForwardDev';
import { elementUnsupportedInMode } from './elementUnsupportedInMode';
import { forwardDeviceDuplicate } from './forwardDeviceDuplicate';
import { forwardDeviceKind } from './forwardDeviceKind';
import { forwardDevMismatch } from './forwardDevMismatch';
import { forwardDevOpen } from './forwardDevOpen';
import { forwardDevWithAddressOrPf } from './forwardDevWithAddressOrPf';
import { forwardMultipleInterfaces } from './forwardMultipleInterfaces';
import { forwardNeedsIp } from './forwardNeedsIp';
import { forwardPfMultiple } from './forwardPfMultiple';
import { forwardPoolMixed } from './forwardPoolMixed';
import { mtuForwardMode } from './mtuForwardMode';
import { natAddressRange } from './natAddressRange';
import { natElementRepeated } from './natElementRepeated';
import { natNotNatMode } from './natNotNatMode';
import { natPortRange } from './natPortRange';
import { networkNameEmpty } from './networkNameEmpty';
import { networkNameInvalidChar } from './networkNameInvalidChar';
import { portgroupDuplicateName } from './portgroupDuplicateName';
import { portgroupMultipleDefault } from './portgroupMultipleDefault';
import { vlanNotSupported } from './vlanNotSupported';

/** Identity, forward-mode, bridge, DNS and portgroup checks of network XML, in reporting order. Add one module per check. */
export const forwardChecks: Check[] = [
  networkNameEmpty,
  networkNameInvalidChar,
  bridgeMacMulticast,
  forwardNeedsIp,
  forwardMultipleInterfaces,
  forwardDevOpen,
  bridgeOptionsMode,
  bridgeOrForwardDev,
  mtuForwardMode,
  elementUnsupportedInMode,
  natNotNatMode,
  natElementRepeated,
  natAddressRange,
  natPortRange,
  forwardDevWithAddressOrPf,
  forwardDevMismatch,
  forwardDeviceDuplicate,
  forwardPfMultiple,
  forwardPoolMixed,
  forwardDeviceKind,
  portgroupMultipleDefault,
  portgroupDuplicateName,
  vlanNotSupported,
];
