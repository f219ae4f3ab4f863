import type { Check } from '../check';

/** The workspace checks, in the order they report. Add one module per check. */
export const workspaceChecks: Check[] = [];
