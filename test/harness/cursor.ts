/**
 * Cursor fixtures for editor features: the text holds one `|` where the
 * cursor is (write `||` for a literal bar). Returns the clean text and the
 * cursor as offset and LSP position.
 */
import { LineIndex } from '../../server/src/parse/lineIndex';
import { createLanguageService, type LanguageService } from '../../server/src/service/languageService';

export interface Cursor {
  readonly text: string;
  readonly offset: number;
  readonly position: { line: number; character: number };
}

export function cursor(marked: string): Cursor {
  let offset = -1;
  let text = '';
  for (let i = 0; i < marked.length; i++) {
    if (marked[i] === '|') {
      if (marked[i + 1] === '|') {
        text += '|';
        i++;
        continue;
      }
      if (offset >= 0) throw new Error('two cursors in fixture');
      offset = text.length;
      continue;
    }
    text += marked[i];
  }
  if (offset < 0) throw new Error('no cursor in fixture');
  return { text, offset, position: new LineIndex(text).positionAt(offset) };
}

/** A service holding `files` (uri → text), plus the document under test at `uri`. */
export function serviceWith(uri: string, text: string, others: Record<string, string> = {}): LanguageService {
  const s = createLanguageService();
  for (const [u, t] of Object.entries(others)) s.setFile(u, t);
  s.setFile(uri, text);
  return s;
}
