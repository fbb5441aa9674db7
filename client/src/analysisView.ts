import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AnalysisPageRequest, type AnalysisPageParams, type AnalysisPageResult } from '../../server/src/protocol/requests.js';
import type { ClientMessages } from './clientMessages.js';

/**
 * "Show analysis": the server's analysis page (the same page as
 * `fieldnotes report --format html`) in a webview beside the notes, kept
 * current as the notes change; a click on a segment opens it.
 */
export class AnalysisView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private pending: vscode.CancellationTokenSource | undefined;
  /** The reading the page shows: the study (undefined) or one coder's, chosen on the page. */
  private coder: string | undefined;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly msg: ClientMessages,
  ) {}

  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      return this.refresh();
    }
    const panel = vscode.window.createWebviewPanel('fieldnotes.analysis', this.msg.analysisTitle, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
    this.panel = panel;
    panel.onDidDispose(() => {
      this.pending?.cancel();
      this.panel = undefined;
      // A page opened again shows the study, as the command promises.
      this.coder = undefined;
    });
    panel.webview.onDidReceiveMessage(async (message: { type?: string; uri?: string; line?: number; coder?: unknown }) => {
      if (message.type === 'reading') {
        this.coder = typeof message.coder === 'string' ? message.coder : undefined;
        return this.refresh();
      }
      if (message.type !== 'open' || typeof message.uri !== 'string') return;
      const line = Math.max(0, (message.line ?? 1) - 1);
      await vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(line, 0, line, 0) });
    });
    await this.refresh();
  }

  /** Draws the page again from the server, when it is open; a request still running is cancelled. */
  async refresh(): Promise<void> {
    const panel = this.panel;
    const client = this.client();
    if (!panel) return;
    if (!client?.isRunning()) {
      panel.webview.html = plain(this.msg.evidenceUnavailable);
      return;
    }
    this.pending?.cancel();
    const cancel = (this.pending = new vscode.CancellationTokenSource());
    const params: AnalysisPageParams = { nonce: randomBytes(16).toString('base64'), cspSource: panel.webview.cspSource, ...(this.coder === undefined ? {} : { coder: this.coder }) };
    try {
      const result = await client.sendRequest<AnalysisPageResult>(AnalysisPageRequest.method, params, cancel.token);
      if (this.panel !== panel || cancel.token.isCancellationRequested) return;
      panel.webview.html = 'html' in result ? result.html : plain(result.message);
    } catch {
      // Cancelled by a newer refresh, or the server is restarting: the next refresh draws it.
    } finally {
      if (this.pending === cancel) this.pending = undefined;
      cancel.dispose();
    }
  }

  dispose(): void {
    this.pending?.cancel();
    this.panel?.dispose();
  }
}

function plain(message: string): string {
  const text = message.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none';"></head><body><p>${text}</p></body></html>`;
}
