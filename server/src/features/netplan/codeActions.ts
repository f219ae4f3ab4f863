/**
 * Quick fixes for netplan diagnostics:
 * - netplan/gateway-deprecated: `gateway4: X` / `gateway6: X` becomes a
 *   default route `- to: default / via: X`, added to the definition's
 *   `routes:` list when it has one (block or flow style), else a new
 *   `routes:` at the key's indentation;
 * - netplan/unknown-key and netplan/undefined-interface with a close
 *   spelling ("Did you mean 'X'?", closeMatches in server/src/text): the key
 *   or the interface ID is replaced.
 * (Booleans spelled yes/no need no fix: netplan reads them.)
 */
import type { CodeAction } from 'vscode-languageserver-types';
import type { NpMap, NpNode, NpPair } from '../../netplan';
import { quickFix, replace, type Edit, type FixInput, type FixProvider } from '../codeActions/edits';
import { parsed } from './folder';

/** The mapping holding the pair whose key starts at `at`. */
function pairAt(node: NpNode | undefined, at: number): { map: NpMap; pair: NpPair } | undefined {
  if (!node || node.kind === 'scalar') return undefined;
  if (node.kind === 'seq') {
    for (const i of node.items) {
      const r = pairAt(i, at);
      if (r) return r;
    }
    return undefined;
  }
  for (const p of node.pairs) {
    if (p.key.span.start === at) return { map: node, pair: p };
    if (p.value.span.start <= at && at <= p.value.span.end) {
      const r = pairAt(p.value, at);
      if (r) return r;
    }
  }
  return undefined;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function lineEndAfter(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

function column(text: string, at: number): number {
  return at - lineStart(text, at);
}

function gatewayFix(input: FixInput): CodeAction[] {
  const { ctx, span } = input;
  const text = ctx.doc.text;
  const found = pairAt(parsed(text).root, span.start);
  if (!found || !/^gateway[46]$/.test(found.pair.key.value)) return [];
  const v = found.pair.value;
  if (v.kind !== 'scalar' || v.empty) return [];
  const via = v.quoted ? JSON.stringify(v.value) : v.value;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // The gateway line, removed with its line break.
  const gStart = lineStart(text, found.pair.key.span.start);
  if (text.slice(gStart, found.pair.key.span.start).trim() !== '') return []; // not alone on its line (flow style)
  let gEnd = lineEndAfter(text, v.span.end);
  gEnd = gEnd < text.length ? gEnd + 1 : gEnd;
  const keyCol = column(text, found.pair.key.span.start);
  const pad = (n: number) => ' '.repeat(n);
  const edits: Edit[] = [];
  const routes = found.map.get('routes');
  if (routes && routes.value.kind === 'seq') {
    const seq = routes.value;
    if (text[seq.span.start] === '[') {
      const inner = text.slice(seq.span.start + 1, seq.span.end - 1).trim();
      edits.push(replace({ start: seq.span.start + 1, end: seq.span.start + 1 }, `{to: default, via: ${via}}${inner ? ', ' : ''}`));
    } else {
      const last = seq.items[seq.items.length - 1];
      const first = seq.items[0];
      if (!last || !first) return [];
      const dashAt = text.lastIndexOf('-', first.span.start);
      const dashCol = column(text, dashAt);
      const itemCol = first.kind === 'map' ? column(text, first.span.start) : dashCol + 2;
      let e = last.span.end;
      while (e > last.span.start && /\s/.test(text[e - 1])) e--;
      let at = lineEndAfter(text, e);
      if (at > 0 && text[at - 1] === '\r') at--;
      edits.push(replace({ start: at, end: at }, `${eol}${pad(dashCol)}-${pad(itemCol - dashCol - 1)}to: default${eol}${pad(itemCol)}via: ${via}`));
    }
    edits.push(replace({ start: gStart, end: gEnd }, ''));
  } else if (routes) {
    return [];
  } else {
    const trailing = gEnd === text.length && !text.endsWith('\n') ? '' : eol;
    edits.push(replace({ start: gStart, end: gEnd }, `${pad(keyCol)}routes:${eol}${pad(keyCol + 2)}- to: default${eol}${pad(keyCol + 4)}via: ${via}${trailing}`));
  }
  return [quickFix(input, `Replace ${found.pair.key.value} with a default route via ${v.value}`, edits, true)];
}

/** The name a "Did you mean 'X'?" message suggests replaces the key or ID (in the same quotes, if it is quoted). */
function spellingFix(input: FixInput): CodeAction[] {
  const m = /Did you mean '([^']+)'\?/.exec(String(input.diagnostic.message));
  if (!m) return [];
  const text = input.ctx.doc.text;
  const q = text[input.span.start];
  const quoted = (q === '"' || q === "'") && input.span.end - input.span.start >= 2 && text[input.span.end - 1] === q;
  return [quickFix(input, `Change to '${m[1]}'`, [replace(input.span, quoted ? `${q}${m[1]}${q}` : m[1])], true)];
}

/** Diagnostic code → fix providers (dispatched by features/codeActions/index.ts). */
export const netplanFixes: Readonly<Record<string, readonly FixProvider[]>> = {
  'netplan/gateway-deprecated': [gatewayFix],
  'netplan/unknown-key': [spellingFix],
  'netplan/undefined-interface': [spellingFix],
};
