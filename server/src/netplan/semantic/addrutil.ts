/** Address forms netplan accepts, with its rules (inet_pton, prefix lengths). */
import { parseAddr, type Addr } from '../../net/ip';

export type CidrResult =
  | { ok: true; addr: Addr; prefix: number }
  | { ok: false; problem: 'missing-prefix' | 'bad-prefix' | 'malformed' | 'bad-ipv4' | 'bad-ipv6'; message: string };

/** An interface address `addr/prefix` as netplan's handle_addresses checks it. */
export function parseCidr(text: string): CidrResult {
  const slash = text.lastIndexOf('/');
  if (slash < 0) {
    return { ok: false, problem: 'missing-prefix', message: `Address '${text}' has no prefix length: write it as address/prefix, e.g. ${text}/24.` };
  }
  const a = text.slice(0, slash);
  const p = text.slice(slash + 1);
  const addr = parseAddr(a);
  if (!addr || a !== a.trim()) {
    return { ok: false, problem: 'malformed', message: `'${text}' is not a valid address: expected X.X.X.X/NN or X:X:X:X:X:X:X:X/NN.` };
  }
  const prefix = /^[0-9]+$/.test(p) ? Number(p) : NaN;
  if (!(prefix >= 0) || prefix > (addr.family === 4 ? 32 : 128) || (addr.family === 4 && prefix === 0) || (addr.family === 6 && prefix === 0)) {
    return { ok: false, problem: 'bad-prefix', message: `Invalid prefix length in '${text}': expected 1 to ${addr.family === 4 ? 32 : 128}.` };
  }
  return { ok: true, addr, prefix };
}

/** An address with an optional /prefix (routes, routing policy): `default` allowed where noted. */
export function parseRouteAddr(text: string): { addr: Addr; prefix?: number } | undefined {
  const slash = text.lastIndexOf('/');
  const a = slash < 0 ? text : text.slice(0, slash);
  const addr = parseAddr(a);
  if (!addr || a !== a.trim()) return undefined;
  if (slash < 0) return { addr };
  const p = text.slice(slash + 1);
  if (!/^[0-9]+$/.test(p)) return undefined;
  const prefix = Number(p);
  if (prefix > (addr.family === 4 ? 32 : 128)) return undefined;
  return { addr, prefix };
}
