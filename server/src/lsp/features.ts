/**
 * The editor features over the protocol: completion, hover, code actions,
 * outline, folding, formatting, definition, references and rename. Each
 * handler maps the request to one call on the pure language service; what
 * the features answer is tested at the service boundary, the wiring by the
 * protocol tests (test/lsp/features*.test.ts).
 *
 * A handler never throws except on purpose: a refused rename answers with a
 * ResponseError whose message the editor shows. Anything else that goes
 * wrong is logged and answered with "nothing".
 */
import {
  CodeActionKind,
  LSPErrorCodes,
  ResponseError,
  type CodeAction,
  type Connection,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../service/languageService';

/** Characters after which the client asks for completion without the user pressing Ctrl+Space. */
export const COMPLETION_TRIGGERS = ['<', ' ', "'", '"', '=', '/'];

/** Code action kinds the service answers with. */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix];

export function featureCapabilities(): ServerCapabilities {
  return {
    completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
    documentSymbolProvider: { label: 'VirtNet' },
    foldingRangeProvider: true,
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
  };
}

export interface FeatureHost {
  readonly connection: Connection;
  readonly service: LanguageService;
  readonly documents: TextDocuments<TextDocument>;
  /**
   * Makes sure the service knows an open document (a new file is only handed
   * to the service once it looks like libvirt XML, netplan or an interfaces
   * file; completion must also work before that, in an empty XML file).
   * Returns false for unknown documents, and for YAML or plain text that is
   * neither netplan nor an interfaces file (other extensions own those).
   */
  ensureFile(uri: string): boolean;
  /**
   * Resolves once a large document that is being opened a slice at a time
   * is set in the service (slicedOpen.ts); undefined when it is not being
   * opened. Requests about it wait for that, other requests do not.
   */
  whenOpened?(uri: string): Promise<void> | undefined;
  logError(what: string, err: unknown): void;
}

export function registerFeatures(host: FeatureHost): void {
  const { connection, service } = host;

  /**
   * Runs a request handler, once its document is opened when it is being
   * opened in slices; any unexpected failure is logged and answered with `fallback`.
   */
  function safe<P extends { textDocument: { uri: string } }, R>(what: string, fallback: R, fn: (params: P) => R): (params: P) => R | Promise<R> {
    const run = (params: P): R => {
      try {
        return fn(params);
      } catch (err) {
        if (err instanceof ResponseError) throw err;
        host.logError(what, err);
        return fallback;
      }
    };
    return (params: P) => {
      const opened = host.whenOpened?.(params.textDocument.uri);
      return opened ? opened.then(() => run(params)) : run(params);
    };
  }

  connection.onCompletion(
    safe('completion', null, (p) => {
      if (!host.ensureFile(p.textDocument.uri)) return null;
      return service.complete(p.textDocument.uri, p.position);
    }),
  );

  connection.onHover(safe('hover', null, (p) => service.hover(p.textDocument.uri, p.position)));

  connection.onCodeAction(
    safe('codeAction', null, (p) => {
      const actions: CodeAction[] = service.codeActions(p.textDocument.uri, p.range, p.context.diagnostics);
      const only = p.context.only;
      if (!only || only.length === 0) return actions;
      return actions.filter((a) => a.kind !== undefined && only.some((k) => a.kind === k || a.kind!.startsWith(k + '.')));
    }),
  );

  connection.onDocumentSymbol(safe('documentSymbol', null, (p) => service.documentSymbols(p.textDocument.uri)));
  connection.onFoldingRanges(safe('foldingRange', null, (p) => service.foldingRanges(p.textDocument.uri)));
  connection.onDocumentFormatting(safe('formatting', null, (p) => service.format(p.textDocument.uri, p.options)));
  connection.onDocumentRangeFormatting(safe('rangeFormatting', null, (p) => service.format(p.textDocument.uri, p.options, p.range)));
  connection.onDefinition(safe('definition', null, (p) => service.definition(p.textDocument.uri, p.position)));
  connection.onReferences(safe('references', null, (p) => service.references(p.textDocument.uri, p.position, p.context.includeDeclaration)));

  connection.onPrepareRename(
    safe('prepareRename', null, (p) => {
      const uri = p.textDocument.uri;
      const r = service.prepareRename(uri, p.position);
      if (r) return r;
      const why = service.renameRefusal(uri, p.position) ?? 'Nothing to rename here.';
      throw new ResponseError(LSPErrorCodes.RequestFailed, why);
    }),
  );

  connection.onRenameRequest(
    safe('rename', null, (p) => {
      const uri = p.textDocument.uri;
      const edit = service.rename(uri, p.position, p.newName);
      if (edit) return edit;
      const why = service.renameRefusal(uri, p.position, p.newName) ?? `Cannot rename to '${p.newName}'.`;
      throw new ResponseError(LSPErrorCodes.RequestFailed, why);
    }),
  );
}
