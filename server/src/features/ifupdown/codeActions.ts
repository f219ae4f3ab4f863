/**
 * Quick fixes for interfaces diagnostics:
 * - ifupdown/bridge-port-has-address: the port's stanza becomes
 *   `inet manual` (or `inet6 manual`) and its address lines (address,
 *   netmask, gateway, broadcast, network, …) are dropped; the address
 *   belongs on the bridge, which the user configures themselves.
 */
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { Span } from '../../parse/span';
import type { FeatureContext } from '../context';
import { quickFix, replace, type Edit, type FixInput } from '../codeActions/edits';
import { model } from './folder';

const ADDRESS_OPTIONS = new Set(['address', 'netmask', 'gateway', 'broadcast', 'network', 'pointopoint', 'metric', 'scope', 'hostname']);

function portManualFix(input: FixInput): CodeAction[] {
  const text = input.ctx.doc.text;
  const st = model(text).ifaces.find((s) => s.method && s.method.span.start === input.span.start);
  if (!st || !st.method || !st.name) return [];
  const edits: Edit[] = [replace(st.method.span, 'manual')];
  for (const o of st.options) {
    if (!ADDRESS_OPTIONS.has(o.key)) continue;
    const start = text.lastIndexOf('\n', o.span.start - 1) + 1;
    const nl = text.indexOf('\n', o.span.end);
    edits.push(replace({ start, end: nl < 0 ? text.length : nl + 1 }, ''));
  }
  return [quickFix(input, `Make ${st.name.text} '${st.family?.text ?? 'inet'} manual' without an address of its own`, edits, true)];
}

const FIXES: Record<string, (input: FixInput) => CodeAction[]> = {
  'ifupdown/bridge-port-has-address': portManualFix,
};

const overlaps = (a: Span, b: Span) => a.start <= b.end && b.start <= a.end;

export function ifupdownCodeActions(ctx: FeatureContext, range: Span, diagnostics: Diagnostic[]): CodeAction[] {
  const li = ctx.doc.lineIndex;
  const spanOf = (d: Diagnostic): Span => ({ start: li.offsetAt(d.range.start), end: li.offsetAt(d.range.end) });
  const list = diagnostics.length ? diagnostics : ctx.diagnostics(ctx.doc.uri).filter((d) => overlaps(spanOf(d), range));
  const out: CodeAction[] = [];
  for (const diagnostic of list) {
    const fix = FIXES[String(diagnostic.code ?? '')];
    if (!fix || (diagnostic.source !== undefined && diagnostic.source !== 'virtnet')) continue;
    try {
      out.push(...fix({ ctx, diagnostic, span: spanOf(diagnostic) }));
    } catch {
      // a broken fix must not hide the others
    }
  }
  return out;
}
