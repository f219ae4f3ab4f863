/**
 * Completion in /etc/network/interfaces, by the words already on the line:
 * - first word, unindented: stanza keywords (auto, iface, allow-hotplug,
 *   source, …);
 * - first word, indented, inside an `iface`/`mapping` stanza: option names
 *   (vocabulary.ts), those the method needs first;
 * - `iface NAME |`: address families; `iface NAME inet |`: its methods;
 *   `iface |`: names listed on auto lines or as bridge ports that have no
 *   stanza yet; `auto |`: names with a stanza not yet on an auto line;
 * - option values: fixed choices (bridge_stp on/off, …) and, for
 *   bridge_ports, the other interfaces of the folder.
 * - an empty file: whole-file templates (templates.ts).
 */
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { FAMILIES, OPTIONS, familiesOf, isFamily, methodOf, methodsOf } from '../../ifupdown/vocabulary';
import { optionKey, type IfaceStanza } from '../../ifupdown/parse';
import { toRange } from '../../parse/lineIndex';
import type { FeatureContext } from '../context';
import { folderDialect, folderFiles, model, nameFacts } from './folder';
import { INTERFACES_TEMPLATES } from './templates';

const Kind = { Keyword: 14, Property: 10, Value: 12, Snippet: 15, EnumMember: 20, Reference: 18 } as const;
const PLAIN = 1;
const SNIPPET = 2;
const AS_IS = 1;
const TRIGGER_SUGGEST = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

export const KEYWORDS: readonly { name: string; description: string; snippet: string }[] = [
  { name: 'auto', description: 'Bring these interfaces up at boot (`ifup -a`).', snippet: 'auto $0' },
  { name: 'iface', description: 'Configure an interface: `iface NAME FAMILY METHOD`, followed by its indented options.', snippet: 'iface ${1:name} ${2|inet,inet6|} ${3|static,manual,dhcp,loopback|}\n    $0' },
  { name: 'allow-hotplug', description: 'Bring these interfaces up when the kernel reports them (udev hotplug), including at boot.', snippet: 'allow-hotplug $0' },
  { name: 'allow-auto', description: 'Same as `auto`.', snippet: 'allow-auto $0' },
  { name: 'source', description: 'Read more stanzas from these files (shell wildcards allowed), e.g. `source /etc/network/interfaces.d/*`.', snippet: 'source ${1:/etc/network/interfaces.d/*}$0' },
  { name: 'source-directory', description: 'Read every file of a directory whose name has only letters, digits, `_` and `-`.', snippet: 'source-directory ${1:/etc/network/interfaces.d}$0' },
  { name: 'mapping', description: 'Choose a logical interface for a physical one with a script (`mapping PATTERN`, then `script` and `map` lines).', snippet: 'mapping ${1:eth0}\n    script ${2:/path/to/script}\n    map $0' },
  { name: 'no-auto-down', description: 'Do not take these interfaces down on `ifdown -a`.', snippet: 'no-auto-down $0' },
  { name: 'no-scripts', description: 'Do not run the if-up.d/if-down.d hook scripts for these interfaces.', snippet: 'no-scripts $0' },
  { name: 'rename', description: 'Rename interfaces: `rename CUR=NEW` (ifupdown 0.8.11 and later).', snippet: 'rename ${1:cur}=${2:new}$0' },
];

/** Options worth listing first for a method. */
const FIRST: Record<string, readonly string[]> = {
  static: ['address', 'netmask', 'gateway', 'bridge_ports', 'dns-nameservers'],
  dhcp: ['hostname', 'bridge_ports'],
  manual: ['up', 'pre-up', 'mtu'],
};

