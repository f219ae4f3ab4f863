/**
 * The `virtnet.hosts` tree view: renders HostsTreeModel's plain node
 * descriptions as TreeItems and re-renders a host when the
 * HostConnectionManager says its state changed. No decision is made here.
 */
import * as vscode from 'vscode';
import type { HostConnectionManager } from '../remote';
import { HostsTreeModel, type HostsTreeNode, type NodeView } from './hostsTreeModel';

export class HostsTreeProvider implements vscode.TreeDataProvider<HostsTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HostsTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly model: HostsTreeModel;
  private readonly subscription: { dispose(): void };
  private rootNames = '';

  constructor(
    private readonly manager: HostConnectionManager,
    settingsProblems: () => readonly string[],
    targets: () => readonly string[] = () => [],
  ) {
    this.model = new HostsTreeModel(manager, { settingsProblems, targets });
    this.subscription = manager.onDidChange((name) => this.hostChanged(name));
  }

  /** Re-renders everything (the host list or the settings problems changed). */
  refreshAll(): void {
    this.model.prune();
    this.rootNames = this.currentRootNames();
    this.changed.fire(undefined);
  }

  getTreeItem(node: HostsTreeNode): vscode.TreeItem {
    const view = this.model.view(node);
    return view ? toTreeItem(view) : new vscode.TreeItem('(gone)');
  }

  getChildren(node?: HostsTreeNode): HostsTreeNode[] {
    if (!node) this.rootNames = this.currentRootNames();
    return this.model.children(node);
  }

  getParent(node: HostsTreeNode): HostsTreeNode | undefined {
    return this.model.parent(node);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private hostChanged(name: string): void {
    // A host added or removed changes the root; otherwise only that host's node and children.
    if (this.currentRootNames() !== this.rootNames) return this.refreshAll();
    this.changed.fire(this.model.hostNode(name));
  }

  private currentRootNames(): string {
    return JSON.stringify(this.manager.hosts().map((h) => h.config.name));
  }
}

function toTreeItem(v: NodeView): vscode.TreeItem {
  const state = { none: vscode.TreeItemCollapsibleState.None, collapsed: vscode.TreeItemCollapsibleState.Collapsed, expanded: vscode.TreeItemCollapsibleState.Expanded }[v.collapsible];
  const item = new vscode.TreeItem(v.label, state);
  item.id = v.id;
  item.description = v.description;
  if (v.tooltip) item.tooltip = new vscode.MarkdownString(v.tooltip);
  item.iconPath = new vscode.ThemeIcon(v.icon.id, v.icon.color ? new vscode.ThemeColor(v.icon.color) : undefined);
  item.contextValue = v.contextValue;
  if (v.command) item.command = { command: v.command.command, title: v.command.title, arguments: [...v.command.arguments] };
  return item;
}
