/** countText groups digits as en-US does (it no longer calls toLocaleString, whose first call loads ICU data). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countText } from '../../server/src/features/docs/ipInfo';

test('countText writes counts as en-US does, and large ones as powers of two', () => {
  for (let n = 0n; n < 3000n; n++) assert.equal(countText(n), Number(n).toLocaleString('en-US'));
  for (const n of [65_534n, 65_536n, 999_999n, 1_000_000n, 16_777_214n, 4_294_967_296n, 10_000_000_000n]) assert.equal(countText(n), Number(n).toLocaleString('en-US'));
  assert.equal(countText(1n << 64n), '2^64');
  assert.equal(countText((1n << 40n) + 1n), 'about 2^40');
  assert.equal(countText(-1n), '0');
});
