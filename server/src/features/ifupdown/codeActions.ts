/**
 * Quick fixes for interfaces diagnostics:
 * - ifupdown/bridge-port-has-address: the port's stanza becomes
 *   `inet manual` (or `inet6 manual`) and its address lines (address,
 *   netmask, gateway, broadcast, network, …) are dropped; the address
 *   belongs on the bridge, which the user configures themselves;
 * - ifupdown/bridge-port-undeclared: the port becomes one of the close
 *   declared names the message suggests ("did you mean 'a' or 'b'?",
 *   closeMatches' distance in server/src/text).
 */
import type { CodeAction } from 'vscode-languageserver-types';
import { quickFix, replace, type Edit, type FixInput, type FixProvider } from '../codeActions/edits';
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

/** The names a "did you mean 'a' or 'b'?" message suggests. */
function suggested(message: string): string[] {
  const m = /did you mean ([^?]+)\?/i.exec(message);
  return m ? [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]) : [];
}

function portSpellingFix(input: FixInput): CodeAction[] {
  const names = suggested(typeof input.diagnostic.message === 'string' ? input.diagnostic.message : input.diagnostic.message.value);
  return names.map((n) => quickFix(input, `Change to '${n}'`, [replace(input.span, n)], names.length === 1));
}

/** Diagnostic code → fix providers (dispatched by features/codeActions/index.ts). */
export const ifupdownFixes: Readonly<Record<string, readonly FixProvider[]>> = {
  'ifupdown/bridge-port-has-address': [portManualFix],
  'ifupdown/bridge-port-undeclared': [portSpellingFix],
};
