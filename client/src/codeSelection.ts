import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CodeSelectionRequest, CodesRequest, type CodeSelectionParams, type CodeSelectionResult, type CodesParams, type CodesResult, type PickableCode } from '../../server/src/protocol/requests.js';
import type { ClientMessages } from './clientMessages.js';
import { isNote } from './selectors.js';

interface CodeItem extends vscode.QuickPickItem {
  code?: PickableCode;
}

/**
 * "Code selection": the user picks a code (and, for an `either`
 * variation, the reading); the server says what to insert, so that the
 * rules for where a code goes live in one place.
 */
export async function codeSelection(client: LanguageClient | undefined, msg: ClientMessages): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isNote(editor.document) || !client?.isRunning()) {
    void vscode.window.showInformationMessage(msg.openNoteFirst);
    return;
  }
  const document = editor.document;
  const uri = client.code2ProtocolConverter.asUri(document.uri);
  const { codes, poles } = await client.sendRequest<CodesResult>(CodesRequest.method, { uri } satisfies CodesParams);
  if (!codes.length) {
    void vscode.window.showWarningMessage(msg.noCodebook);
    return;
  }
  const picked = await vscode.window.showQuickPick(codeItems(codes), {
    title: msg.pickCodeTitle,
    placeHolder: msg.pickCode,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked?.code) return;
  let evidence: string | undefined;
  if (picked.code.needsReading) {
    const reading = await vscode.window.showQuickPick(
      poles.map((pole) => ({ label: pole.label, description: `evidence=${pole.id}`, detail: msg.readingDetail, id: pole.id })),
      { title: msg.pickCodeTitle, placeHolder: msg.pickReading(picked.code.code) },
    );
    if (!reading) return;
    evidence = reading.id;
  }
  // The user may type while the quick pick is open: the edits must be for the text as it is when they are made.
  for (let attempt = 0; attempt < 3; attempt++) {
    const version = document.version;
    const params: CodeSelectionParams = { uri, range: client.code2ProtocolConverter.asRange(editor.selection), code: picked.code.code, ...(evidence ? { evidence } : {}) };
    const result = await client.sendRequest<CodeSelectionResult>(CodeSelectionRequest.method, params);
    if ('message' in result) {
      void vscode.window.showWarningMessage(result.message);
      return;
    }
    if (document.version !== version) continue;
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, await client.protocol2CodeConverter.asTextEdits(result.edits));
    if (document.version !== version) continue;
    await vscode.workspace.applyEdit(edit);
    return;
  }
  void vscode.window.showWarningMessage(msg.noteKeptChanging);
}

/** Codes grouped by dimension, each showing its label, pole and description. */
function codeItems(codes: PickableCode[]): CodeItem[] {
  const items: CodeItem[] = [];
  let dimension: string | undefined;
  for (const code of codes) {
    if (code.dimension !== dimension) {
      dimension = code.dimension;
      items.push({ label: code.dimensionLabel, kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({
      label: code.label,
      description: `#${code.code}${code.poleLabel ? ` · ${code.poleLabel}` : ''}`,
      ...(code.description ? { detail: code.description } : {}),
      code,
    });
  }
  return items;
}
