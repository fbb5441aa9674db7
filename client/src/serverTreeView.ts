import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ClientMessages } from './clientMessages.js';

/**
 * A tree view the server fills (the Evidence and Reviews views): it asks
 * again on every refresh, cancelling an answer still on its way for an
 * older state, and asks nothing while hidden (showing it refreshes it).
 */
export abstract class ServerTreeView<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  protected view: vscode.TreeView<T> | undefined;
  private pending: vscode.CancellationTokenSource | undefined;

  constructor(
    protected readonly client: () => LanguageClient | undefined,
    protected readonly msg: ClientMessages,
  ) {}

  attach(view: vscode.TreeView<T>): void {
    this.view = view;
    view.onDidChangeVisibility(({ visible }) => visible && this.refresh());
  }

  /** Asks the server again; an answer still on its way for an older state is cancelled. */
  refresh(): void {
    if (this.view && !this.view.visible) return; // Nothing to paint; a refresh follows when it is shown.
    this.pending?.cancel();
    this.pending = undefined;
    this.changed.fire();
  }

  /** The server's answer, or undefined when it is not running or a newer refresh cancelled the question. */
  protected async ask<R>(method: string, params: unknown): Promise<R | undefined> {
    const client = this.client();
    if (!client?.isRunning()) return undefined;
    const cancel = (this.pending = new vscode.CancellationTokenSource());
    try {
      return await client.sendRequest<R>(method, params, cancel.token);
    } catch {
      return undefined;
    } finally {
      cancel.dispose();
    }
  }

  abstract getChildren(item?: T): Promise<T[]>;
  abstract getTreeItem(item: T): vscode.TreeItem;

  dispose(): void {
    this.pending?.cancel();
    this.changed.dispose();
  }
}
