/**
 * net/ip.ts: the hand-written IPv4 parser accepts and rejects exactly what
 * the ipaddr.js path it replaced did (`IPv4.isValidFourPartDecimal` after
 * trim, then IPv6 without zone), with the same values.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ipaddr from 'ipaddr.js';
import { formatAddr, isMulticastMac, isMulticastMacValue, parseAddr, parseMac, parseMacValue, netmaskBits, inSubnet, subnetOf, broadcastOf } from '../server/src/net/ip';

/** The implementation before the fast path, kept here as the reference. */
function oldParseAddr(text: string | undefined): { family: 4 | 6; value: bigint } | undefined {
  if (text === undefined) return undefined;
  const s = text.trim();
  if (ipaddr.IPv4.isValidFourPartDecimal(s)) {
    const b = ipaddr.IPv4.parse(s).toByteArray();
    return { family: 4, value: BigInt(((b[0] << 24) >>> 0) + (b[1] << 16) + (b[2] << 8) + b[3]) };
  }
  if (s.includes(':') && ipaddr.IPv6.isValid(s) && !s.includes('%')) {
    const bytes = ipaddr.IPv6.parse(s).toByteArray();
    let v = 0n;
    for (const x of bytes) v = (v << 8n) | BigInt(x);
    return { family: 6, value: v };
  }
  return undefined;
}

const EDGE = [
  '', ' ', '1.2.3.4', ' 1.2.3.4 ', '\t1.2.3.4\n', '\u00a01.2.3.4\ufeff', '1.2.3', '1.2.3.4.5', '1.2.3.4.', '.1.2.3.4', '1..3.4',
  '256.1.1.1', '1.1.1.256', '255.255.255.255', '0.0.0.0', '00.0.0.0', '01.2.3.4', '1.2.3.04', '1.2.3.0', '1.2.3.00',
  '0x1.2.3.4', '0x01.2.3.4', '1.2.3.0x4', '1e2.1.1.1', '+1.2.3.4', '-1.2.3.4', '1.2.3.-4', '1.2.3.4 5', '1 .2.3.4',
  '1.2.3.4/24', '1.2.3.4:80', '1.2.3.4a', 'a1.2.3.4', '१.2.3.4', '１.2.3.4', '1.2.3.999', '1.2.3.9999999999999999999',
  '999999999999.1.1.1', '1.2.3.255', '10.0.0.1', '192.168.122.1', '4294967295', '16909060', '017.1.1.1', '1.2.3.4\u0000',
  '::', '::1', 'fe80::1', 'fe80::1%eth0', '2001:db8::', '2001:DB8::1', '::ffff:1.2.3.4', '::ffff:01.2.3.4', '1:2:3:4:5:6:7:8',
  '1:2:3:4:5:6:7:8:9', ':::', '2001:db8::g', ' 2001:db8::1 ', '[::1]', '::ffff:256.1.1.1', '2001:db8:0:0:0:0:2:1', 'x',
  '1.2.3.4 ', '1.2.3. 4', '1. 2.3.4', '1.2.3.4\r', '255.255.255.0', '255.255.0.255', '128.0.0.0', '0.0.0.1',
];

test('parseAddr agrees with the ipaddr.js implementation on edge cases', () => {
  for (const s of EDGE) assert.deepEqual(parseAddr(s), oldParseAddr(s), JSON.stringify(s));
  assert.equal(parseAddr(undefined), undefined);
});

test('parseAddr agrees with the ipaddr.js implementation on random strings', () => {
  let seed = 12345;
  const rnd = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  const alphabet = '0123456789.0123456789...  x:a%/-';
  for (let k = 0; k < 50000; k++) {
    let s = '';
    const len = rnd(18);
    for (let i = 0; i < len; i++) s += alphabet[rnd(alphabet.length)];
    assert.deepEqual(parseAddr(s), oldParseAddr(s), JSON.stringify(s));
  }
  // Near-valid dotted quads: every part from a list of tricky spellings.
  let valid = 0;
  const parts = ['0', '00', '1', '01', '9', '10', '99', '100', '199', '255', '256', '299', '300', '999', '1000', '', ' 1', 'a'];
  for (let k = 0; k < 20000; k++) {
    const s = [0, 1, 2, 3].map(() => parts[rnd(parts.length)]).join('.');
    if (oldParseAddr(s)) valid++;
    assert.deepEqual(parseAddr(s), oldParseAddr(s), JSON.stringify(s));
  }
  assert.ok(valid > 300, `only ${valid} valid addresses generated`);
});

