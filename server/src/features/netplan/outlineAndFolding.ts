/**
 * Outline of a netplan file: network → device types → definitions (with
 * their addresses, DHCP and members as detail) → routes; version and
 * renderer as properties. Folding by indentation blocks.
 */
import { SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import type { NpMap, NpNode, NpPair } from '../../netplan';
import { toRange, type LineIndex } from '../../parse/lineIndex';
import type { Span } from '../../parse/span';
import type { FeatureContext } from '../context';
import { parsed, TYPE_WORD } from './folder';
import { splitLines } from './yamlContext';

const DEVICE_TYPES = new Set(['ethernets', 'wifis', 'modems', 'bridges', 'bonds', 'vlans', 'vrfs', 'tunnels', 'nm-devices']);

function trimEnd(text: string, span: Span): Span {
  let e = span.end;
  while (e > span.start && /\s/.test(text[e - 1])) e--;
  return { start: span.start, end: e };
}

function scalars(n: NpNode | undefined): string[] {
  if (!n) return [];
  if (n.kind === 'scalar') return n.empty ? [] : [n.value];
  if (n.kind === 'seq') return n.items.flatMap((i) => (i.kind === 'scalar' ? [i.value] : i.kind === 'map' && i.pairs[0] ? [i.pairs[0].key.value] : []));
  return [];
}

const str = (n: NpNode | undefined) => (n && n.kind === 'scalar' && !n.empty ? n.value : undefined);

export function netplanOutline(ctx: FeatureContext): DocumentSymbol[] {
  const text = ctx.doc.text;
  const li = ctx.doc.lineIndex;
  const root = parsed(text).root;
  if (!root || root.kind !== 'map') return [];
  const sym = (name: string, kind: SymbolKind, pair: NpPair, detail?: string, children?: DocumentSymbol[]): DocumentSymbol => {
    const range = trimEnd(text, { start: pair.key.span.start, end: Math.max(pair.key.span.end, pair.value.span.end) });
    const s: DocumentSymbol = { name: name || '(unnamed)', kind, range: toRange(li, range), selectionRange: toRange(li, pair.key.span) };
    if (detail) s.detail = detail;
    if (children?.length) s.children = children;
    return s;
  };
  const out: DocumentSymbol[] = [];
  for (const top of root.pairs) {
    if (top.key.value !== 'network' || top.value.kind !== 'map') {
      out.push(sym(top.key.value, SymbolKind.Property, top));
      continue;
    }
    const kids: DocumentSymbol[] = [];
    for (const p of top.value.pairs) {
      if (DEVICE_TYPES.has(p.key.value) && p.value.kind === 'map') {
        const defs = p.value.pairs.map((d) => (d.key.value === 'renderer' ? sym('renderer', SymbolKind.Property, d, str(d.value)) : definition(sym, p.key.value, d)));
        kids.push(sym(p.key.value, SymbolKind.Namespace, p, `${defs.length} ${TYPE_WORD[p.key.value] ?? p.key.value}${defs.length === 1 ? '' : 's'}`, defs));
      } else kids.push(sym(p.key.value, SymbolKind.Property, p, str(p.value)));
    }
    out.push(sym('network', SymbolKind.Module, top, undefined, kids));
  }
  return out;
}

type Sym = (name: string, kind: SymbolKind, pair: NpPair, detail?: string, children?: DocumentSymbol[]) => DocumentSymbol;

function definition(sym: Sym, type: string, d: NpPair): DocumentSymbol {
  if (d.value.kind !== 'map') return sym(d.key.value, SymbolKind.Interface, d);
  const m: NpMap = d.value;
  const detail: string[] = [];
  const addrs = scalars(m.get('addresses')?.value);
  if (addrs.length) detail.push(addrs.join(', '));
  for (const k of ['dhcp4', 'dhcp6']) if (/^(true|yes|on|y)$/i.test(str(m.get(k)?.value) ?? '')) detail.push(k);
  const members = scalars(m.get('interfaces')?.value);
  if (members.length) detail.push(`${type === 'bonds' ? 'bond of' : 'ports'} ${members.join(', ')}`);
  const id = str(m.get('id')?.value);
  const link = str(m.get('link')?.value);
  if (id || link) detail.push(`vlan ${id ?? '?'} on ${link ?? '?'}`);
  if (!detail.length) detail.push(TYPE_WORD[type] ?? type);
  const kids: DocumentSymbol[] = [];
  const routes = m.get('routes');
  if (routes && routes.value.kind === 'seq') {
    const rs = routes.value.items.flatMap((r, i) => {
      if (r.kind !== 'map') return [];
      const to = str(r.get('to')?.value) ?? '?';
      const via = str(r.get('via')?.value);
      const first = r.pairs[0];
      if (!first) return [];
      const pair: NpPair = { key: { ...first.key, span: first.key.span }, value: r };
      return [sym(`${to}${via ? ` via ${via}` : ''}`, SymbolKind.Event, pair, `route ${i + 1}`)];
    });
    kids.push(sym('routes', SymbolKind.Array, routes, `${rs.length} route${rs.length === 1 ? '' : 's'}`, rs));
  }
  return sym(d.key.value, SymbolKind.Interface, d, detail.join(' · '), kids);
}

/** Folding by indentation: a line folds over the following lines indented deeper (a key's list at its own column included). */
export function yamlFolding(text: string, li: LineIndex): FoldingRange[] {
  const lines = splitLines(text);
  const out: FoldingRange[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.blank) continue;
    const opensList = l.dash === undefined && l.key !== undefined && l.colonEnd !== undefined && l.text.slice(l.colonEnd).trim() === '';
    const base = l.dash !== undefined ? l.dash : l.indent;
    let last = i;
    for (let j = i + 1; j < lines.length; j++) {
      const m = lines[j];
      if (m.blank) continue;
      if (m.indent > base || (opensList && m.indent === base && m.dash !== undefined)) last = j;
      else break;
    }
    if (last > i) out.push({ startLine: li.positionAt(l.start).line, endLine: li.positionAt(lines[last].start).line });
  }
  return out;
}

export function netplanFolding(ctx: FeatureContext): FoldingRange[] {
  return yamlFolding(ctx.doc.text, ctx.doc.lineIndex);
}
