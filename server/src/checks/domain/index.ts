import type { Check } from '../check';
import { bootOrderDuplicate } from './bootOrderDuplicate';
import { bootOrderWithOsBoot } from './bootOrderWithOsBoot';
import { nicBackendPasst } from './nicBackendPasst';
import { nicDriverQueues } from './nicDriverQueues';
import { nicMacMulticast } from './nicMacMulticast';
import { nicPciAddressRange } from './nicPciAddressRange';
import { nicSourceMissing } from './nicSourceMissing';

/** The domain checks, in the order they report. Add one module per check. */
export const domainChecks: Check[] = [
  nicSourceMissing,
  nicMacMulticast,
  nicPciAddressRange,
  nicDriverQueues,
  nicBackendPasst,
  bootOrderWithOsBoot,
  bootOrderDuplicate,
];
