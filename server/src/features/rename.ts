/**
 * Rename a network or a bridge across the workspace (closed files included).
 *
 * Network: its `<name>` and every `<source network='…'>` of VM interfaces.
 * Bridge: the `<bridge name='…'>` of the network that creates it (or the
 * host interface definition), every `<source bridge='…'>`, and the
 * `<bridge name='…'>` of networks in `<forward mode='bridge'>` that attach
 * to it. A bridge that a netplan or interfaces file defines is not renamed
 * (from either side): other definitions there may name it (a VLAN's link,
 * `auto br0`), and renaming only the libvirt side would cut its users off.
 *
 * A duplicated network name (two files declare it; a diagnostic says so) is
 * usually a copied file whose name has not been changed yet: renaming from
 * one of the declarations renames only that declaration and leaves the users
 * with the other one. From a use, everything is renamed.
 *
 * `renameRefusal` says in words why a rename is refused (the facade's
 * `prepareRename`/`rename` answer null then); the LSP adapter shows it.
 */
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { toRange } from '../parse/lineIndex';
import type { FeatureContext } from './context';
import { bridgeNameTaken, isHostConfig, nameAt, occurrences, networkDeclarations, type NameAt, type NameOccurrence, type Quoting } from './names/occurrences';

/** Linux interface names hold at most 15 characters. */
const IFNAMSIZ = 15;

const NOTHING_HERE =
  "Nothing to rename here: place the cursor on a network's <name>, a <bridge name='…'>, a host bridge's name, or the network or bridge of a VM interface's <source>.";

function baseName(uri: string): string {
  const i = uri.lastIndexOf('/');
  return decodeURIComponent(i >= 0 ? uri.slice(i + 1) : uri);
}

/** Why nothing at `offset` can be renamed, or undefined when something can. */
function prepareRefusal(ctx: FeatureContext, at: NameAt | undefined): string | undefined {
  if (!at) return NOTHING_HERE;
  if (at.kind === 'network' && at.occurrence.role === 'reference' && networkDeclarations(ctx, at.name).length === 0) {
    return `The network '${at.name}' is not defined in this workspace; renaming only its users would point them at a network that does not exist. Open the folder that holds its XML, or edit the value by hand.`;
  }
  if (at.kind === 'bridge') {
    const host = isHostConfig(at.occurrence.holder) ? at.occurrence : occurrences(ctx, 'bridge', at.name).find((o) => isHostConfig(o.holder));
    if (host) {
      return `The bridge '${at.name}' is defined in ${baseName(host.uri)} (${host.holder === 'netplan' ? 'netplan' : 'an interfaces file'}), where other definitions may name it too; VirtNet does not rename inside host configuration files. Rename it there by hand, then its libvirt users.`;
    }
  }
  return undefined;
}

/** Why `newName` cannot replace the name at the cursor, or undefined when it can. */
function nameRefusal(ctx: FeatureContext, at: NameAt, newName: string): string | undefined {
  if (newName === at.name) return undefined;
  const what = at.kind === 'network' ? 'A network name' : 'A bridge name';
  if (newName.trim() === '') return `${what} cannot be empty.`;
  if (newName !== newName.trim()) return `${what} cannot start or end with spaces: they would become part of the name.`;
  if (newName.includes('/')) return `${what} cannot contain '/'.`;
  if (at.kind === 'network') {
    if (/[\r\n]/.test(newName)) return 'A network name cannot contain a line break.';
    const other = networkDeclarations(ctx, newName)[0];
    if (other) return `A network named '${newName}' is already defined (${baseName(other.uri)}). Pick another name.`;
    return undefined;
  }
  if (/\s/.test(newName)) return 'A bridge name cannot contain spaces: it becomes a Linux interface name.';
  if (newName.includes(':')) return "A bridge name cannot contain ':': it becomes a Linux interface name.";
  if (newName === '.' || newName === '..') return `'${newName}' is not a valid Linux interface name.`;
  if (newName.length > IFNAMSIZ && !newName.includes('%'))
    return `'${newName}' is ${newName.length} characters long; Linux interface names are limited to ${IFNAMSIZ}.`;
  const taken = bridgeNameTaken(ctx, newName);
  if (taken) return `The bridge name '${newName}' is already used (${taken.what}, ${baseName(taken.uri)}). Pick another name.`;
  return undefined;
}

/**
 * Why the rename at `offset` is refused: without `newName`, whether anything
 * here can be renamed; with it, also whether the new name is acceptable.
 * Undefined when the rename can go ahead.
 */
export function renameRefusal(ctx: FeatureContext, offset: number, newName?: string): string | undefined {
  const at = nameAt(ctx, offset);
  const r = prepareRefusal(ctx, at);
  if (r || newName === undefined) return r;
  return nameRefusal(ctx, at!, newName);
}

export function prepareRename(ctx: FeatureContext, offset: number): { range: Range; placeholder: string } | null {
  const at = nameAt(ctx, offset);
  if (!at || prepareRefusal(ctx, at)) return null;
  return { range: toRange(ctx.doc.lineIndex, at.occurrence.span), placeholder: at.name };
}

/** The occurrences a rename from `at` rewrites (see the module comment for duplicates). */
export function renameTargets(ctx: FeatureContext, at: NameAt): NameOccurrence[] {
  const all = occurrences(ctx, at.kind, at.name);
  const here = (o: NameOccurrence) => o.uri === at.occurrence.uri && o.span.start === at.occurrence.span.start;
  if (at.kind === 'network' && at.occurrence.role === 'declaration' && all.filter((o) => o.role === 'declaration').length > 1) {
    return [at.occurrence];
  }
  // The cursor's own occurrence, even where the index does not list it (a <source network> of a NIC of another type).
  return all.some(here) ? all : [at.occurrence, ...all];
}

export function escapeName(name: string, quoting: Quoting): string {
  let s = name.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  if (quoting === 'text') return s.replace(/>/g, '&gt;');
  s = s.replace(/[\r\n\t]/g, (c) => `&#${c.charCodeAt(0)};`);
  return quoting === "'" ? s.replace(/'/g, '&apos;') : s.replace(/"/g, '&quot;');
}

export function rename(ctx: FeatureContext, offset: number, newName: string): WorkspaceEdit | null {
  const at = nameAt(ctx, offset);
  if (!at || prepareRefusal(ctx, at) || nameRefusal(ctx, at, newName)) return null;
  const changes: Record<string, TextEdit[]> = {};
  for (const o of renameTargets(ctx, at)) {
    const d = o.uri === ctx.doc.uri ? ctx.doc : ctx.document(o.uri);
    if (!d) continue;
    (changes[o.uri] ??= []).push({ range: toRange(d.lineIndex, o.span), newText: escapeName(newName, o.quoting) });
  }
  return { changes };
}
