/**
 * "Did you mean" fixes: an element or attribute name the schema does not
 * allow, or an enumerated value it does not know, with a close match among
 * the names/values the schema expects at that place.
 */
import type { CodeAction } from 'vscode-languageserver-types';
import { allowedValues, expectedAttributes, expectedChildren } from '../../schema/query';
import { closeMatches } from '../../text/closeMatches';
import { locate, quickFix, renameElement, replace, type FixInput } from './edits';

/** The names listed after "expected …" in a schema message. */
function namesInMessage(message: string): string[] {
  const m = /expected (?:one of: )?(.*)$/.exec(message);
  if (!m) return [];
  return m[1]
    .split(/,\s*|\s+or\s+/)
    .map((s) => s.trim().replace(/^<|>$/g, ''))
    .filter((s) => /^[A-Za-z_][\w.-]*$/.test(s));
}

const MAX_FIXES = 3;

const messageOf = (input: FixInput) => (typeof input.diagnostic.message === 'string' ? input.diagnostic.message : input.diagnostic.message.value);

/** libvirt/unknown-element: rename the element (start and end tag) to a close allowed name. */
export function unknownElementFix(input: FixInput): CodeAction[] {
  const { ctx } = input;
  const at = locate(ctx, input.span);
  if (!at || at.part !== 'name' || !at.el.parent || !ctx.doc.xml || !ctx.doc.kind) return [];
  const expected = expectedChildren(ctx.doc.xml, ctx.doc.kind, at.el.parent, at.el.span.start).map((e) => e.name);
  const names = closeMatches(at.el.name, expected.length ? expected : namesInMessage(messageOf(input)));
  return names.slice(0, MAX_FIXES).map((n, i) => quickFix(input, `Change to <${n}>`, renameElement(at.el, n), i === 0 && names.length === 1));
}

/** libvirt/unknown-attribute: rename the attribute to a close allowed name. */
export function unknownAttributeFix(input: FixInput): CodeAction[] {
  const { ctx } = input;
  const at = locate(ctx, input.span);
  if (!at || at.part !== 'attr-name' || !ctx.doc.xml || !ctx.doc.kind) return [];
  const without = { ...at.el, attributes: at.el.attributes.filter((a) => a !== at.attr) };
  const expected = expectedAttributes(ctx.doc.xml, ctx.doc.kind, without).map((e) => e.name);
  const names = closeMatches(at.attr.name, [...expected, ...namesInMessage(messageOf(input))]).filter(
    (n) => !at.el.attributes.some((a) => a.name === n),
  );
  return names.slice(0, MAX_FIXES).map((n, i) => quickFix(input, `Change to '${n}'`, [replace(at.attr.nameSpan, n)], i === 0 && names.length === 1));
}

/** Common ways of writing a boolean that libvirt spells yes/no or on/off. */
const SYNONYMS: Record<string, string[]> = {
  yes: ['true', '1', 'enable', 'enabled', 'on', 'y'],
  no: ['false', '0', 'disable', 'disabled', 'off', 'n'],
  on: ['true', '1', 'enable', 'enabled', 'yes', 'y'],
  off: ['false', '0', 'disable', 'disabled', 'no', 'n'],
};

/** libvirt/invalid-value on an enumerated attribute: a close or synonymous allowed value. */
export function enumValueFix(input: FixInput): CodeAction[] {
  const { ctx } = input;
  const at = locate(ctx, input.span);
  if (!at || at.part !== 'attr-value' || !ctx.doc.xml || !ctx.doc.kind) return [];
  const allowed = allowedValues(ctx.doc.xml, ctx.doc.kind, at.el, at.attr.name)?.values ?? [];
  if (allowed.length === 0) return [];
  const value = (at.attr.value ?? '').trim();
  const names = closeMatches(value, allowed);
  for (const v of allowed) if (SYNONYMS[v]?.includes(value.toLowerCase()) && !names.includes(v)) names.push(v);
  return names.slice(0, MAX_FIXES).map((n, i) => quickFix(input, `Change to '${n}'`, [replace(input.span, n)], i === 0 && names.length === 1));
}
