/**
 * A `virtnet-net:` or `virtnet-vm:` FileSystemProvider as registered at activation (a
 * document of that scheme activates the extension): each call loads the
 * hosts part when it is not yet and forwards to its provider.
 */
import * as vscode from 'vscode';

export class LazyFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private real: vscode.FileSystemProvider | undefined;
  private forwarding: vscode.Disposable | undefined;

  constructor(private readonly load: () => Promise<vscode.FileSystemProvider>) {}

  private async fs(): Promise<vscode.FileSystemProvider> {
    if (!this.real) {
      const real = await this.load();
      if (!this.real) {
        this.real = real;
        this.forwarding = real.onDidChangeFile((e) => this.changed.fire(e));
      }
    }
    return this.real;
  }

  watch(uri: vscode.Uri, options: { readonly recursive: boolean; readonly excludes: readonly string[] }): vscode.Disposable {
    // Our documents change only through our own writes, which fire onDidChangeFile; nothing to watch.
    return this.real ? this.real.watch(uri, options) : new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    return (await this.fs()).stat(uri);
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    return (await this.fs()).readDirectory(uri);
  }

  async createDirectory(uri: vscode.Uri): Promise<void> {
    return (await this.fs()).createDirectory(uri);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return (await this.fs()).readFile(uri);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array, options: { readonly create: boolean; readonly overwrite: boolean }): Promise<void> {
    return (await this.fs()).writeFile(uri, content, options);
  }

  async delete(uri: vscode.Uri, options: { readonly recursive: boolean }): Promise<void> {
    return (await this.fs()).delete(uri, options);
  }

  async rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { readonly overwrite: boolean }): Promise<void> {
    return (await this.fs()).rename(oldUri, newUri, options);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changed.dispose();
  }
}
