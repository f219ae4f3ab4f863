/**
 * The network commands' package.json contributions agree with the code and
 * with UI-CONTRACT.md: every `virtnet.network.*` command contributed is
 * registered by networkCommands.ts and the other way round, each has a
 * title, an icon and the category VirtNet, and the tree menus' `viewItem`
 * regular expressions pick the right network nodes by their contextValue
 * (`virtnet.network.<active|inactive>[.autostart][.persistent]`).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const source = fs.readFileSync(path.join(root, 'client', 'src', 'commands', 'networkCommands.ts'), 'utf8');
const ours = (id: string) => id.startsWith('virtnet.network.');

test('every contributed virtnet.network command is registered, and every registered one contributed', () => {
  const contributed = (pkg.contributes.commands as { command: string }[]).map((c) => c.command).filter(ours).sort();
  const registered = [...source.matchAll(/\['(virtnet\.network\.[A-Za-z]+)'/g)].map((m) => m[1]).sort();
  assert.deepEqual(contributed, registered);
  for (const id of ['define', 'defineAndStart', 'start', 'stop', 'autostartOn', 'autostartOff', 'undefine', 'openLiveXml', 'openInactiveXml', 'compareWithLive']) {
    assert.ok(contributed.includes(`virtnet.network.${id}`), `UI-CONTRACT.md names virtnet.network.${id}`);
  }
  for (const c of pkg.contributes.commands.filter((c: { command: string }) => ours(c.command))) {
    assert.equal(c.category, 'VirtNet', c.command);
    assert.ok(c.title && /^\$\([a-z-]+\)$/.test(c.icon), c.command);
  }
  const menus = Object.values(pkg.contributes.menus as Record<string, { command: string }[]>).flat().filter((m) => ours(m.command));
  for (const m of menus) assert.ok(contributed.includes(m.command), m.command);
});

/** The commands a tree node's context menu (or inline bar) shows, evaluating the `viewItem =~ /…/` parts of their `when`s. */
function shown(contextValue: string, inline: boolean): string[] {
  const items = (pkg.contributes.menus['view/item/context'] as { command: string; when: string; group?: string }[]).filter((m) => ours(m.command));
  return items
    .filter((m) => (m.group?.startsWith('inline') ?? false) === inline)
    .filter((m) => {
      if (/activeEditorLanguageId/.test(m.when)) return false; // depends on the editor, not the node
      assert.match(m.when, /view == virtnet\.hosts/);
      return [...m.when.matchAll(/viewItem =~ \/(.+?)\/(?:\s|$)/g)].every((r) => new RegExp(r[1]).test(contextValue));
    })
    .map((m) => m.command.slice('virtnet.network.'.length))
    .sort();
}

test('tree menus by contextValue: inline start or stop by state, autostart by its flag, XML and undefine on every network', () => {
  assert.deepEqual(shown('virtnet.network.active.autostart.persistent', true), ['stop']);
  assert.deepEqual(shown('virtnet.network.inactive.persistent', true), ['start']);
  assert.deepEqual(shown('virtnet.network.active.autostart.persistent', false), ['autostartOff', 'editXml', 'openInactiveXml', 'openLiveXml', 'stop', 'undefine']);
  assert.deepEqual(shown('virtnet.network.active.persistent', false), ['autostartOn', 'editXml', 'openInactiveXml', 'openLiveXml', 'stop', 'undefine']);
  assert.deepEqual(shown('virtnet.network.inactive.autostart.persistent', false), ['autostartOff', 'editXml', 'openInactiveXml', 'openLiveXml', 'start', 'undefine']);
  // Transient: no autostart to turn on.
  assert.deepEqual(shown('virtnet.network.active', false), ['editXml', 'openInactiveXml', 'openLiveXml', 'stop', 'undefine']);
  assert.deepEqual(shown('virtnet.host.ready', false), []);
  assert.deepEqual(shown('virtnet.message.error', false), []);
});

const vmSource = fs.readFileSync(path.join(root, 'client', 'src', 'commands', 'vmCommands.ts'), 'utf8');
const isVm = (id: string) => id.startsWith('virtnet.vm.');

