import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReviewsRequest, type ReviewItem } from '../../server/src/protocol/requests.js';
import type { ClientMessages } from './clientMessages.js';

/** The Reviews view: every `[!REVIEW]` comment of the workspace, open ones first; a click goes to it. */
export class ReviewsView implements vscode.TreeDataProvider<ReviewItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private view: vscode.TreeView<ReviewItem> | undefined;
  private pending: vscode.CancellationTokenSource | undefined;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly msg: ClientMessages,
  ) {}

  attach(view: vscode.TreeView<ReviewItem>): void {
    this.view = view;
    view.onDidChangeVisibility(({ visible }) => visible && this.refresh());
  }

  refresh(): void {
    if (this.view && !this.view.visible) return;
    this.pending?.cancel();
    this.changed.fire();
  }

  async getChildren(item?: ReviewItem): Promise<ReviewItem[]> {
    if (item) return [];
    const client = this.client();
    if (!client?.isRunning()) return [];
    const cancel = (this.pending = new vscode.CancellationTokenSource());
    try {
      const items = await client.sendRequest<ReviewItem[]>(ReviewsRequest.method, {}, cancel.token);
      if (this.view) this.view.description = this.msg.openReviews(items.filter((i) => !i.resolved).length);
      return items;
    } catch {
      return []; // Cancelled by a newer refresh, which fills the view.
    } finally {
      cancel.dispose();
    }
  }

  getTreeItem(item: ReviewItem): vscode.TreeItem {
    const uri = vscode.Uri.parse(item.uri);
    const tree = new vscode.TreeItem(item.text || this.msg.reviewWithoutText, vscode.TreeItemCollapsibleState.None);
    tree.description = [item.reviewer, `${vscode.workspace.asRelativePath(uri)}:${item.range.start.line + 1}`].filter(Boolean).join(' · ');
    tree.iconPath = new vscode.ThemeIcon(item.resolved ? 'pass' : 'comment-unresolved');
    tree.tooltip = item.text;
    const range = new vscode.Range(item.range.start.line, item.range.start.character, item.range.start.line, item.range.start.character);
    tree.command = { title: 'Open', command: 'vscode.open', arguments: [uri, { selection: range } satisfies vscode.TextDocumentShowOptions] };
    return tree;
  }

  dispose(): void {
    this.pending?.cancel();
    this.changed.dispose();
  }
}
