/**
 * The hosts view's contributions in package.json agree with the code and
 * with UI-CONTRACT.md: container and view ids, the icon, the welcome view's
 * buttons, every `virtnet.hosts.*` command both declared and registered,
 * menus naming declared commands, and the `virtnet.hosts` schema accepting
 * exactly what adding and importing write.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { DEFAULT_TIMEOUTS, sshConfigHosts, timeoutsFromSettings } from '../../client/src/remote';
import { parseHostSettings, withHostsAdded } from '../../client/src/views/hostSettings';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const c = pkg.contributes;
const declared = new Set<string>(c.commands.map((x: { command: string }) => x.command));

test('view container virtnet (with its SVG icon) holds the view virtnet.hosts, with a welcome view offering both ways to add hosts', () => {
  const container = c.viewsContainers.activitybar.find((v: { id: string }) => v.id === 'virtnet');
  assert.ok(container, 'activity bar container virtnet');
  const icon = fs.readFileSync(path.join(root, container.icon), 'utf8');
  assert.match(icon, /^<svg [^>]*viewBox="0 0 24 24"/);
  assert.ok(!/fill="#|stroke="#/.test(icon), 'the icon takes the theme colour (currentColor)');
  assert.ok(c.views.virtnet.some((v: { id: string }) => v.id === 'virtnet.hosts'));
  const welcome = c.viewsWelcome.find((w: { view: string }) => w.view === 'virtnet.hosts');
  assert.match(welcome.contents, /\[Add a host\]\(command:virtnet\.hosts\.addHost\)/);
  assert.match(welcome.contents, /\[Read ~\/\.ssh\/config\]\(command:virtnet\.hosts\.importSshConfig\)/);
  assert.ok(!pkg.activationEvents.some((e: string) => e === '*' || e === 'onStartupFinished'), 'activation stays narrow');
});

test('every virtnet.hosts.* command is both declared and registered; menus name declared commands', () => {
  const registered = [...fs.readFileSync(path.join(root, 'client/src/commands/hosts/index.ts'), 'utf8').matchAll(/'(virtnet\.hosts\.[A-Za-z]+)'/g)].map((m) => m[1]);
  assert.ok(registered.length >= 7);
  assert.deepEqual([...declared].filter((id) => id.startsWith('virtnet.hosts.')).sort(), [...registered].sort());
  for (const id of ['refresh', 'refreshHost', 'addHost', 'importSshConfig', 'removeHost', 'retry', 'disconnect']) assert.ok(registered.includes(`virtnet.hosts.${id}`), id);
  const menuCommands = Object.values(c.menus).flatMap((items) => (items as { command: string }[]).map((i) => i.command));
  assert.deepEqual(menuCommands.filter((id) => !declared.has(id)), []);
  // Host menus match the contextValues of UI-CONTRACT.md (virtnet.host.<status>).
  const hostMenus = c.menus['view/item/context'].filter((m: { when: string }) => m.when.includes('virtnet\\.host\\.'));
  assert.ok(hostMenus.some((m: { command: string; group: string }) => m.command === 'virtnet.hosts.refreshHost' && m.group.startsWith('inline')));
});

test('the virtnet.hosts schema accepts what adding and importing write, and what it accepts reads back', () => {
  const setting = c.configuration.properties['virtnet.hosts'];
  assert.equal(setting.scope, 'machine', 'never from a workspace');
  assert.equal(setting.items.properties.uri.default, 'qemu:///system');
  const validate = new Ajv({ strict: false }).compile(setting);
  const written = withHostsAdded(
    [],
    [
      ...sshConfigHosts('Host kvm1\n  HostName 10.0.0.5\n  Port 2222\n  User admin\n  IdentityFile ~/.ssh/id_kvm\nHost behind\n  ProxyJump admin@gw:2200,kvm1\n', { user: 'me' }),
      { name: 'demo', local: true, uri: 'test:///default' },
      { name: 'kvm2', host: 'kvm2.example.org' },
    ],
  );
  assert.ok(validate(written), JSON.stringify(validate.errors));
  // As the config writes it: hop names are resolved through the host list or ~/.ssh/config when connecting.
  assert.equal((written[1] as { proxyJump?: string }).proxyJump, 'admin@gw:2200,kvm1', 'the ProxyJump is written as the config has it');
  assert.deepEqual(parseHostSettings(written).problems, []);
  assert.equal(validate([{ name: 'x', host: 'h', hostname: 'typo' }]), false, 'unknown keys are flagged in the settings editor');
});

test('the virtnet.ssh timeouts: machine settings whose defaults and bounds are the remote layer\'s', () => {
  const props = c.configuration.properties;
  const ms = { connectTimeout: DEFAULT_TIMEOUTS.connectTimeoutMs, commandTimeout: DEFAULT_TIMEOUTS.commandTimeoutMs, idleTimeout: DEFAULT_TIMEOUTS.idleTimeoutMs };
  for (const [key, defMs] of Object.entries(ms)) {
    const p = props[`virtnet.ssh.${key}`];
    assert.ok(p, key);
    assert.equal(p.scope, 'machine', key);
    assert.equal(p.default * 1000, defMs, key);
    // The bounds declared are the ones the reader enforces.
    assert.deepEqual(timeoutsFromSettings({ [key]: p.minimum }).problems, [], key);
    assert.deepEqual(timeoutsFromSettings({ [key]: p.maximum }).problems, [], key);
    assert.equal(timeoutsFromSettings({ [key]: p.minimum - 0.5 }).problems.length, 1, key);
    assert.equal(timeoutsFromSettings({ [key]: p.maximum + 1 }).problems.length, 1, key);
  }
  const r = timeoutsFromSettings({ connectTimeout: 2.5, commandTimeout: 'soon', idleTimeout: undefined });
  assert.deepEqual(r.timeouts, { connectTimeoutMs: 2500, commandTimeoutMs: DEFAULT_TIMEOUTS.commandTimeoutMs, idleTimeoutMs: DEFAULT_TIMEOUTS.idleTimeoutMs });
  assert.match(r.problems[0], /virtnet\.ssh\.commandTimeout: "soon" is not a number of seconds from 1 to 3600: 30 is used/);
});
