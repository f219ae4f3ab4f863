/**
 * Snippet syntax helpers: escaping literal text for a snippet, and
 * expanding a snippet to the text an editor inserts when the user accepts
 * every default (tab stops empty, placeholders and choices at their first
 * value, mirrors copying their placeholder, variables resolved by
 * `variables`). Used by tests to validate what completions insert.
 */

/** Escapes `$`, `}` and `\` so that `s` is inserted literally. */
export function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

export function expandSnippet(snippet: string, variables: Record<string, () => string> = {}): string {
  const values = new Map<string, string>();
  let i = 0;
  const s = snippet;

  // Parses until `stop` (a '}' closing a placeholder) or the end; returns the expanded text.
  const parse = (inPlaceholder: boolean): string => {
    let out = '';
    while (i < s.length) {
      const c = s[i];
      if (c === '\\' && i + 1 < s.length && '$}\\,|'.includes(s[i + 1])) {
        out += s[i + 1];
        i += 2;
        continue;
      }
      if (inPlaceholder && c === '}') return out;
      if (c !== '$') {
        out += c;
        i++;
        continue;
      }
      // $1, $NAME
      let m = /^\$(\d+)/.exec(s.slice(i));
      if (m) {
        i += m[0].length;
        out += m[1] === '0' ? '' : (values.get(m[1]) ?? '');
        continue;
      }
      m = /^\$([A-Z_][A-Z_0-9]*)/.exec(s.slice(i));
      if (m) {
        i += m[0].length;
        out += variables[m[1]] ? variables[m[1]]() : '';
        continue;
      }
      // ${1}, ${1:default}, ${1|a,b|}, ${NAME}, ${NAME:default}
      m = /^\$\{(\d+|[A-Z_][A-Z_0-9]*)/.exec(s.slice(i));
      if (!m) {
        out += c;
        i++;
        continue;
      }
      const id = m[1];
      i += m[0].length;
      let text = '';
      if (s[i] === ':') {
        i++;
        text = parse(true);
        i++; // the closing '}'
      } else if (s[i] === '|') {
        const close = s.indexOf('|}', i + 1);
        const choices = s.slice(i + 1, close).split(/(?<!\\),/);
        text = choices[0].replace(/\\(.)/g, '$1');
        i = close + 2;
      } else {
        i++; // '}'
        text = /^\d+$/.test(id) ? (values.get(id) ?? '') : '';
      }
      if (/^\d+$/.test(id)) {
        if (!values.has(id)) values.set(id, text);
        out += values.get(id);
      } else out += variables[id] ? variables[id]() : text;
    }
    return out;
  };
  return parse(false);
}
