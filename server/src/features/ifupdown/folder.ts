/**
 * The interfaces files ifupdown reads together with the document (the
 * `interfaces` file and interfaces.d/ of the same folder), parsed, and the
 * interface names they mention.
 */
import { parseInterfaces, resolveDialect, type Dialect, type InterfacesModel } from '../../ifupdown';
import { bridges } from '../../ifupdown';
import type { FeatureContext } from '../context';
import { ifupdownLanguage } from '../../service/folderLanguages';

/** The files ifupdown reads together (the facade groups files the same way). */
const groupOf = (uri: string): string => ifupdownLanguage.groupOf(uri);

const memo = new Map<string, InterfacesModel>();

export function model(text: string): InterfacesModel {
  let m = memo.get(text);
  if (!m) {
    m = parseInterfaces(text);
    if (memo.size > 64) memo.clear();
    memo.set(text, m);
  }
  return m;
}

export interface FolderFile {
  readonly uri: string;
  readonly model: InterfacesModel;
}

/** The document first, then the other interfaces files of its group. */
export function folderFiles(ctx: FeatureContext): FolderFile[] {
  const g = groupOf(ctx.doc.uri);
  const out: FolderFile[] = [{ uri: ctx.doc.uri, model: model(ctx.doc.text) }];
  for (const d of ctx.documents()) {
    if (d.uri === ctx.doc.uri || d.format !== 'ifupdown' || groupOf(d.uri) !== g) continue;
    out.push({ uri: d.uri, model: model(d.text) });
  }
  return out;
}

export interface NameFacts {
  /** Names with an `iface` stanza. */
  readonly declared: Set<string>;
  /** Names on auto/allow-* lines. */
  readonly listed: Set<string>;
  /** Names that are bridges, and the bridge each port belongs to. */
  readonly bridges: Set<string>;
  readonly portOf: Map<string, string>;
}

export function nameFacts(files: readonly FolderFile[]): NameFacts {
  const declared = new Set<string>();
  const listed = new Set<string>();
  const bridgeSet = new Set<string>();
  const portOf = new Map<string, string>();
  for (const f of files) {
    for (const st of f.model.ifaces) if (st.name) declared.add(st.name.text);
    for (const a of f.model.allows) for (const n of a.names) listed.add(n.text);
    for (const b of bridges(f.model)) {
      bridgeSet.add(b.name);
      for (const p of b.ports) if (!portOf.has(p.text)) portOf.set(p.text, b.name);
    }
  }
  return { declared, listed, bridges: bridgeSet, portOf };
}

/** The dialect the folder is read in: the setting, or decided from its files (`auto`). */
export function folderDialect(ctx: FeatureContext, files: readonly FolderFile[] = folderFiles(ctx)): Dialect {
  return resolveDialect(ctx.settings.interfacesDialect ?? 'auto', files).dialect;
}
