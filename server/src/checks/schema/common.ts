import { schemaProblems, schemaProblemsInSteps, type SchemaCode } from '../../schema';
import type { Check } from '../check';

/**
 * A check that reports one code of the schema validation. The validation
 * runs once per parsed document (cached in schema/index.ts) and each of the
 * five checks takes its own problems from it (in steps, `steps`, when the
 * service slices a large document's diagnostics).
 */
export function schemaCheck(id: SchemaCode, description: string): Check {
  return {
    id,
    defaultSeverity: 'error',
    description,
    generic: true,
    appliesTo: ['libvirt-network', 'libvirt-host-interface', 'libvirt-domain', 'libvirt-domain-interface'],
    run: (ctx) => schemaProblems(ctx.xml, ctx.kind).filter((p) => p.code === id),
    *steps(ctx) {
      return (yield* schemaProblemsInSteps(ctx.xml, ctx.kind)).filter((p) => p.code === id);
    },
  };
}
