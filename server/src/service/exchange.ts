import { URI, Utils } from 'vscode-uri';
import type { Codebook } from '../core/codebook/codebook.js';
import { exportCodebook } from '../core/exchange/exportCodebook.js';
import { exportProject, sourceName, type ExportedNote } from '../core/exchange/exportProject.js';
import { segmentsCsv } from '../core/exchange/segmentsCsv.js';
import { separateCopyMessage } from '../core/exchange/copyMessages.js';
import { countedWithCopies } from '../core/coders/copies.js';
import type { Locale } from '../core/i18n/messages.js';
import type { LineIndex } from '../core/text/lineIndex.js';
import type { ExportKind, ExportParams, ExportResult } from '../protocol/requests.js';
import { exportMessagesFor, type ExportMessages } from './exportMessages.js';
import type { ServiceFileSystem } from './fileSystem.js';
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

/** The notes one codebook codes. */
interface Study {
  codebookUri: string;
  codebook: Codebook;
  /** Named as the user sees them (the CSV's `file`); `counts` is false for a coder's copy of a transcript whose other copy counts. */
  notes: (ExportedNote & { uri: string; lines: LineIndex; counts: boolean })[];
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
  const studies = new Map<string, Study>();
  const warnings: string[] = [];
  let notesInScope = 0;
  const counted = copies.inView();
  for (const uri of index.noteUris().filter(inScope).sort()) {
    if (cancelled()) return undefined;
    const view = index.view(uri);
    if (!view) continue;
    notesInScope++;
    const codebook = view.model.codebook;
    if (!view.codebookUri || !codebook) {
      if (kind !== 'qdc' && view.model.segments.length) warnings.push(say.leftOut(shown(uri)));
      continue;
    }
    if (params.codebook && view.codebookUri !== params.codebook) continue;
    const study = studies.get(view.codebookUri) ?? { codebookUri: view.codebookUri, codebook, notes: [] };
    studies.set(view.codebookUri, study);
    study.notes.push({ uri, name: shown(uri), model: view.model, lines: view.lines, counts: counted(view) });
  }
  for (const study of studies.values()) study.notes.sort((a, b) => compare(a.name, b.name));

  if (kind !== 'qdc' && !notesInScope) return { message: say.noNotes(place) };
  if (kind !== 'qdc' && params.codebook && !studies.size) return { message: say.noNotesForCodebook(shown(params.codebook)) };

  let data: string | Uint8Array;
  let message: string;
  if (kind === 'csv') {
    // One copy of each transcript, as the analysis counts: the others are other coders' readings of the same words.
    const notes = [...studies.values()].flatMap((study) => study.notes.filter((note) => note.counts)).sort((a, b) => compare(a.name, b.name));
    const csv = segmentsCsv(notes);
    data = csv.text;
    message = say.wroteCsv(shown(params.target), csv.rows);
  } else {
    const study = oneStudy(index, studies, params, folders);
    if ('message' in study) return { message: study.message(say, shown, place) };
    if (kind === 'qdc') {
      data = exportCodebook(study.codebook, options.version);
      message = say.wroteQdc(shown(params.target), study.codebook.codes.size);
    } else {
      const codebookPath = URI.parse(study.codebookUri).path;
      const shownBySource = new Map<string, Study['notes'][number]>();
      const exported = (note: Study['notes'][number]) => {
        const name = sourceName(URI.parse(note.uri).path, codebookPath, note.name);
        shownBySource.set(name, note);
        return { name, model: note.model };
      };
      // Several coders' copies of a transcript are one source with each coder's codings (REFI-QDA's users).
      const groups = countedWithCopies(copies.assignment(), study.notes, (note) => note.uri).map(({ note, copies }) => ({ ...exported(note), copies: copies.map(exported) }));
      const project = exportProject(study.codebook, groups, { version: options.version });
      if (project.extraCodes.length) warnings.push(say.extraCodes(project.extraCodes));
      for (const copy of project.separateCopies) warnings.push(separateCopyMessage(copy, (name) => shownBySource.get(name)?.name ?? name, options.locale));
      for (const { name, callout } of project.keptCallouts) {
        const note = shownBySource.get(name)!;
        warnings.push(say.calloutKept(note.name, note.lines.position(callout.span.start).line + 1, callout.kind));
      }
      data = project.archive;
      message = say.wroteQdpx(shown(params.target), project.sources.size, project.sourcesWithCopies, project.selections);
    }
  }

  if (cancelled()) return undefined;
  const written = await options.fs.writeFiles([{ uri: params.target, data }]);
  if (!written.ok) return { message: say.failed(shown(written.uri), written.detail) };
  return { written: params.target, message, warnings };
}

type Problem = { message: (say: ExportMessages, shown: (uri: string) => string, place: string) => string };

/**
 * The one codebook a REFI-QDA file holds: the one asked for, else the one
 * the notes share, else (no notes) the one a note in the folder would use.
 */
function oneStudy(index: WorkspaceIndex, studies: Map<string, Study>, params: Pick<ExportParams, 'folder' | 'codebook'>, folders: string[]): Study | Problem {
  if (studies.size > 1) return { message: (say, shown) => say.severalCodebooks([...studies.keys()].sort().map(shown)) };
  const [study] = studies.values();
  if (study) return study;
  const folder = params.folder ?? folders[0];
  const codebookUri = params.codebook ?? (folder === undefined ? undefined : index.codebookAt(folder));
  const codebook = codebookUri ? index.codebook(codebookUri)?.codebook : undefined;
  if (!codebookUri || !codebook) return { message: (say, shown, place) => say.noCodebook(params.codebook ? shown(params.codebook) : place) };
  return { codebookUri, codebook, notes: [] };
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