test('parseAddr values round-trip through formatAddr', () => {
  for (const s of ['0.0.0.0', '1.2.3.4', '255.255.255.255', '10.200.1.2', '2001:db8::1', '::', 'fe80::1:2']) {
    assert.equal(formatAddr(parseAddr(s)!), s);
  }
});

test('masks: netmask prefixes, subnets and broadcast', () => {
  assert.equal(netmaskBits('255.255.255.0', 4), 24);
  assert.equal(netmaskBits('0.0.0.0', 4), 0);
  assert.equal(netmaskBits('255.255.255.255', 4), 32);
  assert.equal(netmaskBits('255.0.255.0', 4), undefined);
  assert.equal(netmaskBits('ffff:ffff::', 4), undefined, 'an IPv6 mask where IPv4 is wanted');
  assert.equal(netmaskBits('not a mask'), undefined);
  assert.equal(netmaskBits(undefined), undefined);
  assert.equal(netmaskBits(parseAddr('ffff:ffff::')!), 32);
  assert.equal(netmaskBits('ffff:ffff::'), 32);
  const s = subnetOf(parseAddr('10.1.2.3')!, 16);
  assert.equal(formatAddr({ family: 4, value: s.network }), '10.1.0.0');
  assert.equal(formatAddr({ family: 4, value: broadcastOf(s) }), '10.1.255.255');
  assert.ok(inSubnet(parseAddr('10.1.200.1')!, s));
  assert.ok(!inSubnet(parseAddr('10.2.0.1')!, s));
  assert.ok(!inSubnet(parseAddr('::1')!, s));
});

function oldParseMac(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const s = text.trim();
  if (!/^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}$/.test(s)) return undefined;
  return s.split(':').map((h) => parseInt(h, 16));
}

test('parseMac agrees with the regex implementation', () => {
  const edge = ['', '52:54:00:12:34:56', ' 52:54:00:12:34:56 ', '52:54:0:1:2:3', '52:54:00:12:34', '52:54:00:12:34:56:78', '52:54:00:12:34:', ':52:54:00:12:34',
    '52::00:12:34:56', '525:54:00:12:34:56', 'FF:ff:Aa:0:0:0', '52-54-00-12-34-56', '52:54:00:12:34:5g', '52:54:00:12:34:56\n', 'g2:54:00:12:34:56', '5:4:0:1:3:5'];
  for (const s of edge) assert.deepEqual(parseMac(s), oldParseMac(s), JSON.stringify(s));
  assert.equal(parseMac(undefined), undefined);
  let seed = 777;
  const rnd = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  // Groups of 0–3 characters (mostly hex), 4–7 of them, joined by ':' (sometimes '-' or ' ').
  const chars = '0aF9bCde5g';
  let valid = 0;
  for (let k = 0; k < 50000; k++) {
    const groups: string[] = [];
    const count = 4 + rnd(4);
    for (let g = 0; g < count; g++) {
      const len = rnd(10) < 8 ? 1 + rnd(2) : rnd(4);
      let x = '';
      for (let i = 0; i < len; i++) x += chars[rnd(rnd(5) === 0 ? chars.length : chars.length - 1)];
      groups.push(x);
    }
    const sep = rnd(20) === 0 ? '-' : ':';
    const s = (rnd(10) === 0 ? ' ' : '') + groups.join(sep) + (rnd(10) === 0 ? '\t' : '');
    const old = oldParseMac(s);
    if (old) {
      valid++;
      assert.equal(isMulticastMacValue(parseMacValue(s)!), isMulticastMac(old), JSON.stringify(s));
    } else assert.equal(parseMacValue(s), undefined);
    assert.deepEqual(parseMac(s), old, JSON.stringify(s));
  }
  assert.ok(valid > 1000, `only ${valid} valid MACs generated`);
});
