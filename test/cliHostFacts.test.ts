/**
 * `virtnet lint --host-facts FILE.json` end to end: the built out/cli.js
 * checks files against a KVM host's facts, in the JSON the editor sends.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, test } from 'node:test';
import { ensureBuilt, runCli, tempTree } from './helpers/cli';

const UUID = '9a05da11-e96b-47f3-8253-a3a482e445f5';
const FACTS = {
  host: 'kvm1',
  readAt: '2026-12-04T19:05:00Z',
  facts: { networks: [{ name: 'default', uuid: UUID, bridge: 'virbr0', forwardMode: 'nat', active: true, subnets: ['192.168.122.0/24'] }], bridges: ['virbr0'] },
};
const LAB = `<network>\n  <name>lab</name>\n  <uuid>${UUID}</uuid>\n  <bridge name='virbr20'/>\n  <ip address='10.9.0.1' prefix='24'/>\n</network>\n`;

let dir: string;
before(() => {
  ensureBuilt();
  dir = tempTree({ 'ws/lab.xml': LAB, 'kvm1.json': JSON.stringify(FACTS), 'bad.json': '{"host": "kvm1", "facts": {}}', 'junk.json': 'not json' });
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('--host-facts: a clash with the host is reported with the host and its note; without it the file is clean', () => {
  const alone = runCli(['lint', 'ws'], { cwd: dir });
  assert.equal(alone.code, 0, alone.stdout + alone.stderr);
  const r = runCli(['lint', '--host-facts', 'kvm1.json', 'ws'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^ws\/lab\.xml:3:9: error libvirt\/duplicate-network-uuid: UUID 9a05da11-e96b-47f3-8253-a3a482e445f5 is already used by network 'default' on host 'kvm1' \(read 2026-12-04 19:05 UTC\)/m);
  assert.match(r.stdout, /^virtnet-host:\/\/kvm1\/network\/default:1:1: note: network 'default' has UUID/m);
});

test('--host-facts: an unreadable, non-JSON or invalid file is a usage error', () => {
  for (const [file, message] of [
    ['missing.json', /--host-facts missing\.json: cannot read file/],
    ['junk.json', /--host-facts junk\.json: not JSON/],
    ['bad.json', /--host-facts bad\.json: host facts of kvm1: "readAt" must be a date/],
  ] as const) {
    const r = runCli(['lint', '--host-facts', file, 'ws'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
});
