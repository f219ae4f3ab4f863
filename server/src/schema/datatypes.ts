/**
 * The XML Schema datatypes libvirt's RNG uses, with their facets, and the
 * plain-words descriptions used in messages.
 *
 * Unknown types and patterns that cannot be translated to a JavaScript
 * RegExp are accepted (never a false error, never a crash).
 */
import type { Params, Pattern } from './patterns';

const INTEGER_RANGES: Record<string, [bigint | undefined, bigint | undefined]> = {
  integer: [undefined, undefined],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  short: [-32768n, 32767n],
  byte: [-128n, 127n],
  nonNegativeInteger: [0n, undefined],
  positiveInteger: [1n, undefined],
  nonPositiveInteger: [undefined, 0n],
  negativeInteger: [undefined, -1n],
  unsignedLong: [0n, 2n ** 64n - 1n],
  unsignedInt: [0n, 2n ** 32n - 1n],
  unsignedShort: [0n, 65535n],
  unsignedByte: [0n, 255n],
};

const DECIMAL_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DOUBLE_RE = /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN)$/;
const NCNAME_RE = /^[\p{L}_][\p{L}\p{Nd}\p{Mn}\p{Mc}._\-·]*$/u;
const NAME_RE = /^[\p{L}_:][\p{L}\p{Nd}\p{Mn}\p{Mc}._:\-·]*$/u;
const NMTOKEN_RE = /^[\p{L}\p{Nd}\p{Mn}\p{Mc}._:\-·]+$/u;
const DATETIME_RE = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const BOOLEAN_RE = /^(true|false|1|0)$/;

function collapse(s: string): string {
  return s.replace(/[ \t\r\n]+/g, ' ').trim();
}

/** The value as the type sees it (XSD whiteSpace facet: only `string` preserves). */
export function normalize(type: string, s: string): string {
  return type === 'string' ? s : collapse(s);
}

/** Does the literal of a `<value>` pattern match `s`? */
export function valueMatches(p: Pattern, s: string): boolean {
  const type = p.type ?? 'token';
  if (type === 'string') return p.value === s;
  const a = collapse(s);
  const b = collapse(p.value ?? '');
  if (a === b) return true;
  if (type in INTEGER_RANGES && /^[+-]?\d+$/.test(a) && /^[+-]?\d+$/.test(b)) return BigInt(a) === BigInt(b);
  return false;
}

/** Does `s` belong to the `<data>` pattern's type with its facets (the `except` is checked by the caller)? */
export function dataMatches(type: string, params: Params | undefined, raw: string): boolean {
  return dataChecker(type, params)(raw);
}

const checkers = new WeakMap<object, (s: string) => boolean>();
const NO_PARAMS: Params = [];

/**
 * A compiled check for a `<data>` type and facets. The common libvirt case, a
 * string with one pattern, becomes a bare RegExp test.
 */
export function dataChecker(type: string, params: Params | undefined): (s: string) => boolean {
  const key = params ?? NO_PARAMS;
  const byType = checkers.get(key);
  if (byType && (byType as { type?: string }).type === type) return byType;
  let f: (s: string) => boolean;
  if (type === 'string' && params && params.length === 1 && params[0][0] === 'pattern') {
    const re = compilePattern(params[0][1]);
    f = re ? (s) => re.test(s) : () => true;
  } else f = (s) => checkData(type, params, s);
  (f as { type?: string }).type = type;
  checkers.set(key, f);
  return f;
}

