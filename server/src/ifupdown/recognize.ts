/**
 * Is a document a Debian interfaces file? By path: `/etc/network/interfaces`,
 * any file named `interfaces` or `NAME.interfaces`, or any file directly
 * inside an `interfaces.d` folder. By content: the first statement (after comments and blank lines)
 * is an auto, allow-*, iface or mapping stanza, or a source line followed by
 * such stanzas — but never for files whose extension says they are something
 * else (XML, YAML, shell, …).
 */
const OTHER_LANGUAGES = /\.(xml|ya?ml|json|sh|bash|zsh|py|js|ts|md|txt|html?|c|h|go|rs|rb|pl|ini|toml|service|network|netdev|link|nmconnection)$/i;

function pathOf(uri: string): string {
  let p = uri;
  const q = p.search(/[?#]/);
  if (q >= 0) p = p.slice(0, q);
  try {
    p = decodeURIComponent(p);
  } catch {
    /* keep as is */
  }
  return p.replace(/\\/g, '/');
}

const STANZA = /^(auto|iface|mapping|allow-[^\s]+)(\s|$)/;

export function isInterfacesPath(uri: string): boolean {
  const p = pathOf(uri);
  const parts = p.split('/');
  const base = parts[parts.length - 1];
  const dir = parts[parts.length - 2];
  if (base === 'interfaces' || /.\.interfaces$/.test(base)) return true;
  if (dir === 'interfaces.d' && base !== '' && !base.startsWith('.') && !OTHER_LANGUAGES.test(base)) return true;
  return false;
}

/** Significant (non-blank, non-comment) first words of the first lines, at most `max`. */
function firstWords(text: string, max: number): string[] {
  const out: string[] = [];
  let pos = 0;
  const n = Math.min(text.length, 64 * 1024);
  while (pos < n && out.length < max) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0 || eol > n) eol = n;
    const line = text.slice(pos, eol).trim();
    pos = eol + 1;
    if (line === '' || line.startsWith('#')) continue;
    out.push(line);
  }
  return out;
}

export function looksLikeInterfaces(text: string): boolean {
  const lines = firstWords(text, 20);
  if (lines.length === 0) return false;
  const first = lines[0];
  if (STANZA.test(first)) return true;
  if (/^source(-directory)?\s/.test(first)) {
    // A shell script also starts with `source`; require real stanzas after it.
    return lines.slice(1).some((l) => STANZA.test(l)) && lines.every((l) => /^[\w.-]+(\s|$)/.test(l));
  }
  return false;
}

export function isInterfacesFile(uri: string, text: string): boolean {
  if (typeof text !== 'string') return false;
  const head = text.trimStart();
  // XML, JSON or YAML content is never an interfaces file, whatever its name.
  if (head.startsWith('<') || head.startsWith('{') || head.startsWith('---') || /^network\s*:/.test(head)) return false;
  if (isInterfacesPath(uri)) return true;
  const p = pathOf(uri);
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (OTHER_LANGUAGES.test(base)) return false;
  return looksLikeInterfaces(text);
}
