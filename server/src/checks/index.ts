/**
 * The registry: every check, in reporting order. Each group keeps its own
 * list so that one module per check stays the unit of change.
 */
import type { Check } from './check';
import { domainChecks } from './domain';
import { forwardChecks } from './forward';
import { networkChecks } from './network';
import { schemaChecks } from './schema';
import { workspaceChecks } from './workspace';

export const allChecks: readonly Check[] = [...schemaChecks, ...forwardChecks, ...networkChecks, ...domainChecks, ...workspaceChecks];
