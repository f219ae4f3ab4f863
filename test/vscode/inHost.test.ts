/**
 * The in-host suites (test/vscode/host/<group>/, mocha, the real `vscode`
 * API, the extension under development) in code-server's extension host:
 * `activation` in an empty folder (nothing activates VirtNet before the test
 * does; the time `activate()` took is printed, not asserted), `examples` in
 * a copy of examples/, with one KVM host in the settings: `demo`, libvirt's
 * test driver on this machine (`test:///default`, no daemon). Each in-host
 * test is reported here as a subtest.
 * On a failure, the screenshot and the extension host log stay under
 * .tmp/vscode-tests/in-host/ and the output names them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import { ROOT } from '../../scripts/vscode/codeServer';
import { runGroup } from './harness/inHost';
import { startSession, type Session } from './harness/session';

let session: Session;
let ok = true;

before(async () => {
  const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'vscode', 'build-tests.mjs')], { stdio: 'inherit' });
  assert.equal(b.status, 0, 'building the in-host suites failed');
  session = await startSession('in-host', { 'virtnet.hosts': [{ name: 'demo', local: true, uri: 'test:///default' }] });
});
after(async () => {
  await session?.end(ok);
});

async function group(t: TestContext, name: string, folder: string): Promise<void> {
  try {
    const run = await runGroup(session.server, session.browser, name, folder);
    assert.ok(run.results, `group ${name} wrote no results (exit ${run.exitCode}${run.exitCode === -1 ? ': timed out' : ''})`);
    console.log(`# in-host ${name}: VS Code ${run.results.vscodeVersion}, ${run.results.tests.length} tests, measures ${JSON.stringify(run.results.measures)}`);
    for (const r of run.results.tests) {
      await t.test(r.title, { skip: r.state === 'pending' }, () => {
        if (r.state === 'failed') throw new Error(r.error);
      });
    }
    assert.equal(run.exitCode, 0, `codeAutomationExit(${run.exitCode}) though the results list no failure`);
  } catch (e) {
    ok = false;
    throw e;
  }
}

test('in-host: activation (empty folder)', (t) => group(t, 'activation', session.workspace('empty', 'empty')));
test('in-host: examples workspace', (t) => group(t, 'examples', session.workspace('examples')));
