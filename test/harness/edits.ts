/**
 * Applying what the service answers, as an editor would: LSP text edits,
 * and completion items (snippets expanded with their defaults).
 */
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { expandSnippet } from '../../server/src/features/completion/snippetText';
import { LineIndex } from '../../server/src/parse/lineIndex';

/** Applies LSP text edits (which must not overlap) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const li = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: li.offsetAt(e.range.start), end: li.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i].end <= spans[i - 1].start, 'edits overlap');
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}

/** The document after accepting a completion item, its snippet expanded with every default (and `vars`). */
export function acceptCompletion(text: string, it: CompletionItem, vars?: Parameters<typeof expandSnippet>[1]): string {
  const e = it.textEdit as TextEdit;
  return applyEdits(text, [{ range: e.range, newText: it.insertTextFormat === 2 ? expandSnippet(e.newText, vars) : e.newText }]);
}

export const labels = (items: readonly CompletionItem[]): string[] => items.map((i) => i.label);

/** The item labelled `label`; fails with the labels there are. */
export function item(items: readonly CompletionItem[], label: string): CompletionItem {
  const it = items.find((i) => i.label === label);
  assert.ok(it, `no item '${label}' among: ${labels(items).join(', ')}`);
  return it;
}
