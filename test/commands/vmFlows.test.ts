/**
 * The VM commands' flows (client/src/commands/vmFlows.ts) and the tree
 * model's VM nodes end to end: OpenSSH's sshd on 127.0.0.1 in front of a
 * private libvirtd (scripts/testbed/), reached through the remote layer's
 * HostConnectionManager; QEMU in software emulation runs the started VM
 * (no guest OS: it is only started and forced off). Only the prompts are
 * scripted: each test says what the user picks and asserts what was asked.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { ATTACH, DETACH, FORCE_OFF, attachNic, detachNic, powerVm, type PickItem, type VmFlowHost } from '../../client/src/commands/vmFlows';
import { HostConnectionManager, netDefine, netStart, ok, runVirsh, createLocalRunner, type Result } from '../../client/src/remote';
import { simpleCommand } from '../../client/src/remote/virshCommand';
import { HostsTreeModel, type HostsTreeNode } from '../../client/src/views/hostsTreeModel';
import { sshdInstalled, startSshHost, type SshHost } from '../helpers/sshTestbed';
import { HOSTILE } from '../remote/hostileNames';

const qemu = fs.existsSync('/usr/bin/qemu-system-x86_64');
const skip = process.getuid?.() !== 0 || !sshdInstalled() ? 'needs root and openssh-server (scripts/setup-test-deps.sh)' : !qemu ? 'needs qemu-system-x86' : false;
const HOST = 'kvm-vmflows';
let host: SshHost;
let tmp: string;
let m: HostConnectionManager;
const local = createLocalRunner();

function value<T>(r: Result<T>): T {
  if (!r.ok) assert.fail(`${r.error.kind}: ${r.error.message}\n${r.error.stderr}`);
  return r.value;
}
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');
const plainXml = (name: string, nets: string[]) =>
  `<domain type='qemu'><name>${esc(name)}</name><memory unit='MiB'>64</memory><os><type arch='x86_64' machine='pc'>hvm</type></os><features><acpi/><apic/></features><devices>${nets.map((n) => `<interface type='network'><source network='${n}'/><model type='virtio'/></interface>`).join('')}</devices></domain>`;
/** Set-up and tampering on the daemon's own socket (not the code under test). */
const onDaemon = (args: string[], stdin?: string) => runVirsh(local, host.libvirtd?.uri ?? '', simpleCommand(args, (s: string) => s, stdin), { timeoutMs: 60_000 });

