import * as vscode from 'vscode';
import {
  EvidenceTreeRequest,
  type EvidenceDimension,
  type EvidenceParent,
  type EvidencePole,
  type EvidenceSegment,
  type EvidenceTree,
  type EvidenceTreeParams,
  type EvidenceVariation,
} from '../../server/src/protocol/requests.js';
import { ServerTreeView } from './serverTreeView.js';

type Node =
  | { kind: 'pole'; pole: EvidencePole }
  | { kind: 'dimension'; dimension: EvidenceDimension; pole: EvidencePole }
  | { kind: 'variation'; variation: EvidenceVariation; dimension: EvidenceDimension; pole: EvidencePole }
  | { kind: 'segment'; segment: EvidenceSegment }
  | { kind: 'empty' };

/**
 * The Evidence view: every coded segment of the workspace under its pole,
 * dimension and variation, with counts, filtered by case or coder. The
 * server builds the tree; this only shows it, asking for the top (poles,
 * dimensions, variations and their counts) on each refresh and for a
 * variation's segments when it is expanded.
 */
export class EvidenceView extends ServerTreeView<Node> {
  private filter: EvidenceTreeParams = {};
  private tree: EvidenceTree | undefined;

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      this.tree = await this.load();
      if (!this.tree) return [];
      this.describeFilter();
      return this.tree.poles.length ? this.tree.poles.map((pole) => ({ kind: 'pole', pole })) : [{ kind: 'empty' }];
    }
    switch (node.kind) {
      case 'pole':
        return node.pole.dimensions.map((dimension) => ({ kind: 'dimension', dimension, pole: node.pole }));
      case 'dimension':
        return node.dimension.variations.map((variation) => ({ kind: 'variation', variation, dimension: node.dimension, pole: node.pole }));
      case 'variation':
        return (await this.segments(node)).map((segment) => ({ kind: 'segment', segment }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'pole': {
        const item = new vscode.TreeItem(node.pole.label, vscode.TreeItemCollapsibleState.Expanded);
        item.description = String(node.pole.count);
        item.tooltip = this.msg.segments(node.pole.count);
        item.iconPath = node.pole.color && /^#[0-9a-f]{3,8}$/i.test(node.pole.color) ? dot(node.pole.color) : new vscode.ThemeIcon('circle-outline');
        item.id = `pole:${node.pole.id ?? ''}`;
        return item;
      }
      case 'dimension': {
        const item = new vscode.TreeItem(node.dimension.label, collapsed);
        item.description = String(node.dimension.count);
        item.id = `pole:${node.pole.id ?? ''}/${node.dimension.id}`;
        return item;
      }
      case 'variation': {
        const item = new vscode.TreeItem(node.variation.label, collapsed);
        item.description = `${node.variation.count} · #${node.variation.code}`;
        item.id = variationId(node);
        return item;
      }
      case 'segment': {
        const { segment } = node;
        const uri = vscode.Uri.parse(segment.uri);
        const item = new vscode.TreeItem(segment.name, vscode.TreeItemCollapsibleState.None);
        item.description = [segment.case, vscode.workspace.asRelativePath(uri)].filter(Boolean).join(' · ');
        item.resourceUri = uri;
        item.tooltip = `${vscode.workspace.asRelativePath(uri)}:${segment.range.start.line + 1}`;
        const range = new vscode.Range(segment.range.start.line, segment.range.start.character, segment.range.end.line, segment.range.end.character);
        item.command = { title: 'Open', command: 'vscode.open', arguments: [uri, { selection: range, preserveFocus: false } satisfies vscode.TextDocumentShowOptions] };
        return item;
      }
      case 'empty':
        return new vscode.TreeItem(this.msg.noSegments, vscode.TreeItemCollapsibleState.None);
    }
  }

  async chooseCase(): Promise<void> {
    const cases = this.tree?.cases ?? (await this.load())?.cases ?? [];
    const picked = await vscode.window.showQuickPick([this.msg.everyCase, ...cases], { placeHolder: this.msg.filterCase });
    if (picked === undefined) return;
    this.setFilter({ ...this.filter, case: picked === this.msg.everyCase ? undefined : picked });
  }

  async chooseCoder(): Promise<void> {
    const coders = this.tree?.coders ?? (await this.load())?.coders ?? [];
    const picked = await vscode.window.showQuickPick([this.msg.everyCoder, ...coders], { placeHolder: this.msg.filterCoder });
    if (picked === undefined) return;
    this.setFilter({ ...this.filter, coder: picked === this.msg.everyCoder ? undefined : picked });
  }

  clearFilter(): void {
    this.setFilter({});
  }

  private setFilter(filter: EvidenceTreeParams): void {
    this.filter = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    void vscode.commands.executeCommand('setContext', 'fieldnotes.evidenceFiltered', Object.keys(this.filter).length > 0);
    this.refresh();
  }

  private describeFilter(): void {
    if (!this.view) return;
    const parts = [this.filter.case, this.filter.coder].filter((p): p is string => p !== undefined);
    this.view.description = parts.length ? this.msg.filterShown(parts) : undefined;
  }

  private async load(): Promise<EvidenceTree | undefined> {
    const client = this.client();
    if (!client?.isRunning()) {
      if (this.view) this.view.message = this.msg.evidenceUnavailable;
      return undefined;
    }
    // Undefined when cancelled by a newer refresh: keep what is shown until that one answers.
    const tree = (await this.ask<EvidenceTree>(EvidenceTreeRequest.method, this.filter)) ?? this.tree;
    if (this.view) this.view.message = tree?.uncountedCopies ? this.msg.uncountedCopies(tree.uncountedCopies) : undefined;
    return tree;
  }

  /** A variation's segments, for the filter its tree was asked with; none when a refresh came first (the refreshed tree asks again). */
  private async segments(node: VariationNode): Promise<EvidenceSegment[]> {
    const parent: EvidenceParent = { pole: node.pole.id, dimension: node.dimension.id, code: node.variation.code };
    return (await this.ask<EvidenceSegment[]>(EvidenceTreeRequest.method, { ...this.filter, parent }, variationId(node))) ?? [];
  }
}

type VariationNode = Extract<Node, { kind: 'variation' }>;

/** The variation's tree item id, and the key its segments are asked under. */
function variationId(node: VariationNode): string {
  return `pole:${node.pole.id ?? ''}/${node.variation.code}`;
}

/** A filled circle in the pole's colour, as an icon. */
function dot(colour: string): vscode.Uri {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="5" fill="${colour}"/></svg>`;
  return vscode.Uri.parse(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
}
