import type { Check } from '../check';

/** The domain checks, in the order they report. Add one module per check. */
export const domainChecks: Check[] = [];
