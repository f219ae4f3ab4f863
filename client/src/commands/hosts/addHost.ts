/**
 * Adds a host through input boxes (name, host or "local", port, user,
 * libvirt URI) and writes it to the user's `virtnet.hosts` setting when
 * the last box is accepted; Escape at any step writes nothing.
 */
import * as vscode from 'vscode';
import { DEFAULT_LIBVIRT_URI, safeUserName, type HostConfig } from '../../remote';
import { hostNameProblem, LOCAL_HOST_WORD, portNumber, withHostsAdded } from '../../views/hostSettings';
import { userHostsSetting, writeUserHostsSetting, type HostCommandContext } from './context';

export async function addHost(ctx: HostCommandContext): Promise<void> {
  const title = (step: number) => `VirtNet: add a KVM host (${step}/5)`;
  const existing = ctx.manager.hosts().map((h) => h.config);
  const host = await vscode.window.showInputBox({
    title: title(1),
    prompt: `Host name or address to reach over SSH, or "${LOCAL_HOST_WORD}" to run virsh on this machine`,
    placeHolder: 'kvm1.example.org',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? 'A host name, an address or "local"' : /\s/.test(v.trim()) ? 'No spaces in a host name' : undefined),
  });
  if (host === undefined) return;
  const local = host.trim() === LOCAL_HOST_WORD;
  const name = await vscode.window.showInputBox({
    title: title(2),
    prompt: 'Name shown in the tree',
    value: local ? 'localhost' : host.trim(),
    ignoreFocusOut: true,
    validateInput: (v) => hostNameProblem(v, existing),
  });
  if (name === undefined) return;
  let port: number | undefined;
  let user: string | undefined;
  if (!local) {
    const portText = await vscode.window.showInputBox({
      title: title(3),
      prompt: 'SSH port',
      value: '22',
      ignoreFocusOut: true,
      validateInput: (v) => (portNumber(v) === undefined ? 'A port number, 1-65535' : undefined),
    });
    if (portText === undefined) return;
    port = portNumber(portText);
    user = await vscode.window.showInputBox({ title: title(4), prompt: 'User to log in as (in group libvirt on the host for qemu:///system)', value: safeUserName(), ignoreFocusOut: true });
    if (user === undefined) return;
  }
  const uri = await vscode.window.showInputBox({
    title: title(5),
    prompt: 'libvirt URI virsh uses on the host (test:///default is a demo driver that needs no daemon)',
    value: DEFAULT_LIBVIRT_URI,
    ignoreFocusOut: true,
    validateInput: (v) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(v.trim()) ? undefined : 'A libvirt URI such as qemu:///system'),
  });
  if (uri === undefined) return;
  const config: HostConfig = local
    ? { name: name.trim(), local: true, uri: uri.trim() }
    : { name: name.trim(), host: host.trim(), port, user: user?.trim() || undefined, uri: uri.trim() };
  await writeUserHostsSetting(withHostsAdded(userHostsSetting(), [config]));
  ctx.log.info(`host "${config.name}" added to the user setting virtnet.hosts`);
}
