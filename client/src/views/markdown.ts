/**
 * Text from hosts (names chosen by whoever defined a network or VM) shown
 * in tree labels and Markdown tooltips: control characters made visible,
 * Markdown punctuation escaped. Pure.
 */

/** Control characters (a newline in a network name) made visible, so a label stays one line. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** Text shown literally in Markdown: every punctuation character that Markdown reads is escaped. */
export function md(s: string): string {
  return printable(s).replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, '\\$&');
}

/** Several lines of text shown literally, each on its own line (Markdown hard breaks). */
export function mdLines(s: string): string {
  return s.split('\n').map(md).join('  \n');
}
