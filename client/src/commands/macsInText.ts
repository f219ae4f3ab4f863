/**
 * The MAC addresses a workspace file writes (libvirt `<mac address=…>`,
 * netplan `macaddress:`, interfaces `hwaddress`), so a new NIC's MAC is
 * fresh in the workspace too. A textual scan, deliberately loose: a MAC it
 * finds in a comment is only avoided, never reported. Pure.
 */
import { normalizeMac } from '../remote';

const PATTERNS = [/<mac\b[^>]*\baddress\s*=\s*["']([^"']+)["']/gi, /\bmacaddress\s*:\s*["']?([0-9a-f:]{17})/gi, /\bhwaddress\s+(?:ether\s+)?([0-9a-f:]{17})/gi];

export function macsInText(text: string): string[] {
  const out = new Set<string>();
  for (const p of PATTERNS) for (const m of text.matchAll(p)) out.add(normalizeMac(m[1]));
  return [...out];
}
