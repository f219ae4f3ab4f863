import type { Check } from '../check';
import { duplicateBridgeName } from './duplicateBridgeName';
import { duplicateMac } from './duplicateMac';
import { duplicateNetworkName } from './duplicateNetworkName';
import { duplicateNetworkUuid } from './duplicateNetworkUuid';
import { overlappingSubnets } from './overlappingSubnets';
import { unknownSourceNetwork } from './unknownSourceNetwork';
import { missingBridge } from './missingBridge';
import { hostMissingBridge } from './hostMissingBridge';
import { subnetUsedByHost } from './subnetUsedByHost';

/** Cross-file checks over the workspace index, in reporting order. */
export const workspaceChecks: Check[] = [duplicateNetworkUuid, duplicateNetworkName, duplicateBridgeName, duplicateMac, overlappingSubnets, unknownSourceNetwork, missingBridge, hostMissingBridge, subnetUsedByHost];
