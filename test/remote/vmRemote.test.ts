/**
 * VMs end to end against real components: sshd on 127.0.0.1 in front of a
 * private libvirtd in its own network namespace, QEMU in software emulation
 * (no KVM) booting the minimal guest of scripts/testbed/guest.sh, which
 * acknowledges an ACPI PCI unplug so a live detach really removes the NIC.
 * The tutorial's §6 flow (attach with --config, with --live, detach by MAC,
 * both configurations re-read), case A (two NICs, one on an isolated
 * network), hostile VM names, a VM removed between listing and action.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { hostFactsFor } from '../../client/src/remote/hostFacts';
import { HostConnectionManager } from '../../client/src/remote/hostConnectionManager';
import { createLocalRunner } from '../../client/src/remote/localRunner';
import type { Result } from '../../client/src/remote/result';
import { netDefine, netStart } from '../../client/src/remote/virsh';
import { runVirsh, simpleCommand } from '../../client/src/remote/virshCommand';
import { vmsOnNetwork, type VmSummary } from '../../client/src/remote/vmInventory';
import { nicChange } from '../../client/src/remote/vmNicChange';
import { planAttach, planDetach } from '../../client/src/remote/vmNicPlan';
import { planPower } from '../../client/src/remote/vmPower';
import { HOSTILE } from './hostileNames';
import { sshdInstalled, startSshHost, type SshHost } from '../helpers/sshTestbed';

const GUEST = path.resolve(__dirname, '..', '..', 'scripts', 'testbed', 'guest.sh');
const qemu = fs.existsSync('/usr/bin/qemu-system-x86_64');
const skip =
  process.getuid?.() !== 0 || !sshdInstalled() ? 'needs root and openssh-server (scripts/setup-test-deps.sh)' : !qemu ? 'needs qemu-system-x86 (scripts/setup-test-deps.sh)' : false;
let host: SshHost;
let tmp: string;
let m: HostConnectionManager;
let guest: { KERNEL: string; INITRD: string };
const local = createLocalRunner();
const HOST = 'kvm-vms';

function value<T>(r: Result<T>): T {
  if (!r.ok) assert.fail(`${r.error.kind}: ${r.error.message}\n${r.error.stderr}`);
  return r.value;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');

/** Defines on the daemon's own socket (the set-up, not the code under test). */
async function defineDomain(xml: string): Promise<Result<string>> {
  return runVirsh(local, host.libvirtd?.uri ?? '', simpleCommand(['define', '--file', '/dev/stdin'], (s) => s, xml), { timeoutMs: 60_000 });
}

/** A VM booting the minimal guest (acpi+apic: PCI hotplug), serial console to a file. */
function guestXml(name: string, nics: string[], console: string): string {
  return `<domain type='qemu'><name>${esc(name)}</name><memory unit='MiB'>256</memory><vcpu>1</vcpu>
<os><type arch='x86_64' machine='pc'>hvm</type><kernel>${guest.KERNEL}</kernel><initrd>${guest.INITRD}</initrd><cmdline>console=ttyS0 quiet</cmdline></os>
<features><acpi/><apic/></features>
<devices>${nics.map((n) => `<interface type='network'><source network='${n}'/><model type='virtio'/></interface>`).join('')}
<serial type='file'><source path='${console}'/></serial></devices></domain>`;
}

/** A VM that is never started (no kernel needed). */
const plainXml = (name: string, nics: string[] = []) =>
  `<domain type='qemu'><name>${esc(name)}</name><memory unit='MiB'>64</memory><os><type arch='x86_64'>hvm</type></os><devices>${nics.map((n) => `<interface type='network'><source network='${n}'/></interface>`).join('')}</devices></domain>`;

async function vms(): Promise<readonly VmSummary[]> {
  value(await m.refresh(HOST));
  const s = m.host(HOST);
  assert.equal(s?.vmError, undefined);
  return s?.vms ?? assert.fail('no VMs read');
}

async function vm(name: string): Promise<VmSummary> {
  return (await vms()).find((v) => v.name === name) ?? assert.fail(`no VM ${name}`);
}

