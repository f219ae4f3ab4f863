/**
 * Go to definition and find references for network and bridge names (see
 * names/occurrences.ts for what declares and what uses a name).
 *
 * - From `<source network='x'>`: the `<name>` of the network x (in another
 *   file, usually). From a network's own `<name>`: itself.
 * - From `<source bridge='x'>` or the `<bridge name='x'>` of a
 *   `<forward mode='bridge'>` network: what creates the bridge (a network
 *   that manages it, a host interface definition, the netplan `bridges:`
 *   key or the interfaces `iface` line that defines it). When the
 *   workspace holds no definition, the networks that attach to that host
 *   bridge are the best answer we have.
 * - From a netplan or interfaces bridge: itself; its references are the
 *   libvirt networks and VM interfaces of the same folder that use it.
 * - References: every use, plus the declarations when asked.
 */
import type { Location } from 'vscode-languageserver-types';
import { toRange } from '../parse/lineIndex';
import type { FeatureContext } from './context';
import { nameAt, occurrences, type NameOccurrence } from './names/occurrences';

export function toLocations(ctx: FeatureContext, list: readonly NameOccurrence[]): Location[] {
  const out: Location[] = [];
  for (const o of list) {
    const d = o.uri === ctx.doc.uri ? ctx.doc : ctx.document(o.uri);
    if (d) out.push({ uri: o.uri, range: toRange(d.lineIndex, o.span) });
  }
  return out;
}

export function definition(ctx: FeatureContext, offset: number): Location[] {
  const at = nameAt(ctx, offset);
  if (!at) return [];
  const all = occurrences(ctx, at.kind, at.name);
  let decls = all.filter((o) => o.role === 'declaration');
  if (at.occurrence.role === 'declaration' && decls.length === 0) decls = [at.occurrence];
  if (decls.length === 0 && at.kind === 'bridge') {
    // No file creates this bridge: point at the networks that attach to it.
    decls = all.filter((o) => o.role === 'reference' && o.holder === 'network-bridge' && !(o.uri === at.occurrence.uri && o.span.start === at.occurrence.span.start));
  }
  return toLocations(ctx, decls);
}

export function references(ctx: FeatureContext, offset: number, includeDeclaration: boolean): Location[] {
  const at = nameAt(ctx, offset);
  if (!at) return [];
  const all = occurrences(ctx, at.kind, at.name);
  return toLocations(ctx, includeDeclaration ? all : all.filter((o) => o.role === 'reference'));
}
