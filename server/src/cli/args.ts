/**
 * Command-line arguments of `virtnet lint`. Pure: returns a value or a
 * usage error message, never exits or prints.
 */
import { DIALECT_SETTINGS, isDialectSetting, type DialectSetting } from '../ifupdown/dialect';
import { MAX_DEPTH, SKIPPED_DIRS } from '../files/walk';
import type { SeveritySetting } from '../service/types';

const listWords = (names: string[], word: string) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${word} ${names[names.length - 1]}`);

export type OutputFormat = 'text' | 'json';

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'lint';
      readonly format: OutputFormat;
      readonly paths: readonly string[];
      /** `--severity code=level` overrides, in the order given (later wins). */
      readonly severities: Readonly<Record<string, SeveritySetting>>;
      /** `--interfaces-dialect`: who reads interfaces files (default auto). */
      readonly interfacesDialect: DialectSetting;
      /** `--host-facts FILE.json`: KVM host facts files, in the order given. */
      readonly hostFacts: readonly string[];
    };

export type ParseResult = { readonly ok: true; readonly command: Command } | { readonly ok: false; readonly error: string };

const LEVELS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
const FORMATS: readonly OutputFormat[] = ['text', 'json'];

export const USAGE = `Usage: virtnet lint [options] PATH...
       virtnet help

Checks libvirt network, host interface and domain <interface> XML files,
netplan YAML and Debian interfaces files (/etc/network/interfaces).
Directories are walked recursively for *.xml, *.yaml and *.yml files and for
files named interfaces or NAME.interfaces or found in an interfaces.d folder
(except dot-files and files such as *.sh whose extension names another
language). Dot-folders and ${listWords(
  [...SKIPPED_DIRS].filter((n) => !n.startsWith('.')),
  'and',
)} are not entered, symbolic links met while walking are not
followed, and folders more than ${MAX_DEPTH} levels deep are skipped with a warning:
the same files the VS Code extension checks in a workspace folder. Files
named explicitly are checked whatever their name. Content decides: files
that are not libvirt XML, netplan (a top-level network: mapping with netplan
keys, or any YAML below a netplan folder) or interfaces stanzas are ignored
and produce no output. The netplan files of one folder are merged and
checked together, as netplan reads /etc/netplan; an interfaces file is
checked with its interfaces.d folder. All files are checked together, so
cross-file checks (duplicate names, subnets, MACs, and a libvirt bridge that
no netplan, interfaces or libvirt file defines) see every file given.

Options:
  --format text|json     Output format (default: text).
                           text: FILE:LINE:COL: SEVERITY CODE: MESSAGE, one per
                                 line, LINE and COL 1-based (COL counts UTF-16
                                 code units); related locations follow as
                                 FILE:LINE:COL: note: MESSAGE.
                           json: {"files":[{"path","diagnostics":[{"range",
                                 "severity","code","message","related"}]}]}
                                 with LSP positions (0-based line and
                                 character); "related" holds the notes, each
                                 {"path","range","message"}.
  --severity CODE=LEVEL  Override a check's severity (codes libvirt/…,
                         netplan/…, ifupdown/…, xml/syntax); LEVEL is error,
                         warning, information, hint or off. Repeatable.
  --interfaces-dialect auto|ifupdown|ifupdown2
                         Who reads the interfaces files: classic ifupdown or
                         ifupdown2 (Proxmox VE, Cumulus). auto (default):
                         ifupdown2 for a folder that uses what only ifupdown2
                         accepts (iface NAME without family, several address
                         lines, Mako templates), else classic ifupdown.
  --host-facts FILE.json What a KVM host runs, checked with the files
                         (duplicate UUIDs, names, bridges, MACs, active
                         subnets, bridges the host lacks): the JSON of the
                         editor's virtnet/hostFacts notification, {"host",
                         "readAt","facts":{"networks","vms","bridges"}}.
                         Repeatable, one file per host.
  -h, --help, help       Show this help.
  -v, --version          Show the version.

Exit status: 0 no errors (warnings allowed), 1 at least one error,
2 usage error (unknown option, no PATH, a PATH that does not exist).
Binary and unreadable files are reported on stderr and skipped; they do not
change the exit status.`;

/** Parses `argv` (without node and the script). Accepts `lint` as an optional first word; `help` as the first word is `--help`. */
export function parseArgs(argv: readonly string[], knownCodes?: ReadonlySet<string>): ParseResult {
  const args = [...argv];
  if (args[0] === 'help') return { ok: true, command: { kind: 'help' } };
  if (args[0] === 'lint') args.shift();
  let format: OutputFormat = 'text';
  const paths: string[] = [];
  const severities: Record<string, SeveritySetting> = {};
  let interfacesDialect: DialectSetting = 'auto';
  const hostFacts: string[] = [];
  const fail = (error: string): ParseResult => ({ ok: false, error });
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      paths.push(...args.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help') return { ok: true, command: { kind: 'help' } };
    if (a === '-v' || a === '--version') return { ok: true, command: { kind: 'version' } };
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (name === '--format' || name === '--severity' || name === '--interfaces-dialect' || name === '--host-facts') {
      let value: string | undefined;
      if (eq > 0) value = a.slice(eq + 1);
      else if (i + 1 < args.length) value = args[++i];
      if (value === undefined) return fail(`option ${name} needs a value`);
      if (name === '--host-facts') {
        hostFacts.push(value);
      } else if (name === '--interfaces-dialect') {
        if (!isDialectSetting(value)) return fail(`--interfaces-dialect must be ${DIALECT_SETTINGS.join(', ')}, not '${value}'`);
        interfacesDialect = value;
      } else if (name === '--format') {
        if (!FORMATS.includes(value as OutputFormat)) return fail(`--format must be text or json, not '${value}'`);
        format = value as OutputFormat;
      } else {
        const m = /^([^=\s]+)=(\w+)$/.exec(value);
        if (!m) return fail(`--severity expects CODE=LEVEL (e.g. libvirt/bridge-name-too-long=warning), not '${value}'`);
        const [, code, level] = m;
        if (!LEVELS.includes(level as SeveritySetting)) return fail(`--severity level must be one of ${LEVELS.join(', ')}, not '${level}'`);
        if (knownCodes && !knownCodes.has(code)) return fail(`--severity: unknown check code '${code}'`);
        severities[code] = level as SeveritySetting;
      }
      continue;
    }
    if (a.startsWith('-') && a !== '-') return fail(`unknown option '${a}'`);
    paths.push(a);
  }
  if (paths.length === 0) return fail('no PATH given');
  return { ok: true, command: { kind: 'lint', format, paths, severities, interfacesDialect, hostFacts } };
}
