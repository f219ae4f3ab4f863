/**
 * The `virtnet-host:` documents (client/src/commands/hostObjectUri.ts,
 * hostObjectText.ts): the URIs the language server's related information
 * points at (server/src/workspace/kvmHosts.ts builds them), parsed as VS
 * Code hands them over (authority and path decoded), and what each shows,
 * read through the remote layer from virsh's test driver on this machine
 * (`test:///default`: network `default` on virbr0, running VM `test`; no
 * daemon). The in-VS-Code side (opening such a location) is in
 * test/vscode/host/lab/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readHostObject, type HostObjectSource } from '../../client/src/commands/hostObjectText';
import { describeHostObject, parseHostObjectUri } from '../../client/src/commands/hostObjectUri';
import { HOST_OBJECT_SCHEME } from '../../client/src/commands/networkXmlScheme';
import { fail, HostConnectionManager, ok } from '../../client/src/remote';
import { HOST_URI_SCHEME, hostObjectUri } from '../../server/src/workspace/kvmHosts';

/** What VS Code's `Uri.parse` gives for `scheme://authority/path`: both parts percent-decoded. */
function asVscodeParses(uri: string): { scheme: string; authority: string; path: string } {
  const m = /^([a-z-]+):\/\/([^/?#]*)([^?#]*)/.exec(uri);
  assert.ok(m, uri);
  return { scheme: m[1], authority: decodeURIComponent(m[2]), path: decodeURIComponent(m[3]) };
}

test('virtnet-host: the client reads the scheme the server writes', () => {
  assert.equal(HOST_OBJECT_SCHEME, HOST_URI_SCHEME);
});

test('virtnet-host: network, VM and bridges URIs of the server parse back to host, kind and name, whatever the names hold', () => {
  const cases: [string, 'network' | 'vm' | 'bridges', string | undefined][] = [
    ['kvm1', 'network', 'default'],
    ['kvm1', 'vm', 'web'],
    ['kvm1', 'bridges', undefined],
    ['kvm #1', 'vm', 'web 1/a'],
    ['lab', 'network', 'a/b/c'],
    ['h', 'vm', "it's; $(touch pwned) `x` %2F ü"],
    ['h', 'network', 'bridges'],
    ['user@host:22', 'vm', 'vm'],
  ];
  for (const [host, kind, name] of cases) {
    const u = asVscodeParses(hostObjectUri(host, kind, name));
    assert.equal(u.scheme, HOST_OBJECT_SCHEME);
    assert.deepEqual(parseHostObjectUri(u.authority, u.path), kind === 'bridges' ? { host, kind } : { host, kind, name }, `${host} ${kind} ${name}`);
  }
});

test('virtnet-host: URIs that name no host object are refused (undefined), never guessed', () => {
  for (const [authority, path] of [
    ['', '/network/default'],
    ['kvm1', ''],
    ['kvm1', '/'],
    ['kvm1', '/network'],
    ['kvm1', '/network/'],
    ['kvm1', '/vm/'],
    ['kvm1', '/disk/x'],
    ['kvm1', '/bridges/br0'],
    ['kvm1', 'network/default'],
  ]) {
    assert.equal(parseHostObjectUri(authority, path), undefined, `${authority} ${path}`);
  }
  assert.equal(describeHostObject({ host: 'h', kind: 'vm', name: 'web' }), "VM 'web' on host 'h'");
  assert.equal(describeHostObject({ host: 'h', kind: 'bridges' }), "the bridges of host 'h'");
});

const NOW = () => new Date('2026-12-05T08:40:12Z');

function testDriverHost(uri = 'test:///default'): { m: HostConnectionManager; src: HostObjectSource; refreshes: () => number } {
  const m = new HostConnectionManager();
  m.setHosts([{ name: 'demo', local: true, uri }]);
  let refreshes = 0;
  const src: HostObjectSource = {
    host: (h) => m.host(h),
    refresh: (h) => {
      refreshes++;
      return m.refresh(h);
    },
    run: (h, c) => m.run(h, c),
    bridges: async () => ok(['virbr0', 'br-lab']),
  };
  return { m, src, refreshes: () => refreshes };
}

test("virtnet-host: a network shows its live XML under a comment saying what and when; one that is gone says so", async () => {
  const { m, src, refreshes } = testDriverHost();
  try {
    const doc = await readHostObject(src, { host: 'demo', kind: 'network', name: 'default' }, NOW);
    assert.equal(doc.xml, true);
    const [head, ...rest] = doc.text.split('\n');
    assert.equal(head, "<!-- VirtNet: network 'default' on host 'demo', its live definition (virsh net-dumpxml), read 2026-12-05 08:40 UTC. Read-only. -->");
    assert.match(rest.join('\n'), /^<network[^>]*>\s*<name>default<\/name>/);
    assert.equal(refreshes(), 0, 'a network is read by name: no refresh needed');

    const goneDoc = await readHostObject(src, { host: 'demo', kind: 'network', name: 'nope' }, NOW);
    assert.equal(goneDoc.xml, false);
    assert.match(goneDoc.text, /^Network 'nope' is no longer on host 'demo' \(read 2026-12-05 08:40 UTC\)\.\n\n.*Refresh 'demo' in the VirtNet view/);
  } finally {
    m.dispose();
  }
});

test('virtnet-host: a VM shows its XML (read by the UUID of a refresh made for it); one that is gone says so', async () => {
  const { m, src, refreshes } = testDriverHost();
  try {
    const doc = await readHostObject(src, { host: 'demo', kind: 'vm', name: 'test' }, NOW);
    assert.equal(doc.xml, true, doc.text);
    assert.match(doc.text, /^<!-- VirtNet: VM 'test' on host 'demo', as it runs \(virsh dumpxml\), read 2026-12-05 08:40 UTC\. Read-only\. -->\n<domain type='test'[^>]*>\s*<name>test<\/name>/);
    assert.equal(refreshes(), 1, 'the host had not been read: one refresh');
    await readHostObject(src, { host: 'demo', kind: 'vm', name: 'test' }, NOW);
    assert.equal(refreshes(), 1, 'read since: no second refresh');

    const goneDoc = await readHostObject(src, { host: 'demo', kind: 'vm', name: 'gone-vm' }, NOW);
    assert.equal(goneDoc.xml, false);
    assert.match(goneDoc.text, /^VM 'gone-vm' is no longer on host 'demo'/);
    assert.equal(refreshes(), 2, 'a name the last refresh lacks: the host is read again once before saying it is gone');
  } finally {
    m.dispose();
  }
});

test("virtnet-host: the bridges document lists the host's bridges with the networks that use them", async () => {
  const { m, src } = testDriverHost();
  try {
    const doc = await readHostObject(src, { host: 'demo', kind: 'bridges' }, NOW);
    assert.equal(doc.xml, false);
    assert.equal(doc.text, "Bridges on host 'demo' (ip link show type bridge), read 2026-12-05 08:40 UTC:\n\n  br-lab\n  virbr0  used by network 'default'\n");
    const none = await readHostObject({ ...src, bridges: async () => ok([]) }, { host: 'demo', kind: 'bridges' }, NOW);
    assert.match(none.text, /:\n\n {2}\(none\)\n$/);
    const failed = await readHostObject({ ...src, bridges: async () => fail('command', 'the ip command (iproute2) is not installed on demo') }, { host: 'demo', kind: 'bridges' }, NOW);
    assert.match(failed.text, /^VirtNet could not read the bridges of host 'demo': the ip command \(iproute2\) is not installed on demo\.\n\n\S/);
  } finally {
    m.dispose();
  }
});

test('virtnet-host: an unknown host and an unreachable one get a message with the next step, not an error', async () => {
  const { m, src } = testDriverHost('test:///nonexistent/virtnet-missing.xml');
  try {
    const unknown = await readHostObject(src, { host: 'kvm9', kind: 'vm', name: 'web' }, NOW);
    assert.equal(unknown.xml, false);
    assert.match(unknown.text, /^No host named 'kvm9' is configured \(setting virtnet.hosts\), so VirtNet cannot show VM 'web' on host 'kvm9'\./);
    for (const ref of [{ host: 'demo', kind: 'vm', name: 'test' } as const, { host: 'demo', kind: 'network', name: 'default' } as const]) {
      const doc = await readHostObject(src, ref, NOW);
      assert.equal(doc.xml, false);
      assert.match(doc.text, new RegExp(`^VirtNet could not read ${ref.kind === 'vm' ? 'VM' : 'network'} '${ref.name}' on host 'demo': .+\\.\\n\\n\\S`), doc.text);
    }
  } finally {
    m.dispose();
  }
});