before(async () => {
  if (skip) return;
  host = await startSshHost({ index: 6 });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-vmflows-'));
  const kh = path.join(tmp, 'known_hosts');
  fs.writeFileSync(kh, `${host.knownHostsLine}\n`);
  m = new HostConnectionManager({ knownHostsFile: kh });
  m.setHosts([{ name: HOST, host: host.host, port: host.port, user: host.user, identityFile: host.key }]);
  const uri = host.libvirtd?.uri ?? '';
  const o = { timeoutMs: 60_000 };
  value(await runVirsh(local, uri, netDefine(`<network><name>fl-nat</name><forward mode='nat'/><bridge name='vn-flnat'/><ip address='10.93.0.1' prefix='24'/></network>`), o));
  value(await runVirsh(local, uri, netDefine(`<network><name>fl-iso</name><bridge name='vn-fliso'/></network>`), o));
  value(await runVirsh(local, uri, netStart('fl-nat'), o));
  value(await runVirsh(local, uri, netStart('fl-iso'), o));
});
after(async () => {
  m?.dispose();
  await host?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** The UI: picks chosen by label (a function of the items), inputs and questions answered in order; all recorded. */
function scripted(script: { picks?: ((items: readonly PickItem<unknown>[], title: string) => string | undefined)[]; inputs?: (string | undefined)[]; answers?: (string | undefined)[]; workspaceMacs?: string[] }) {
  const picks = [...(script.picks ?? [])];
  const inputs = [...(script.inputs ?? [])];
  const answers = [...(script.answers ?? [])];
  const asked: { message: string; detail: string; buttons: readonly string[] }[] = [];
  const pickTitles: string[] = [];
  const validations: (string | undefined)[] = [];
  const h: VmFlowHost = {
    host: HOST,
    config: m.host(HOST)!.config,
    run: (c) => m.run(HOST, c),
    snapshot: () => m.host(HOST),
    refresh: () => m.refresh(HOST),
    workspaceMacs: async () => new Set(script.workspaceMacs ?? []),
    hostBridges: async () => ok(['vn-flnat', 'vn-fliso', 'br-extra']),
    ui: {
      ask: async (message, detail, buttons) => {
        asked.push({ message, detail, buttons });
        assert.ok(answers.length > 0, `unexpected question: ${message}`);
        return answers.shift();
      },
      progress: (_t, task) => task(),
      pick: async <T>(title: string, placeHolder: string, items: readonly PickItem<T>[]) => {
        pickTitles.push(`${placeHolder}: ${title}`);
        const choose = picks.shift();
        assert.ok(choose, `unexpected pick: ${placeHolder}`);
        const label = choose(items as readonly PickItem<unknown>[], title);
        return items.find((i) => i.label === label)?.value;
      },
      input: async (_title, _prompt, validate) => {
        const text = inputs.shift();
        if (text === undefined) return undefined;
        const problem = validate(text);
        validations.push(problem);
        return problem ? undefined : text;
      },
    },
  };
  return { h, asked, pickTitles, validations, done: () => assert.deepEqual([picks.length, inputs.length, answers.length], [0, 0, 0], 'every scripted answer was used') };
}
const label = (l: string) => () => l;
const first = (items: readonly PickItem<unknown>[]) => items[0].label;

const vmOf = (name: string) => m.host(HOST)?.vms?.find((v) => v.name === name);

test('attach (saved configuration of a shut-off VM), typed MAC checked, detach by MAC with confirmation; the tree shows each state', { skip }, async () => {
  value(await onDaemon(['define', '--file', '/dev/stdin'], plainXml('web', ['fl-nat'])));
  value(await m.refresh(HOST));
  const model = new HostsTreeModel(m);
  const [nets, vms] = model.children(model.hostNode(HOST));
  const vmNodes = model.children(vms);
  assert.deepEqual(vmNodes.map((n) => model.view(n)?.label), ['web']);
  assert.equal(model.view(vmNodes[0])?.contextValue, 'virtnet.vm.shutoff');
  assert.equal(model.view(vmNodes[0])?.description, 'shut off · 1 NIC');
  const natNode = model.children(nets).find((n) => (n as { networkName?: string }).networkName === 'fl-nat') as HostsTreeNode;
  assert.match(model.view(natNode)!.description!, /1 VM$/);
  const used = vmOf('web')!.nics[0].mac!;

  // Typed MAC: one in use on the host is refused, one in the workspace too, then a good one.
  const s = scripted({
    picks: [label('fl-iso'), first, label('Type a MAC…')],
    inputs: [used, '52:54:00:aa:bb:01', '52:54:00:aa:bb:02'],
    answers: [ATTACH],
    workspaceMacs: ['52:54:00:aa:bb:01'],
  });
  // The input is asked once in the flow; the two refusals are checked through the same validator.
  const r0 = await attachNic({ ...s.h, ui: { ...s.h.ui, input: async (t, p, validate) => {
    assert.match(validate(used) ?? '', /already used by a VM's NIC on this host/);
    assert.match(validate('52:54:00:aa:bb:01') ?? '', /already used in a file of this workspace/);
    assert.match(validate('nonsense') ?? '', /is not a MAC address/);
    return s.h.ui.input(t, p, validate).then(() => '52:54:00:aa:bb:02');
  } } }, 'web');
  assert.equal(r0.status, 'done', JSON.stringify(r0));
  assert.match((r0 as { message: string }).message, /Saved configuration: NIC added/);
  assert.match(s.asked[0].message, /Add a NIC 52:54:00:aa:bb:02 on network 'fl\-iso' \(virtio\) to VM 'web': to its saved configuration only: it takes effect the next time the VM starts\./);
  assert.match(s.asked[0].detail, /--config/);
  assert.deepEqual(s.asked[0].buttons, [ATTACH]);
  assert.ok(s.pickTitles.every((t) => /\(shut off\)/.test(t)), 'the VM state is stated in every prompt');
  assert.deepEqual(r0.report?.config?.added.map((n) => n.mac), ['52:54:00:aa:bb:02']);

  value(await m.refresh(HOST));
  const nics = model.children(model.vmNode(HOST, 'web'));
  assert.deepEqual(nics.map((n) => model.view(n)?.label), [used, '52:54:00:aa:bb:02']);
  assert.equal(model.view(nics[1])?.contextValue, 'virtnet.nic.config');
  assert.equal(model.view(nics[1])?.description, "network 'fl-iso' · virtio · saved configuration");

  // Detach by MAC: confirmation first; cancelled changes nothing.
  const c = scripted({ answers: [undefined] });
  assert.deepEqual(await detachNic(c.h, 'web', '52:54:00:aa:bb:02'), { status: 'cancelled' });
  const d = scripted({ answers: [DETACH] });
  const r1 = await detachNic(d.h, 'web', '52:54:00:aa:bb:02');
  assert.equal(r1.status, 'done', JSON.stringify(r1));
  assert.match(d.asked[0].message, /Remove the NIC 52:54:00:aa:bb:02 .* from VM 'web': from its saved configuration only/);
  assert.deepEqual(r1.report?.config?.removed.map((n) => n.mac), ['52:54:00:aa:bb:02']);
  value(await m.refresh(HOST));
  assert.equal(vmOf('web')?.nics.length, 1);
  d.done();
});

test('start, force off only after confirmation, live attach on the running VM (default --live --config), a VM gone meanwhile', { skip }, async () => {
  value(await onDaemon(['define', '--file', '/dev/stdin'], plainXml('run', ['fl-nat'])));
  value(await m.refresh(HOST));
  const started = await powerVm(scripted({}).h, 'run', 'start');
  assert.equal(started.status, 'done', JSON.stringify(started));
  assert.match((started as { message: string }).message, /Started 'run'\. Now: running/);
  value(await m.refresh(HOST));
  assert.equal(vmOf('run')?.state, 'running');

  // Attach with the default scope for a running persistent VM: picks source, model, fresh MAC, scope (default first).
  const a = scripted({ picks: [label('fl-iso'), first, first, first], answers: [ATTACH] });
  const r = await attachNic(a.h, 'run');
  assert.equal(r.status, 'done', JSON.stringify(r));
  assert.match(a.pickTitles[3], /Where the NIC is added: .*VM is running/);
  assert.match(a.asked[0].message, /to the running VM now and to its saved configuration/);
  assert.equal(r.report?.live?.added.length, 1);
  assert.equal(r.report?.config?.added.length, 1);
  const model = new HostsTreeModel(m);
  value(await m.refresh(HOST));
  const nicViews = model.children(model.vmNode(HOST, 'run')).map((n) => model.view(n)!);
  assert.deepEqual(nicViews.map((v) => v.contextValue), ['virtnet.nic.live.config', 'virtnet.nic.live.config']);
  assert.match(nicViews[1].description!, /^network 'fl-iso' \(bridge vn-fliso\) · virtio · vnet\d+$/);

  const no = scripted({ answers: [undefined] });
  assert.deepEqual(await powerVm(no.h, 'run', 'destroy'), { status: 'cancelled' });
  assert.match(no.asked[0].message, /Force off 'run'\?/);
  value(await m.refresh(HOST));
  assert.equal(vmOf('run')?.state, 'running', 'nothing sent without the answer');
  const yes = scripted({ answers: [FORCE_OFF] });
  const off = await powerVm(yes.h, 'run', 'destroy');
  assert.equal(off.status, 'done', JSON.stringify(off));
  assert.match((off as { message: string }).message, /Forced off 'run'\. Now: shut off/);

  // Removed on the host after the tree read it: a clear message, no crash.
  value(await m.refresh(HOST));
  value(await onDaemon(['undefine', '--domain', 'run']));
  const gone = await detachNic(scripted({ answers: [DETACH] }).h, 'run', vmOf('run')!.nics[0].mac!);
  assert.equal(gone.status, 'failed');
  assert.match((gone as { message: string }).message, /'run' is no longer on this host/);
  const start = await powerVm(scripted({}).h, 'run', 'start');
  assert.equal(start.status, 'failed');
  assert.match((start as { message: string }).message, /no longer on this host/);
});

test('hostile VM names: shown literally in the tree, and the flows act on the right VM without running anything', { skip }, async () => {
  const names = HOSTILE.filter((n) => !n.includes('\n') && n.trim() === n && n.length > 0 && !n.includes('/')).slice(0, 6);
  for (const n of names) value(await onDaemon(['define', '--file', '/dev/stdin'], plainXml(n, ['fl-iso'])));
  value(await m.refresh(HOST));
  const model = new HostsTreeModel(m);
  const labels = model.children(model.groupNode(HOST, 'vms')).map((n) => model.view(n)?.label);
  for (const n of names) assert.ok(labels.includes(n), n);
  for (const n of names) {
    const s = scripted({ picks: [label('fl-nat'), first, first], answers: [ATTACH] });
    const r = await attachNic(s.h, n);
    assert.equal(r.status, 'done', `${n}: ${JSON.stringify(r)}`);
  }
  value(await m.refresh(HOST));
  for (const n of names) assert.equal(vmOf(n)?.nics.length, 2, n);
  assert.ok(!fs.existsSync(path.join(host.home, 'pwned')), 'nothing ran on the host');
});
