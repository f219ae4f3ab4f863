/**
 * OpenSSH's known_hosts (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"), read the way
 * `ssh` reads it, for checking host keys that ssh2 hands us raw:
 *
 *     [marker] patterns keytype base64-key [comment]
 *
 * Patterns are a comma list of names (`host`, or `[host]:port` for a port
 * other than 22) with `*` / `?` wildcards and `!` negation, or one hashed
 * entry `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`. `@revoked` lines
 * refuse their key for every host; `@cert-authority` lines are not used
 * (host certificates are not supported) and never match.
 *
 * Pure: text in, verdicts out (the file is read and written by
 * knownHostsFile.ts).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

export interface KnownHostLine {
  /** 1-based line number, for messages. */
  readonly line: number;
  readonly marker?: 'revoked' | 'cert-authority';
  readonly patterns: string;
  readonly keyType: string;
  /** The raw public key blob (base64-decoded). */
  readonly key: Buffer;
}

export type HostKeyVerdict =
  | { readonly status: 'match'; readonly line: number }
  | { readonly status: 'unknown' }
  /** Known with another key of the same type: never trusted, never asked. */
  | { readonly status: 'changed'; readonly line: number }
  | { readonly status: 'revoked'; readonly line: number };

/** The name ssh looks up: `host` on port 22, else `[host]:port`. Lower-cased as ssh does. */
export function knownHostsName(host: string, port: number): string {
  const h = host.toLowerCase();
  return port === 22 ? h : `[${h}]:${port}`;
}

/** Parses known_hosts text; comments, blank and malformed lines are skipped. Never throws. */
export function parseKnownHosts(text: string): KnownHostLine[] {
  const out: KnownHostLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const fields = raw.trim().split(/[ \t]+/);
    if (fields[0] === '' || fields[0].startsWith('#')) return;
    let marker: KnownHostLine['marker'];
    if (fields[0].startsWith('@')) {
      const m = fields.shift()?.slice(1);
      if (m !== 'revoked' && m !== 'cert-authority') return; // unknown marker: ssh ignores the line
      marker = m;
    }
    const [patterns, keyType, b64] = fields;
    if (!patterns || !keyType || !b64 || !/^[A-Za-z0-9+/]+=*$/.test(b64)) return;
    const key = Buffer.from(b64, 'base64');
    if (key.length < 4) return;
    out.push({ line: i + 1, marker, patterns, keyType, key });
  });
  return out;
}

/** Does a pattern field (comma list or one hashed entry) name `name`? A negated match wins. */
export function patternsMatch(patterns: string, name: string): boolean {
  if (patterns.startsWith('|1|')) return hashedMatch(patterns, name);
  let matched = false;
  for (const p of patterns.split(',')) {
    if (p.startsWith('!')) {
      if (globMatch(p.slice(1).toLowerCase(), name)) return false;
    } else if (globMatch(p.toLowerCase(), name)) matched = true;
  }
  return matched;
}

function hashedMatch(entry: string, name: string): boolean {
  const [, , salt, hash] = entry.split('|');
  if (!salt || !hash) return false;
  const expected = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
  return expected === hash;
}

function globMatch(pattern: string, name: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === name;
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(name);
}

/** The key type written inside a public key blob (its first SSH string). */
export function keyTypeOfBlob(blob: Buffer): string | undefined {
  if (blob.length < 4) return undefined;
  const n = blob.readUInt32BE(0);
  return n > 0 && n < 64 && blob.length >= 4 + n ? blob.toString('latin1', 4, 4 + n) : undefined;
}

/** OpenSSH's fingerprint: `SHA256:` + unpadded base64 of sha256(blob). */
export function fingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/**
 * The verdict for the key a host presented. `@revoked` wins everywhere;
 * then a line with this name and this very key is a match; a line with
 * this name and key type but another key means the key changed. Keys of
 * other types only are `unknown` (as ssh, which then asks).
 */
export function verifyHostKey(lines: readonly KnownHostLine[], host: string, port: number, blob: Buffer): HostKeyVerdict {
  const type = keyTypeOfBlob(blob);
  const revoked = lines.find((l) => l.marker === 'revoked' && l.key.equals(blob));
  if (revoked) return { status: 'revoked', line: revoked.line };
  const name = knownHostsName(host, port);
  const mine = lines.filter((l) => l.marker === undefined && patternsMatch(l.patterns, name));
  const same = mine.find((l) => l.key.equals(blob));
  if (same) return { status: 'match', line: same.line };
  const other = mine.find((l) => l.keyType === type);
  if (other) return { status: 'changed', line: other.line };
  return { status: 'unknown' };
}

/** Key types known for a host, to offer them first in the key exchange (as ssh does). */
export function knownKeyTypes(lines: readonly KnownHostLine[], host: string, port: number): string[] {
  const name = knownHostsName(host, port);
  return [...new Set(lines.filter((l) => l.marker === undefined && patternsMatch(l.patterns, name)).map((l) => l.keyType))];
}

/**
 * A known_hosts line for a host's key; hashed (`|1|…`, HashKnownHosts) when
 * asked, with a fresh salt from `salt` (20 random bytes by default).
 */
export function knownHostsLine(host: string, port: number, blob: Buffer, options: { hash?: boolean; salt?: Buffer } = {}): string {
  const type = keyTypeOfBlob(blob) ?? 'unknown';
  const name = knownHostsName(host, port);
  let field = name;
  if (options.hash) {
    const salt = options.salt ?? randomSalt();
    field = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
  }
  return `${field} ${type} ${blob.toString('base64')}`;
}

function randomSalt(): Buffer {
  return randomBytes(20);
}
