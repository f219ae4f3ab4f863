/**
 * Outline of an interfaces file: one symbol per stanza — `iface NAME` with
 * its family, method and a summary of its options (address/prefix,
 * gateway, bridge ports) as detail and the bridge's ports as children;
 * auto/allow lines, source lines and mappings. Folding by stanza, and
 * runs of comment lines.
 */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import { stanzaAddresses } from '../../ifupdown';
import { option } from '../../ifupdown/parse';
import { bridgePortsOf } from '../../ifupdown/model';
import { formatAddr } from '../../net/ip';
import { toRange } from '../../parse/lineIndex';
import type { Span } from '../../parse/span';
import type { FeatureContext } from '../context';
import { model } from './folder';

export function ifupdownOutline(ctx: FeatureContext): DocumentSymbol[] {
  const li = ctx.doc.lineIndex;
  const sym = (name: string, kind: SymbolKind, range: Span, sel: Span, detail?: string, children?: DocumentSymbol[]): DocumentSymbol => {
    const s: DocumentSymbol = { name: name || '(unnamed)', kind, range: toRange(li, range), selectionRange: toRange(li, sel) };
    if (detail) s.detail = detail;
    if (children?.length) s.children = children;
    return s;
  };
  const out: DocumentSymbol[] = [];
  for (const st of model(ctx.doc.text).stanzas) {
    switch (st.kind) {
      case 'iface': {
        const detail: string[] = [[st.family?.text, st.method?.text].filter(Boolean).join(' ')];
        for (const a of stanzaAddresses(st)) detail.push(`${formatAddr(a.addr)}/${a.prefix}`);
        const gw = option(st, 'gateway');
        if (gw?.value) detail.push(`gateway ${gw.value}`);
        const kids: DocumentSymbol[] = [];
        const bp = option(st, 'bridge_ports');
        if (bp) {
          const { ports } = bridgePortsOf(bp);
          detail.push(ports.length ? `ports ${ports.map((p) => p.text).join(' ')}` : `ports ${bp.value || 'none'}`);
          for (const p of ports) kids.push(sym(p.text, SymbolKind.Field, p.span, p.span, 'bridge port'));
        }
        const sel = st.name?.span ?? st.keyword.span;
        out.push(sym(st.name?.text ?? 'iface', bp ? SymbolKind.Struct : SymbolKind.Interface, st.span, sel, detail.filter(Boolean).join(' · '), kids));
        break;
      }
      case 'auto':
      case 'allow':
      case 'no-auto-down':
      case 'no-scripts':
        out.push(sym(`${st.keyword.text} ${st.names.map((n) => n.text).join(' ')}`.trim(), SymbolKind.Event, st.span, st.keyword.span));
        break;
      case 'source':
      case 'source-directory':
        out.push(sym(`${st.keyword.text} ${st.paths.map((n) => n.text).join(' ')}`.trim(), SymbolKind.File, st.span, st.keyword.span));
        break;
      case 'mapping':
        out.push(sym(`mapping ${st.patterns.map((n) => n.text).join(' ')}`.trim(), SymbolKind.Function, st.span, st.keyword.span));
        break;
      default:
        out.push(sym(st.keyword.text, SymbolKind.Key, st.span, st.keyword.span));
    }
  }
  return out;
}

export function ifupdownFolding(ctx: FeatureContext): FoldingRange[] {
  const li = ctx.doc.lineIndex;
  const m = model(ctx.doc.text);
  const out: FoldingRange[] = [];
  for (const st of m.stanzas) {
    const startLine = li.positionAt(st.span.start).line;
    const endLine = li.positionAt(st.span.end).line;
    if (endLine > startLine) out.push({ startLine, endLine });
  }
  // Runs of two or more comment lines.
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (run && run.end > run.start) out.push({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
    run = undefined;
  };
  for (const c of m.comments) {
    const line = li.positionAt(c.start).line;
    if (run && line === run.end + 1) run.end = line;
    else {
      flush();
      run = { start: line, end: line };
    }
  }
  flush();
  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return out;
}
