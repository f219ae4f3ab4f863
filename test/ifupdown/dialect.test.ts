/**
 * Classic ifupdown or ifupdown2: how `auto` decides per folder, the setting
 * through the facade (and a change of it), and the CLI flag.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, test } from 'node:test';
import { parseInterfaces, resolveDialect } from '../../server/src/ifupdown/index';
import { createLanguageService } from '../../server/src/service/languageService';
import { diagnosticsOf } from '../harness/checkDiagnostics';
import { fixtureCases } from '../harness/fixtureCases';
import { ensureBuilt, runCli, tempTree } from '../helpers/cli';

const MAIN = 'file:///pve/etc/network/interfaces';
const SDN = 'file:///pve/etc/network/interfaces.d/sdn';
const HOST = 'auto lo\niface lo inet loopback\n\niface eno1 inet manual\n\nauto vmbr0\niface vmbr0 inet static\n\taddress 192.168.10.2/24\n\tgateway 192.168.10.1\n\tbridge-ports eno1\n\tbridge-stp off\n\tbridge-fd 0\n\nsource /etc/network/interfaces.d/*\n';
const ZONE = '#version:3\n\nauto vnet1\niface vnet1\n\taddress 10.0.1.1/24\n\tbridge_ports none\n\tbridge_stp off\n\tbridge_fd 0\n';

const parsed = (files: Record<string, string>) => Object.entries(files).map(([uri, text]) => ({ uri, model: parseInterfaces(text) }));

test('auto: a folder is ifupdown2 when a file uses what only ifupdown2 accepts, and says where', () => {
  const r = resolveDialect('auto', parsed({ [MAIN]: HOST, [SDN]: ZONE }));
  assert.equal(r.dialect, 'ifupdown2');
  assert.equal(r.evidence?.uri, SDN);
  assert.equal(ZONE.slice(r.evidence!.span.start, r.evidence!.span.end), 'vnet1');
  assert.match(r.evidence!.what, /without address family/);
  assert.equal(resolveDialect('auto', parsed({ [MAIN]: HOST })).dialect, 'ifupdown');
  const twoAddresses = 'iface eth0 inet static\n  address 10.0.0.1/24\n  address 10.0.0.2/24\n';
  assert.equal(resolveDialect('auto', parsed({ [MAIN]: twoAddresses })).dialect, 'ifupdown2');
  assert.equal(resolveDialect('auto', parsed({ [MAIN]: '%for i in range(2):\nauto eth${i}\n%endfor\n' })).dialect, 'ifupdown2');
  // A forgotten method is not taken for ifupdown2, nor a folder that also uses classic-only constructs.
  assert.equal(resolveDialect('auto', parsed({ [MAIN]: 'iface eth0 inet\n' })).dialect, 'ifupdown');
  assert.equal(resolveDialect('auto', parsed({ [MAIN]: 'iface eth0 inet static\n address 10.0.0.1/24\n\nmapping eth1\n script /bin/true\n', [SDN]: ZONE })).dialect, 'ifupdown');
  // A setting other than auto wins.
  assert.equal(resolveDialect('ifupdown', parsed({ [SDN]: ZONE })).dialect, 'ifupdown');
  assert.equal(resolveDialect('ifupdown2', parsed({ [MAIN]: HOST })).dialect, 'ifupdown2');
});

test('the facade reads a Proxmox VE SDN folder as ifupdown2 by default, and follows a change of the setting', () => {
  const service = createLanguageService();
  service.setFile(MAIN, HOST);
  service.setFile(SDN, ZONE);
  assert.deepEqual(service.getDiagnostics(SDN), []);
  assert.deepEqual(service.getDiagnostics(MAIN), []);
  service.configure({ interfacesDialect: 'ifupdown' });
  const classic = service.getDiagnostics(SDN);
  assert.deepEqual(classic.map((d) => [d.code, d.range.start.line]), [['ifupdown/iface-line', 3]]);
  assert.match(String(classic[0].message), /ifupdown \(classic\) requires an address family and method.*ifupdown2 accepts/);
  service.configure({ interfacesDialect: 'auto' });
  assert.deepEqual(service.getDiagnostics(SDN), []);
});

test('the Proxmox VE and Cumulus fixtures have no diagnostics when read as ifupdown2 either', () => {
  const cases = fixtureCases('ifupdown').filter((c) => /^ifupdown\/(proxmox|cumulus)\//.test(c.name));
  assert.ok(cases.length >= 8, `${cases.length} cases`);
  const found = cases.flatMap((c) => {
    // One workspace per case, as the fixture runner has it.
    const all = diagnosticsOf(c.files, { interfacesDialect: 'ifupdown2' });
    return c.files.flatMap((f) => all.get(f.uri)!.map((d) => `${c.name}:${d.range.start.line + 1} ${d.code}: ${d.message}`));
  });
  assert.deepEqual(found, []);
});

const dirs: string[] = [];
before(() => ensureBuilt());
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

test('virtnet lint --interfaces-dialect picks the dialect; auto by default; a bad value is a usage error', () => {
  const d = tempTree({ 'etc/network/interfaces': HOST, 'etc/network/interfaces.d/sdn': ZONE });
  dirs.push(d);
  const auto = runCli(['lint', '.'], { cwd: d });
  assert.equal(auto.code, 0, auto.stdout + auto.stderr);
  assert.equal(auto.stdout, '');
  const classic = runCli(['lint', '--interfaces-dialect', 'ifupdown', '.'], { cwd: d });
  assert.equal(classic.code, 1, classic.stderr);
  assert.match(classic.stdout, /^etc\/network\/interfaces\.d\/sdn:4:7: error ifupdown\/iface-line: ifupdown \(classic\) requires/m);
  const forced = runCli(['lint', '--interfaces-dialect=ifupdown2', '.'], { cwd: d });
  assert.equal(forced.code, 0, forced.stdout);
  const bad = runCli(['lint', '--interfaces-dialect', 'proxmox', '.'], { cwd: d });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--interfaces-dialect must be auto, ifupdown, ifupdown2, not 'proxmox'/);
});
