/**
 * The `virtnet-host:` file system: the read-only documents behind the
 * language server's related information for KVM hosts' objects
 * (`virtnet-host://HOST/network/NAME`, `…/vm/NAME`, `…/bridges`), so that
 * clicking such a location in the Problems panel or a hover shows the
 * network's or VM's XML, or the host's bridges (hostObjectText.ts decides
 * what; a message when the host or the object cannot be shown).
 */
import * as vscode from 'vscode';
import { fetchHostBridges, ok, type HostConnectionManager } from '../remote';
import { HostDocumentFileSystem } from './hostDocumentFs';
import { readHostObject } from './hostObjectText';
import { parseHostObjectUri, type HostObjectRef } from './hostObjectUri';

export class HostObjectFileSystem extends HostDocumentFileSystem {
  constructor(private readonly manager: HostConnectionManager) {
    super();
  }

  private ref(uri: vscode.Uri): HostObjectRef {
    const ref = parseHostObjectUri(uri.authority, uri.path);
    if (!ref) throw vscode.FileSystemError.FileNotFound(uri);
    return ref;
  }

  protected writable(uri: vscode.Uri): boolean {
    this.ref(uri);
    return false;
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const ref = this.ref(uri);
    const m = this.manager;
    const doc = await readHostObject(
      {
        host: (h) => m.host(h),
        refresh: (h) => m.refresh(h),
        run: (h, c) => m.run(h, c),
        bridges: async (h) => {
          const runner = m.runnerOf(h);
          return runner ? fetchHostBridges(runner, { timeoutMs: 30_000 }) : ok([]);
        },
      },
      ref,
    );
    return this.remember(uri, doc.text);
  }
}
