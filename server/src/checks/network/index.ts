import type { Check } from '../check';

/** The network checks, in the order they report. Add one module per check. */
export const networkChecks: Check[] = [];
