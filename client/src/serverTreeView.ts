import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ClientMessages } from './clientMessages.js';

/**
 * A tree view the server fills (the Evidence and Reviews views): it asks
 * again on every refresh, cancelling every answer still on its way for an
 * older state, and asks nothing while hidden (showing it refreshes it).
 * A node whose children are fetched when expanded asks under its own key,
 * so that a newer question for the same node cancels the older one.
 */
export abstract class ServerTreeView<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  protected view: vscode.TreeView<T> | undefined;
  /** The questions on their way, by node ('' for the root). */
  private readonly pending = new Map<string, vscode.CancellationTokenSource>();
  /** Bumped by every refresh: an answer to a question asked before it is stale. */
  private generation = 0;

  constructor(
    protected readonly client: () => LanguageClient | undefined,
    protected readonly msg: ClientMessages,
  ) {}

  attach(view: vscode.TreeView<T>): void {
    this.view = view;
    view.onDidChangeVisibility(({ visible }) => visible && this.refresh());
  }

  /** Asks the server again; answers still on their way for an older state are cancelled. */
  refresh(): void {
    if (this.view && !this.view.visible) return; // Nothing to paint; a refresh follows when it is shown.
    this.cancelPending();
    this.generation++;
    this.changed.fire();
  }

  /**
   * The server's answer, or undefined when it is not running, a newer
   * question for the same node (`key`, '' for the root) cancelled this one,
   * or a refresh came while it was on its way.
   */
  protected async ask<R>(method: string, params: unknown, key = ''): Promise<R | undefined> {
    const client = this.client();
    if (!client?.isRunning()) return undefined;
    this.pending.get(key)?.cancel();
    const cancel = new vscode.CancellationTokenSource();
    this.pending.set(key, cancel);
    const asked = this.generation;
    try {
      const answer = await client.sendRequest<R>(method, params, cancel.token);
      return asked === this.generation && !cancel.token.isCancellationRequested ? answer : undefined;
    } catch {
      return undefined;
    } finally {
      if (this.pending.get(key) === cancel) this.pending.delete(key);
      cancel.dispose();
    }
  }

  abstract getChildren(item?: T): Promise<T[]>;
  abstract getTreeItem(item: T): vscode.TreeItem;

  private cancelPending(): void {
    for (const cancel of this.pending.values()) cancel.cancel();
    this.pending.clear();
  }

  dispose(): void {
    this.cancelPending();
    this.changed.dispose();
  }
}
