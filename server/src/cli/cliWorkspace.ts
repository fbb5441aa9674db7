import { URI } from 'vscode-uri';
import type { Diagnostic } from '../core/checks/diagnostic.js';
import type { Messages } from '../core/i18n/messages.js';
import { readTextFile } from '../core/workspace/readText.js';
import { nodeFileSystem } from '../lsp/nodeFileSystem.js';
import { WorkspaceEngine } from '../service/engine.js';
import type { ServiceFileSystem } from '../service/fileSystem.js';
import { gatherStudies, type Studies } from '../service/studies.js';

export interface CliWorkspaceOptions {
  msg: Messages;
  /** A codebook for every note (`--codebook`), instead of looking for one per note. */
  codebook?: string;
  /** How paths appear in messages. */
  displayPath: (absolute: string) => string;
}

/** The notes the command line was given, in the engine the language server uses. */
export interface CliWorkspace {
  engine: WorkspaceEngine;
  /** The notes read, as URIs, in the order given. */
  notes: { path: string; uri: string; text: string }[];
  /** Notes that could not be read, with why. */
  unreadable: { path: string; diagnostic: Diagnostic }[];
}

export const pathOf = (uri: string) => URI.parse(uri).fsPath;

/** The codebooks the notes' front matter names (`codebook: path`), once the notes are read. */
export async function loadDeclaredCodebooks(workspace: CliWorkspace): Promise<void> {
  for (const note of workspace.notes) await workspace.engine.index.loadCodebooksFor(note.uri);
}

/**
 * Opens the command line's notes in the workspace engine, as the language
 * server opens a workspace folder: each note read once (a file that is not
 * text gets its reason), its codebook and `fieldnotes.yaml` found the way
 * the editor finds them, so the command line and the editor say the same.
 */
export async function openWorkspace(files: string[], options: CliWorkspaceOptions): Promise<CliWorkspace> {
  const { msg } = options;
  const notes: CliWorkspace['notes'] = [];
  const unreadable: CliWorkspace['unreadable'] = [];
  const texts = new Map<string, string>();
  for (const file of files) {
    const read = await readTextFile(file, msg);
    if (!read.ok) {
      unreadable.push({ path: file, diagnostic: read.diagnostic });
      continue;
    }
    const uri = URI.file(file).toString();
    texts.set(uri, read.text);
    notes.push({ path: file, uri, text: read.text });
  }
  // The notes were read above (with their reasons when they cannot be); the engine takes them from here.
  const fs: ServiceFileSystem = { ...nodeFileSystem, readText: async (uri) => texts.get(uri) ?? nodeFileSystem.readText(uri) };
  const engine = new WorkspaceEngine(fs, msg, (uri) => options.displayPath(pathOf(uri)));
  for (const note of notes) await engine.index.reload(note.uri);
  if (options.codebook) await engine.index.overrideCodebook(URI.file(options.codebook).toString());
  // Nothing here reads a note: the check reads them, on two threads where it can, then `loadDeclaredCodebooks`.
  for (const note of notes) {
    await engine.index.loadNearestCodebook(note.uri);
    await engine.projects.loadFor(note.uri);
  }
  return { engine, notes, unreadable };
}

/**
 * The command line's notes as studies (`service/studies.ts`, what the
 * editor's analysis page and export gather): every note read, the
 * codebooks its front matter names loaded, notes and codebooks named by
 * their path from the working folder. For `report` and `export`.
 */
export async function openStudies(files: string[], options: CliWorkspaceOptions): Promise<{ workspace: CliWorkspace; studies: Studies }> {
  const workspace = await openWorkspace(files, options);
  await loadDeclaredCodebooks(workspace);
  const name = (uri: string) => options.displayPath(pathOf(uri));
  const unreadable = new Map(workspace.unreadable.map(({ path, diagnostic }) => [URI.file(path).toString(), diagnostic.message]));
  const notes = files.map((file) => URI.file(file).toString());
  return { workspace, studies: gatherStudies(workspace.engine.index, workspace.engine.copies, { note: name, codebook: name }, { notes, unreadable }) };
}
