import { URI } from 'vscode-uri';
import { loadCodebook } from '../core/codebook/codebook.js';
import { compareDiagnostics, type Diagnostic } from '../core/checks/diagnostic.js';
import type { Messages } from '../core/i18n/messages.js';
import { readTextFile } from '../core/workspace/readText.js';
import { hasSpareCore, WorkerColdReader } from '../parallel/readPool.js';
import { loadDeclaredCodebooks, openWorkspace, pathOf } from './cliWorkspace.js';

export interface FileReport {
  /** Absolute path. */
  path: string;
  /** The text the diagnostics' spans point into (undefined when it could not be read). */
  text: string | undefined;
  diagnostics: Diagnostic[];
}

export interface CheckOptions {
  msg: Messages;
  /** Anonymization: checked beside the codes (`also`, the default), or alone (`only`). */
  anon?: 'also' | 'only';
  /** Anonymization findings are errors (for hand-in), not warnings. */
  strict?: boolean;
  /** Notes whose front matter does not say `status: reviewed` are errors. */
  requireReviewed?: boolean;
  /** A codebook to use for every note, instead of looking for one. */
  codebook?: string;
  /** How paths appear in messages. */
  displayPath: (absolute: string) => string;
}

const isCodebookFile = (file: string) => /\.ya?ml$/i.test(file);

/**
 * `fieldnotes check`: the notes' diagnostics as the language server
 * publishes them (the same engine, `service/engine.ts`), and the problems
 * of the codebooks and project files they use. Reads files, never writes
 * them. Codebook reports come first: a broken codebook explains many note
 * diagnostics.
 */
export async function checkNotes(files: string[], options: CheckOptions): Promise<FileReport[]> {
  const { msg } = options;
  const only = options.anon === 'only';
  const standaloneCodebooks: FileReport[] = [];
  for (const file of files.filter(isCodebookFile)) {
    const read = await readTextFile(file, msg);
    standaloneCodebooks.push(read.ok ? { path: file, text: read.text, diagnostics: loadCodebook(read.text, file, msg).diagnostics } : { path: file, text: undefined, diagnostics: [read.diagnostic] });
  }
  const workspace = await openWorkspace(
    files.filter((file) => !isCodebookFile(file)),
    options,
  );
  const { engine } = workspace;
  const byUri = new Map<string, FileReport>();
  const reader = hasSpareCore() ? () => new WorkerColdReader(msg.locale) : undefined;
  await engine.checkAll((uri) => {
    const note = engine.noteDiagnostics(uri, { strict: options.strict });
    if (!note) return;
    // Which copy counts is the report's to tell (its copies table); the editor shows it on the copy itself.
    const diagnostics = note.diagnostics.filter((d) => d.code !== 'coders/copy' && (!only || d.code.startsWith('anon/')));
    const status = note.view.model.frontMatter.data.status;
    if (options.requireReviewed && status !== 'reviewed') {
      diagnostics.push({
        span: note.view.model.frontMatter.valueSpans.get('status') ?? { start: 0, end: 0 },
        severity: 'error',
        code: 'review/not-reviewed',
        message: msg.notReviewed(status === undefined ? undefined : String(status)),
      });
      diagnostics.sort(compareDiagnostics);
    }
    byUri.set(uri, { path: pathOf(uri), text: note.view.model.parsed.text, diagnostics });
  }, { reader, afterRead: () => loadDeclaredCodebooks(workspace) });
  const notes = new Map<string, FileReport>();
  for (const { path, diagnostic } of workspace.unreadable) notes.set(path, { path, text: undefined, diagnostics: [diagnostic] });
  for (const note of workspace.notes) notes.set(note.path, byUri.get(note.uri) ?? { path: note.path, text: note.text, diagnostics: [] });
  const inOrder = files.filter((file) => notes.has(file)).map((file) => notes.get(file)!);
  const projectReports: FileReport[] = engine.projects
    .uris()
    .map((uri) => ({ uri, file: engine.projects.diagnostics(uri)! }))
    .filter(({ file }) => file.loaded.diagnostics.length)
    .map(({ uri, file }) => ({ path: pathOf(uri), text: engine.projects.text(uri), diagnostics: file.loaded.diagnostics }));
  if (only) return [...projectReports, ...inOrder];
  const named = new Set(standaloneCodebooks.map((r) => URI.file(r.path).toString()));
  // The codebooks the notes use (one looked at but left for another is not the user's concern here).
  const used = new Set(workspace.notes.map((note) => engine.index.view(note.uri)?.codebookUri));
  const codebooks: FileReport[] = engine.index
    .codebookUris()
    .filter((uri) => used.has(uri) && !named.has(uri) && engine.index.codebook(uri)!.diagnostics.length)
    .map((uri) => ({ path: pathOf(uri), text: engine.index.codebook(uri)!.codebook.text, diagnostics: engine.index.codebook(uri)!.diagnostics }));
  return [...projectReports, ...standaloneCodebooks, ...codebooks, ...inOrder];
}
