/**
 * Authentication for ssh2 the way `ssh` does it: the agent first
 * (SSH_AUTH_SOCK), then each identity file. A passphrase-protected key is
 * parsed only when it is tried, with a passphrase asked once through the
 * UI's callback; the parsed key is kept, because ssh2's pure-JS bcrypt KDF
 * costs ~0.5 s per parse. Keys go through `authHandler`: ssh2 ignores a
 * pre-parsed key given as `privateKey`, and throws synchronously from
 * `connect()` on an encrypted key without a passphrase.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { utils, type AnyAuthMethod, type AuthHandlerMiddleware, type NextAuthHandler, type ParsedKey } from 'ssh2';
import { errorText } from './result';

export interface AuthPrompts {
  /** Asks for the passphrase of a key file; undefined when the user cancels. */
  askPassphrase(keyFile: string): Promise<string | undefined>;
}

export interface AuthConfig {
  readonly username: string;
  /** Identity files; when none are given, ~/.ssh/id_ed25519, id_ecdsa, id_rsa (those that exist). */
  readonly identityFiles?: readonly string[];
  /** The agent socket; default SSH_AUTH_SOCK. `false`: no agent. */
  readonly agent?: string | false;
}

/** Parsed keys per file, kept across connections (the KDF is slow). */
export class KeyCache {
  private readonly keys = new Map<string, ParsedKey>();
  get(file: string): ParsedKey | undefined {
    return this.keys.get(file);
  }
  set(file: string, key: ParsedKey): void {
    this.keys.set(file, key);
  }
  clear(): void {
    this.keys.clear();
  }
}

export function defaultIdentityFiles(): string[] {
  const dir = path.join(os.homedir(), '.ssh');
  return ['id_ed25519', 'id_ecdsa', 'id_rsa'].map((f) => path.join(dir, f)).filter((f) => fs.existsSync(f));
}

/** Expands a leading `~/` as ssh does. */
export function expandHome(file: string): string {
  return file === '~' ? os.homedir() : file.startsWith('~/') ? path.join(os.homedir(), file.slice(2)) : file;
}

export interface AuthState {
  /** Why the last attempt could not use a key (wrong passphrase, unreadable file…), for the error message. */
  readonly problems: string[];
  /** Prompts in progress pause the connect timeout. */
  onPrompt?: (active: boolean) => void;
}

/** A method to try, or false: no more (ssh2 accepts false; its type declarations omit it). */
type Step = AnyAuthMethod | false;
const send = (callback: NextAuthHandler, step: Step) => callback(step as AnyAuthMethod);

/**
 * An ssh2 `authHandler`: agent, then each key. A key that cannot be used is
 * skipped with its reason kept in `state.problems`.
 */
export function createAuthHandler(config: AuthConfig, prompts: AuthPrompts | undefined, cache: KeyCache, state: AuthState): AuthHandlerMiddleware {
  const agent = config.agent === false ? undefined : (config.agent ?? process.env.SSH_AUTH_SOCK);
  const files = (config.identityFiles && config.identityFiles.length > 0 ? config.identityFiles.map(expandHome) : defaultIdentityFiles()).slice();
  let agentTried = false;
  const next = async (): Promise<Step> => {
    if (!agentTried && agent) {
      agentTried = true;
      return { type: 'agent', username: config.username, agent };
    }
    for (let file = files.shift(); file !== undefined; file = files.shift()) {
      const key = await loadKey(file, prompts, cache, state);
      if (key) return { type: 'publickey', username: config.username, key };
    }
    return false;
  };
  // The function form: ssh2 calls it after each failed method.
  return (_methodsLeft, _partialSuccess, callback) => {
    next().then(
      (step) => send(callback, step),
      (e) => {
        state.problems.push(errorText(e));
        send(callback, false);
      },
    );
  };
}

async function loadKey(file: string, prompts: AuthPrompts | undefined, cache: KeyCache, state: AuthState): Promise<ParsedKey | undefined> {
  const cached = cache.get(file);
  if (cached) return cached;
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (e) {
    state.problems.push(`cannot read identity file ${file}: ${errorText(e)}`);
    return undefined;
  }
  let parsed = parse(data, undefined);
  if (parsed instanceof Error && /passphrase/i.test(parsed.message)) {
    if (!prompts) {
      state.problems.push(`identity file ${file} needs a passphrase`);
      return undefined;
    }
    state.onPrompt?.(true);
    let pass: string | undefined;
    try {
      pass = await prompts.askPassphrase(file);
    } finally {
      state.onPrompt?.(false);
    }
    if (pass === undefined) {
      state.problems.push(`no passphrase given for ${file}`);
      return undefined;
    }
    parsed = parse(data, pass);
    if (parsed instanceof Error) {
      state.problems.push(/bad passphrase|integrity check/i.test(parsed.message) ? `wrong passphrase for ${file}` : `cannot read ${file}: ${parsed.message}`);
      return undefined;
    }
  } else if (parsed instanceof Error) {
    state.problems.push(`cannot read identity file ${file}: ${parsed.message}`);
    return undefined;
  }
  cache.set(file, parsed);
  return parsed;
}

/** utils.parseKey returns an Error (or, for some inputs, throws); a file with several keys gives the first. */
function parse(data: Buffer, passphrase: string | undefined): ParsedKey | Error {
  try {
    const r = utils.parseKey(data, passphrase);
    if (Array.isArray(r)) return r[0] ?? new Error('no key in file');
    return r;
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}
