import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CodebookStatusRequest, type CodebookStatus, type CodebookStatusParams } from '../../server/src/protocol/requests.js';
import type { ClientMessages } from './clientMessages.js';
import { isNote } from './selectors.js';

/**
 * A status bar item for the active note's codebook: loaded with how many
 * codes, its problems, or why there is none; and a stopped server.
 * Clicking it goes where the user can act (the codebook, its first
 * problem, the setting, a restart).
 */
export class CodebookStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('fieldnotes.codebook', vscode.StatusBarAlignment.Right, 101);
  private readonly subscription: vscode.Disposable;
  private pending: vscode.CancellationTokenSource | undefined;
  private stopped = false;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly msg: ClientMessages,
  ) {
    this.item.name = msg.codebookStatusName;
    this.subscription = vscode.window.onDidChangeActiveTextEditor(() => void this.refresh());
  }

  /** The server stopped (crashed, or is restarting): say so on every note. */
  serverStopped(): void {
    this.stopped = true;
    this.pending?.cancel();
    this.show({ text: `$(debug-disconnect) ${this.msg.serverStopped}`, tooltip: this.msg.serverStoppedTooltip, command: 'fieldnotes.restartServer', alarm: 'error' });
  }

  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isNote(editor.document)) return this.item.hide();
    const client = this.client();
    if (this.stopped && client?.isRunning()) this.stopped = false;
    if (this.stopped || !client?.isRunning()) return;
    this.pending?.cancel();
    const cancel = (this.pending = new vscode.CancellationTokenSource());
    let status: CodebookStatus;
    try {
      const params: CodebookStatusParams = { uri: client.code2ProtocolConverter.asUri(editor.document.uri) };
      status = await client.sendRequest<CodebookStatus>(CodebookStatusRequest.method, params, cancel.token);
    } catch {
      return; // Cancelled by a newer refresh, or the server is restarting.
    } finally {
      if (this.pending === cancel) this.pending = undefined;
      cancel.dispose();
    }
    if (editor !== vscode.window.activeTextEditor) return;
    this.render(status, client);
  }

  private render(status: CodebookStatus, client: LanguageClient): void {
    const msg = this.msg;
    if (status.state === 'none') return this.item.hide();
    if (status.state === 'missing') {
      return this.show({
        text: `$(error) ${msg.noCodebookShort}`,
        tooltip: status.message || msg.noCodebook,
        command: { title: msg.noCodebookShort, command: 'workbench.action.openSettings', arguments: ['fieldnotes.codebook'] },
        alarm: 'error',
      });
    }
    const uri = client.protocol2CodeConverter.asUri(status.uri);
    const summary = msg.codebookSummary(status.name, status.title, status.dimensions, status.codes);
    if (status.problems && status.firstProblem) {
      const selection = client.protocol2CodeConverter.asRange(status.firstProblem.range);
      return this.show({
        text: `$(warning) ${msg.codebookProblems(status.problems)}`,
        tooltip: `${summary}\n\n${status.firstProblem.message}`,
        command: { title: msg.openCodebook, command: 'vscode.open', arguments: [uri, { selection }] },
        alarm: 'warning',
      });
    }
    this.show({ text: `$(book) ${msg.codeCount(status.codes)}`, tooltip: `${summary}\n\n${msg.openCodebook}`, command: { title: msg.openCodebook, command: 'vscode.open', arguments: [uri] } });
  }

  private show(look: { text: string; tooltip: string; command: string | vscode.Command; alarm?: 'warning' | 'error' }): void {
    this.item.text = look.text;
    this.item.tooltip = look.tooltip;
    this.item.command = look.command;
    this.item.backgroundColor = look.alarm && new vscode.ThemeColor(`statusBarItem.${look.alarm}Background`);
    this.item.show();
  }

  dispose(): void {
    this.pending?.cancel();
    this.subscription.dispose();
    this.item.dispose();
  }
}
