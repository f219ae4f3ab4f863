/**
 * Activation in a real extension host, in a workspace with nothing for
 * VirtNet (so nothing activated it before the test): the time `activate()`
 * takes, then a document with a mistake gets its diagnostic from the server.
 * The figures go to the results file; they are not asserted (bench/ measures
 * speed, tests measure behaviour).
 */
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { codes, extension, measure, waitForDiagnostics } from '../util';

const BAD_NETWORK = "<network>\n  <name>demo</name>\n  <forward mode='nat'/>\n  <ip address='10.9.8.1' prefix='24'>\n    <dhcp>\n      <range start='10.9.8.100' end='10.9.9.254'/>\n    </dhcp>\n  </ip>\n</network>\n";

describe('activation', () => {
  it('is not active before anything asks for it (narrow activation events)', () => {
    assert.equal(extension().isActive, false);
  });

  it('activates, and reports the time activate() took', async () => {
    const ext = extension();
    const t0 = performance.now();
    await ext.activate();
    measure('activateMs', performance.now() - t0);
    assert.equal(ext.isActive, true);
  });

  it('the language client reaches the server: an untitled libvirt network gets its diagnostic', async () => {
    const t0 = performance.now();
    const doc = await vscode.workspace.openTextDocument({ language: 'xml', content: BAD_NETWORK });
    await vscode.window.showTextDocument(doc);
    const ds = await waitForDiagnostics(doc.uri, (d) => d.length > 0, 'diagnostics');
    measure('firstDiagnosticsMs', performance.now() - t0);
    assert.deepEqual(codes(ds), ['libvirt/dhcp-range-outside-subnet']);
  });
});
