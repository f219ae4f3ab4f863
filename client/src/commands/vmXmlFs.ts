/**
 * The `virtnet-vm:` file system: a VM's XML (running or saved) as a
 * read-only editor document (vmXml.ts has the URIs and the read). Every
 * write is refused: VirtNet does not edit VMs' definitions.
 */
import * as vscode from 'vscode';
import type { HostConnectionManager } from '../remote';
import { nextStep } from './failureAdvice';
import type { CommandLog } from './vscodeFlowUi';
import { parseVmXmlUri, readVmXml, VM_XML_SCHEME, vmXmlUriParts, type VmXmlRef } from './vmXml';

export function vmXmlUri(ref: VmXmlRef): vscode.Uri {
  return vscode.Uri.from({ scheme: VM_XML_SCHEME, ...vmXmlUriParts(ref) });
}

export class VmXmlFileSystem implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly seen = new Map<string, { mtime: number; size: number }>();

  constructor(
    private readonly manager: HostConnectionManager,
    private readonly log: CommandLog,
  ) {}

  private ref(uri: vscode.Uri): VmXmlRef {
    const ref = parseVmXmlUri(uri.path, uri.query);
    if (!ref) throw vscode.FileSystemError.FileNotFound(uri);
    return ref;
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    this.ref(uri);
    const s = this.seen.get(uri.toString()) ?? { mtime: Date.now(), size: 0 };
    return { type: vscode.FileType.File, ctime: s.mtime, mtime: s.mtime, size: s.size, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const ref = this.ref(uri);
    const vm = this.manager.host(ref.host)?.vms?.find((v) => v.name === ref.vm);
    if (!vm) throw vscode.FileSystemError.FileNotFound(`VM '${ref.vm}' is not on ${ref.host} (as last read): refresh the host`);
    const r = await readVmXml((c) => this.manager.run(ref.host, c), vm.uuid, ref.view);
    if (!r.ok) {
      this.log.error(`Reading VM '${ref.vm}' on ${ref.host}: ${r.error.message}`);
      if (/no longer on this host|not found/i.test(r.error.message)) throw vscode.FileSystemError.FileNotFound(`${r.error.message}`);
      throw vscode.FileSystemError.Unavailable(`${r.error.message}. ${nextStep(r.error, this.manager.host(ref.host)?.config ?? { name: ref.host })}`);
    }
    const bytes = Buffer.from(r.value, 'utf8');
    this.seen.set(uri.toString(), { mtime: Date.now(), size: bytes.length });
    return bytes;
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
  writeFile(uri: vscode.Uri): void {
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
