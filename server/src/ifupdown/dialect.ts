/**
 * Which program reads the interfaces files: classic ifupdown (Debian's
 * ifupdown 0.8, interfaces(5)) or ifupdown2 (Cumulus Linux, Proxmox VE,
 * Debian's ifupdown2 package). Both read the same stanzas, but each accepts
 * things the other rejects:
 *
 * - only ifupdown2: `iface NAME` without family and method (static is
 *   assumed), `iface NAME inet` without method, several `address` lines in
 *   one stanza, Mako template lines (`%for …`), the methods dhcp6, ppp and
 *   tunnel for inet6;
 * - only classic ifupdown: `mapping`, `no-auto-down`, `no-scripts` and
 *   `rename` stanzas, `inherits`, the families ipx and can, the methods
 *   bootp, wvdial, ipv4ll, v4tunnel and 6to4.
 *
 * The `auto` setting reads a folder as ifupdown2 when one of its files has a
 * construct that classic ifupdown rejects and ifupdown2 accepts, and none
 * has a construct only classic ifupdown reads; otherwise as classic ifupdown.
 * `iface NAME inet` without a method does not decide: more often it is a
 * forgotten method than an ifupdown2 file.
 */
import type { Span } from '../parse/span';
import { optionsNamed, type InterfacesModel } from './parse';
import { CLASSIC_ONLY_FAMILIES, methodOf } from './vocabulary';

export type Dialect = 'ifupdown' | 'ifupdown2';
/** The user's choice: a dialect, or `auto` to decide per folder. */
export type DialectSetting = Dialect | 'auto';

export const DIALECT_SETTINGS: readonly DialectSetting[] = ['auto', 'ifupdown', 'ifupdown2'];

export function isDialectSetting(v: unknown): v is DialectSetting {
  return typeof v === 'string' && (DIALECT_SETTINGS as readonly string[]).includes(v);
}

/** The dialect's name in messages. */
export function dialectLabel(d: Dialect): string {
  return d === 'ifupdown2' ? 'ifupdown2' : 'ifupdown (classic)';
}

/** Why a folder was read as ifupdown2: the first construct only ifupdown2 accepts. */
export interface DialectEvidence {
  readonly uri: string;
  readonly span: Span;
  /** What the construct is, in words. */
  readonly what: string;
}

/** The first construct of a file that only ifupdown2 accepts, if any. */
export function ifupdown2Evidence(uri: string, model: InterfacesModel): DialectEvidence | undefined {
  const found: { span: Span; what: string }[] = [];
  for (const st of model.ifaces) {
    if (st.name && !st.family && !st.inheritsKeyword) found.push({ span: st.name.span, what: `'iface ${st.name.text}' without address family and method` });
    const addresses = optionsNamed(st, 'address');
    if (addresses.length > 1) found.push({ span: addresses[1].name.span, what: `several 'address' lines in one stanza` });
  }
  const t = model.templateLines[0];
  if (t) found.push({ span: t.span, what: 'a Mako template line' });
  if (found.length === 0) return undefined;
  found.sort((a, b) => a.span.start - b.span.start);
  return { uri, ...found[0] };
}

/** Does the file use something only classic ifupdown reads (so ifupdown2 cannot be meant)? */
export function hasClassicOnly(model: InterfacesModel): boolean {
  if (model.mappings.length > 0) return true;
  if (model.stanzas.some((s) => s.kind === 'no-auto-down' || s.kind === 'no-scripts' || s.kind === 'rename')) return true;
  return model.ifaces.some((st) => {
    if (st.inheritsKeyword) return true;
    const f = st.family?.text;
    if (!f) return false;
    if (CLASSIC_ONLY_FAMILIES.has(f)) return true;
    return !!st.method && methodOf(f, st.method.text)?.only === 'ifupdown';
  });
}

/** The dialect a folder is read in, and (for ifupdown2 chosen by `auto`) why. */
export function resolveDialect(setting: DialectSetting, files: readonly { uri: string; model: InterfacesModel }[]): { dialect: Dialect; evidence?: DialectEvidence } {
  if (setting !== 'auto') return { dialect: setting };
  let evidence: DialectEvidence | undefined;
  for (const f of files) {
    if (hasClassicOnly(f.model)) return { dialect: 'ifupdown' };
    evidence ??= ifupdown2Evidence(f.uri, f.model);
  }
  return evidence ? { dialect: 'ifupdown2', evidence } : { dialect: 'ifupdown' };
}
