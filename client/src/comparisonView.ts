import * as vscode from 'vscode';
import type { CompareFigures } from '../../server/src/protocol/requests.js';
import type { ClientMessages } from './clientMessages.js';
import type { CompareCoder, Comparison } from './compareCoder.js';

type Node = { kind: 'run'; index: number } | { kind: 'agree' } | { kind: 'again' };

/** What the view shows, as its items and texts: the command's result and the extension's API give it (for tests and other extensions). */
export interface ComparisonSnapshot {
  note: string;
  other: string;
  stale: boolean;
  figures: CompareFigures;
  /** The view's description (the two coders, how many disagreements) and message (the figures, or why it is out of date). */
  description: string | undefined;
  message: string | undefined;
  items: { label: string; description: string | undefined; tooltip: string | undefined; command: string | undefined }[];
  /** The runs' places in the note. */
  runs: { start: vscode.Position; end: vscode.Position; text: string }[];
  /** How many visible editors of the note carry the marks. */
  markedEditors: number;
}

/**
 * The Coder comparison view: the pair's figures at the top, each run of
 * words where the two codings differ (a click selects the words), and,
 * once the note has changed, a way to compare again. Shown while a
 * comparison is open (context key `fieldnotes.comparing`).
 */
export class ComparisonView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private view: vscode.TreeView<Node> | undefined;
  /** The nodes of the comparison shown: the same objects every time, so that `reveal` finds them. */
  private nodes: { comparison: Comparison | undefined; stale: boolean; list: Node[] } = { comparison: undefined, stale: false, list: [] };
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly compare: CompareCoder,
    private readonly msg: ClientMessages,
  ) {
    this.subscriptions = [
      compare.onDidChange(() => {
        this.describe();
        this.changed.fire();
      }),
      compare.onDidSelectRun((index) => this.reveal(index)),
    ];
  }

  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
    this.describe();
  }

  getChildren(node?: Node): Node[] {
    return node ? [] : this.list();
  }

  getParent(): undefined {
    return undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const comparison = this.compare.current;
    if (node.kind === 'again') {
      const item = new vscode.TreeItem(this.msg.compareAgain(comparison?.otherName ?? ''), vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('refresh');
      item.command = { title: this.msg.compareAgain(comparison?.otherName ?? ''), command: 'fieldnotes.comparison.compareAgain' };
      return item;
    }
    if (node.kind === 'agree' || !comparison) {
      const item = new vscode.TreeItem(comparison ? this.msg.noDisagreements(comparison.names.here, comparison.names.there) : '', vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('pass');
      return item;
    }
    const run = comparison.runs[node.index]!;
    const { here, there } = comparison.names;
    const item = new vscode.TreeItem(run.text, vscode.TreeItemCollapsibleState.None);
    item.description = this.msg.disagreement(here, run.here, there, run.there);
    item.tooltip = `${this.msg.runTooltip(run.range.start.line + 1, run.words)}\n${item.description}`;
    item.iconPath = new vscode.ThemeIcon('git-compare');
    item.command = { title: run.text, command: 'fieldnotes.comparison.show', arguments: [node.index] };
    return item;
  }

  /** What the view shows now; undefined when no comparison is open. */
  snapshot(): ComparisonSnapshot | undefined {
    const comparison = this.compare.current;
    if (!comparison) return undefined;
    const texts = (value: string | vscode.TreeItemLabel | vscode.MarkdownString | boolean | undefined) =>
      value === undefined || typeof value === 'boolean' ? undefined : typeof value === 'string' ? value : 'label' in value ? value.label : value.value;
    return {
      note: comparison.note.toString(),
      other: comparison.other.toString(),
      stale: comparison.stale,
      figures: comparison.figures,
      description: this.view?.description,
      message: this.view?.message,
      items: this.list().map((node) => {
        const item = this.getTreeItem(node);
        return { label: texts(item.label) ?? '', description: texts(item.description), tooltip: texts(item.tooltip), command: item.command?.command };
      }),
      runs: comparison.runs.map((run) => ({ start: run.range.start, end: run.range.end, text: run.text })),
      markedEditors: this.compare.markedEditors,
    };
  }

  private list(): Node[] {
    const comparison = this.compare.current;
    if (this.nodes.comparison !== comparison || this.nodes.stale !== comparison?.stale) {
      const list: Node[] = !comparison ? [] : comparison.stale ? [{ kind: 'again' }] : comparison.runs.length ? comparison.runs.map((_, index) => ({ kind: 'run', index })) : [{ kind: 'agree' }];
      this.nodes = { comparison, stale: comparison?.stale ?? false, list };
    }
    return this.nodes.list;
  }

  /** The figures at the top, the coders in the title; or why the list is out of date. */
  private describe(): void {
    const view = this.view;
    if (!view) return;
    const comparison = this.compare.current;
    if (!comparison) {
      view.description = undefined;
      view.message = undefined;
      return;
    }
    const { here, there } = comparison.names;
    view.description = comparison.stale ? this.msg.comparing(here, there) : `${this.msg.comparing(here, there)} · ${this.msg.disagreements(comparison.runs.length)}`;
    view.message = comparison.stale
      ? this.msg.comparisonOutOfDate(comparison.noteName)
      : [this.msg.compareFigures(comparison.figures), comparison.figures.decisions.inflated ? this.msg.inflatedByUncoded : undefined].filter(Boolean).join(' ');
  }

  /** Marks the run in the list; brings the view into sight when a comparison starts. */
  private reveal(index: number): void {
    const node = this.list().find((n) => n.kind === 'run' && n.index === index);
    if (node && this.view?.visible) void Promise.resolve(this.view.reveal(node, { select: true, focus: false })).catch(() => undefined);
  }

  /** Opens the view on the comparison's first item without taking the focus from the note. */
  async show(): Promise<void> {
    const first = this.list()[0];
    if (first && this.view) await Promise.resolve(this.view.reveal(first, { select: false, focus: false })).catch(() => undefined);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
