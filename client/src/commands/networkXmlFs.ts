/**
 * The `virtnet-net:` file system: a host's network definition as an editor
 * document (networkXml.ts has the URIs and what reading and saving do).
 * `?live` and `?inactive` documents are read-only; the plain one is the
 * definition `virsh net-edit` edits, and saving it runs `net-define`. A save
 * libvirt refuses throws, so VS Code reports it and the document stays dirty.
 * The language client selects this scheme, so the server checks these
 * documents like any file.
 */
import * as vscode from 'vscode';
import type { HostConfig, HostConnectionManager } from '../remote';
import { nextStep } from './failureAdvice';
import { HostDocumentFileSystem } from './hostDocumentFs';
import { NETWORK_XML_SCHEME, networkXmlUriParts, parseNetworkXmlUri, readNetworkXml, saveNetworkXml, type NetworkXmlRef } from './networkXml';
import type { CommandLog } from './vscodeFlowUi';

export function networkXmlUri(ref: NetworkXmlRef): vscode.Uri {
  return vscode.Uri.from({ scheme: NETWORK_XML_SCHEME, ...networkXmlUriParts(ref) });
}

export class NetworkXmlFileSystem extends HostDocumentFileSystem {
  constructor(
    private readonly manager: HostConnectionManager,
    private readonly log: CommandLog,
  ) {
    super();
  }

  private configOf(host: string): HostConfig {
    return this.manager.host(host)?.config ?? { name: host };
  }

  private ref(uri: vscode.Uri): NetworkXmlRef {
    const ref = parseNetworkXmlUri(uri.path, uri.query);
    if (!ref) throw vscode.FileSystemError.FileNotFound(uri);
    return ref;
  }

  protected writable(uri: vscode.Uri): boolean {
    return this.ref(uri).view === 'edit';
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const ref = this.ref(uri);
    const r = await readNetworkXml((c) => this.manager.run(ref.host, c), ref);
    if (!r.ok) {
      this.log.error(`Reading network '${ref.network}' on ${ref.host}: ${r.error.message}`);
      if (/not found|no network with matching/i.test(r.error.message)) throw vscode.FileSystemError.FileNotFound(uri);
      throw vscode.FileSystemError.Unavailable(`${r.error.message}. ${nextStep(r.error, this.configOf(ref.host))}`);
    }
    return this.remember(uri, r.value);
  }

  override async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const ref = this.ref(uri);
    if (ref.view !== 'edit') throw vscode.FileSystemError.NoPermissions(uri);
    const text = Buffer.from(content).toString('utf8');
    const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Defining network '${ref.network}' on ${ref.host}` }, () =>
      saveNetworkXml(ref.host, (c) => this.manager.run(ref.host, c), ref.network, text),
    );
    void this.manager.refresh(ref.host);
    if (!r.ok) {
      const message = `${r.error.message}. ${nextStep(r.error, this.configOf(ref.host))}`;
      this.log.error(`${message}${r.error.stderr ? `\n${r.error.stderr.trim()}` : ''}`);
      // Thrown: VS Code says the save failed and keeps the document dirty.
      throw new Error(message);
    }
    this.log.info(r.value);
    void vscode.window.showInformationMessage(r.value);
    this.remember(uri, content);
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }
}
