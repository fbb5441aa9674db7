import { URI, Utils } from 'vscode-uri';
import { exportCodebook } from '../core/exchange/exportCodebook.js';
import { exportProject, sourceName } from '../core/exchange/exportProject.js';
import { segmentsCsv } from '../core/exchange/segmentsCsv.js';
import { separateCopyMessage } from '../core/exchange/copyMessages.js';
import { countedWithCopies } from '../core/coders/copies.js';
import type { Locale } from '../core/i18n/messages.js';
import type { ExportKind, ExportParams, ExportResult } from '../protocol/requests.js';
import { exportMessagesFor } from './exportMessages.js';
import type { ServiceFileSystem } from './fileSystem.js';
import { gatherUnlessCancelled, notesInView, type Namer, type Studies, type Study, type StudyNote } from './studies.js';
import { pathInFolder } from './uriPaths.js';
import type { StudyCopies } from './studyCopies.js';
import type { WorkspaceIndex } from './workspace.js';

export interface ExportOptions {
  /** Writes the file (the server's disk; tests may pass their own). */
  fs: Pick<ServiceFileSystem, 'writeFiles'>;
  /** Fieldnotes' version, recorded as the exports' origin. */
  version: string;
  locale: Locale;
  isCancelled?: () => boolean;
}

const KINDS: readonly ExportKind[] = ['qdc', 'qdpx', 'csv'];

export const isExportKind = (kind: unknown): kind is ExportKind => KINDS.includes(kind as ExportKind);

/**
 * "Export codebook / project / coded segments" in the editor: the notes of
 * the workspace (or of one folder, or of one codebook) as the index holds
 * them, the editor's text for open notes and the disk's for the rest,
 * written with the core's exports, the same files as `fieldnotes export`.
 * A REFI-QDA file holds one codebook: notes under several give a message
 * saying how to choose, and nothing is written. Returns undefined when
 * cancelled before anything was written.
 */
export async function provideExport(index: WorkspaceIndex, copies: StudyCopies, folders: string[], asked: ExportParams, options: ExportOptions): Promise<ExportResult | undefined> {
  const say = exportMessagesFor(options.locale);
  const cancelled = options.isCancelled ?? (() => false);
  const shown = (uri: string) => displayName(uri, folders);
  // The index keys files by their URIs as vscode-uri writes them.
  const normal = (uri: string | undefined) => uri && URI.parse(uri).toString();
  const params = { ...asked, folder: normal(asked.folder), codebook: normal(asked.codebook) };
  const kind = params.kind;
  if (!isExportKind(kind)) throw new Error(`Unknown export kind ${JSON.stringify(kind)}: qdc, qdpx or csv.`);
  const place = params.folder ? shown(params.folder) : folders.length ? folders.map(shown).join(', ') : say.workspace;

  const within = params.folder ? [params.folder] : folders;
  const inScope = (uri: string) => !within.length || within.some((folder) => !!pathInFolder(uri, folder));
  const notes = index.noteUris().filter(inScope).sort();
  const gathered = gatherUnlessCancelled(index, copies, { note: shown, codebook: shown }, { notes, isCancelled: cancelled });
  if (!gathered) return undefined;
  const notesInScope = notes.filter((uri) => index.view(uri)).length;
  const warnings = kind === 'qdc' ? [] : gathered.leftOut.map((note) => say.leftOut(note.note));
  const studies = { ...gathered, studies: gathered.studies.filter((study) => !params.codebook || study.codebookUri === params.codebook) };

  if (kind !== 'qdc' && !notesInScope) return { message: say.noNotes(place) };
  if (kind !== 'qdc' && params.codebook && !studies.studies.length) return { message: say.noNotesForCodebook(shown(params.codebook)) };

  let data: string | Uint8Array;
  let message: string;
  if (kind === 'csv') {
    const csv = studySegments(studies, undefined);
    data = csv.text;
    message = say.wroteCsv(shown(params.target), csv.rows);
  } else {
    const folder = params.folder ?? folders[0];
    const study = oneStudy(index, studies, params.codebook ?? (folder === undefined ? undefined : index.codebookAt(folder)), { note: shown, codebook: shown });
    if (!study) return { message: studies.studies.length > 1 ? say.severalCodebooks(studies.studies.map((s) => s.codebookUri).sort().map(shown)) : say.noCodebook(params.codebook ? shown(params.codebook) : place) };
    if (kind === 'qdc') {
      data = exportCodebook(study.codebook, options.version);
      message = say.wroteQdc(shown(params.target), study.codebook.codes.size);
    } else {
      const project = studyProject(studies, study, options.version, options.locale);
      if (project.extraCodes.length) warnings.push(say.extraCodes(project.extraCodes));
      warnings.push(...project.separateCopyMessages);
      for (const kept of project.keptCalloutsAt) warnings.push(say.calloutKept(kept.note, kept.line, kept.kind));
      data = project.archive;
      message = say.wroteQdpx(shown(params.target), project.sources.size, project.sourcesWithCopies, project.selections);
    }
  }

  if (cancelled()) return undefined;
  const written = await options.fs.writeFiles([{ uri: params.target, data }]);
  if (!written.ok) return { message: say.failed(shown(written.uri), written.detail) };
  return { written: params.target, message, warnings };
}

