/** The known crashes of netplan 0.106's generator, one module each (found by scripts/netplan-fuzz.ts and by reading its source). */
import type { GeneratorCrash } from './types';
import { vrfRoutesWithoutPolicy } from './vrfRoutesWithoutPolicy';
import { nmDeviceOnNetworkd } from './nmDeviceOnNetworkd';
import { emptyAddressMapping } from './emptyAddressMapping';
import { gatewayRedefined } from './gatewayRedefined';
import { defaultRouteWithoutFamily } from './defaultRouteWithoutFamily';

export type { GeneratorCrash } from './types';
export const generatorCrashes: readonly GeneratorCrash[] = [emptyAddressMapping, gatewayRedefined, vrfRoutesWithoutPolicy, nmDeviceOnNetworkd, defaultRouteWithoutFamily];
