/**
 * Keeps the language server's host facts in step with the hosts the
 * workspace targets (`virtnet.targetHosts`): after each successful refresh
 * of a targeted host, its facts (networks of the refresh, bridge devices
 * read then) are sent; a host that stops being targeted, or is removed, is
 * forgotten (`facts: null`). A host newly targeted that was never read is
 * refreshed once. No `vscode` here: the extension supplies `send` (the LSP
 * notification) and `targets` (the setting), and calls `targetsChanged()`.
 */
import type { HostFactsParams } from '../../../server/src/workspace/hostFactsFormat';
import type { Disposable } from './events';
import { forgetHostFacts, readHostFacts, type HostVmNics } from './hostFacts';
import type { HostConnectionManager } from './hostConnectionManager';
import type { NetworkSummary } from './hostNetworks';
import type { RemoteError } from './result';

export interface HostFactsSyncOptions {
  readonly send: (params: HostFactsParams) => void;
  /** The names of the hosts the workspace targets. */
  readonly targets: () => readonly string[];
  /** A host's VMs and NICs, when the domain layer knows them (else VMs are sent as unknown). */
  readonly vmsOf?: (hostName: string) => readonly HostVmNics[] | undefined;
  /** Why a host's bridges could not be read (for the log). */
  readonly onBridgesError?: (hostName: string, error: RemoteError) => void;
}

export class HostFactsSync implements Disposable {
  /** Per host: the networks of the refresh whose facts were last sent (or are being read). */
  private readonly sent = new Map<string, readonly NetworkSummary[]>();
  private readonly subscription: Disposable;

  constructor(
    private readonly manager: HostConnectionManager,
    private readonly options: HostFactsSyncOptions,
  ) {
    this.subscription = manager.onDidChange((name) => this.onHostChanged(name));
    this.targetsChanged();
  }

  /** Call when the targeted hosts may have changed (the setting). */
  targetsChanged(): void {
    const targets = new Set(this.options.targets());
    for (const name of [...this.sent.keys()]) if (!targets.has(name)) this.forget(name);
    for (const name of targets) {
      const h = this.manager.host(name);
      if (!h) continue;
      if (h.status === 'idle') void this.manager.refresh(name);
      else this.onHostChanged(name);
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private forget(name: string): void {
    this.sent.delete(name);
    this.options.send(forgetHostFacts(name));
  }

  private onHostChanged(name: string): void {
    const targeted = this.options.targets().includes(name);
    const h = this.manager.host(name);
    if (!h || !targeted) {
      if (this.sent.has(name)) this.forget(name);
      return;
    }
    if (h.status !== 'ready' || !h.networks || this.sent.get(name) === h.networks) return;
    const networks = h.networks;
    this.sent.set(name, networks);
    void readHostFacts(this.manager, name, { vms: this.options.vmsOf?.(name) }).then(({ params, bridgesError }) => {
      // A newer refresh, or the host no longer targeted, while the bridges were read: that one decides.
      if (this.sent.get(name) !== networks || !params) return;
      if (bridgesError) this.options.onBridgesError?.(name, bridgesError);
      this.options.send(params);
    });
  }
}
