import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CompareCoderRequest, type CompareCoderParams, type CompareCoderResult } from '../../server/src/protocol/requests.js';
import type { ClientMessages } from './clientMessages.js';
import { isNote } from './selectors.js';

/**
 * "Compare with another coder": the other coder's codes shown after the
 * words they coded, the disagreements underlined, and a list of them to
 * walk through. The marks go when the note is edited.
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
  private readonly subscription = vscode.workspace.onDidChangeTextDocument((event) => this.clearFor(event.document));

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly msg: ClientMessages,
  ) {}

  async run(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const client = this.client();
    if (!editor || !isNote(editor.document) || !client?.isRunning()) {
      void vscode.window.showInformationMessage(this.msg.openNoteFirst);
      return;
    }
    const candidates = (await vscode.workspace.findFiles('**/*.fn.md', '**/node_modules/**')).filter((uri) => uri.toString() !== editor.document.uri.toString());
    const picked = await vscode.window.showQuickPick(
      candidates.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
      { title: this.msg.compareTitle, placeHolder: this.msg.comparePick },
    );
    if (!picked) return;
    const params: CompareCoderParams = { uri: client.code2ProtocolConverter.asUri(editor.document.uri), otherUri: client.code2ProtocolConverter.asUri(picked.uri) };
    const version = editor.document.version;
    const result = await client.sendRequest<CompareCoderResult>(CompareCoderRequest.method, params);
    if ('message' in result) {
      void vscode.window.showWarningMessage(result.message);
      return;
    }
    if (editor.document.version !== version) return;
    const range = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => client.protocol2CodeConverter.asRange(r);
    editor.setDecorations(
      this.theirs,
      result.theirs.map((t) => ({ range: range(t.range), renderOptions: { after: { contentText: `${picked.label}: ${t.codes.map((c) => '#' + c).join(' ')}` } } })),
    );
    editor.setDecorations(
      this.differs,
      result.disagreements.map((d) => ({ range: range(d.range), hoverMessage: this.msg.disagreement(d.here, d.there) })),
    );
    if (!result.disagreements.length) {
      void vscode.window.showInformationMessage(this.msg.noDisagreements);
      return;
    }
    // Walk through the disagreements: each choice shows its words, and the list stays to go on.
    const list = vscode.window.createQuickPick<vscode.QuickPickItem & { at: vscode.Range }>();
    list.title = this.msg.disagreements(result.disagreements.length);
    list.items = result.disagreements.map((d) => ({ label: editor.document.getText(range(d.range)).slice(0, 80), description: this.msg.disagreement(d.here, d.there), at: range(d.range) }));
    list.onDidChangeActive(([item]) => item && editor.revealRange(item.at, vscode.TextEditorRevealType.InCenterIfOutsideViewport));
    list.onDidAccept(() => {
      const item = list.selectedItems[0];
      if (item) editor.selection = new vscode.Selection(item.at.start, item.at.end);
      list.hide();
    });
    list.onDidHide(() => list.dispose());
    list.show();
  }

  private clearFor(document: vscode.TextDocument): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== document) continue;
      editor.setDecorations(this.theirs, []);
      editor.setDecorations(this.differs, []);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.theirs.dispose();
    this.differs.dispose();
  }
}