function checkData(type: string, params: Params | undefined, raw: string): boolean {
  const s = normalize(type, raw);
  let num: bigint | number | undefined;
  const range = INTEGER_RANGES[type];
  if (range) {
    if (!/^[+-]?\d+$/.test(s)) return false;
    const n = BigInt(s);
    if ((range[0] !== undefined && n < range[0]) || (range[1] !== undefined && n > range[1])) return false;
    num = n;
  } else {
    switch (type) {
      case 'string':
      case 'token':
      case 'normalizedString':
      case 'anyURI':
        break;
      case 'decimal':
        if (!DECIMAL_RE.test(s)) return false;
        num = Number(s);
        break;
      case 'double':
      case 'float':
        if (!DOUBLE_RE.test(s)) return false;
        num = s === 'INF' || s === '+INF' ? Infinity : s === '-INF' ? -Infinity : Number(s);
        break;
      case 'boolean':
        if (!BOOLEAN_RE.test(s)) return false;
        break;
      case 'NCName':
      case 'ID':
      case 'IDREF':
        if (!NCNAME_RE.test(s)) return false;
        break;
      case 'Name':
        if (!NAME_RE.test(s)) return false;
        break;
      case 'NMTOKEN':
        if (!NMTOKEN_RE.test(s)) return false;
        break;
      case 'dateTime':
        if (!DATETIME_RE.test(s)) return false;
        break;
      default:
        break; // unknown type: accept
    }
  }
  if (!params) return true;
  for (const [name, value] of params) {
    switch (name) {
      case 'pattern': {
        const re = compilePattern(value);
        if (re && !re.test(s)) return false;
        break;
      }
      case 'minInclusive':
      case 'maxInclusive':
      case 'minExclusive':
      case 'maxExclusive': {
        if (num === undefined) break;
        const c = compareNumbers(num, value);
        if (c === undefined) break;
        if (name === 'minInclusive' && c < 0) return false;
        if (name === 'maxInclusive' && c > 0) return false;
        if (name === 'minExclusive' && c <= 0) return false;
        if (name === 'maxExclusive' && c >= 0) return false;
        break;
      }
      case 'length':
        if ([...s].length !== Number(value)) return false;
        break;
      case 'minLength':
        if ([...s].length < Number(value)) return false;
        break;
      case 'maxLength':
        if ([...s].length > Number(value)) return false;
        break;
      default:
        break;
    }
  }
  return true;
}

function compareNumbers(n: bigint | number, limit: string): number | undefined {
  if (typeof n === 'bigint' && /^[+-]?\d+$/.test(limit.trim())) {
    const l = BigInt(limit.trim());
    return n < l ? -1 : n > l ? 1 : 0;
  }
  const l = Number(limit);
  if (Number.isNaN(l)) return undefined;
  const v = Number(n);
  return v < l ? -1 : v > l ? 1 : 0;
}

// ---------- XSD regular expressions ----------

const patternCache = new Map<string, RegExp | null>();

