/**
 * The `virtnet.vm.*` commands: the `vscode` glue around vmFlows.ts. A
 * command gets its VM (or NIC) from the hosts tree (a node, UI-CONTRACT.md)
 * or asks (host, then VM) from the palette; the outcome is shown and
 * logged (with what a NIC change really did), and the host is re-read so
 * the tree shows the new state. Also the read-only `virtnet-vm:` documents.
 */
import * as vscode from 'vscode';
import { fetchHostBridges, ok, type HostConnectionManager, type PowerAction, type VmSummary } from '../remote';
import { attachNic, detachNic, powerVm, type VmFlowHost, type VmOutcome } from './vmFlows';
import type { CommandTable } from '../lazy/commandTable';
import { VmXmlFileSystem, vmXmlUri } from './vmXmlFs';
import { showOutcome, type CommandLog } from './vscodeFlowUi';
import { vscodeVmFlowUi } from './vscodeVmFlowUi';
import { workspaceMacsFromServer, type MacsServer } from './workspaceMacsRequest';

export interface VmCommandsDeps {
  readonly manager: HostConnectionManager;
  readonly log: CommandLog;
  /** The language client (undefined before it is loaded): it knows the workspace's MACs. */
  readonly languageClient: () => MacsServer | undefined;
}

type VmRef = { hostName: string; vmName: string };

function vmRefOf(x: unknown): VmRef | undefined {
  const n = x as { kind?: unknown; hostName?: unknown; vmName?: unknown } | undefined;
  return (n?.kind === 'vm' || n?.kind === 'nic') && typeof n.hostName === 'string' && typeof n.vmName === 'string' ? { hostName: n.hostName, vmName: n.vmName } : undefined;
}

/** The VM commands' table and the read-only `virtnet-vm:` file system they open documents on. */
export function vmCommands(deps: VmCommandsDeps): { readonly commands: CommandTable; readonly fs: VmXmlFileSystem } {
  const { manager, log } = deps;
  const fs = new VmXmlFileSystem(manager, log);
  // The language server's index: the MACs the duplicate-MAC check sees (open documents' unsaved text too).
  const workspaceMacs = workspaceMacsFromServer({ client: deps.languageClient, warn: (m) => log.warn(m) });

  const flowHost = (host: string): VmFlowHost => ({
    host,
    config: manager.host(host)?.config ?? { name: host },
    run: (c) => manager.run(host, c),
    ui: vscodeVmFlowUi,
    snapshot: () => manager.host(host),
    refresh: () => manager.refresh(host),
    workspaceMacs,
    hostBridges: async () => {
      const runner = manager.runnerOf(host);
      return runner ? fetchHostBridges(runner, { timeoutMs: 30_000 }) : ok([]);
    },
  });

  async function pickVm(title: string, wanted: (vm: VmSummary) => boolean): Promise<VmRef | undefined> {
    const hosts = manager.hosts();
    if (hosts.length === 0) {
      void vscode.window.showWarningMessage('No KVM host is configured. Add one in the VirtNet view (or the virtnet.hosts setting).');
      return undefined;
    }
    const host = hosts.length === 1 ? hosts[0].config.name : (await vscode.window.showQuickPick(hosts.map((h) => ({ label: h.config.name })), { title, placeHolder: 'KVM host' }))?.label;
    if (!host) return undefined;
    if (!manager.host(host)?.vms) {
      const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Reading the VMs of ${host}` }, () => manager.refresh(host));
      if (!r.ok) {
        void vscode.window.showErrorMessage(`Could not read the VMs of ${host}: ${r.error.message}`);
        return undefined;
      }
    }
    const vms = (manager.host(host)?.vms ?? []).filter(wanted);
    if (vms.length === 0) {
      void vscode.window.showInformationMessage(`No VM on ${host} for "${title}".`);
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(vms.map((v) => ({ label: v.name, description: v.stateDetail ?? v.state })), { title: `${title} (${host})`, placeHolder: 'Virtual machine' });
    return picked && { hostName: host, vmName: picked.label };
  }

  function finish(host: string, outcome: VmOutcome): void {
    if (outcome.report) for (const line of outcome.report.lines) log.info(`[${host}] ${line}`);
    showOutcome(outcome, log);
    if (outcome.status !== 'cancelled') void manager.refresh(host);
  }

  const runs = (vm: VmSummary) => vm.state === 'running' || vm.state === 'paused';

  function vmCommand(title: string, wanted: (vm: VmSummary) => boolean, flow: (h: VmFlowHost, vm: string) => Promise<VmOutcome>) {
    return async (arg?: unknown) => {
      const ref = vmRefOf(arg) ?? (await pickVm(title, wanted));
      if (!ref) return;
      finish(ref.hostName, await flow(flowHost(ref.hostName), ref.vmName));
    };
  }

  const power = (action: PowerAction) => (h: VmFlowHost, vm: string) => powerVm(h, vm, action);

  async function detach(arg?: unknown): Promise<void> {
    const n = arg as { kind?: unknown; mac?: unknown } | undefined;
    let ref = vmRefOf(arg);
    let mac = n?.kind === 'nic' && typeof n.mac === 'string' ? n.mac : undefined;
    if (!ref || mac === undefined) {
      ref = ref ?? (await pickVm('Detach NIC', (vm) => vm.nics.length > 0));
      if (!ref) return;
      const vm = manager.host(ref.hostName)?.vms?.find((v) => v.name === ref?.vmName);
      const picked = await vscode.window.showQuickPick(
        (vm?.nics ?? []).filter((x) => x.mac).map((x) => ({ label: x.mac as string, description: `${(x.live ?? x.config)?.type} ${(x.live ?? x.config)?.network ?? (x.live ?? x.config)?.bridge ?? ''}` })),
        { title: `Detach NIC from '${ref.vmName}'`, placeHolder: 'NIC (by MAC)' },
      );
      if (!picked) return;
      mac = picked.label;
    }
    finish(ref.hostName, await detachNic(flowHost(ref.hostName), ref.vmName, mac));
  }

  function openXml(view: 'live' | 'inactive') {
    return async (arg?: unknown) => {
      const ref = vmRefOf(arg) ?? (await pickVm(view === 'live' ? 'Open Running VM XML' : 'Open Saved VM XML', (vm) => view === 'inactive' || runs(vm)));
      if (!ref) return;
      await vscode.window.showTextDocument(vmXmlUri({ host: ref.hostName, vm: ref.vmName, view }), { preview: true });
    };
  }

  const commands: CommandTable = [
    ['virtnet.vm.attachNic', vmCommand('Attach NIC', () => true, attachNic)],
    ['virtnet.vm.detachNic', detach],
    ['virtnet.vm.start', vmCommand('Start VM', (vm) => !runs(vm), power('start'))],
    ['virtnet.vm.shutdown', vmCommand('Shut Down VM', runs, power('shutdown'))],
    ['virtnet.vm.forceOff', vmCommand('Force Off VM', runs, power('destroy'))],
    ['virtnet.vm.openLiveXml', openXml('live')],
    ['virtnet.vm.openInactiveXml', openXml('inactive')],
  ];
  return { commands, fs };
}
