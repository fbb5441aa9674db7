import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CodesRequest, SegmentPolesRequest, type CodesParams, type CodesResult, type SegmentPolesParams, type SegmentPolesResult } from '../../server/src/protocol/requests.js';
import type { ClientMessages } from './clientMessages.js';
import type { PreviewCodebook } from './preview.js';
import { isNote } from './selectors.js';

/**
 * Colours each coded segment of the visible notes by its evidence pole
 * (decorations, with a mark in the overview ruler), and counts the active
 * note's segments per pole in the status bar.
 */
export class PoleColours implements vscode.Disposable {
  /** One decoration type per colour: poles come from the codebook, so they are known only at run time. */
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly status = vscode.window.createStatusBarItem('fieldnotes.poles', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  /** A request still running for an editor is cancelled when a newer one starts. */
  private readonly pending = new Map<vscode.TextEditor, vscode.CancellationTokenSource>();

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly msg: ClientMessages,
  ) {
    this.status.name = 'Fieldnotes';
    this.status.tooltip = msg.statusTooltip;
    this.status.command = 'outline.focus';
    this.subscriptions.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
      vscode.window.onDidChangeActiveTextEditor(() => this.refreshAll()),
    );
  }

  refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) if (isNote(editor.document)) void this.refresh(editor);
    const active = vscode.window.activeTextEditor;
    if (!active || !isNote(active.document)) this.status.hide();
  }

  private async refresh(editor: vscode.TextEditor): Promise<void> {
    const client = this.client();
    if (!client?.isRunning()) return;
    this.pending.get(editor)?.cancel();
    const cancel = new vscode.CancellationTokenSource();
    this.pending.set(editor, cancel);
    let result: SegmentPolesResult | null;
    try {
      const params: SegmentPolesParams = { uri: client.code2ProtocolConverter.asUri(editor.document.uri) };
      result = await client.sendRequest<SegmentPolesResult | null>(SegmentPolesRequest.method, params, cancel.token);
    } catch {
      return; // Cancelled by a newer refresh, or the server is restarting; the next refresh repaints.
    } finally {
      if (this.pending.get(editor) === cancel) this.pending.delete(editor);
      cancel.dispose();
    }
    // Ranges for an older version would land on the wrong words; the server notifies again once it catches up.
    if (!result || result.version !== editor.document.version) return;
    const rangesByColour = new Map<string, vscode.Range[]>();
    const colourOf = new Map(result.poles.map((pole) => [pole.id, pole.color]));
    for (const segment of result.segments) {
      const colour = colourOf.get(segment.pole);
      if (!colour) continue;
      if (!rangesByColour.has(colour)) rangesByColour.set(colour, []);
      rangesByColour.get(colour)!.push(client.protocol2CodeConverter.asRange(segment.range));
    }
    for (const colour of result.poles.map((pole) => pole.color)) this.typeFor(colour);
    for (const [colour, type] of this.types) editor.setDecorations(type, rangesByColour.get(colour) ?? []);
    if (editor === vscode.window.activeTextEditor) this.showCounts(result);
  }

  private showCounts(result: SegmentPolesResult): void {
    const counts = result.poles.map((pole) => `${pole.label} ${result.segments.filter((s) => s.pole === pole.id).length}`);
    this.status.text = `$(tag) ${result.segments.length ? counts.join(' · ') : this.msg.statusNoCodes}`;
    this.status.show();
  }

  private typeFor(colour: string): vscode.TextEditorDecorationType {
    let type = this.types.get(colour);
    if (!type) {
      // A translucent fill keeps the text readable in light and dark themes; the ruler mark shows where evidence lies.
      type = vscode.window.createTextEditorDecorationType({
        backgroundColor: colour + '2e',
        borderRadius: '2px',
        overviewRulerColor: colour + 'b0',
        overviewRulerLane: vscode.OverviewRulerLane.Left,
      });
      this.types.set(colour, type);
    }
    return type;
  }

  /** The codes and pole colours of a note's codebook, for the Markdown preview. */
  async codebookFor(uri: vscode.Uri): Promise<PreviewCodebook | undefined> {
    const client = this.client();
    if (!client?.isRunning()) return undefined;
    const params: CodesParams = { uri: client.code2ProtocolConverter.asUri(uri) };
    const { codes, poles } = await client.sendRequest<CodesResult>(CodesRequest.method, params);
    return { codes: new Map(codes.map((c) => [c.code, { label: c.label, pole: c.pole }])), poles: new Map(poles.map((p) => [p.id, { label: p.label, color: p.color }])) };
  }

  dispose(): void {
    for (const cancel of this.pending.values()) cancel.cancel();
    for (const type of this.types.values()) type.dispose();
    this.status.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
