/**
 * The `virtnet.ssh.*` timeouts reach the connections: `setTimeouts` on the
 * manager changes the connect timeout of hosts already configured (a hung
 * host on loopback fails within the new time, not the old one) and the
 * command timeout used from then on.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HostConnectionManager } from '../../client/src/remote/hostConnectionManager';
import { DEFAULT_TIMEOUTS } from '../../client/src/remote/limits';
import { startSilentHost } from '../helpers/sshTestbed';

test('a new connect timeout applies to a host already configured', async () => {
  const silent = await startSilentHost();
  const m = new HostConnectionManager({ prompts: { confirmHostKey: async () => false, askPassphrase: async () => undefined } });
  try {
    m.setHosts([{ name: 'hung', host: '127.0.0.1', port: silent.port, user: 'nobody' }]);
    assert.deepEqual(m.currentTimeouts, DEFAULT_TIMEOUTS);
    m.setTimeouts({ connectTimeoutMs: 1_000, commandTimeoutMs: 7_000 });
    assert.equal(m.currentTimeouts.commandTimeoutMs, 7_000);
    const t0 = Date.now();
    const r = await m.refresh('hung');
    const ms = Date.now() - t0;
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.error.message, /did not complete the SSH login within 1 s/);
    assert.ok(ms >= 900 && ms < 3_000, `${ms} ms`);
  } finally {
    m.dispose();
    silent.close();
  }
});