function emptyDoc(text: string): boolean {
  return text.split(/\r?\n/).every((l) => /^\s*(#.*)?$/.test(l));
}

export function ifupdownComplete(ctx: FeatureContext, offset: number): CompletionList {
  const text = ctx.doc.text;
  const li = ctx.doc.lineIndex;
  const items: CompletionItem[] = [];
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, offset);
  const after = /^\S*/.exec(text.slice(offset, lineEnd))![0];
  if (/^\s*#/.test(before)) return { isIncomplete: false, items };
  const partial = /\S*$/.exec(before)![0];
  const range = toRange(li, { start: offset - partial.length, end: offset + after.length });

  if (emptyDoc(text.slice(0, lineStart) + text.slice(lineEnd)) && /^\S*$/.test(before)) {
    const whole = toRange(li, { start: lineStart, end: lineEnd });
    for (const t of INTERFACES_TEMPLATES) {
      items.push({ label: t.label, kind: Kind.Snippet, detail: 'interfaces configuration', documentation: { kind: 'markdown', value: t.description }, filterText: t.prefix, insertTextFormat: SNIPPET, insertTextMode: AS_IS, textEdit: { range: whole, newText: t.body } });
    }
  }

  const words = before.trim().split(/\s+/).filter(Boolean);
  const typingFirst = /^\s*\S*$/.test(before);
  const indented = /^\s/.test(before);
  if (typingFirst && !indented) {
    for (const k of KEYWORDS) items.push({ label: k.name, kind: Kind.Keyword, documentation: { kind: 'markdown', value: k.description }, insertTextFormat: SNIPPET, textEdit: { range, newText: k.snippet }, command: k.name === 'iface' ? undefined : TRIGGER_SUGGEST });
    return { isIncomplete: false, items };
  }
  const m = model(text);
  const stanza = [...m.stanzas].reverse().find((s) => s.span.start < lineStart || (s.headerSpan.start >= lineStart && s.headerSpan.start <= offset));
  if (typingFirst && indented) {
    if (!stanza || (stanza.kind !== 'iface' && stanza.kind !== 'mapping')) return { isIncomplete: false, items };
    if (stanza.kind === 'mapping') {
      for (const w of ['script', 'map']) items.push({ label: w, kind: Kind.Property, insertTextFormat: PLAIN, textEdit: { range, newText: `${w} ` } });
      return { isIncomplete: false, items };
    }
    const method = stanza.method?.text ?? '';
    const first = FIRST[method] ?? [];
    const required = methodOf(stanza.family?.text ?? '', method)?.required ?? [];
    const present = new Set(stanza.options.filter((o) => o.span.start < lineStart || o.span.start > lineEnd).map((o) => o.key));
    const repeatable = new Set(['address', 'up', 'down', 'pre_up', 'post_up', 'pre_down', 'post_down']);
    for (const o of OPTIONS) {
      if (present.has(optionKey(o.name)) && !repeatable.has(optionKey(o.name))) continue;
      const rank = required.includes(o.name) ? 0 : first.includes(o.name) ? 1 : 2;
      const hasValues = !!o.values || o.name === 'bridge_ports';
      items.push({
        label: o.name,
        kind: Kind.Property,
        detail: o.from ? `option (${o.from})` : 'option',
        documentation: { kind: 'markdown', value: o.description },
        sortText: `${rank}${o.name}`,
        insertTextFormat: PLAIN,
        textEdit: { range, newText: `${o.name} ` },
        command: hasValues ? TRIGGER_SUGGEST : undefined,
      });
    }
    return { isIncomplete: false, items };
  }

  // Not the first word.
  const head = words[0];
  const argIndex = partial ? words.length - 1 : words.length; // index of the word being typed
  const files = folderFiles(ctx);
  const facts = nameFacts(files);
  if (head === 'iface' && !indented) {
    // The line being typed (still without family or method) must not decide the dialect.
    const dialect = folderDialect(ctx, [{ uri: ctx.doc.uri, model: model(text.slice(0, lineStart) + text.slice(lineEnd)) }, ...files.slice(1)]);
    if (argIndex === 1) {
      for (const n of new Set([...facts.listed, ...facts.portOf.keys()])) {
        if (facts.declared.has(n)) continue;
        items.push({ label: n, kind: Kind.Reference, detail: facts.portOf.has(n) ? `port of ${facts.portOf.get(n)}, no stanza yet` : 'on an auto line, no stanza yet', insertTextFormat: PLAIN, textEdit: { range, newText: n } });
      }
    } else if (argIndex === 2) {
      for (const f of familiesOf(dialect)) items.push({ label: f, kind: Kind.EnumMember, detail: FAMILIES[f], sortText: f === 'inet' ? '0' : f === 'inet6' ? '1' : '2', insertTextFormat: PLAIN, textEdit: { range, newText: `${f} ` }, command: TRIGGER_SUGGEST });
      if (dialect === 'ifupdown') items.push({ label: 'inherits', kind: Kind.Keyword, detail: 'copy the options of another stanza', sortText: '3', insertTextFormat: PLAIN, textEdit: { range, newText: 'inherits ' } });
    } else if (argIndex === 3 && isFamily(words[2])) {
      const name = words[1];
      const port = facts.portOf.get(name);
      for (const meth of methodsOf(words[2], dialect)) {
        const preferred = port ? meth.name === 'manual' : name === 'lo' ? meth.name === 'loopback' : meth.name !== 'loopback';
        items.push({
          label: meth.name,
          kind: Kind.EnumMember,
          detail: port && meth.name === 'manual' ? `${name} is a port of ${port}: no address of its own` : meth.required ? `needs ${meth.required.join(', ')}` : undefined,
          documentation: { kind: 'markdown', value: meth.description },
          sortText: `${preferred ? 0 : 1}${meth.name}`,
          preselect: port ? meth.name === 'manual' : undefined,
          insertTextFormat: PLAIN,
          textEdit: { range, newText: meth.name },
        });
      }
    }
    return { isIncomplete: false, items };
  }
  if ((head === 'auto' || head?.startsWith('allow-') || head === 'no-auto-down' || head === 'no-scripts') && !indented) {
    const already = new Set(words.slice(1, partial ? -1 : undefined));
    for (const n of facts.declared) {
      if (already.has(n) || (head === 'auto' && facts.listed.has(n))) continue;
      items.push({ label: n, kind: Kind.Reference, detail: 'has an iface stanza', insertTextFormat: PLAIN, textEdit: { range, newText: n } });
    }
    return { isIncomplete: false, items };
  }
  // An option's value, inside a stanza.
  if (stanza && stanza.kind === 'iface' && head) {
    const key = optionKey(head);
    if (key === 'bridge_ports') {
      const own = (stanza as IfaceStanza).name?.text;
      const already = new Set(words.slice(1, partial ? -1 : undefined));
      if (already.size === 0) items.push({ label: 'none', kind: Kind.Keyword, detail: 'a bridge without ports', sortText: '9none', insertTextFormat: PLAIN, textEdit: { range, newText: 'none' } });
      for (const n of new Set([...facts.declared, ...facts.listed])) {
        if (n === own || n === 'lo' || already.has(n) || facts.bridges.has(n)) continue;
        const other = facts.portOf.get(n);
        items.push({
          label: n,
          kind: Kind.Reference,
          detail: other && other !== own ? `already a port of ${other}` : facts.declared.has(n) ? 'interface' : 'on an auto line',
          sortText: `${other && other !== own ? 1 : 0}${n}`,
          insertTextFormat: PLAIN,
          textEdit: { range, newText: n },
        });
      }
      return { isIncomplete: false, items };
    }
    const opt = OPTIONS.find((o) => optionKey(o.name) === key);
    if (opt?.values && argIndex === 1) for (const v of opt.values) items.push({ label: v, kind: Kind.EnumMember, detail: opt.name, insertTextFormat: PLAIN, textEdit: { range, newText: v } });
  }
  return { isIncomplete: false, items };
}
