import type { Check } from '../check';

/** The schema checks, in the order they report. Add one module per check. */
export const schemaChecks: Check[] = [];
