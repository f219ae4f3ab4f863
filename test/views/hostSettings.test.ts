/** The `virtnet.hosts` setting read into HostConfigs, and the values adding, importing and removing write. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sshConfigHosts } from '../../client/src/remote';
import { importChoices, parseHostSettings, settingEntry, withHostRemoved, withHostsAdded } from '../../client/src/views/hostSettings';

test('entries become HostConfigs with the default URI; bad entries are skipped with a message naming them', () => {
  const r = parseHostSettings([
    { name: 'kvm1', host: 'kvm1.example.org', user: 'admin', port: 2222, identityFile: '~/.ssh/id_kvm' },
    { name: 'here', local: true, uri: 'test:///default' },
    { name: 'also-here', host: 'local' },
    { name: 'kvm1', host: 'other' },
    { host: 'nameless' },
    { name: 'nowhere' },
    { name: 'badport', host: 'h', port: 70000 },
    'kvm3',
  ]);
  assert.deepEqual(r.hosts, [
    { name: 'kvm1', host: 'kvm1.example.org', port: 2222, user: 'admin', identityFile: '~/.ssh/id_kvm', uri: 'qemu:///system' },
    { name: 'here', uri: 'test:///default', local: true },
    { name: 'also-here', uri: 'qemu:///system', local: true },
    { name: 'badport', host: 'h', uri: 'qemu:///system' },
  ]);
  assert.deepEqual(r.problems, [
    'virtnet.hosts[3]: a host named "kvm1" is already listed: skipped',
    'virtnet.hosts[4] has no name: skipped',
    'host "nowhere" has neither "host" nor "local": true: skipped',
    'host "badport": port 70000 is not a port number (1-65535): 22 is used',
    'virtnet.hosts[7] is not an object: skipped',
  ]);
  assert.deepEqual(parseHostSettings(undefined), { hosts: [], problems: [] });
  assert.deepEqual(parseHostSettings({}).problems, ['virtnet.hosts must be a list of hosts']);
});

test('adding writes only meaningful fields and never duplicates a name; removing keeps the other entries as written', () => {
  const current = [{ name: 'kvm1', host: 'a', comment: 'kept as written' }];
  const added = withHostsAdded(current, [
    { name: 'kvm2', host: 'b', port: 22, user: 'root', uri: 'qemu:///system' },
    { name: 'kvm1', host: 'c' },
    { name: 'here', host: 'ignored', local: true, uri: 'test:///default' },
  ]);
  assert.deepEqual(added, [
    { name: 'kvm1', host: 'a', comment: 'kept as written' },
    { name: 'kvm2', host: 'b', user: 'root', uri: 'qemu:///system' },
    { name: 'here', uri: 'test:///default', local: true },
  ]);
  assert.deepEqual(withHostRemoved(added, 'kvm2'), [added[0], added[2]]);
  assert.deepEqual(withHostsAdded(undefined, [{ name: 'x', host: 'y', port: 2200 }]), [{ name: 'x', host: 'y', port: 2200 }]);
  assert.deepEqual(parseHostSettings(added).hosts.map((h) => h.name), ['kvm1', 'kvm2', 'here'], 'what is written reads back');
});

test('~/.ssh/config hosts: new ones offered, configured and ProxyCommand ones set apart with the reason; ProxyJump ones resolved', () => {
  const hosts = sshConfigHosts(
    'Host kvm1\n  HostName 10.0.0.5\n  User admin\nHost kvm2\n  Port 2222\nHost behind\n  ProxyJump bastion\nHost piped\n  ProxyCommand nc %h %p\nHost bastion\n  HostName gw.example\n  User ops\nHost *\n  User me\n',
    { user: 'me' },
  );
  const choices = importChoices(hosts, [{ name: 'kvm2' }]);
  assert.deepEqual(
    choices.map((c) => [c.host.name, c.status, c.summary]),
    [
      ['kvm1', 'new', 'admin@10.0.0.5'],
      ['kvm2', 'configured', 'me@kvm2:2222'],
      ['behind', 'new', 'me@behind'],
      ['piped', 'unsupported', 'me@piped'],
      ['bastion', 'new', 'ops@gw.example'],
    ],
  );
  assert.match(choices[3].reason!, /ProxyCommand is not supported/);
  // The hop names as ~/.ssh/config writes them: resolved through it again when connecting (IdentityFile included).
  assert.deepEqual(settingEntry(hosts[2]), { name: 'behind', host: 'behind', user: 'me', proxyJump: 'bastion', uri: 'qemu:///system' }, 'the ProxyJump as written');
  assert.deepEqual(settingEntry(hosts[3]), { name: 'piped', host: 'piped', user: 'me', uri: 'qemu:///system' }, 'the entry carries no "unsupported" note');
});

test('virtnet.hosts proxyJump: kept when valid, the entry skipped with the reason when not, ignored for local hosts', () => {
  const r = parseHostSettings([
    { name: 'a', host: 'h1', proxyJump: 'gw' },
    { name: 'b', host: 'h2', proxyJump: 'x;touch pwned' },
    { name: 'c', host: 'h3', proxyJump: 'none' },
    { name: 'd', local: true, proxyJump: 'gw' },
  ]);
  assert.deepEqual(r.hosts.map((h) => [h.name, h.proxyJump]), [['a', 'gw'], ['c', undefined], ['d', undefined]]);
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0], /host "b": ProxyJump "x;touch pwned".*skipped/);
});
