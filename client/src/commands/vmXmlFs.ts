/**
 * The `virtnet-vm:` file system: a VM's XML (running or saved) as a
 * read-only editor document (vmXml.ts has the URIs and the read). Every
 * write is refused: VirtNet does not edit VMs' definitions.
 */
import * as vscode from 'vscode';
import type { HostConnectionManager } from '../remote';
import { nextStep } from './failureAdvice';
import { HostDocumentFileSystem } from './hostDocumentFs';
import type { CommandLog } from './vscodeFlowUi';
import { parseVmXmlUri, readVmXml, VM_XML_SCHEME, vmXmlUriParts, type VmXmlRef } from './vmXml';

export function vmXmlUri(ref: VmXmlRef): vscode.Uri {
  return vscode.Uri.from({ scheme: VM_XML_SCHEME, ...vmXmlUriParts(ref) });
}

export class VmXmlFileSystem extends HostDocumentFileSystem {
  constructor(
    private readonly manager: HostConnectionManager,
    private readonly log: CommandLog,
  ) {
    super();
  }

  private ref(uri: vscode.Uri): VmXmlRef {
    const ref = parseVmXmlUri(uri.path, uri.query);
    if (!ref) throw vscode.FileSystemError.FileNotFound(uri);
    return ref;
  }

  protected writable(uri: vscode.Uri): boolean {
    this.ref(uri);
    return false;
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
    return this.remember(uri, r.value);
  }
}