/**
 * The one study a REFI-QDA file holds: the one the notes share, else (no
 * note has a codebook) the codebook a note in the folder would use, or the
 * one asked for. Undefined when the notes use several codebooks (say which
 * with `studies.studies`), or there is no codebook.
 */
export function oneStudy(index: WorkspaceIndex, studies: Studies, fallback: string | undefined, name: Namer): Study | undefined {
  if (studies.studies.length > 1) return undefined;
  if (studies.studies[0]) return studies.studies[0];
  const codebook = fallback ? index.codebook(fallback)?.codebook : undefined;
  return fallback && codebook ? { codebookUri: fallback, codebook, name: name.codebook(fallback), notes: [] } : undefined;
}

/**
 * The coded segments as CSV: the notes in view (one copy of each
 * transcript, as the analysis counts, or one coder's notes), by name.
 */
export function studySegments(studies: Studies, coder: string | undefined): { text: string; rows: number } {
  return segmentsCsv(studies.studies.flatMap((study) => notesInView(studies, study, coder)).sort((a, b) => compare(a.name, b.name)));
}

/** A study as a REFI-QDA project, with what to tell the user about it (each face says it in its own words). */
export interface StudyProject extends ReturnType<typeof exportProject> {
  /** Copies kept as texts of their own, each with why (named as the face names notes). */
  separateCopyMessages: string[];
  /** Memos and review comments left in the text because they hold codes. */
  keptCalloutsAt: { note: string; line: number; kind: 'memo' | 'review' }[];
}

/**
 * The study's notes as one REFI-QDA project, by name: each transcript one
 * source, the copy that counts with every other coder's codings on it
 * (REFI-QDA's users).
 */
export function studyProject(studies: Studies, study: Study, version: string, locale: Locale): StudyProject {
  const codebookPath = URI.parse(study.codebookUri).path;
  const bySource = new Map<string, StudyNote>();
  const exported = (note: StudyNote) => {
    const name = sourceName(URI.parse(note.uri).path, codebookPath, note.name);
    bySource.set(name, note);
    return { name, model: note.model };
  };
  const notes = [...study.notes].sort((a, b) => compare(a.name, b.name));
  const groups = countedWithCopies(studies.copies, notes, (note) => note.uri).map(({ note, copies }) => ({ ...exported(note), copies: copies.map(exported) }));
  const project = exportProject(study.codebook, groups, { version });
  return {
    ...project,
    separateCopyMessages: project.separateCopies.map((copy) => separateCopyMessage(copy, (name) => bySource.get(name)?.name ?? name, locale)),
    keptCalloutsAt: project.keptCallouts.map(({ name, callout }) => ({ note: bySource.get(name)!.name, line: bySource.get(name)!.lineOf(callout.span.start), kind: callout.kind })),
  };
}

/** A file's path inside the workspace folder that holds it (prefixed with the folder's name when there are several), or its whole path. */
function displayName(uri: string, folders: string[]): string {
  for (const folder of folders) {
    const inside = pathInFolder(uri, folder);
    if (inside === undefined) continue;
    const name = Utils.basename(URI.parse(folder));
    if (!inside) return name;
    return folders.length > 1 ? `${name}/${inside}` : inside;
  }
  return URI.parse(uri).fsPath;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