test('every contributed virtnet.vm command is registered by vmCommands.ts, and the other way round', () => {
  const contributed = (pkg.contributes.commands as { command: string }[]).map((c) => c.command).filter(isVm).sort();
  const registered = [...vmSource.matchAll(/\['(virtnet\.vm\.[A-Za-z]+)'/g)].map((m) => m[1]).sort();
  assert.deepEqual(contributed, registered);
  assert.deepEqual(contributed, ['attachNic', 'detachNic', 'forceOff', 'openInactiveXml', 'openLiveXml', 'shutdown', 'start'].map((x) => `virtnet.vm.${x}`));
  for (const c of pkg.contributes.commands.filter((c: { command: string }) => isVm(c.command))) {
    assert.equal(c.category, 'VirtNet', c.command);
    assert.ok(c.title && /^\$\([a-z-]+\)$/.test(c.icon), c.command);
  }
  assert.ok(pkg.activationEvents.includes('onFileSystem:virtnet-vm'), 'a restored virtnet-vm: tab activates the extension');
});

/** Like `shown`, for any command prefix. */
function shownFor(prefix: string, contextValue: string, inline: boolean): string[] {
  return (pkg.contributes.menus['view/item/context'] as { command: string; when: string; group?: string }[])
    .filter((m) => m.command.startsWith(prefix))
    .filter((m) => (m.group?.startsWith('inline') ?? false) === inline)
    .filter((m) => [...m.when.matchAll(/viewItem =~ \/(.+?)\/(?:\s|$)/g)].every((r) => new RegExp(r[1]).test(contextValue)) && !/viewItem ==/.test(m.when))
    .map((m) => m.command.slice(prefix.length))
    .sort();
}

test('VM and NIC menus by contextValue (UI-CONTRACT.md): power by state, force off only when running, detach on NICs', () => {
  assert.deepEqual(shownFor('virtnet.vm.', 'virtnet.vm.running', false), ['attachNic', 'forceOff', 'openInactiveXml', 'openLiveXml', 'shutdown']);
  assert.deepEqual(shownFor('virtnet.vm.', 'virtnet.vm.running', true), ['attachNic', 'shutdown']);
  assert.deepEqual(shownFor('virtnet.vm.', 'virtnet.vm.paused', false), ['attachNic', 'forceOff', 'openInactiveXml', 'openLiveXml', 'shutdown']);
  assert.deepEqual(shownFor('virtnet.vm.', 'virtnet.vm.shutoff', false), ['attachNic', 'openInactiveXml', 'start']);
  assert.deepEqual(shownFor('virtnet.vm.', 'virtnet.vm.shutoff', true), ['attachNic', 'start']);
  assert.deepEqual(shownFor('virtnet.vm.', 'virtnet.vm.other', false), ['attachNic', 'forceOff', 'openInactiveXml', 'start']);
  for (const nic of ['virtnet.nic.live.config', 'virtnet.nic.live', 'virtnet.nic.config']) {
    assert.deepEqual(shownFor('virtnet.vm.', nic, false), ['detachNic'], nic);
    assert.deepEqual(shownFor('virtnet.vm.', nic, true), ['detachNic'], nic);
  }
  assert.deepEqual(shownFor('virtnet.vm.', 'virtnet.network.active.persistent', false), []);
  assert.deepEqual(shownFor('virtnet.vm.', 'virtnet.host.ready', false), []);
});

test('host menus: Target on an untargeted host, Stop Targeting on a targeted one; disconnect still shown on a targeted ready host', () => {
  assert.deepEqual(shownFor('virtnet.hosts.', 'virtnet.host.ready', false), ['disconnect', 'refreshHost', 'removeHost', 'target']);
  assert.deepEqual(shownFor('virtnet.hosts.', 'virtnet.host.ready.targeted', false), ['disconnect', 'refreshHost', 'removeHost', 'untarget']);
  assert.deepEqual(shownFor('virtnet.hosts.', 'virtnet.host.idle.targeted', false), ['refreshHost', 'removeHost', 'untarget']);
});
