/**
 * What every editor feature (completion, hover, code actions, symbols,
 * formatting, rename, navigation) receives from the facade: the document,
 * its parsed forms, and read access to the other files of the workspace.
 * Features are pure functions of this, like checks.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LibvirtModel } from '../model/libvirt';
import type { LineIndex } from '../parse/lineIndex';
import type { XmlDocument } from '../parse/xml';
import type { DocKind, LibvirtKind, Settings } from '../service/types';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

export interface DocumentView {
  readonly uri: string;
  readonly text: string;
  readonly lineIndex: LineIndex;
  /** Parsed XML, for any document that parses as XML with a root (libvirt or not). */
  readonly xml: XmlDocument | undefined;
  /** Set when the document is libvirt XML. */
  readonly kind: LibvirtKind | undefined;
  /** Set when the document is any format VirtNet understands (libvirt XML, netplan, interfaces). */
  readonly format: DocKind | undefined;
  readonly model: LibvirtModel | undefined;
}

export interface FeatureContext {
  readonly doc: DocumentView;
  readonly workspace: WorkspaceIndex;
  /** Other files known to the service (open or indexed from disk). */
  document(uri: string): DocumentView | undefined;
  documents(): Iterable<DocumentView>;
  /** Current diagnostics of a file (for code actions and tests). */
  diagnostics(uri: string): Diagnostic[];
  readonly settings: Settings;
}
