/** Log lines of the VirtNet channel, on entries shaped as the remote layer reports them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandLogLine } from '../../client/src/log/commandLog';
import { batch, netDumpXml, netStart, virshArgv } from '../../client/src/remote';

const entry = { host: 'kvm1', runner: 'ssh admin@kvm1', durationMs: 12, code: 0 as number | null | undefined, stderr: '' };

test('a command: host, runner, the quoted command line, status and duration; level by outcome', () => {
  const argv = virshArgv('qemu:///system', netStart('x;touch pwned').args);
  assert.deepEqual(commandLogLine({ ...entry, argv }), {
    level: 'info',
    text: "[kvm1] ssh admin@kvm1: env 'LC_ALL=C' virsh -c qemu:///system net-start --network 'x;touch pwned' → exit status 0 in 12 ms",
  });
  const failed = commandLogLine({ ...entry, argv, code: 1, stderr: "error: failed to start network 'x;touch pwned'\nerror: Network not found\n" });
  assert.equal(failed.level, 'warn');
  assert.match(failed.text, /→ exit status 1 in 12 ms\n {2}stderr: error: failed to start network 'x;touch pwned'\n {10}error: Network not found$/);
  const lost = commandLogLine({ ...entry, argv, code: undefined, error: 'connection to admin@kvm1 lost' });
  assert.equal(lost.level, 'error');
  assert.match(lost.text, /→ failed: connection to admin@kvm1 lost in 12 ms$/);
});

test("a batch is logged as the commands it ran, without its markers; long lines are cut saying by how much", () => {
  const b = batch([netDumpXml('a ; b'), netDumpXml('c')]);
  const stderr = b.args[0].match(/@@virtnet-[0-9a-f]+@@/)![0];
  const line = commandLogLine({ ...entry, argv: virshArgv('test:///default', b.args), stderr: `error: ${stderr}0\nerror: ${stderr}1\nerror: ${stderr}2\n` });
  assert.equal(line.text, "[kvm1] ssh admin@kvm1: env 'LC_ALL=C' virsh -c test:///default 'net-dumpxml --network '\\''a ; b'\\'' ; net-dumpxml --network c' (one virsh batch) → exit status 0 in 12 ms");
  const long = commandLogLine({ ...entry, argv: ['echo', 'x'.repeat(5000)] });
  assert.match(long.text, /… \(1005 more characters\) → exit status 0/);
});

test('a failed connect of a refresh (no argv) is logged as the login it was', () => {
  const line = commandLogLine({ ...entry, argv: [], code: undefined, error: 'admin@kvm1 did not complete the SSH login within 5 s' });
  assert.deepEqual(line, { level: 'error', text: '[kvm1] ssh admin@kvm1: connect and log in → failed: admin@kvm1 did not complete the SSH login within 5 s in 12 ms' });
});
