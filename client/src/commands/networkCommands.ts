/**
 * The `virtnet.network.*` commands: the `vscode` glue around networkFlows.ts
 * and networkXml.ts. A command gets its target from the hosts tree (a node,
 * UI-CONTRACT.md), from the explorer or the editor title (a file URI), or
 * asks (quick picks of hosts, then networks) when run from the palette.
 * After every action the host is re-read (`manager.refresh`), which the tree
 * renders.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECK_DOCUMENT_REQUEST, type CheckDocumentParams } from '../../../server/src/lsp/checkDocument';
import type { CommandTable } from '../lazy/commandTable';
import type { HostFactsParams } from '../../../server/src/workspace/hostFactsFormat';
import { readFreshHostFacts, type HostConnectionManager, type NetworkSummary } from '../remote';
import { defineNetwork, setAutostart, startNetwork, stopNetwork, undefineNetwork, type CheckResult, type FlowHost, type Outcome } from './networkFlows';
import { defineOnHosts } from './multiHostDefine';
import { definedName } from './networkXmlText';
import type { XmlView } from './networkXml';
import { NetworkXmlFileSystem, networkXmlUri } from './networkXmlFs';
import { showOutcome, vscodeFlowUi, type CommandLog } from './vscodeFlowUi';

export interface NetworkCommandsDeps {
  readonly manager: HostConnectionManager;
  /** The running language client (undefined before it started). */
  readonly languageClient: () => LanguageClient | undefined;
  readonly log: CommandLog;
}

/** A tree node (UI-CONTRACT.md). */
type Node = { kind: 'host'; hostName: string } | { kind: 'network'; hostName: string; networkName: string };

function isNode(x: unknown): x is Node {
  return typeof x === 'object' && x !== null && 'kind' in x && 'hostName' in x && typeof (x as Node).hostName === 'string';
}

