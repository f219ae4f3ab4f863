/**
 * What the `virtnet-net:` and `virtnet-vm:` file systems share: flat,
 * single-file documents read from a KVM host, no directories, no deletes or
 * renames, nothing to watch (they change only through our own writes, which
 * fire onDidChangeFile), and a stat that reports what was last read or saved.
 * Subclasses say how a URI reads (readFile), which documents are writable
 * (writable) and what a write does (writeFile; refused by default).
 */
import * as vscode from 'vscode';

export abstract class HostDocumentFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  protected readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** Sizes and times of what was last read or saved, for stat. */
  private readonly seen = new Map<string, { mtime: number; size: number }>();

  /** Whether the document may be saved; throws FileNotFound for a URI that is not one of ours. */
  protected abstract writable(uri: vscode.Uri): boolean;
  abstract readFile(uri: vscode.Uri): Promise<Uint8Array>;

  /** Records what was read or saved (for stat) and returns it as bytes. */
  protected remember(uri: vscode.Uri, text: string | Uint8Array): Uint8Array {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    this.seen.set(uri.toString(), { mtime: Date.now(), size: bytes.length });
    return bytes;
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const permissions = this.writable(uri) ? undefined : vscode.FilePermission.Readonly;
    const s = this.seen.get(uri.toString()) ?? { mtime: Date.now(), size: 0 };
    return { type: vscode.FileType.File, ctime: s.mtime, mtime: s.mtime, size: s.size, permissions };
  }

  writeFile(uri: vscode.Uri, _content: Uint8Array): void | Promise<void> {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