/** Anchored JavaScript equivalent of an XSD pattern, or null when it cannot be translated (then: accept). */
export function compilePattern(xsd: string): RegExp | null {
  let re = patternCache.get(xsd);
  if (re === undefined) {
    try {
      const js = translateXsdRegex(xsd);
      // The `u` flag only where needed: it makes big alternations noticeably slower.
      re = new RegExp(`^(?:${js})$`, /\\[pP]\{|[^\x00-\x7f]/.test(js) ? 'u' : '');
    } catch {
      re = null;
    }
    patternCache.set(xsd, re);
  }
  return re;
}

const NAME_START = 'A-Za-z_:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
/** Escapes whose meaning differs between XSD and JavaScript, as class contents. */
const CLASS_ESCAPES: Record<string, string> = {
  s: ' \\t\\n\\r',
  d: '\\p{Nd}',
  w: '\\p{L}\\p{M}\\p{N}\\p{S}', // XSD: everything but punctuation, separators and "other"
  i: NAME_START,
  c: NAME_CHAR,
};
const NEGATED: Record<string, string> = { S: 's', D: 'd', W: 'w', I: 'i', C: 'c' };
const SINGLE_ESCAPES = new Set(['n', 'r', 't', '\\', '|', '.', '-', '^', '?', '*', '+', '{', '}', '(', ')', '[', ']']);

/**
 * Translates XSD regex syntax to JavaScript (`u` flag). XSD has no anchors
 * (`^` and `$` are ordinary characters), `.` excludes only newlines, and
 * \i \c \s \d \w mean XML-specific sets. Character class subtraction
 * (`[a-z-[aeiou]]`) and Unicode block escapes (`\p{IsBasicLatin}`) are not
 * supported: they throw, and the caller accepts any value.
 */
export function translateXsdRegex(x: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < x.length; i++) {
    const ch = x[i];
    if (ch === '\\') {
      const e = x[++i];
      if (e === undefined) throw new Error('dangling backslash');
      if (e === 'p' || e === 'P') {
        const close = x.indexOf('}', i);
        const prop = x.slice(i + 2, close);
        if (x[i + 1] !== '{' || close < 0 || prop.startsWith('Is')) throw new Error('unsupported \\p');
        out += `\\${e}{${prop}}`;
        i = close;
      } else if (CLASS_ESCAPES[e] !== undefined) {
        out += inClass ? CLASS_ESCAPES[e] : `[${CLASS_ESCAPES[e]}]`;
      } else if (NEGATED[e] !== undefined) {
        if (inClass) throw new Error('negated multi-char escape in a class');
        out += `[^${CLASS_ESCAPES[NEGATED[e]]}]`;
      } else if (SINGLE_ESCAPES.has(e)) {
        if (e === 'n' || e === 'r' || e === 't') out += `\\${e}`;
        else if (e === '-') out += inClass ? '\\-' : '-';
        else out += `\\${e}`;
      } else throw new Error(`unknown escape \\${e}`);
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      else if (ch === '[') throw new Error('class subtraction');
      out += ch;
      continue;
    }
    switch (ch) {
      case '[':
        inClass = true;
        out += ch;
        if (x[i + 1] === '^') {
          out += '^';
          i++;
        }
        break;
      case '.':
        out += '[^\\n\\r]';
        break;
      case '^':
      case '$':
      case '/':
        out += `\\${ch}`;
        break;
      default:
        out += ch;
    }
  }
  if (inClass) throw new Error('unclosed class');
  return out;
}

// ---------- plain words ----------

/** What a define's values look like, by define name (libvirt's basictypes.rng / networkcommon.rng). */
const LABEL_WORDS: Record<string, string> = {
  UUID: 'a UUID such as 8f2a6c1e-3b4d-4e5f-9a0b-1c2d3e4f5a6b (32 hex digits, dashes optional)',
  uniMacAddr: 'a unicast MAC address such as 52:54:00:12:34:56 (six hex pairs; the first byte must be even)',
  macAddr: 'a MAC address such as 52:54:00:12:34:56',
  multiMacAddr: 'a multicast MAC address (six hex pairs; the first byte must be odd)',
  ipv4Addr: 'an IPv4 address such as 192.168.122.1',
  ipv6Addr: 'an IPv6 address such as 2001:db8::1',
  ipAddr: 'an IPv4 or IPv6 address',
  ipv4Prefix: 'an IPv4 prefix length from 0 to 32',
  ipv6Prefix: 'an IPv6 prefix length from 0 to 128',
  ipPrefix: 'a prefix length (0 to 32 for IPv4, 0 to 128 for IPv6)',
  port: 'a port number from 1 to 65535',
  PortNumber: 'a port number from -1 to 65535',
  virYesNo: 'yes or no',
  virOnOff: 'on or off',
  unsignedInt: 'a whole number from 0 to 4294967295',
  unsignedLong: 'a whole number (0 or more)',
  unsignedShort: 'a whole number from 0 to 65535',
  positiveInteger: 'a whole number greater than 0',
  uint8: 'a number from 0 to 255 (decimal, or hex with 0x)',
  uint16: 'a number from 0 to 65535 (decimal, or hex)',
  uint24: 'a number from 0 to 16777215 (decimal, or hex with 0x)',
  uint32: 'a number from 0 to 4294967295 (decimal, or hex)',
  hexuint: 'a hexadecimal number (optionally with 0x)',
  'vlan-id': 'a VLAN id from 0 to 4095',
  dnsName: 'a DNS name (letters, digits, dots and hyphens)',
  deviceName: 'a device name (letters, digits and _ . - \\ : /)',
  zoneName: 'a firewalld zone name (letters, digits, _ and -)',
  objectName: 'a name without / or line breaks',
  objectNameWithSlash: 'a name without line breaks',
  genericName: 'a name of letters, digits, _, + and -',
  filePath: 'a file path',
  absFilePath: 'an absolute file path',
  absDirPath: 'an absolute directory path',
  DUID: 'a DHCPv6 DUID (colon-separated hex bytes, starting with the DUID type)',
  'addr-family': 'ipv4 or ipv6',
  timeval: 'a number of seconds',
  aliasName: "a device alias (letters, digits, _ and -, starting with 'ua-' for user aliases)",
};

