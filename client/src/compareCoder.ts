import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CoderCopiesRequest,
  CompareCoderRequest,
  type CodeReading,
  type CoderCopiesParams,
  type CoderCopiesResult,
  type CompareCoderParams,
  type CompareCoderResult,
  type CompareFigures,
} from '../../server/src/protocol/requests.js';
import type { ClientMessages } from './clientMessages.js';
import { isNote } from './selectors.js';

/** A run of words where the two codings differ, in the note's positions. */
export interface ComparedRun {
  range: vscode.Range;
  words: number;
  text: string;
  here: CodeReading[];
  there: CodeReading[];
}

/** The comparison on screen: a note, the other copy, what the server found, and whether the note changed since. */
export interface Comparison {
  note: vscode.Uri;
  other: vscode.Uri;
  /** The two coders as the view names them: front-matter `coder`, else "this note" and the other file's name. */
  names: { here: string; there: string };
  noteName: string;
  otherName: string;
  /** The note's text the ranges belong to. */
  text: string;
  theirs: { range: vscode.Range; codes: CodeReading[] }[];
  runs: ComparedRun[];
  figures: CompareFigures;
  /** The note or the other copy changed after the comparison: the ranges no longer hold. */
  stale: boolean;
}

type ProtocolRange = { start: { line: number; character: number }; end: { line: number; character: number } };

/**
 * "Compare with another coder": the other coders' copies of the note
 * offered first, the other coder's codes shown after the words they coded,
 * the disagreements (codes or readings) underlined, and the comparison
 * kept for the Coder comparison view and the Next / Previous commands. The
 * marks go when either note is edited; the comparison then says it is out
 * of date until it is run again or closed.
 */
