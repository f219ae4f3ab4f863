/**
 * Reads ~/.ssh/config and offers its hosts in a quick pick; the picked ones
 * are written to the user's `virtnet.hosts`. Hosts already configured are
 * shown but not picked; hosts the remote layer cannot reach as configured
 * (ProxyJump, ProxyCommand) are listed apart, with the reason, and never
 * added.
 */
import * as vscode from 'vscode';
import { defaultSshConfigPath, readSshConfigHosts, type SshConfigHost } from '../../remote';
import { importChoices, withHostsAdded } from '../../views/hostSettings';
import { userHostsSetting, writeUserHostsSetting, type HostCommandContext } from './context';

interface HostItem extends vscode.QuickPickItem {
  readonly host?: SshConfigHost;
}

export async function importSshConfig(ctx: HostCommandContext): Promise<void> {
  const file = defaultSshConfigPath();
  const choices = importChoices(readSshConfigHosts(file), ctx.manager.hosts().map((h) => h.config));
  if (choices.length === 0) {
    await vscode.window.showInformationMessage(`No host found in ${file} (Host lines with a concrete name; patterns such as * are defaults, not hosts).`);
    return;
  }
  const items: HostItem[] = [];
  const section = (label: string) => items.push({ label, kind: vscode.QuickPickItemKind.Separator });
  const addable = choices.filter((c) => c.status === 'new');
  const others = choices.filter((c) => c.status !== 'new');
  if (addable.length > 0) section('Hosts to add');
  for (const c of addable) items.push({ label: c.host.name, description: c.summary, host: c.host });
  if (others.length > 0) section('Not added');
  for (const c of others) items.push({ label: `$(${c.status === 'unsupported' ? 'warning' : 'check'}) ${c.host.name}`, description: c.summary, detail: c.reason });
  const picked = await vscode.window.showQuickPick(items, {
    title: `VirtNet: add hosts from ${file}`,
    placeHolder: addable.length > 0 ? 'Pick the KVM hosts to add to the virtnet.hosts user setting' : 'Every host there is already added or cannot be used',
    canPickMany: true,
    ignoreFocusOut: true,
    matchOnDescription: true,
  });
  const hosts = (picked ?? []).flatMap((i) => (i.host ? [i.host] : []));
  if (hosts.length === 0) return;
  await writeUserHostsSetting(withHostsAdded(userHostsSetting(), hosts));
  ctx.log.info(`added from ${file}: ${hosts.map((h) => h.name).join(', ')}`);
}