/** The words for a whole value pattern: enumerations are listed, named types worded, patterns shown. */
export function describeValuePattern(p: Pattern): string {
  const values: string[] = [];
  const others: string[] = [];
  let text = false;
  const visit = (q: Pattern, depth: number): void => {
    if (q.label && LABEL_WORDS[q.label]) {
      others.push(LABEL_WORDS[q.label]);
      return;
    }
    switch (q.kind) {
      case 'choice':
        visit(q.a!, depth + 1);
        visit(q.b!, depth + 1);
        return;
      case 'value':
        values.push(q.value ?? '');
        return;
      case 'data':
        others.push(describeData(q.type ?? 'string', q.params));
        return;
      case 'text':
        text = true;
        return;
      case 'list':
        others.push(`a space-separated list of ${describeValuePattern(q.a!)}`);
        return;
      case 'group':
      case 'interleave':
      case 'oneOrMore':
        visit(q.a!, depth + 1);
        if (q.b) visit(q.b, depth + 1);
        return;
      case 'empty':
        others.push('nothing');
        return;
      default:
        return;
    }
  };
  visit(p, 0);
  const parts: string[] = [];
  if (values.length === 1) parts.push(`'${values[0]}'`);
  else if (values.length === 2 && others.length === 0) parts.push(`${values[0]} or ${values[1]}`);
  else if (values.length > 1) parts.push(`one of: ${values.join(', ')}`);
  for (const o of others) if (!parts.includes(o)) parts.push(o);
  if (text && parts.length === 0) parts.push('any text');
  return parts.join(', or ');
}

export function describeData(type: string, params: Params | undefined): string {
  const get = (n: string): string | undefined => params?.find((x) => x[0] === n)?.[1];
  const min = get('minInclusive');
  const max = get('maxInclusive');
  const pattern = get('pattern');
  const range = INTEGER_RANGES[type];
  if (range || type === 'double' || type === 'decimal' || type === 'float') {
    const lo = min ?? (range?.[0] !== undefined ? String(range[0]) : undefined);
    const hi = max ?? (range?.[1] !== undefined ? String(range[1]) : undefined);
    const what = range ? 'a whole number' : 'a number';
    if (lo !== undefined && hi !== undefined) return `${what} from ${lo} to ${hi}`;
    if (lo !== undefined) return `${what} of at least ${lo}`;
    if (hi !== undefined) return `${what} of at most ${hi}`;
    return what;
  }
  if (pattern !== undefined) return `text matching the pattern ${pattern}`;
  const maxLength = get('maxLength');
  if (maxLength !== undefined) return `text of at most ${maxLength} characters`;
  switch (type) {
    case 'boolean':
      return 'true or false';
    case 'NCName':
    case 'ID':
    case 'IDREF':
      return 'a name (letters, digits, _ . -, not starting with a digit)';
    case 'dateTime':
      return 'a date and time such as 2024-01-31T12:00:00';
    default:
      return 'text';
  }
}

/** The enumerated values of a value pattern (for completion), in grammar order. */
export function enumeratedValues(p: Pattern): string[] {
  const out: string[] = [];
  const visit = (q: Pattern): void => {
    if (q.kind === 'choice') {
      visit(q.a!);
      visit(q.b!);
    } else if (q.kind === 'value' && !out.includes(q.value ?? '')) out.push(q.value ?? '');
  };
  visit(p);
  return out;
}
