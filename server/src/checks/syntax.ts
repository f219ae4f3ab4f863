import type { Check } from './check';

/**
 * XML well-formedness, at the position of each error. The parser finds
 * them; this check only reports them. Off in the editor when another XML
 * extension already reports syntax errors (setting `reportSyntaxErrors`).
 */
export const syntaxCheck: Check = {
  id: 'xml/syntax',
  defaultSeverity: 'error',
  description: 'The file is not well-formed XML (unclosed tags, bad quoting, unknown entities…).',
  appliesTo: ['libvirt-network', 'libvirt-host-interface', 'libvirt-domain', 'libvirt-domain-interface'],
  run: (ctx) => ctx.xml.errors.map((e) => ({ code: 'xml/syntax', span: e.span, message: e.message })),
};
