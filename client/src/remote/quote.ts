/**
 * The one place where words become command text. Every remote command line
 * (the text an SSH server hands to the user's shell) and every virsh batch
 * (the text virsh splits into commands itself) is built here from an argv,
 * so a name is never pasted into shell text anywhere else.
 *
 * Each word is put in single quotes; a single quote inside is written as
 * `'\''` (close, escaped quote, reopen). Inside single quotes POSIX sh
 * (and bash, dash, zsh) takes every character literally, newlines and `$`
 * included. virsh's own command-string tokenizer (vshCommandStringGetArg)
 * follows the same rules: single quotes are literal, a backslash outside
 * quotes escapes the next character, and `;`, `#`, blanks inside quotes are
 * plain characters. So one quoting serves both layers.
 *
 * NUL cannot be passed in an argv or through a shell: such a word is refused.
 */

export class UnquotableWordError extends Error {}

/** One word, quoted for POSIX sh and for virsh's command parser. Throws `UnquotableWordError` for NUL. */
export function quoteWord(word: string): string {
  if (word.includes('\0')) throw new UnquotableWordError(`a NUL character cannot be passed to a remote command: ${JSON.stringify(word)}`);
  if (/^[A-Za-z0-9_@%+:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** An argv as one command line: each word quoted, separated by spaces. Throws for NUL (see `quoteWord`). */
export function quoteCommand(argv: readonly string[]): string {
  if (argv.length === 0) throw new UnquotableWordError('empty command');
  return argv.map(quoteWord).join(' ');
}
