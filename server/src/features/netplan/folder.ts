/**
 * The netplan configuration of the folder the document is in, merged the way
 * netplan merges it (every netplan file of the same directory): for
 * interface names in completion and "where is this used" in hover.
 */
import { buildConfig, parseNetplan, type NetplanConfig, type NetplanParse } from '../../netplan';
import type { FeatureContext } from '../context';
import { netplanLanguage } from '../../service/folderLanguages';

/** The folder netplan merges a file with (the facade groups files the same way). */
export const dirOf = (uri: string): string => netplanLanguage.groupOf(uri);

const byText = new Map<string, NetplanParse>();

/** Parses a text once (a small memo: the same texts come back on every keystroke). */
export function parsed(text: string): NetplanParse {
  let p = byText.get(text);
  if (!p) {
    p = parseNetplan(text);
    if (byText.size > 64) byText.clear();
    byText.set(text, p);
  }
  return p;
}

/** The merged configuration of the document's folder (the document itself included, with its current text). */
export function folderConfig(ctx: FeatureContext): NetplanConfig {
  const dir = dirOf(ctx.doc.uri);
  const files = [{ uri: ctx.doc.uri, parsed: parsed(ctx.doc.text) }];
  for (const d of ctx.documents()) {
    if (d.uri === ctx.doc.uri || d.format !== 'netplan' || dirOf(d.uri) !== dir) continue;
    files.push({ uri: d.uri, parsed: parsed(d.text) });
  }
  return buildConfig(files);
}

/** Singular words for device types, for details and hovers. */
export const TYPE_WORD: Record<string, string> = {
  ethernets: 'Ethernet device',
  wifis: 'Wi-Fi device',
  modems: 'modem',
  bridges: 'bridge',
  bonds: 'bond',
  vlans: 'VLAN',
  vrfs: 'VRF',
  tunnels: 'tunnel',
  'nm-devices': 'NetworkManager device',
};

/** Who refers to `id`: bridges/bonds/VRFs listing it in `interfaces:`, VLANs and tunnels naming it in `link:`. */
export function usersOf(config: NetplanConfig, id: string): { id: string; type: string; how: 'member' | 'link' }[] {
  const out: { id: string; type: string; how: 'member' | 'link' }[] = [];
  for (const def of config.ordered) {
    for (const { pair } of def.all('interfaces')) {
      const v = pair.value;
      if (v.kind === 'seq' && v.items.some((i) => i.kind === 'scalar' && i.value === id)) {
        if (!out.some((o) => o.id === def.id)) out.push({ id: def.id, type: def.type, how: 'member' });
      }
    }
    const link = def.get('link')?.pair.value;
    if (link && link.kind === 'scalar' && link.value === id) out.push({ id: def.id, type: def.type, how: 'link' });
  }
  return out;
}