/** The network commands (a table: extension.ts registers them) and the `virtnet-net:` file system they open documents of. */
export function networkCommands(deps: NetworkCommandsDeps): { commands: CommandTable; fs: NetworkXmlFileSystem } {
  const { manager, log } = deps;
  const fs = new NetworkXmlFileSystem(manager, log);

  const flowHost = (host: string): FlowHost => ({ host, config: manager.host(host)?.config ?? { name: host }, run: (c) => manager.run(host, c), ui: vscodeFlowUi, knownVms: manager.host(host)?.vms });
  /** A define's host: also reads what it runs, fresh, to check the file against it before anything is sent. */
  const defineHost = (host: string): FlowHost => ({
    ...flowHost(host),
    readFacts: async () => {
      const r = await readFreshHostFacts(manager, host);
      if (!r.ok) return r;
      if (r.value.bridgesError) log.warn(`${host}: its bridge devices could not be read (${r.value.bridgesError.message}); bridges are not checked against it`);
      return { ok: true, value: r.value.params };
    },
  });

  async function pickHost(title: string): Promise<string | undefined> {
    const hosts = manager.hosts();
    if (hosts.length === 0) {
      void vscode.window.showWarningMessage('No KVM host is configured. Add one in the VirtNet view (or the virtnet.hosts setting).');
      return undefined;
    }
    const item = await vscode.window.showQuickPick(
      hosts.map((h) => ({ label: h.config.name, description: h.config.local || !h.config.host ? 'this machine' : `${h.config.user ? `${h.config.user}@` : ''}${h.config.host}`, detail: h.config.uri })),
      { title, placeHolder: 'KVM host' },
    );
    return item?.label;
  }

  async function pickNetwork(host: string, title: string, wanted: (n: NetworkSummary) => boolean): Promise<string | undefined> {
    let networks = manager.host(host)?.networks;
    if (!networks) {
      const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Reading the networks of ${host}` }, () => manager.refresh(host));
      if (!r.ok) {
        showOutcome({ status: 'failed', message: `Could not read the networks of ${host}: ${r.error.message}`, libvirt: r.error.stderr, next: 'Check the host in the VirtNet view.' }, log);
        return undefined;
      }
      networks = r.value;
    }
    const candidates = networks.filter(wanted);
    if (candidates.length === 0) {
      void vscode.window.showInformationMessage(`No network on ${host} for "${title}".`);
      return undefined;
    }
    const item = await vscode.window.showQuickPick(
      candidates.map((n) => ({ label: n.name, description: [n.active ? 'active' : 'inactive', n.autostart ? 'autostart' : '', n.persistent === false ? 'transient' : '', n.bridge ?? ''].filter(Boolean).join(' · ') })),
      { title: `${title} (${host})`, placeHolder: 'Network' },
    );
    return item?.label;
  }

  /** Several hosts at once (a define from a file); one configured host is taken without asking. */
  async function pickHosts(title: string): Promise<string[] | undefined> {
    const hosts = manager.hosts();
    if (hosts.length <= 1) {
      const one = await pickHost(title);
      return one === undefined ? undefined : [one];
    }
    const items = await vscode.window.showQuickPick(
      hosts.map((h) => ({ label: h.config.name, description: h.config.local || !h.config.host ? 'this machine' : `${h.config.user ? `${h.config.user}@` : ''}${h.config.host}` })),
      { title, placeHolder: 'KVM hosts (one or several)', canPickMany: true },
    );
    return items && items.length > 0 ? items.map((i) => i.label) : undefined;
  }

  /** The host and network of a command: the tree node's, or picked. */
  async function target(arg: unknown, title: string, wanted: (n: NetworkSummary) => boolean = () => true): Promise<{ host: string; network: string } | undefined> {
    if (isNode(arg) && arg.kind === 'network') return { host: arg.hostName, network: arg.networkName };
    const host = isNode(arg) ? arg.hostName : await pickHost(title);
    if (!host) return undefined;
    const network = await pickNetwork(host, title, wanted);
    return network === undefined ? undefined : { host, network };
  }

  function finish(host: string, outcome: Outcome): void {
    showOutcome(outcome, log);
    if (outcome.status === 'cancelled' && outcome.clash !== undefined) log.warn(`[${host}] not defined: ${outcome.clash}`);
    void manager.refresh(host);
  }

  /** A lifecycle command on a network: its target, the flow, the outcome, a refresh. */
  function networkCommand(title: string, wanted: (n: NetworkSummary) => boolean, flow: (h: FlowHost, network: string) => Promise<Outcome>) {
    return async (arg?: unknown) => {
      const t = await target(arg, title, wanted);
      if (!t) return;
      finish(t.host, await flow(flowHost(t.host), t.network));
    };
  }

  /** The XML document a define or compare starts from: an explorer/editor URI, or the active editor. */
  async function sourceDocument(arg: unknown): Promise<{ uri: vscode.Uri; text: string } | undefined> {
    const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showWarningMessage('Open a network XML file in the editor first (or use the command on an .xml file in the explorer).');
      return undefined;
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return { uri, text: open.getText() };
    try {
      return { uri, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
    } catch (err) {
      void vscode.window.showErrorMessage(`Cannot read ${uri.fsPath || uri.toString()}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  async function check(uri: vscode.Uri, text: string, hosts?: readonly HostFactsParams[]): Promise<CheckResult> {
    const client = deps.languageClient();
    if (!client?.isRunning()) throw new Error('the VirtNet language server is not running, so the XML could not be checked');
    const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    const params: CheckDocumentParams = { uri: client.code2ProtocolConverter.asUri(uri), text: open ? undefined : text, hosts };
    const r = await client.sendRequest<CheckResult>(CHECK_DOCUMENT_REQUEST, params);
    if (r.hostProblems?.length) log.warn(`Checking ${basename(uri)} against host facts: ${r.hostProblems.join('; ')}`);
    return r;
  }

  function define(start: boolean) {
    return async (arg?: unknown) => {
      const source = await sourceDocument(isNode(arg) ? undefined : arg);
      if (!source) return;
      const title = start ? 'Define and Start Network' : 'Define Network';
      const picked = isNode(arg) ? [arg.hostName] : await pickHosts(`${title}: ${basename(source.uri)}`);
      if (!picked) return;
      if (picked.length > 1) return defineOnMany(picked, source, start);
      const host = picked[0];
      let outcome: Outcome;
      try {
        outcome = await defineNetwork(defineHost(host), { xml: source.text, source: basename(source.uri), check: (hosts) => check(source.uri, source.text, hosts), start });
      } catch (err) {
        outcome = { status: 'failed', message: `${basename(source.uri)} was not defined: ${err instanceof Error ? err.message : String(err)}`, libvirt: '', next: 'Check that VirtNet started (Output ▸ VirtNet), then try again.' };
      }
      if (outcome.status === 'cancelled' && outcome.showProblems) {
        await vscode.window.showTextDocument(source.uri, { preview: false });
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        return;
      }
      finish(host, outcome);
    };
  }

  /** The define on several hosts: each host's outcome in the log, one summary shown, every host re-read. */
  async function defineOnMany(hosts: string[], source: { uri: vscode.Uri; text: string }, start: boolean): Promise<void> {
    let r: Awaited<ReturnType<typeof defineOnHosts>>;
    try {
      r = await defineOnHosts(hosts.map(defineHost), { xml: source.text, source: basename(source.uri), check: (hs) => check(source.uri, source.text, hs), start });
    } catch (err) {
      void vscode.window.showErrorMessage(`${basename(source.uri)} was not defined: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (r.showProblems) {
      await vscode.window.showTextDocument(source.uri, { preview: false });
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      return;
    }
    for (const { host, outcome } of r.perHost) {
      if (outcome.status === 'done') log.info(`[${host}] ${outcome.message}`);
      else if (outcome.status === 'failed') log.error(`[${host}] ${outcome.message}${outcome.libvirt ? `\n${outcome.libvirt}` : ''}\nNext: ${outcome.next}`);
      else if (outcome.clash !== undefined) log.warn(`[${host}] not defined: ${outcome.clash}`);
      else log.info(`[${host}] cancelled`);
      if (outcome.status !== 'cancelled') void manager.refresh(host);
    }
    if (r.status === 'done') void vscode.window.showInformationMessage(r.summary);
    else if (r.status === 'failed') {
      void vscode.window.showErrorMessage(r.summary, 'Show Log').then((a) => a && log.show(true));
    } else if (r.status === 'partial') {
      void vscode.window.showWarningMessage(r.summary, 'Show Log').then((a) => a && log.show(true));
    }
  }

  function openXml(view: XmlView, title: string) {
    return async (arg?: unknown) => {
      const t = await target(arg, title);
      if (!t) return;
      await vscode.window.showTextDocument(networkXmlUri({ host: t.host, network: t.network, view }), { preview: view !== 'edit' });
    };
  }

  async function compareWithLive(arg?: unknown): Promise<void> {
    const source = await sourceDocument(isNode(arg) ? undefined : arg);
    if (!source) return;
    const title = `Compare ${basename(source.uri)} with a Live Network`;
    let t: { host: string; network: string } | undefined;
    if (isNode(arg) && arg.kind === 'network') t = { host: arg.hostName, network: arg.networkName };
    else {
      const host = isNode(arg) ? arg.hostName : await pickHost(title);
      if (!host) return;
      // The network the file defines, when the host has it; else the user picks.
      const name = definedName(source.text);
      const known = manager.host(host)?.networks?.some((n) => n.name === name);
      const network = known && name !== undefined ? name : await pickNetwork(host, title, () => true);
      if (network === undefined) return;
      t = { host, network };
    }
    const live = networkXmlUri({ host: t.host, network: t.network, view: 'live' });
    await vscode.commands.executeCommand('vscode.diff', source.uri, live, `${basename(source.uri)} ↔ ${t.network} on ${t.host} (live)`);
  }

  const active = (n: NetworkSummary) => n.active === true;
  const inactive = (n: NetworkSummary) => n.active !== true;
  const commands: CommandTable = [
    ['virtnet.network.define', define(false)],
    ['virtnet.network.defineAndStart', define(true)],
    ['virtnet.network.start', networkCommand('Start Network', inactive, startNetwork)],
    ['virtnet.network.stop', networkCommand('Stop Network', active, stopNetwork)],
    ['virtnet.network.autostartOn', networkCommand('Enable Autostart', (n) => n.persistent !== false && n.autostart !== true, (h, n) => setAutostart(h, n, true))],
    ['virtnet.network.autostartOff', networkCommand('Disable Autostart', (n) => n.autostart === true, (h, n) => setAutostart(h, n, false))],
    ['virtnet.network.undefine', networkCommand('Undefine Network', () => true, undefineNetwork)],
    ['virtnet.network.openLiveXml', openXml('live', 'Open Live XML')],
    ['virtnet.network.openInactiveXml', openXml('inactive', 'Open Inactive XML')],
    ['virtnet.network.editXml', openXml('edit', 'Edit Network XML')],
    ['virtnet.network.compareWithLive', compareWithLive],
  ];
  return { commands, fs };
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}
