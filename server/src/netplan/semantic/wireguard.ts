/**
 * netplan/wireguard: WireGuard tunnels as netplan 0.106 checks them — a
 * private key (`key:` or `keys: private:`) that is a base64 key or an absolute
 * file path, at least one peer, each peer with a valid public key, an optional
 * valid shared key, `allowed-ips` written as address/prefix, `keepalive` up to
 * 65535 and an `endpoint` of the form host:port or [IPv6]:port. With the
 * NetworkManager backend, key files are not possible: keys must be base64.
 *
 * netplan reports problems of a single value (an endpoint, the allowed-ips
 * list) at that value, and problems of the whole tunnel at its first key.
 */
import { parseAddr } from '../../net/ip';
import type { NpMap, NpNode, NpScalar } from '../tree';
import type { DefPart, FileFinding, NetDef, NetplanCheck, NetplanConfig } from './model';
import { defSpan, scalarOf } from './model';
import { backendOf } from './backend';

const CODE = 'netplan/wireguard';

/** A 256-bit key in base64: 43 characters and one '=' of padding. */
export function isWireguardKey(k: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(k);
}

function isHostname(h: string): boolean {
  return /^(([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])\.)*([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$/i.test(h);
}

/** netplan's endpoint rules; undefined when fine, else the problem in words. */
export function endpointProblem(text: string): string | undefined {
  if (text.length < 3) return `Endpoint '${text}' is too short: write host:port, e.g. vpn.example.com:51820.`;
  let address: string;
  let rest: string;
  if (text[0] === '[') {
    const close = text.lastIndexOf(']');
    if (close < 0) return `Endpoint '${text}' opens '[' for an IPv6 address but never closes it: write [address]:port.`;
    address = text.slice(1, close);
    rest = text.slice(close + 1);
  } else {
    address = text;
    rest = text;
  }
  const colon = rest.lastIndexOf(':');
  if (colon < 0) return `Endpoint '${text}' has no port: add :port, e.g. ${text}:51820.`;
  if (text[0] !== '[') address = text.slice(0, colon);
  const portText = rest.slice(colon + 1);
  const m = /^\s*[+-]?[0-9]*/.exec(portText);
  const port = m && /[0-9]/.test(m[0]) ? Number(m[0].replace(/\s|\+/g, '')) : 0;
  if (port > 65535) return `The port of endpoint '${text}' is out of range: 0 to 65535.`;
  if (parseAddr(address) || isHostname(address)) return undefined;
  return `Endpoint '${text}': '${address}' is not an IP address or host name${text[0] !== '[' && address.includes(':') ? ' (write IPv6 endpoints as [address]:port)' : ''}.`;
}

/** Allowed-IPs entry rules (like interface addresses, but /0 is fine). */
function allowedIpProblem(text: string): string | undefined {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return `Allowed IP '${text}' has no prefix length: write it as address/prefix (e.g. ${text}/${text.includes(':') ? 128 : 32}).`;
  const a = parseAddr(text.slice(0, slash));
  const pText = text.slice(slash + 1);
  const digits = /^[0-9]*/.exec(pText)![0];
  const p = digits === '' ? 0 : Number(digits);
  if (!a) return `Allowed IP '${text}' is not a valid address/prefix: expected X.X.X.X/NN or X:X::X/NN.`;
  if (p > (a.family === 4 ? 32 : 128)) return `Allowed IP '${text}' has an invalid prefix length: expected 0 to ${a.family === 4 ? 32 : 128}.`;
  return undefined;
}

function privateKey(def: NetDef): { s: NpScalar; part: DefPart } | undefined {
  const k = def.get('key');
  if (k) {
    const s = scalarOf(k.pair.value);
    if (s && !s.empty) return { s, part: k.part };
  }
  const ks = def.get('keys');
  if (ks && ks.pair.value.kind === 'map') {
    const s = scalarOf(ks.pair.value.get('private')?.value);
    if (s && !s.empty) return { s, part: ks.part };
  }
  return undefined;
}

function peerKey(p: NpMap, which: 'public' | 'shared'): NpScalar | undefined {
  const keys = p.get('keys')?.value;
  if (!keys || keys.kind !== 'map') return undefined;
  const s = scalarOf(keys.get(which)?.value);
  return s && !s.empty ? s : undefined;
}

export const wireguard: NetplanCheck = {
  id: CODE,
  defaultSeverity: 'error',
  description: 'A WireGuard tunnel netplan refuses: missing or malformed keys, no peers, peers without allowed IPs, a bad endpoint or keepalive.',
  run(config: NetplanConfig): FileFinding[] {
    const out: FileFinding[] = [];
    for (const def of config.ordered) {
      if (def.type !== 'tunnels' || scalarOf(def.get('mode')?.pair.value)?.value !== 'wireguard') continue;
      const last = def.parts[def.parts.length - 1];
      const whole = (message: string) => out.push({ uri: last.uri, code: CODE, severity: 'error', span: defSpan(last), message: `${def.id}: ${message}` });
      const nm = backendOf(def, config) === 'NetworkManager';

      // Value-level problems, reported where they are written.
      const peersAt = def.get('peers');
      const peers: NpMap[] = [];
      if (peersAt && peersAt.pair.value.kind === 'seq') {
        for (const p of peersAt.pair.value.items) {
          if (p.kind !== 'map') continue;
          peers.push(p);
          const at = (span: { start: number; end: number }, message: string) => out.push({ uri: peersAt.part.uri, code: CODE, severity: 'error', span, message, phase: 'parse' });
          const ips = p.get('allowed-ips')?.value;
          if (ips && ips.kind === 'seq')
            for (const it of ips.items) {
              const s = scalarOf(it);
              const problem = s && !s.empty ? allowedIpProblem(s.value) : undefined;
              if (problem) {
                at(s!.span, problem);
                break;
              }
            }
          const ep = scalarOf(p.get('endpoint')?.value);
          if (ep) {
            const problem = endpointProblem(ep.empty ? '' : ep.value);
            if (problem) at(ep.span, problem);
          }
        }
      }

      // Whole-tunnel problems, in the order netplan checks them (it stops at the first).
      const key = privateKey(def);
      if (!key) {
        whole("a WireGuard tunnel needs its private key: add 'key:' (base64, or the absolute path of a key file).");
        continue;
      }
      if (key.s.value[0] !== '/' && !isWireguardKey(key.s.value)) {
        whole(`the private key '${key.s.value}' is neither a base64 WireGuard key (44 characters ending in '=') nor an absolute file path.`);
        continue;
      }
      if (peers.length === 0) {
        whole("a WireGuard tunnel needs at least one peer under 'peers:'.");
        continue;
      }
      let stop = false;
      for (const p of peers) {
        const pub = peerKey(p, 'public');
        const shared = peerKey(p, 'shared');
        const ka = scalarOf(p.get('keepalive')?.value);
        const ips = p.get('allowed-ips')?.value;
        let problem: string | undefined;
        if (!pub) problem = "each peer needs 'keys: public:', the peer's public key.";
        else if (!isWireguardKey(pub.value)) problem = `the peer public key '${pub.value}' is not a base64 WireGuard key (44 characters ending in '='); key files are not allowed for public keys.`;
        else if (shared && shared.value[0] !== '/' && !isWireguardKey(shared.value)) problem = `the peer shared key '${shared.value}' is neither a base64 WireGuard key nor an absolute file path.`;
        else if (!ips || ips.kind !== 'seq' || ips.items.length === 0) problem = "each peer needs 'allowed-ips', the addresses routed to it.";
        else if (ka && /^[0-9]+$/.test(ka.value) && Number(ka.value) > 65535) problem = `keepalive ${ka.value} is out of range: 0 to 65535 seconds.`;
        if (problem) {
          whole(problem);
          stop = true;
          break;
        }
      }
      if (stop || !nm) continue;
      // NetworkManager stores keys inline: no key files.
      if (key.s.value[0] === '/') {
        out.push({ uri: key.part.uri, code: CODE, severity: 'error', phase: 'write', span: key.s.span, message: `${def.id}: with NetworkManager the private key must be the base64 key itself, not a file path.` });
        continue;
      }
      for (const p of peers) {
        const shared = peerKey(p, 'shared');
        if (shared && shared.value[0] === '/') {
          out.push({ uri: peersAt!.part.uri, code: CODE, severity: 'error', phase: 'write', span: shared.span, message: `${def.id}: with NetworkManager the peer shared key must be the base64 key itself, not a file path.` });
          break;
        }
      }
    }
    return out;
  },
};

export type { NpNode };
