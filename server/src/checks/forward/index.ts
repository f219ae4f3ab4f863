import type { Check } from '../check';

/** Identity, forward-mode, bridge, DNS and portgroup checks of network XML, in reporting order. Add one module per check. */
export const forwardChecks: Check[] = [];
