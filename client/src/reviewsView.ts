import * as vscode from 'vscode';
import { ReviewsRequest, type ReviewItem } from '../../server/src/protocol/requests.js';
import { ServerTreeView } from './serverTreeView.js';

/** The Reviews view: every `[!REVIEW]` comment of the workspace, open ones first; a click goes to it. */
export class ReviewsView extends ServerTreeView<ReviewItem> {
  async getChildren(item?: ReviewItem): Promise<ReviewItem[]> {
    if (item) return [];
    // Undefined when cancelled by a newer refresh, which fills the view.
    const items = await this.ask<ReviewItem[]>(ReviewsRequest.method, {});
    if (!items) return [];
    if (this.view) this.view.description = this.msg.openReviews(items.filter((i) => !i.resolved).length);
    return items;
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
}