export class CompareCoder implements vscode.Disposable {
  private readonly theirs = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic', margin: '0 0 0 0.5em' },
  });
  private readonly differs = vscode.window.createTextEditorDecorationType({
    textDecoration: 'underline wavy',
    overviewRulerColor: new vscode.ThemeColor('editorWarning.foreground'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
  private readonly changed = new vscode.EventEmitter<void>();
  /** The comparison started, changed state, or closed. */
  readonly onDidChange = this.changed.event;
  private readonly selected = new vscode.EventEmitter<number>();
  /** A run was selected in the note (by the view, or by Next / Previous). */
  readonly onDidSelectRun = this.selected.event;
  private readonly subscriptions: vscode.Disposable[];
  private comparison: Comparison | undefined;
  /** Editors that carry the marks now, for clearing them and for tests. */
  private readonly marked = new Set<vscode.TextEditor>();

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly msg: ClientMessages,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        // An event without changes only says the document became dirty or clean.
        if (event.contentChanges.length && this.concerns(event.document.uri)) this.outOfDate();
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.markVisible()),
    ];
  }

  get current(): Comparison | undefined {
    return this.comparison;
  }

  /** Editors of the compared note that carry the marks (the underlines), for the view's tests. */
  get markedEditors(): number {
    return [...this.marked].filter((editor) => vscode.window.visibleTextEditors.includes(editor)).length;
  }

  /**
   * The command: compares the active note with `other` when given (a Uri
   * or a URI string, for tests and other extensions), else with the note
   * the user picks. Resolves true when a comparison is on screen.
   */
  async run(other?: unknown): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isNote(editor.document)) {
      void vscode.window.showInformationMessage(this.msg.openNoteToCompare);
      return false;
    }
    const client = this.client();
    if (!client?.isRunning()) {
      void vscode.window.showWarningMessage(this.msg.compareUnavailable);
      return false;
    }
    const target = other instanceof vscode.Uri ? other : typeof other === 'string' ? vscode.Uri.parse(other) : await this.pick(client, editor.document);
    if (!target) return false;
    return this.compare(client, editor.document, target);
  }

  /** Runs the comparison again, on the same two notes. */
  async compareAgain(): Promise<boolean> {
    const comparison = this.comparison;
    const client = this.client();
    if (!comparison) {
      void vscode.window.showInformationMessage(this.msg.noComparison);
      return false;
    }
    if (!client?.isRunning()) {
      void vscode.window.showWarningMessage(this.msg.compareUnavailable);
      return false;
    }
    const document = await vscode.workspace.openTextDocument(comparison.note);
    await vscode.window.showTextDocument(document, { viewColumn: this.editorOf(comparison)?.viewColumn, preserveFocus: true });
    return this.compare(client, document, comparison.other);
  }

  /** Selects the next run after the cursor (from the last, the first). Resolves with its index. */
  next(): Promise<number | undefined> {
    return this.step(1);
  }

  /** Selects the run before the cursor (from the first, the last). Resolves with its index. */
  previous(): Promise<number | undefined> {
    return this.step(-1);
  }

  /** Selects a run's words in the note and brings them into view. */
  async show(index: number, options: { preserveFocus?: boolean } = {}): Promise<number | undefined> {
    const comparison = this.comparison;
    const run = comparison?.runs[index];
    if (!comparison || comparison.stale || !run) return undefined;
    const open = this.editorOf(comparison);
    const editor = await vscode.window.showTextDocument(comparison.note, { viewColumn: open?.viewColumn, preserveFocus: options.preserveFocus ?? false });
    if (this.comparison !== comparison || comparison.stale) return undefined;
    editor.selection = new vscode.Selection(run.range.start, run.range.end);
    editor.revealRange(run.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    this.selected.fire(index);
    return index;
  }

  /** Clears the marks and forgets the comparison (the view hides). */
  close(): void {
    this.clearMarks();
    this.comparison = undefined;
    void this.publish();
  }

  private async step(direction: 1 | -1): Promise<number | undefined> {
    const comparison = this.comparison;
    if (!comparison || comparison.stale || !comparison.runs.length) {
      if (!comparison) void vscode.window.showInformationMessage(this.msg.noComparison);
      return undefined;
    }
    const at = this.editorOf(comparison)?.selection.start;
    const runs = comparison.runs;
    let index: number;
    if (!at) index = direction > 0 ? 0 : runs.length - 1;
    else if (direction > 0) {
      const after = runs.findIndex((run) => run.range.start.isAfter(at));
      index = after < 0 ? 0 : after;
    } else {
      const before = runs.findLastIndex((run) => run.range.start.isBefore(at));
      index = before < 0 ? runs.length - 1 : before;
    }
    return this.show(index);
  }

  /** The quick pick: the transcript's other copies first (with their coders, and which counts), then every other note. */
  private async pick(client: LanguageClient, document: vscode.TextDocument): Promise<vscode.Uri | undefined> {
    const params: CoderCopiesParams = { uri: client.code2ProtocolConverter.asUri(document.uri) };
    const [copies, notes] = await Promise.all([
      client.sendRequest<CoderCopiesResult>(CoderCopiesRequest.method, params).catch(() => undefined),
      vscode.workspace.findFiles('**/*.fn.md', '**/node_modules/**'),
    ]);
    type Item = vscode.QuickPickItem & { uri?: vscode.Uri };
    const copyItems: Item[] = (copies?.copies ?? []).map((copy) => {
      const uri = client.protocol2CodeConverter.asUri(copy.uri);
      return { label: vscode.workspace.asRelativePath(uri), description: this.msg.copyDetail(copy.coder, copy.counts), uri };
    });
    const taken = new Set([document.uri.toString(), ...copyItems.map((item) => item.uri!.toString())]);
    const noteItems: Item[] = notes
      .filter((uri) => !taken.has(uri.toString()))
      .map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri }))
      .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
    const separator = (label: string): Item => ({ label, kind: vscode.QuickPickItemKind.Separator });
    const items = copies?.id !== undefined && copyItems.length ? [separator(this.msg.copiesOf(copies.id)), ...copyItems, separator(this.msg.otherNotes), ...noteItems] : noteItems;
    const placeHolder = copies?.id !== undefined && copyItems.length ? this.msg.comparePickCopy(copies.id) : this.msg.comparePick;
    const picked = await vscode.window.showQuickPick(items, { title: this.msg.compareTitle, placeHolder, matchOnDescription: true });
    return picked?.uri;
  }

  private async compare(client: LanguageClient, document: vscode.TextDocument, other: vscode.Uri): Promise<boolean> {
    const params: CompareCoderParams = { uri: client.code2ProtocolConverter.asUri(document.uri), otherUri: client.code2ProtocolConverter.asUri(other) };
    const version = document.version;
    let result: CompareCoderResult;
    try {
      result = await client.sendRequest<CompareCoderResult>(CompareCoderRequest.method, params);
    } catch {
      void vscode.window.showWarningMessage(this.msg.compareUnavailable);
      return false;
    }
    const range = (r: ProtocolRange) => client.protocol2CodeConverter.asRange(r);
    if ('message' in result) {
      void vscode.window.showWarningMessage(result.message);
      // Where the words stop being the same, so the user sees what to fix.
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
      if (result.at && editor && document.version === version) {
        editor.selection = new vscode.Selection(range(result.at).start, range(result.at).end);
        editor.revealRange(range(result.at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
      return false;
    }
    const otherName = vscode.workspace.asRelativePath(other);
    const fileName = other.path.slice(other.path.lastIndexOf('/') + 1);
    const sameCoder = result.coders.here !== undefined && result.coders.here === result.coders.there;
    this.clearMarks();
    const comparison: Comparison = {
      note: document.uri,
      other,
      names: { here: (!sameCoder && result.coders.here) || this.msg.thisNote, there: (!sameCoder && result.coders.there) || fileName },
      noteName: vscode.workspace.asRelativePath(document.uri),
      otherName,
      text: document.getText(),
      theirs: result.theirs.map((t) => ({ range: range(t.range), codes: t.codes })),
      runs: result.disagreements.map((d) => ({ range: range(d.range), words: d.words, text: d.text, here: d.here, there: d.there })),
      figures: result.figures,
      // The note changed while the server compared: its ranges belong to the text before.
      stale: document.version !== version || result.version !== version,
    };
    this.comparison = comparison;
    this.markVisible();
    await this.publish();
    if (!comparison.stale && !comparison.runs.length) {
      const { names, figures } = comparison;
      const inflated = figures.decisions.inflated ? ` ${this.msg.inflatedByUncoded}` : '';
      void vscode.window.showInformationMessage(`${this.msg.noDisagreements(names.here, names.there)} ${this.msg.compareFigures(figures)}.${inflated}`);
    }
    return true;
  }

  /** Whether a change to this document makes the comparison out of date. */
  private concerns(uri: vscode.Uri): boolean {
    const comparison = this.comparison;
    return !!comparison && !comparison.stale && (uri.toString() === comparison.note.toString() || uri.toString() === comparison.other.toString());
  }

  private outOfDate(): void {
    if (!this.comparison) return;
    this.clearMarks();
    this.comparison.stale = true;
    void this.publish();
  }

  /** The editor of the compared note: the active one if it is, else a visible one. */
  private editorOf(comparison: Comparison): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active?.document.uri.toString() === comparison.note.toString()) return active;
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === comparison.note.toString());
  }

  /** Puts the marks on every visible editor of the compared note (an editor shown again has lost them). */
  private markVisible(): void {
    const comparison = this.comparison;
    for (const editor of [...this.marked]) if (!vscode.window.visibleTextEditors.includes(editor)) this.marked.delete(editor);
    if (!comparison || comparison.stale) return;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== comparison.note.toString() || this.marked.has(editor)) continue;
      // A note closed and opened again may hold other text (changed on disk meanwhile).
      if (editor.document.getText() !== comparison.text) {
        this.outOfDate();
        return;
      }
      const { here, there } = comparison.names;
      editor.setDecorations(
        this.theirs,
        comparison.theirs.map((t) => ({ range: t.range, renderOptions: { after: { contentText: this.msg.theirCodes(there, t.codes) } } })),
      );
      editor.setDecorations(
        this.differs,
        comparison.runs.map((run) => ({ range: run.range, hoverMessage: this.msg.disagreement(here, run.here, there, run.there) })),
      );
      this.marked.add(editor);
    }
  }

  private clearMarks(): void {
    for (const editor of this.marked) {
      editor.setDecorations(this.theirs, []);
      editor.setDecorations(this.differs, []);
    }
    this.marked.clear();
  }

  /** Tells the view, and sets the context keys that show it and its buttons. */
  private async publish(): Promise<void> {
    this.changed.fire();
    await Promise.all([
      vscode.commands.executeCommand('setContext', 'fieldnotes.comparing', this.comparison !== undefined),
      vscode.commands.executeCommand('setContext', 'fieldnotes.comparisonStale', this.comparison?.stale === true),
    ]);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
    this.selected.dispose();
    this.theirs.dispose();
    this.differs.dispose();
  }
}
