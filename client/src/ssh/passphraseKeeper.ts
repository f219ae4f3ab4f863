/**
 * Passphrases of SSH keys: asked once per key, and kept in a secret store
 * (VS Code's SecretStorage) only when the user chose "remember" — never in
 * settings. The remote layer asks for a key's passphrase only while it has
 * not parsed that key (it keeps parsed keys in its KeyCache), so a second
 * question about a key whose passphrase was already handed out means that
 * passphrase was wrong: a remembered one is then deleted, and the user is
 * asked again, told that the last one did not unlock the key. No `vscode`
 * import: the store and the question are injected.
 */

/** The subset of VS Code's SecretStorage used here. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

export interface PassphraseAnswer {
  readonly passphrase: string;
  /** The user asked to keep it in the secret store. */
  readonly remember: boolean;
}

/** Asks the user; `retry` when the last passphrase given for this key did not unlock it. Undefined: cancelled. */
export type AskPassphrase = (keyFile: string, retry: boolean) => Promise<PassphraseAnswer | undefined>;

const PREFIX = 'virtnet.ssh.passphrase:';
/** The list of key files with a remembered passphrase (file names only), to forget them all. */
const INDEX = 'virtnet.ssh.passphrases';

export class PassphraseKeeper {
  /** Key files whose passphrase was handed out since the keys were last forgotten, and where it came from. */
  private readonly handedOut = new Map<string, 'stored' | 'typed'>();

  constructor(
    private readonly secrets: SecretStore,
    private readonly ask: AskPassphrase,
  ) {}

  /** The remote layer's `askPassphrase` callback. */
  async askPassphrase(keyFile: string): Promise<string | undefined> {
    const before = this.handedOut.get(keyFile);
    if (before === 'stored') await this.forget(keyFile); // it did not unlock the key
    if (before === undefined) {
      const stored = await this.secrets.get(PREFIX + keyFile);
      if (stored !== undefined) {
        this.handedOut.set(keyFile, 'stored');
        return stored;
      }
    }
    const answer = await this.ask(keyFile, before !== undefined);
    if (!answer) {
      this.handedOut.delete(keyFile);
      return undefined;
    }
    this.handedOut.set(keyFile, 'typed');
    if (answer.remember) await this.remember(keyFile, answer.passphrase);
    return answer.passphrase;
  }

  /** Key files that have a remembered passphrase. */
  async rememberedFiles(): Promise<string[]> {
    try {
      const list: unknown = JSON.parse((await this.secrets.get(INDEX)) ?? '[]');
      return Array.isArray(list) ? list.filter((f): f is string => typeof f === 'string') : [];
    } catch {
      return [];
    }
  }

  /**
   * Deletes every remembered passphrase and starts over (the caller also
   * clears the remote layer's parsed keys, so each key is asked again).
   * Returns how many were deleted.
   */
  async forgetAll(): Promise<number> {
    const files = await this.rememberedFiles();
    for (const f of files) await this.secrets.delete(PREFIX + f);
    await this.secrets.delete(INDEX);
    this.handedOut.clear();
    return files.length;
  }

  private async remember(keyFile: string, passphrase: string): Promise<void> {
    await this.secrets.store(PREFIX + keyFile, passphrase);
    const files = await this.rememberedFiles();
    if (!files.includes(keyFile)) await this.secrets.store(INDEX, JSON.stringify([...files, keyFile]));
  }

  private async forget(keyFile: string): Promise<void> {
    await this.secrets.delete(PREFIX + keyFile);
    const files = await this.rememberedFiles();
    if (!files.includes(keyFile)) return;
    const rest = files.filter((f) => f !== keyFile);
    if (rest.length > 0) await this.secrets.store(INDEX, JSON.stringify(rest));
    else await this.secrets.delete(INDEX);
  }
}
