import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportRequest, type ExportKind, type ExportParams, type ExportResult } from '../../server/src/protocol/requests.js';
import type { ClientMessages } from './clientMessages.js';

interface ExportCommand {
  command: string;
  kind: ExportKind;
  extension: string;
  filter(msg: ClientMessages): string;
  title(msg: ClientMessages): string;
  /** The file name the save dialog proposes, from the name of what is exported. */
  defaultName(scopeName: string): string;
}

export const EXPORT_COMMANDS: readonly ExportCommand[] = [
  { command: 'fieldnotes.exportCodebookQdc', kind: 'qdc', extension: 'qdc', filter: (m) => m.qdcFilter, title: (m) => m.exportQdcTitle, defaultName: () => 'codebook.qdc' },
  { command: 'fieldnotes.exportProjectQdpx', kind: 'qdpx', extension: 'qdpx', filter: (m) => m.qdpxFilter, title: (m) => m.exportQdpxTitle, defaultName: (scope) => `${scope}.qdpx` },
  { command: 'fieldnotes.exportSegmentsCsv', kind: 'csv', extension: 'csv', filter: (m) => m.csvFilter, title: (m) => m.exportCsvTitle, defaultName: () => 'segments.csv' },
];

/** What to export and where, read from a command's arguments. */
interface Arguments {
  /** The file to write; when absent, the save dialog asks. */
  target: vscode.Uri | undefined;
  /** Only the notes in this folder. */
  folder: vscode.Uri | undefined;
  /** Only the notes this codebook codes (and, for .qdc, this codebook). */
  codebook: vscode.Uri | undefined;
}

/**
 * The export commands: a save dialog (unless a target is given), then
 * `fieldnotes/export`; the server gathers the notes and writes the file.
 * Arguments, all optional: a Uri ending in the command's extension is the
 * file to write (for tests and scripts: no dialog); a Uri named
 * `codebook.yaml` exports that codebook's notes; any other Uri is a folder
 * whose notes to export (the Explorer's context menu passes the folder or
 * codebook clicked, then every selected resource). A second Uri is the
 * target. Each command resolves with the file written, or undefined.
 */
export function registerExportCommands(client: () => LanguageClient | undefined, msg: ClientMessages): vscode.Disposable[] {
  return EXPORT_COMMANDS.map((command) => vscode.commands.registerCommand(command.command, (first?: unknown, second?: unknown) => runExport(command, readArguments(command, first, second), client(), msg)));
}

function readArguments(command: ExportCommand, first: unknown, second: unknown): Arguments {
  const result: Arguments = { target: undefined, folder: undefined, codebook: undefined };
  for (const argument of [first, second]) {
    if (!(argument instanceof vscode.Uri)) continue;
    const name = argument.path.split('/').pop() ?? '';
    if (name.toLowerCase().endsWith('.' + command.extension)) result.target = argument;
    else if (name === 'codebook.yaml') result.codebook ??= argument;
    else result.folder ??= argument;
  }
  return result;
}

async function runExport(command: ExportCommand, args: Arguments, client: LanguageClient | undefined, msg: ClientMessages): Promise<vscode.Uri | undefined> {
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage(msg.exportUnavailable);
    return undefined;
  }
  const target =
    args.target ??
    (await vscode.window.showSaveDialog({
      title: command.title(msg),
      saveLabel: msg.exportSave,
      defaultUri: defaultTarget(command, args),
      filters: { [command.filter(msg)]: [command.extension] },
    }));
  if (!target) return undefined;
  const asUri = (uri: vscode.Uri) => client.code2ProtocolConverter.asUri(uri);
  const params: ExportParams = {
    kind: command.kind,
    target: asUri(target),
    ...(args.folder && { folder: asUri(args.folder) }),
    ...(args.codebook && { codebook: asUri(args.codebook) }),
  };
  const name = vscode.workspace.asRelativePath(target);
  let result: ExportResult | null | undefined;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: msg.exporting(name), cancellable: true }, (_progress, token) =>
      client.sendRequest<ExportResult>(ExportRequest.method, params, token),
    );
  } catch (error) {
    // Cancelled by the user, or the server stopped meanwhile.
    if (!client.isRunning()) void vscode.window.showErrorMessage(msg.exportUnavailable);
    else if (!isCancelled(error)) void vscode.window.showErrorMessage(msg.exportFailed(error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  // Answered as cancelled: the user cancelled, nothing was written.
  if (!result) return undefined;
  if (!('written' in result)) {
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  void announce(target, result, msg);
  return target;
}

/** Says what was written (and what to know about it), with a button that shows the file in the system's file manager. */
async function announce(target: vscode.Uri, result: Extract<ExportResult, { written: string }>, msg: ClientMessages): Promise<void> {
  const text = [result.message, ...result.warnings].join(' ');
  const choice = result.warnings.length ? await vscode.window.showWarningMessage(text, msg.revealExport) : await vscode.window.showInformationMessage(text, msg.revealExport);
  if (choice === msg.revealExport) await vscode.commands.executeCommand('revealFileInOS', target);
}

/** The proposed file: in the workspace folder of what is exported (or of the note being edited), named after it. */
function defaultTarget(command: ExportCommand, args: Arguments): vscode.Uri | undefined {
  const chosen = args.folder ?? (args.codebook && vscode.Uri.joinPath(args.codebook, '..'));
  const scope = chosen ?? vscode.window.activeTextEditor?.document.uri;
  const workspaceFolder = (scope && vscode.workspace.getWorkspaceFolder(scope)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!workspaceFolder) return undefined;
  const named = chosen ?? workspaceFolder.uri;
  const scopeName = named.path.split('/').filter(Boolean).pop() ?? workspaceFolder.name;
  return vscode.Uri.joinPath(workspaceFolder.uri, command.defaultName(scopeName));
}

function isCancelled(error: unknown): boolean {
  // LSP's RequestCancelled, as vscode-languageclient passes it on.
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === -32800;
}
