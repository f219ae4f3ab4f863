/**
 * remote/sshConfig.ts over the ssh-config package: concrete Host names become
 * hosts, with ssh's first-value-wins and `Host *` defaults; patterns are not
 * hosts; ProxyJump is resolved; Include is read; Match exec never runs.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { readSshConfigHosts, sshConfigHosts } from '../../client/src/remote/sshConfig';

const CONFIG = `
# my KVM hosts
Host kvm1 kvm1-alias
  HostName 10.0.0.11
  User admin
  IdentityFile ~/.ssh/id_kvm

Host kvm2
  HostName kvm2.lab.example
  Port 2222

Host behind
  HostName 10.1.0.5
  ProxyJump bastion

Host *.lab !secret.lab
  User labuser

Host kvm2
  User from-second-section

Match exec "touch PWNED_FILE"
  User fromexec

Host *
  User defaultuser
  Port 22
`;

test('concrete Host names with HostName, Port, User, IdentityFile; defaults from Host *; first value wins', () => {
  const hosts = sshConfigHosts(CONFIG, { user: 'me' });
  assert.deepEqual(
    hosts.map((h) => h.name),
    ['kvm1', 'kvm1-alias', 'kvm2', 'behind'],
  );
  const kvm1 = hosts[0];
  assert.equal(kvm1.host, '10.0.0.11');
  assert.equal(kvm1.user, 'admin');
  assert.equal(kvm1.port, 22);
  assert.equal(kvm1.identityFile, path.join(os.homedir(), '.ssh', 'id_kvm'));
  assert.equal(kvm1.uri, 'qemu:///system');
  assert.equal(hosts[1].host, '10.0.0.11');
  const kvm2 = hosts[2];
  assert.equal(kvm2.host, 'kvm2.lab.example');
  assert.equal(kvm2.port, 2222);
  assert.equal(kvm2.user, 'from-second-section', 'a later Host section still comes before Host *');
  assert.equal(kvm2.identityFile, undefined);
  assert.equal(kvm2.unsupported, undefined);
});

test('ProxyJump is resolved through the config, as ssh does, IdentityFile included; a first hop\'s own ProxyJump is followed, loops and too deep chains reported', () => {
  const hosts = sshConfigHosts(
    CONFIG +
      '\nHost bastion\n  HostName gw.example\n  Port 2200\n  IdentityFile ~/.ssh/id_gw\nHost deep\n  ProxyJump behind\nHost chain\n  ProxyJump root@bastion:23,plain\n' +
      'Host later\n  ProxyJump plain,behind\nHost loop1\n  ProxyJump loop2\nHost loop2\n  ProxyJump loop1\nHost self\n  ProxyJump self\n' +
      Array.from({ length: 12 }, (_, i) => `Host d${i}\n  ProxyJump d${i + 1}\n`).join('') +
      'Host d12\n  HostName 10.9.9.9\n',
    { user: 'me' },
  );
  const of = (n: string) => hosts.find((h) => h.name === n)!;
  const behind = of('behind');
  assert.equal(behind.unsupported, undefined);
  // `Host *` (earlier in the file) gives the bastion its user and port, as ssh would: the first value wins.
  const gw = { host: 'gw.example', port: 22, user: 'defaultuser', identityFile: path.join(os.homedir(), '.ssh', 'id_gw') };
  assert.deepEqual(behind.jumpHosts, [gw]);
  assert.equal(behind.proxyJump, 'bastion', 'kept as written: resolved through the config again when connecting');
  assert.deepEqual(of('chain').jumpHosts?.map((j) => [j.user, j.host, j.port, j.identityFile]), [['root', 'gw.example', 23, gw.identityFile], ['defaultuser', 'plain', 22, undefined]]);
  // deep → behind → bastion: the bastion first, then behind.
  assert.equal(of('deep').unsupported, undefined);
  assert.deepEqual(of('deep').jumpHosts, [gw, { host: '10.1.0.5', port: 22, user: 'defaultuser' }]);
  // Only the first hop's own ProxyJump counts (ssh reaches later hops through the earlier ones).
  assert.deepEqual(of('later').jumpHosts?.map((j) => j.host), ['plain', '10.1.0.5']);
  assert.match(of('loop1').unsupported ?? '', /ProxyJump loop: loop1 → loop2 → loop1/);
  assert.equal(of('loop1').jumpHosts, undefined);
  assert.match(of('self').unsupported ?? '', /ProxyJump loop: self → self/);
  assert.match(of('d0').unsupported ?? '', /ProxyJump chain too long \(more than 8 /);
  assert.deepEqual(of('d5').jumpHosts?.map((j) => j.host), ['10.9.9.9', 'd11', 'd10', 'd9', 'd8', 'd7', 'd6']);
});

test('Include before the first Host is read in place (globs, ~/.ssh-relative); a section of a file included in another block only applies where that block does', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-sshinc-'));
  try {
    fs.mkdirSync(path.join(dir, 'config.d'));
    fs.writeFileSync(path.join(dir, 'config.d', 'a.conf'), 'Host inc-a\n  HostName 10.0.0.1\n');
    fs.writeFileSync(path.join(dir, 'config.d', 'b.conf'), 'Host inc-b\n  Port 2201\n');
    // Included inside `Host main`: `Host inblock` is not a host main's block applies to.
    fs.writeFileSync(path.join(dir, 'extra'), 'Host inblock\n');
    fs.writeFileSync(path.join(dir, 'config'), 'Include config.d/*.conf\nUser top\nHost main\n  HostName 10.0.0.9\n  Include extra\n');
    const hosts = readSshConfigHosts(path.join(dir, 'config'), { user: 'me' });
    assert.deepEqual(
      hosts.map((h) => [h.name, h.host, h.port, h.user]),
      [
        ['inc-a', '10.0.0.1', 22, 'top'],
        ['inc-b', 'inc-b', 2201, 'top'],
        ['main', '10.0.0.9', 22, 'top'],
      ],
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('Include inside a Host block: its directives apply to that block; its sections to the names both match; the block goes on after it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-sshinc-block-'));
  try {
    fs.mkdirSync(path.join(dir, 'hosts.d'));
    fs.writeFileSync(path.join(dir, 'hosts.d', 'main.conf'), 'Port 2209\nIdentityFile ~/.ssh/id_main\n');
    fs.writeFileSync(path.join(dir, 'hosts.d', 'lab.conf'), 'User labuser\nHost web1\n  HostName 10.0.1.1\nHost db1\n  HostName 10.0.2.1\nHost web*\n  Port 2300\n');
    fs.writeFileSync(path.join(dir, 'hosts.d', 'nested.conf'), 'Include hosts.d/main.conf\n');
    fs.writeFileSync(
      path.join(dir, 'config'),
      'Host main\n  HostName 10.0.0.9\n  Include hosts.d/main.conf\n' +
        'Host web*\n  Include hosts.d/lab.conf\n  IdentityFile ~/.ssh/id_web\n' +
        'Host other\n  Include hosts.d/nested.conf\n' +
        'Host db1\n  User dbuser\n' +
        'Host *\n  User me\n',
    );
    const hosts = readSshConfigHosts(path.join(dir, 'config'), { user: 'me' });
    const home = os.homedir();
    assert.deepEqual(
      hosts.map((h) => [h.name, h.host, h.port, h.user, h.identityFile]),
      [
        ['main', '10.0.0.9', 2209, 'me', path.join(home, '.ssh', 'id_main')],
        // web1: `Host web1` of the file, inside `Host web*`; the block's IdentityFile after the Include still applies.
        // (The file's `Host web*` inside `Host web*`: patterns on both sides are not read, a stated limit.)
        ['web1', '10.0.1.1', 22, 'labuser', path.join(home, '.ssh', 'id_web')],
        // An Include inside the included file, still inside the block.
        ['other', 'other', 2209, 'me', path.join(home, '.ssh', 'id_main')],
        // db1 is no web* host: lab.conf's `Host db1` did not apply to it.
        ['db1', 'db1', 22, 'dbuser', undefined],
      ],
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('Match exec is never run', () => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'virtnet-sshcfg-'));
  const prev = process.cwd();
  process.chdir(cwd);
  try {
    sshConfigHosts(CONFIG);
    assert.deepEqual(fs.readdirSync(cwd), []);
  } finally {
    process.chdir(prev);
    fs.rmSync(cwd, { recursive: true, force: true });
  }
});

test('a missing file has no hosts; garbage gives no throw', () => {
  assert.deepEqual(readSshConfigHosts('/nonexistent/virtnet/ssh_config'), []);
  assert.doesNotThrow(() => sshConfigHosts('Host\n\0\0 "unterminated\n  Port x\n'));
  assert.equal(sshConfigHosts('Host a\n  Port notanumber\n')[0].port, 22);
});
