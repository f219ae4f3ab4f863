/**
 * The hosts tree model against real hosts, through the remote layer: a real
 * sshd in front of a private libvirtd (scripts/testbed/), a host that accepts
 * TCP and never answers, the same sshd with a libvirt URI whose daemon is not
 * there, and this machine with virsh's test driver. Hosts are contacted only
 * when expanded; each fails or answers on its own; the views carry what
 * libvirt reported; every command reaches the log with host, argv and status.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { commandLogLine } from '../../client/src/log/commandLog';
import { HostConnectionManager, netAutostart, netDefine, netStart, type CommandLogEntry, type Result } from '../../client/src/remote';
import { HostsTreeModel, type HostsTreeNode } from '../../client/src/views/hostsTreeModel';
import { sshdInstalled, startSilentHost, startSshHost, type SshHost } from '../helpers/sshTestbed';

const skip = process.getuid?.() !== 0 || !sshdInstalled() ? 'needs root and openssh-server (scripts/setup-test-deps.sh)' : false;
let host: SshHost;
let silent: { port: number; close(): void } | undefined;
let tmp: string;

before(async () => {
  if (skip) return;
  host = await startSshHost({ index: 3 });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-tree-'));
  silent = await startSilentHost(); // a hung host
});
after(async () => {
  silent?.close();
  await host?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function value<T>(r: Result<T>): T {
  if (!r.ok) assert.fail(`${r.error.kind}: ${r.error.message}\n${r.error.stderr}`);
  return r.value;
}

const NET = (name: string, octet: number) => `<network>
  <name>${name}</name>
  <bridge name='vn-tree${octet}'/>
  <ip address='10.${octet}.0.1' prefix='24'>
    <dhcp><range start='10.${octet}.0.10' end='10.${octet}.0.50'/></dhcp>
  </ip>
</network>`;

test('hosts are contacted only when expanded, independently; networks, errors and log as the tree shows them', { skip }, async () => {
  const kh = path.join(tmp, 'known_hosts');
  fs.writeFileSync(kh, `${host.knownHostsLine}\n`);
  const log: (CommandLogEntry & { host: string })[] = [];
  const m = new HostConnectionManager({
    knownHostsFile: kh,
    connectTimeoutMs: 3_000,
    prompts: { confirmHostKey: async () => assert.fail('no host key question'), askPassphrase: async () => assert.fail('no passphrase question') },
    log: (e) => log.push(e),
  });
  const ssh = { host: host.host, port: host.port, user: host.user, identityFile: host.key };
  m.setHosts([
    { name: 'kvm', ...ssh, uri: 'qemu:///system' },
    { name: 'hung', host: '127.0.0.1', port: silent!.port, user: 'nobody' },
    { name: 'no-daemon', ...ssh, uri: 'qemu+unix:///system?socket=/nonexistent/libvirt-sock' },
    { name: 'here', local: true, uri: 'test:///default' },
  ]);
  try {
    // The host's state, made with virsh through the same manager: one network active with autostart, one defined only.
    value(await m.run('kvm', netDefine(NET('vn-tree-a', 71))));
    value(await m.run('kvm', netStart('vn-tree-a')));
    value(await m.run('kvm', netAutostart('vn-tree-a', true)));
    value(await m.run('kvm', netDefine(NET('vn-tree-b', 72))));
    log.length = 0;

    const model = new HostsTreeModel(m);
    const roots = model.roots();
    assert.deepEqual(roots.map((n) => model.view(n)?.label), ['kvm', 'hung', 'no-daemon', 'here']);
    assert.deepEqual(roots.map((n) => model.view(n)?.contextValue), ['virtnet.host.idle', 'virtnet.host.idle', 'virtnet.host.idle', 'virtnet.host.idle']);
    assert.equal(log.length, 0, 'listing hosts contacts none');

    const [kvm, hung, noDaemon, here] = roots;
    const order: string[] = [];
    /** What the tree does on expansion: children at once (a "connecting" message), then again when the manager reports. */
    const expand = (n: HostsTreeNode, name: string) => {
      const [first] = model.children(n);
      assert.equal(model.view(first)?.contextValue, 'virtnet.message.loading', `${name}: at once, without waiting on the host`);
      // Ready: the host's folders; the networks are in the first.
      return m.refresh(name).then(() => {
        order.push(name);
        const children = model.children(n);
        return children[0]?.kind === 'group' ? model.children(children[0]) : children;
      });
    };
    const hungChildren = expand(hung, 'hung');
    const kvmChildren = await expand(kvm, 'kvm');
    assert.equal(m.host('hung')?.status, 'loading', 'the hung host is still trying while kvm is shown');
    assert.equal(model.view(hung)?.icon.id, 'loading~spin');

    const byName = new Map(kvmChildren.map((c) => [(c as { networkName: string }).networkName, model.view(c)!]));
    assert.deepEqual([...byName.keys()].sort(), ['vn-tree-a', 'vn-tree-b']);
    const a = byName.get('vn-tree-a')!;
    const b = byName.get('vn-tree-b')!;
    assert.equal(a.description, 'active · autostart · vn-tree71 · 10.71.0.0/24');
    assert.equal(a.contextValue, 'virtnet.network.active.autostart.persistent');
    assert.equal(b.description, 'inactive · vn-tree72 · 10.72.0.0/24');
    assert.equal(b.contextValue, 'virtnet.network.inactive.persistent');
    assert.match(a.tooltip!, /Forward: none \(isolated network\)/);
    assert.match(a.tooltip!, /UUID: [0-9a-f]{8}\\-/);
    assert.equal(model.view(kvm)?.contextValue, 'virtnet.host.ready');
    assert.deepEqual(new Set(log.map((e) => e.host)), new Set(['kvm']), 'only the expanded host ran commands');
    assert.equal(log.length, 2, 'two round trips for the whole host');

    const [hungError] = await hungChildren;
    assert.deepEqual(order, ['kvm', 'hung']);
    const hv = model.view(hungError)!;
    assert.equal(hv.contextValue, 'virtnet.message.error');
    assert.match(hv.label, /did not complete the SSH login within 3 s/);
    assert.match(hv.tooltip!, /Check that 127\\\.0\\\.0\\\.1\\:\d+ is up/);
    assert.deepEqual(hv.command?.arguments, [{ kind: 'host', hostName: 'hung' }]);
    assert.equal(model.view(hung)?.contextValue, 'virtnet.host.error');
    assert.equal(m.host('kvm')?.status, 'ready', 'the other host is unaffected');

    // libvirt's own words when the daemon is not there, and what to do next.
    const [nd] = await expand(noDaemon, 'no-daemon');
    const nv = model.view(nd)!;
    assert.match(nv.label, /Failed to connect socket to '\/nonexistent\/libvirt-sock'/);
    assert.match(nv.tooltip!, /libvirtd does not answer/);

    // This machine, virsh's test driver (no daemon).
    const [def] = await expand(here, 'here');
    assert.equal(model.view(def)?.description, 'active · virbr0 · 192.168.122.0/24 · 1 VM (1 running)', "the test driver's VM 'test' is on it");
    assert.equal(model.view(def)?.contextValue, 'virtnet.network.active.persistent');

    // The log: one line per command, with host, argv, status, and libvirt's stderr on failure.
    const lines = log.map(commandLogLine);
    const first = lines.find((l) => l.text.startsWith('[kvm]'))!;
    assert.equal(first.level, 'info');
    assert.match(first.text, new RegExp(`^\\[kvm\\] ssh ${host.user}@127\\.0\\.0\\.1:${host.port}: env 'LC_ALL=C' virsh -c qemu:///system .*net-list.* → exit status 0 in \\d+ ms$`));
    assert.doesNotMatch(first.text, /@@virtnet/, "the batch's markers are not logged");
    assert.match(first.text, /'net-list --all --name ; net-list --name ; net-list --all --autostart --name ; net-list --all --persistent --name\b.*' \(one virsh batch\)/);
    const failed = lines.find((l) => l.text.startsWith('[no-daemon]'))!;
    assert.equal(failed.level, 'warn');
    assert.match(failed.text, /→ exit status 1 in \d+ ms\n {2}stderr: error: failed to connect to the hypervisor/);
    const hungLine = lines.find((l) => l.text.startsWith('[hung]'))!;
    assert.equal(hungLine.level, 'error');
    assert.match(hungLine.text, /→ failed: .*did not complete the SSH login/);
    assert.ok(lines.some((l) => l.text.startsWith("[here] local: env 'LC_ALL=C' virsh -c test:///default")));

    // After the state changes on the host, a refresh re-renders from the manager's new state.
    value(await m.run('kvm', netStart('vn-tree-b')));
    value(await m.refresh('kvm'));
    const after = model.children(model.groupNode('kvm', 'networks')).map((c) => model.view(c)!);
    assert.equal(after.find((v) => v.label === 'vn-tree-b')?.contextValue, 'virtnet.network.active.persistent');
  } finally {
    m.dispose();
  }
});
