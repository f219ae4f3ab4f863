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
