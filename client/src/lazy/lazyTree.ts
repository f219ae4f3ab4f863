/**
 * The hosts view's TreeDataProvider as registered at activation: it loads
 * the hosts part when VS Code first asks for the root (the view became
 * visible) and forwards everything to the part's provider from then on.
 * Nodes only exist once the part is loaded, so only the first getChildren waits.
 */
import * as vscode from 'vscode';

export class LazyTreeProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private real: vscode.TreeDataProvider<T> | undefined;
  private forwarding: vscode.Disposable | undefined;

  constructor(private readonly load: () => Promise<vscode.TreeDataProvider<T>>) {}

  /** The provider the view renders (loading the part when it is not yet). */
  async provider(): Promise<vscode.TreeDataProvider<T>> {
    if (!this.real) {
      const real = await this.load();
      if (!this.real) {
        this.real = real;
        this.forwarding = real.onDidChangeTreeData?.((e) => this.changed.fire(e as T | undefined));
      }
    }
    return this.real;
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    // Once loaded, answered as the part's provider answers (synchronously): VS Code's tree
    // refreshes must not overlap more than they did without this forwarder.
    return this.real ? this.real.getChildren(element) : this.provider().then((p) => p.getChildren(element));
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.real ? this.real.getTreeItem(element) : this.provider().then((p) => p.getTreeItem(element));
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.real?.getParent?.(element);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changed.dispose();
  }
}