async function waitFor(what: string, check: () => boolean): Promise<void> {
  // Bounded wait for the guest to boot (software emulation on a busy machine); not a timing assertion.
  for (let i = 0; i < 1200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`timed out waiting for ${what}`);
}

before(async () => {
  if (skip) return;
  const g = spawnSync('bash', [GUEST, 'build'], { encoding: 'utf8', timeout: 300_000 });
  assert.equal(g.status, 0, `scripts/testbed/guest.sh build failed:\n${g.stderr}`);
  guest = Object.fromEntries(g.stdout.trim().split('\n').map((l) => l.split('='))) as typeof guest;
  host = await startSshHost({ index: 5 });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-vms-'));
  const kh = path.join(tmp, 'known_hosts');
  fs.writeFileSync(kh, `${host.knownHostsLine}\n`);
  m = new HostConnectionManager({ knownHostsFile: kh });
  m.setHosts([{ name: HOST, host: host.host, port: host.port, user: host.user, identityFile: host.key }]);
  const uri = host.libvirtd?.uri ?? '';
  const opts = { timeoutMs: 60_000 };
  // The tutorial's NAT network and case A's isolated network, both started.
  value(await runVirsh(local, uri, netDefine(`<network><name>tut-nat</name><forward mode='nat'/><bridge name='vn-tnat'/><ip address='10.91.0.1' prefix='24'/></network>`), opts));
  value(await runVirsh(local, uri, netDefine(`<network><name>tut-isolated</name><bridge name='vn-tiso'/><ip address='10.92.0.1' prefix='24'/></network>`), opts));
  value(await runVirsh(local, uri, netStart('tut-nat'), opts));
  value(await runVirsh(local, uri, netStart('tut-isolated'), opts));
});
after(async () => {
  m?.dispose();
  await host?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('tutorial §6: attach with --config, then --live on the running VM, detach by MAC; both configurations re-read', { skip }, async () => {
  const consoleLog = path.join(tmp, 'console.log');
  value(await defineDomain(guestXml('tutorial-vm', ['tut-nat'], consoleLog)));
  let v = await vm('tutorial-vm');
  assert.equal(v.state, 'shut off');
  const start = planPower(v, 'start');
  assert.ok(start.ok);
  const started = value(await m.run(HOST, start.command));
  assert.ok(started.action.ok, started.message);
  assert.match(started.stateAfter ?? '', /^running/);
  await waitFor('the guest to boot', () => fs.existsSync(consoleLog) && fs.readFileSync(consoleLog, 'utf8').includes('virtnet test guest up'));

  v = await vm('tutorial-vm');
  assert.equal(v.state, 'running');
  assert.equal(v.liveNics?.length, 1);
  assert.equal(v.configNics?.length, 1);
  const host1 = m.host(HOST);
  assert.ok(host1?.networks && host1.vms);

  // --config only: the saved configuration gains it, the running VM does not: flagged as a difference.
  const cfg = planAttach(v, { type: 'network', source: 'tut-isolated', scope: { live: false, config: true } }, { networks: host1.networks, vms: host1.vms });
  assert.ok(cfg.ok, cfg.ok ? '' : cfg.message);
  assert.match(cfg.description, /saved configuration only/);
  const r1 = value(await m.run(HOST, nicChange(v, cfg, 'attach')));
  assert.equal(r1.outcome, 'done', r1.lines.join('\n'));
  assert.deepEqual(r1.config?.added.map((n) => n.mac), [cfg.nic.mac]);
  assert.deepEqual(r1.live?.added, []);
  v = await vm('tutorial-vm');
  assert.deepEqual(v.nics.filter((n) => n.difference).map((n) => [n.mac, n.difference]), [[cfg.nic.mac, 'config-only']]);

  // Default on a running persistent VM: --live --config.
  const both = planAttach(v, { type: 'network', source: 'tut-isolated' }, { networks: host1.networks, vms: m.host(HOST)?.vms ?? [] });
  assert.ok(both.ok);
  assert.deepEqual(both.scope, { live: true, config: true });
  assert.notEqual(both.nic.mac, cfg.nic.mac);
  const r2 = value(await m.run(HOST, nicChange(v, both, 'attach')));
  assert.equal(r2.outcome, 'done', r2.lines.join('\n'));
  assert.deepEqual(r2.live?.added.map((n) => [n.mac, n.network, n.model]), [[both.nic.mac, 'tut-isolated', 'virtio']]);
  assert.deepEqual(r2.config?.added.map((n) => n.mac), [both.nic.mac]);
  v = await vm('tutorial-vm');
  assert.equal(v.liveNics?.length, 2);
  assert.equal(v.configNics?.length, 3);
  assert.ok(v.liveNics?.some((n) => n.mac === both.nic.mac && n.target?.startsWith('vnet')));
  assert.deepEqual(vmsOnNetwork(m.host(HOST)?.vms ?? [], 'tut-isolated').map((u) => [u.vm.name, u.nics.length]), [['tutorial-vm', 2]]);

  // Detach by MAC from both: the guest acknowledges, both configurations lose it.
  const det = planDetach(v, both.nic.mac ?? '');
  assert.ok(det.ok);
  assert.deepEqual(det.scope, { live: true, config: true });
  const r3 = value(await m.run(HOST, nicChange(v, det, 'detach')));
  assert.equal(r3.outcome, 'done', r3.lines.join('\n'));
  assert.deepEqual(r3.live?.removed.map((n) => n.mac), [both.nic.mac]);
  assert.deepEqual(r3.config?.removed.map((n) => n.mac), [both.nic.mac]);
  v = await vm('tutorial-vm');
  assert.ok(!v.nics.some((n) => n.mac === both.nic.mac));

  // The saved-only NIC: detach from the saved configuration.
  const det2 = planDetach(v, cfg.nic.mac ?? '');
  assert.ok(det2.ok);
  assert.deepEqual(det2.scope, { live: false, config: true });
  const r4 = value(await m.run(HOST, nicChange(v, det2, 'detach')));
  assert.equal(r4.outcome, 'done', r4.lines.join('\n'));
  v = await vm('tutorial-vm');
  assert.deepEqual(v.nics.map((n) => n.difference), [undefined]);

  const off = planPower(v, 'destroy');
  assert.ok(off.ok && off.confirm);
  const offReport = value(await m.run(HOST, off.command));
  assert.match(offReport.stateAfter ?? '', /^shut off/);
  assert.equal((await vm('tutorial-vm')).state, 'shut off');
});

test('a live detach the guest ignores (no OS): virsh reports success, the report says the NIC is still there', { skip }, async () => {
  // acpi+apic for PCI hotplug, but no kernel: the firmware finds nothing to boot and nobody answers the unplug request.
  const xml = `<domain type='qemu'><name>no-os</name><memory unit='MiB'>64</memory><os><type arch='x86_64' machine='pc'>hvm</type></os><features><acpi/><apic/></features><devices><interface type='network'><source network='tut-nat'/><model type='virtio'/></interface></devices></domain>`;
  value(await defineDomain(xml));
  let v = await vm('no-os');
  const start = planPower(v, 'start');
  assert.ok(start.ok);
  assert.ok(value(await m.run(HOST, start.command)).action.ok);
  v = await vm('no-os');
  const mac = v.nics[0].mac ?? assert.fail('no MAC');
  const det = planDetach(v, mac, { live: true, config: false });
  assert.ok(det.ok);
  assert.match(det.warnings.join(), /guest OS must release the NIC/);
  const r = value(await m.run(HOST, nicChange(v, det, 'detach')));
  assert.ok(r.action.ok, 'virsh reports success');
  assert.equal(r.outcome, 'failed');
  assert.deepEqual(r.live?.removed, []);
  assert.match(r.lines.join('\n'), /Running VM: the NIC is still there although virsh reported success/);
  assert.ok((await vm('no-os')).liveNics?.some((n) => n.mac === mac));
  const off = planPower(await vm('no-os'), 'destroy');
  assert.ok(off.ok);
  value(await m.run(HOST, off.command));
});

test('case A: a VM with two NICs, one on the isolated network; both networks list it', { skip }, async () => {
  value(await defineDomain(plainXml('case-a', ['tut-nat', 'tut-isolated'])));
  const list = await vms();
  const a = list.find((v) => v.name === 'case-a') ?? assert.fail('case-a missing');
  assert.deepEqual(a.nics.map((n) => n.config?.network), ['tut-nat', 'tut-isolated']);
  assert.ok(a.nics.every((n) => n.mac?.startsWith('52:54:00:')));
  assert.deepEqual(vmsOnNetwork(list, 'tut-isolated').map((u) => u.vm.name), ['case-a']);
  assert.ok(vmsOnNetwork(list, 'tut-nat').some((u) => u.vm.name === 'case-a'));
  // The host facts the language service gets carry its NICs (duplicate-MAC and network checks against the host).
  const facts = hostFactsFor(m.host(HOST) ?? assert.fail('no snapshot'));
  assert.deepEqual(
    facts?.facts?.vms?.find((v) => v.name === 'case-a')?.nics,
    a.nics.map((n) => ({ mac: n.mac, network: n.config?.network, bridge: undefined })),
  );
  // A MAC typed by the user that case-a already has is refused before anything is sent.
  const snap = m.host(HOST);
  const dup = planAttach(a, { type: 'network', source: 'tut-nat', mac: a.nics[1].mac?.toUpperCase() }, { networks: snap?.networks ?? [], vms: snap?.vms ?? [] });
  assert.ok(!dup.ok && /already used/.test(dup.message));
});

test('hostile VM names never execute anything and round-trip exactly', { skip }, async () => {
  const accepted: string[] = [];
  for (const name of HOSTILE) {
    const r = await defineDomain(plainXml(name, ['tut-nat']));
    if (r.ok) accepted.push(name);
  }
  assert.ok(accepted.length >= 15, `libvirt accepted only ${accepted.length} names`);
  const list = await vms();
  for (const name of accepted) {
    const v = list.find((x) => x.name === name) ?? assert.fail(`${JSON.stringify(name)} did not round-trip`);
    assert.equal(v.nics.length, 1, name);
    // An action on it: attach to the saved configuration, then re-read.
    const p = planAttach(v, { type: 'network', source: 'tut-isolated' }, { networks: m.host(HOST)?.networks ?? [], vms: list });
    assert.ok(p.ok);
    const r = value(await m.run(HOST, nicChange(v, p, 'attach')));
    assert.equal(r.outcome, 'done', `${JSON.stringify(name)}: ${r.lines.join(' ')}`);
  }
  assert.deepEqual(fs.readdirSync(host.home).filter((f) => f.includes('pwned')), []);
  assert.equal(fs.existsSync('pwned'), false);
});

test('a VM removed between listing and action: a clear message, nothing else touched', { skip }, async () => {
  value(await defineDomain(plainXml('short-lived', ['tut-nat'])));
  const v = await vm('short-lived');
  value(await runVirsh(local, host.libvirtd?.uri ?? '', simpleCommand(['undefine', '--domain', v.uuid], (s) => s), { timeoutMs: 60_000 }));
  const start = planPower(v, 'start');
  assert.ok(start.ok);
  const r = value(await m.run(HOST, start.command));
  assert.equal(r.action.ok, false);
  assert.match(r.message, /Start of 'short-lived' failed: the VM is no longer on this host/);
  const p = planAttach(v, { type: 'network', source: 'tut-nat' }, { networks: m.host(HOST)?.networks ?? [], vms: [] });
  assert.ok(p.ok);
  const c = value(await m.run(HOST, nicChange(v, p, 'attach')));
  assert.equal(c.outcome, 'failed');
  assert.match(c.lines[0], /^VM 'short-lived' is no longer on this host: .*Refresh the host/);
  assert.ok(!(await vms()).some((x) => x.name === 'short-lived'));
});
