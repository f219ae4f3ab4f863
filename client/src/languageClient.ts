/**
 * Builds the language client: how the server is launched (out/server.js in
 * a Node process over IPC), which documents it sees (XML and YAML documents,
 * and Debian interfaces files by name; the server recognises libvirt XML and
 * netplan YAML by content and answers nothing for other XML or YAML, so the
 * Red Hat XML and YAML extensions keep those to themselves) and how
 * `virtnet.xml.syntaxErrors: auto` is resolved (off when the Red Hat XML
 * extension, which already reports well-formedness errors, is installed).
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { NETWORK_XML_SCHEME, VM_XML_SCHEME } from './commands/networkXmlScheme';

/** The Red Hat XML extension: reports XML syntax errors itself. */
export const XML_EXTENSION_ID = 'redhat.vscode-xml';

/** GC tuning: a larger young generation halves parse time on 20k-line files (measured). */
const EXEC_ARGV = ['--max-semi-space-size=32'];

/**
 * The documents the server is told about. YAML: every YAML document, because
 * netplan files are recognised by content as much as by path (the server
 * stays silent on YAML that is not netplan: docker-compose, Kubernetes,
 * CI files). A network of a host opened in the editor (`virtnet-net:` URIs)
 * is checked like a file. Interfaces files have no language of their own (VS Code opens
 * them as plain text), so they are selected by name, whatever their language.
 */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'xml' },
  // A host's network definition opened in the editor (commands/networkXmlFs.ts, `virtnet-net:`): checked like any file.
  { scheme: NETWORK_XML_SCHEME, language: 'xml' },
  // A VM's definition on a host, read-only (commands/vmXmlFs.ts, `virtnet-vm:`): its NICs checked, never paired across files.
  { scheme: VM_XML_SCHEME, language: 'xml' },
  { scheme: 'untitled', language: 'xml' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'file', pattern: '**/interfaces' },
  { scheme: 'file', pattern: '**/interfaces.d/*' },
  { scheme: 'file', pattern: '**/*.interfaces' },
];

export function xmlExtensionPresent(): boolean {
  return vscode.extensions.getExtension(XML_EXTENSION_ID) !== undefined;
}

/** `auto` → `on`/`off` from whether the XML extension is installed; other values unchanged. */
export function resolveSyntaxErrors(value: unknown, xmlPresent: boolean): 'on' | 'off' {
  if (value === 'on' || value === 'off') return value;
  return xmlPresent ? 'off' : 'on';
}

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: EXEC_ARGV } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...EXEC_ARGV, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    // The server registers its own file watchers (XML, YAML, interfaces; dynamic registration), so no synchronize.fileEvents here.
    initializationOptions: { xmlExtensionPresent: xmlExtensionPresent() },
    middleware: {
      workspace: {
        // Hand the server a resolved `syntaxErrors` so that it never has to guess what `auto` means.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, i) => {
            if (params.items[i]?.section !== 'virtnet' || typeof value !== 'object' || value === null) return value;
            const v = value as { xml?: { syntaxErrors?: unknown } };
            return { ...v, xml: { ...v.xml, syntaxErrors: resolveSyntaxErrors(v.xml?.syntaxErrors, xmlExtensionPresent()) } };
          });
        },
      },
    },
  };
  return new LanguageClient('virtnet', 'VirtNet', serverOptions, clientOptions);
}
