/**
 * The value generators behind the quick fixes (server/src/features/freshValues.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel, type NetworkModel } from '../../server/src/model/libvirt';
import { formatAddr, formatSubnet } from '../../server/src/net/ip';
import { parseXml } from '../../server/src/parse/xml';
import { dhcpRangeFor, freeHostAddress, freshMac, freshUuid, gatewayOf, nextFreeSubnet } from '../../server/src/features/freshValues';
import { factsOf, WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';

function workspace(files: Record<string, string>): WorkspaceIndex {
  const w = new WorkspaceIndex();
  for (const [uri, text] of Object.entries(files)) {
    const xml = parseXml(text);
    w.update(factsOf(uri, buildModel('libvirt-network', xml.root!)));
  }
  return w;
}
const netWith = (name: string, body: string) => `<network><name>${name}</name>${body}</network>`;
const ipOf = (text: string) => (buildModel('libvirt-network', parseXml(text).root!) as NetworkModel).ips[0];
const range = (r: ReturnType<typeof dhcpRangeFor>) => (r ? `${formatAddr(r.start)} – ${formatAddr(r.end)}` : undefined);

test('freshUuid: version 4 UUIDs, all different', () => {
  const a = freshUuid();
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(a, freshUuid());
});

test('freshMac: 52:54:00 prefix, skips MACs the workspace or the caller uses', () => {
  const w = workspace({ 'file:///a.xml': netWith('a', "<mac address='52:54:00:01:01:01'/>") });
  const seq = [[1, 1, 1], [2, 2, 2], [3, 3, 3]];
  let i = 0;
  const random = () => Uint8Array.from(seq[i++]);
  assert.equal(freshMac(w, ['52:54:00:02:02:02'], random), '52:54:00:03:03:03');
  const m = freshMac(w);
  assert.match(m, /^52:54:00(:[0-9a-f]{2}){3}$/);
});

test('nextFreeSubnet: /24 from 192.168.100.0 upwards, skipping the workspace, the default network and `avoid`', () => {
  assert.equal(formatSubnet(nextFreeSubnet(new WorkspaceIndex())!), '192.168.100.0/24');
  const w = workspace({
    'file:///a.xml': netWith('a', "<ip address='192.168.100.1' prefix='24'/>"),
    'file:///b.xml': netWith('b', "<ip address='192.168.101.1' netmask='255.255.255.0'/>"),
  });
  assert.equal(formatSubnet(nextFreeSubnet(w)!), '192.168.102.0/24');
  assert.equal(formatSubnet(nextFreeSubnet(w, 4, 24, [{ family: 4, network: 0xc0a86600n, prefix: 23 }])!), '192.168.104.0/24');
  // A /16 does not fit in 192.168.100.0+ next to a: the 192.168.0.0/16 pool is taken, 10.0.0.0/16 is next.
  assert.equal(formatSubnet(nextFreeSubnet(w, 4, 16)!), '10.0.0.0/16');
  // 192.168.122.0/24 (libvirt's default network) is never proposed.
  const full: Record<string, string> = {};
  for (let i = 100; i < 122; i++) full[`file:///n${i}.xml`] = netWith(`n${i}`, `<ip address='192.168.${i}.1' prefix='24'/>`);
  assert.equal(formatSubnet(nextFreeSubnet(workspace(full))!), '192.168.123.0/24');
});

test('nextFreeSubnet: IPv6 /64 inside a unique-local /48', () => {
  const s = nextFreeSubnet(new WorkspaceIndex(), 6, 64, [], () => Uint8Array.from([0x12, 0x34, 0x56, 0x78, 0x9a]));
  assert.equal(formatSubnet(s!), 'fd12:3456:789a::/64');
});

test('dhcpRangeFor: full and upper styles, gateway at either end, size cap', () => {
  const s24 = { family: 4 as const, network: 0xc0a86400n, prefix: 24 };
  assert.equal(range(dhcpRangeFor(s24, gatewayOf(s24))), '192.168.100.2 – 192.168.100.254');
  assert.equal(range(dhcpRangeFor(s24, gatewayOf(s24), 'upper')), '192.168.100.101 – 192.168.100.254');
  assert.equal(range(dhcpRangeFor(s24, { family: 4, value: 0xc0a864fen })), '192.168.100.1 – 192.168.100.253');
  const s8 = { family: 4 as const, network: 0x0a000000n, prefix: 8 };
  assert.equal(range(dhcpRangeFor(s8, gatewayOf(s8))), '10.0.0.2 – 10.0.255.255');
  assert.equal(dhcpRangeFor({ family: 4, network: 0xc0a86400n, prefix: 31 }, undefined), undefined);
});

test('freeHostAddress: below the range, not the gateway, not another host; undefined when full', () => {
  const ip = ipOf(netWith('a', "<ip address='192.168.100.1' prefix='24'><dhcp><range start='192.168.100.101' end='192.168.100.254'/><host mac='52:54:00:00:00:01' ip='192.168.100.2'/></dhcp></ip>"));
  assert.equal(freeHostAddress(ip), '192.168.100.3');
  assert.equal(freeHostAddress(ip, ['192.168.100.3']), '192.168.100.4');
  const full = ipOf(netWith('a', "<ip address='192.168.100.1' prefix='24'><dhcp><range start='192.168.100.2' end='192.168.100.254'/></dhcp></ip>"));
  assert.equal(freeHostAddress(full), undefined);
});
