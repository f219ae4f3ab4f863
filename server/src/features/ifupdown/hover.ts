/**
 * Hover in /etc/network/interfaces: stanza keywords, address families,
 * methods (with the options they need) and option names, from
 * vocabulary.ts; an interface name (in an iface, auto or bridge_ports line)
 * shows what the folder says about it.
 */
import type { Hover } from 'vscode-languageserver-types';
import { hostAddresses } from '../../ifupdown';
import { optionKey, type Token } from '../../ifupdown/parse';
import { CLASSIC_ONLY_FAMILIES, FAMILIES, OPTIONS, isFamily, methodOf, methodsOf } from '../../ifupdown/vocabulary';
import { formatAddr } from '../../net/ip';
import { toRange } from '../../parse/lineIndex';
import type { FeatureContext } from '../context';
import { KEYWORDS } from './completion';
import { folderFiles, model, nameFacts } from './folder';

const on = (t: Token | undefined, o: number): boolean => !!t && o >= t.span.start && o <= t.span.end;

function interfaceLines(ctx: FeatureContext, name: string): string[] {
  const files = folderFiles(ctx);
  const facts = nameFacts(files);
  const lines = [`**${name}** — interface`];
  const stanzas = files.flatMap((f) => f.model.ifaces.filter((s) => s.name?.text === name).map((s) => ({ f, s })));
  for (const { f, s } of stanzas) {
    const where = f.uri === ctx.doc.uri ? `line ${s.line + 1}` : `${f.uri.slice(f.uri.lastIndexOf('/') + 1)} line ${s.line + 1}`;
    lines.push(`\`iface ${name} ${s.family?.text ?? ''} ${s.method?.text ?? ''}\` (${where})`);
  }
  if (!stanzas.length) lines.push('No `iface` stanza for it in this folder.');
  const addrs = files.flatMap((f) => hostAddresses(f.model)).filter((a) => a.name === name);
  if (addrs.length) lines.push(`Addresses: ${addrs.map((a) => `\`${formatAddr(a.addr)}/${a.prefix}\``).join(', ')}.`);
  if (facts.bridges.has(name)) {
    const ports = [...facts.portOf].filter(([, b]) => b === name).map(([p]) => `\`${p}\``);
    lines.push(`A bridge${ports.length ? ` with ports ${ports.join(', ')}` : ''}.`);
  }
  const bridge = facts.portOf.get(name);
  if (bridge) lines.push(`Port of bridge \`${bridge}\`.`);
  lines.push(facts.listed.has(name) ? 'Brought up at boot (auto/allow line).' : 'On no auto or allow- line: not brought up at boot.');
  return lines;
}

export function ifupdownHover(ctx: FeatureContext, offset: number): Hover | null {
  const m = model(ctx.doc.text);
  const answer = (t: Token, lines: string[]): Hover => ({ contents: { kind: 'markdown', value: lines.join('\n\n') }, range: toRange(ctx.doc.lineIndex, t.span) });
  for (const st of m.stanzas) {
    if (offset < st.span.start || offset > st.span.end) continue;
    if (on(st.keyword, offset)) {
      const word = st.keyword.text;
      const k = KEYWORDS.find((x) => x.name === word) ?? (word.startsWith('allow-') ? { description: `Bring these interfaces up with \`ifup --allow=${word.slice(6)}\`.` } : undefined);
      return k ? answer(st.keyword, [`**${word}**`, k.description]) : null;
    }
    if (st.kind === 'iface') {
      if (st.name && on(st.name, offset)) return answer(st.name, interfaceLines(ctx, st.name.text));
      if (st.family && on(st.family, offset)) {
        const f = st.family.text;
        if (!isFamily(f)) return answer(st.family, [`**${f}**`, `Not an address family ifupdown knows (inet, inet6, ipx, can; ifupdown2: inet, inet6).`]);
        const lines = [`**${f}** — ${FAMILIES[f]}`];
        if (CLASSIC_ONLY_FAMILIES.has(f)) lines.push('Classic ifupdown only; ifupdown2 does not know this family.');
        const list = (d: 'ifupdown' | 'ifupdown2') => methodsOf(f, d).map((x) => `\`${x.name}\``).join(', ');
        lines.push(`Methods: ${list('ifupdown')} (ifupdown); ${list('ifupdown2') || 'none'} (ifupdown2).`);
        return answer(st.family, lines);
      }
      if (st.method && on(st.method, offset)) {
        const meth = methodOf(st.family?.text ?? '', st.method.text);
        if (!meth) return answer(st.method, [`**${st.method.text}**`, `Not a method of the ${st.family?.text ?? '?'} family.`]);
        const lines = [`**${meth.name}** (${st.family!.text})`, meth.description];
        if (meth.required) lines.push(`Needs: ${meth.required.map((r) => `\`${r}\``).join(', ')}.`);
        if (meth.only) lines.push(meth.only === 'ifupdown2' ? 'ifupdown2 only; classic ifupdown does not know this method.' : 'Classic ifupdown only; ifupdown2 does not know this method.');
        return answer(st.method, lines);
      }
    }
    if (st.kind === 'auto' || st.kind === 'allow' || st.kind === 'no-auto-down' || st.kind === 'no-scripts') {
      const n = st.names.find((t) => on(t, offset));
      if (n) return answer(n, interfaceLines(ctx, n.text));
    }
    if (st.kind === 'iface' || st.kind === 'mapping') {
      for (const o of st.options) {
        if (on(o.name, offset)) {
          const info = OPTIONS.find((x) => optionKey(x.name) === o.key);
          if (!info) return answer(o.name, [`**${o.name.text}**`, 'An option VirtNet has no description for (ifupdown hands it to hook scripts as an environment variable).']);
          const lines = [`**${info.name}**${info.from ? ` (${info.from})` : ''}`, info.description];
          if (info.values) lines.push(`Values: ${info.values.map((v) => `\`${v}\``).join(', ')}.`);
          return answer(o.name, lines);
        }
        if (o.key === 'bridge_ports') {
          const p = o.values.find((t) => on(t, offset));
          if (p && !['none', 'all', 'regex', 'noregex', 'glob'].includes(p.text)) return answer(p, interfaceLines(ctx, p.text));
        }
      }
    }
  }
  return null;
}
