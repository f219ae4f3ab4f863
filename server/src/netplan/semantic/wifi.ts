/**
 * netplan/wifi: Wi-Fi rules of netplan 0.106 beyond the schema.
 * While reading: an SSID given twice in one access-points mapping;
 * `wakeonwlan: default` combined with other triggers.
 * While writing: a channel that does not exist in the chosen band; a WPA
 * passphrase that is not 8-63 characters or 64 hex digits (networkd, which
 * hands it to wpa_supplicant; also for wired 802.1x `auth`); the `tcp`
 * wake-on-WLAN trigger (networkd).
 * And a netplan 0.106 bug: when a file uses an interface before defining it,
 * netplan reads the file a second time and then reports every Wi-Fi access
 * point of that file as a duplicate SSID.
 */
import type { NpMap, NpScalar } from '../tree';
import type { FileFinding, NetplanCheck, NetplanConfig } from './model';
import { scalarOf } from './model';
import { backendOf } from './backend';
import { refs } from './members';

const CODE = 'netplan/wifi';
const CHANNELS_5GHZ = new Set([
  7, 8, 9, 11, 12, 16, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62, 64, 68, 96, 100, 102, 104, 106, 108, 110, 112, 114, 116, 118, 120, 122, 124, 126, 128, 132, 134, 136, 138, 140, 142, 144, 149,
  151, 153, 155, 157, 159, 161, 165, 169, 173,
]);

function pskProblem(pw: string): string | undefined {
  if (pw.length === 64) return /^[0-9a-fA-F]{64}$/.test(pw) ? undefined : 'a 64-character WPA key must be 64 hexadecimal digits; a passphrase has 8 to 63 characters.';
  if (pw.length < 8 || pw.length > 63) return `a WPA passphrase has 8 to 63 characters (this one has ${pw.length}).`;
  return undefined;
}

function passwordOf(auth: NpMap | undefined): NpScalar | undefined {
  if (!auth) return undefined;
  const km = scalarOf(auth.get('key-management')?.value)?.value;
  if (km !== 'psk') return undefined;
  const pw = scalarOf(auth.get('password')?.value);
  return pw && !pw.empty ? pw : undefined;
}

export const wifi: NetplanCheck = {
  id: CODE,
  defaultSeverity: 'error',
  phase: 'write',
  description: 'An SSID listed twice, a channel outside its band, a WPA passphrase of the wrong length, or wake-on-WLAN triggers netplan refuses.',
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    for (const def of config.ordered) {
      const networkd = backendOf(def, config) === 'networkd';
      for (const part of def.parts) {
        const add = (span: { start: number; end: number }, message: string, phase: 'parse' | 'write' = 'write') => out.push({ uri: part.uri, code: CODE, severity: 'error', span, message: `${def.id}: ${message}`, phase });
        const wow = part.map.get('wakeonwlan')?.value;
        if (wow && wow.kind === 'seq') {
          const words = wow.items.map((i) => scalarOf(i)?.value.toLowerCase());
          if (words.includes('default') && words.some((w) => w !== 'default')) add(wow.span, "'default' in wakeonwlan cannot be combined with other triggers.", 'parse');
          else if (networkd && def.type === 'wifis') {
            const tcp = wow.items.find((i) => scalarOf(i)?.value.toLowerCase() === 'tcp');
            if (tcp) add(tcp.span, "the 'tcp' wake-on-WLAN trigger is not supported with networkd (wpa_supplicant).");
          }
        }
        if (networkd && def.type !== 'wifis') {
          const auth = part.map.get('auth')?.value;
          const pw = passwordOf(auth && auth.kind === 'map' ? auth : undefined);
          const problem = pw && pskProblem(pw.value);
          if (problem) add(pw!.span, problem);
        }
        const aps = part.map.get('access-points')?.value;
        if (def.type !== 'wifis' || !aps || aps.kind !== 'map') continue;
        const seen = new Set<string>();
        for (const ap of aps.pairs) {
          if (seen.has(ap.key.value)) add(ap.key.span, `access point '${ap.key.value}' is listed twice; give each SSID once.`, 'parse');
          seen.add(ap.key.value);
          if (ap.value.kind !== 'map') continue;
          const band = scalarOf(ap.value.get('band')?.value)?.value;
          const ch = scalarOf(ap.value.get('channel')?.value);
          if (band && ch && /^[0-9]+$/.test(ch.value)) {
            const n = Number(ch.value);
            if ((band === '2.4GHz' || band === '2.4G') && !(n >= 1 && n <= 14)) add(ch.span, `channel ${n} does not exist in the 2.4 GHz band (1 to 14).`);
            if ((band === '5GHz' || band === '5G') && !CHANNELS_5GHZ.has(n)) add(ch.span, `channel ${n} is not a 5 GHz Wi-Fi channel (e.g. 36, 40, 44, 48, 149…).`);
          }
          if (networkd) {
            let pw = scalarOf(ap.value.get('password')?.value);
            if (!pw || pw.empty) {
              const auth = ap.value.get('auth')?.value;
              pw = passwordOf(auth && auth.kind === 'map' ? auth : undefined);
            }
            const problem = pw && !pw.empty ? pskProblem(pw.value) : undefined;
            if (problem) add(pw!.span, `access point '${ap.key.value}': ${problem}`);
          }
        }
      }
    }
    out.push(...forwardDeclarationBug(config));
    return out;
  },
};

function forwardDeclarationBug(config: NetplanConfig): FileFinding[] {
  const out: FileFinding[] = [];
  const order = (uri: string) => config.fileOrder.get(uri) ?? 0;
  const forward = new Map<string, string>(); // file → the first name used before its definition
  for (const def of config.ordered)
    for (const r of refs(def)) {
      if (forward.has(r.uri)) continue;
      const target = config.defs.get(r.ref.value);
      if (!target || target.parts.some((p) => order(p.uri) < order(r.uri))) continue;
      const here = target.parts.find((p) => p.uri === r.uri);
      if (here && here.key.span.start > r.ref.span.start) forward.set(r.uri, r.ref.value);
    }
  if (forward.size === 0) return out;
  for (const def of config.ordered) {
    if (def.type !== 'wifis') continue;
    for (const part of def.parts) {
      const name = forward.get(part.uri);
      const aps = part.map.get('access-points')?.value;
      if (!name || !aps || aps.kind !== 'map' || aps.pairs.length === 0) continue;
      const first = aps.pairs[0].key;
      out.push({
        uri: part.uri,
        code: CODE,
        severity: 'error',
        phase: 'parse',
        span: first.span,
        message: `${def.id}: netplan 0.106 rejects this file with "duplicate access point '${first.value}'": '${name}' is used before it is defined, so netplan reads the file twice and counts the access points twice. Define '${name}' above the place that uses it.`,
      });
    }
  }
  return out;
}
