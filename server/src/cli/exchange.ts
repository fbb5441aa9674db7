import { promises as fs } from 'node:fs';
import path from 'node:path';
import { messagesFor, type Locale } from '../core/i18n/messages.js';
import { exportCodebook } from '../core/exchange/exportCodebook.js';
import { importCodebook, type CodebookData } from '../core/exchange/importCodebook.js';
import { importQdpx } from '../core/exchange/importProject.js';
import type { ImportProblem } from '../core/exchange/importProblems.js';
import { decodeXml } from '../core/exchange/textBytes.js';
import { displayPathFrom } from './format.js';
import { URI } from 'vscode-uri';
import { oneStudy, studyProject, studySegments } from '../service/exchange.js';
import { openStudies, pathOf } from './cliWorkspace.js';
import { writeFilesAtomically, type FileToWrite } from '../core/workspace/writeFiles.js';
import { writeFolderAtomically, type FolderResult } from '../core/workspace/writeFolder.js';
import { openRandomAccess } from '../core/workspace/randomAccess.js';
import type { CliMessages } from './cliMessages.js';
import { exchangeMessagesFor, type ExchangeMessages } from './exchangeMessages.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, readInputs, type Io } from './main.js';
import { VERSION } from './version.js';

export interface ExchangeOptions {
  qdc?: string;
  qdpx?: string;
  csv?: string;
  out?: string;
  codebook?: string;
  /** The CSV holds this coder's notes instead of the copies the analysis counts. */
  coder?: string;
  force: boolean;
}

/**
 * `fieldnotes export --qdc F --qdpx F --csv F [paths]`: any of the three in
 * one run, all written or none (see `writeFilesAtomically`).
 */
export async function exportCommand(paths: string[], options: ExchangeOptions, locale: Locale, io: Io, cli: CliMessages): Promise<number> {
  const say = exchangeMessagesFor(locale);
  if (!options.qdc && !options.qdpx && !options.csv) {
    io.err(say.exportWhat);
    return EXIT_USAGE;
  }
  const msg = messagesFor(locale);
  const shown = displayPathFrom(io.cwd);
  const inputs = await readInputs(paths, options.codebook, { notesRequired: Boolean(options.qdpx || options.csv) }, io, cli);
  if (!inputs) return EXIT_USAGE;
  const { workspace, studies } = await openStudies(inputs.notes, { msg, codebook: inputs.codebook, displayPath: shown });
  for (const note of studies.leftOut) io.err(say.leftOut(note.note, note.reason === 'no-codebook' ? say.noCodebook(note.note) : note.detail));
  if (options.coder !== undefined && !studies.coders.includes(options.coder)) {
    io.err(cli.unknownCoder(options.coder, studies.coders));
    return EXIT_USAGE;
  }

  const files: FileToWrite[] = [];
  const done: string[] = [];
  if (options.qdc || options.qdpx) {
    if (studies.studies.length > 1) {
      io.err(say.severalCodebooks(studies.studies.map((s) => s.name)));
      return EXIT_USAGE;
    }
    // No note has a codebook: the codebook a note in the (first) folder given would use.
    const { index } = workspace.engine;
    const place = path.resolve(io.cwd, paths[0] ?? '.');
    const placeNote = URI.file(path.join(place, 'note.fn.md')).toString();
    if (!studies.studies.length) await index.loadNearestCodebook(placeNote);
    const named = (uri: string) => shown(pathOf(uri));
    const study = oneStudy(index, studies, index.codebookAt(URI.file(place).toString()), { note: named, codebook: named });
    if (!study) {
      io.err(say.noCodebook(shown(place)));
      return EXIT_USAGE;
    }
    if (options.qdc) {
      files.push({ path: path.resolve(io.cwd, options.qdc), data: exportCodebook(study.codebook, VERSION) });
      done.push(say.wroteQdc(options.qdc, study.codebook.codes.size));
    }
    if (options.qdpx) {
      const project = studyProject(studies, study, VERSION, locale);
      if (project.extraCodes.length) io.err(say.extraCodes(project.extraCodes));
      for (const message of project.separateCopyMessages) io.err(message);
      for (const kept of project.keptCalloutsAt) io.err(say.calloutKept(kept.note, kept.line, kept.kind));
      files.push({ path: path.resolve(io.cwd, options.qdpx), data: project.archive });
      done.push(say.wroteQdpx(options.qdpx, project.sources.size, project.sourcesWithCopies, project.selections));
    }
  }
  if (options.csv) {
    const csv = studySegments(studies, options.coder);
    files.push({ path: path.resolve(io.cwd, options.csv), data: csv.text });
    done.push(say.wroteCsv(options.csv, csv.rows));
  }
  return write(files, options.force, done, io, say, shown);
}

/**
 * `fieldnotes import --qdc F [--out codebook.yaml]` and
 * `fieldnotes import --qdpx F [--out folder]`: what can be imported is
 * written, what cannot is listed by element; nothing existing is replaced
 * without --force.
 */
export async function importCommand(paths: string[], given: ExchangeOptions, locale: Locale, io: Io): Promise<number> {
  const say = exchangeMessagesFor(locale);
  // `fieldnotes import study.qdpx` reads as --qdpx study.qdpx.
  const options = { ...given };
  const [named, ...more] = paths;
  if (named && !more.length && !options.qdc && !options.qdpx) {
    if (/\.qdc$/i.test(named)) options.qdc = named;
    else if (/\.qdpx$/i.test(named)) options.qdpx = named;
  }
  if (options.qdc && options.qdpx) {
    io.err(say.importBoth);
    return EXIT_USAGE;
  }
  const input = options.qdc ?? options.qdpx;
  if (!input) {
    io.err(say.importWhat);
    return EXIT_USAGE;
  }
  const shown = displayPathFrom(io.cwd);
  const fileName = path.basename(input);
  if (options.qdc) {
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(path.resolve(io.cwd, input));
    } catch (error) {
      io.err(say.notReadable(input, (error as Error).message));
      return EXIT_USAGE;
    }
    const target = path.resolve(io.cwd, options.out ?? 'codebook.yaml');
    const imported = importCodebook(decodeXml(bytes), { fileName, locale });
    report(imported.problems, input, io);
    if (!imported.yaml) {
      io.err(say.nothingImported(input));
      return EXIT_ERRORS;
    }
    const code = await write([{ path: target, data: imported.yaml }], options.force, [], io, say, shown);
    if (code === EXIT_OK) io.out(say.importedCodebook(shown(target), countCodes(imported.codebook), imported.problems.length));
    return code;
  }
  const folder = path.resolve(io.cwd, options.out ?? path.basename(input).replace(/\.qdpx$/i, ''));
  // Read where needed, not whole: the archive may hold gigabytes of media the import leaves out.
  let imported: ReturnType<typeof importQdpx>;
  try {
    const archive = openRandomAccess(path.resolve(io.cwd, input));
    try {
      imported = importQdpx(archive, { fileName, locale });
    } finally {
      archive.close();
    }
  } catch (error) {
    // Only the file system's errors (they have a code); anything else is a fault of ours, for the caller to report.
    if (!(error as NodeJS.ErrnoException).code) throw error;
    io.err(say.notReadable(input, (error as Error).message));
    return EXIT_USAGE;
  }
  report(imported.problems, input, io);
  const notes = imported.files.filter((f) => f.path.endsWith('.fn.md'));
  if (!imported.files.length) {
    io.err(say.nothingImported(input));
    return EXIT_ERRORS;
  }
  const written = await writeFolderAtomically(folder, imported.files.map((f) => ({ path: f.path, data: f.text })), { force: options.force, workingFolder: io.cwd });
  for (const back of written.restored) io.err(say.restored(shown(back)));
  if (!written.ok) {
    io.err(folderRefusal(written, say, shown));
    return EXIT_ERRORS;
  }
  io.out(say.imported(shown(folder), notes.length, imported.problems.length));
  return EXIT_OK;
}

function folderRefusal(result: FolderResult & { ok: false }, say: ExchangeMessages, shown: (p: string) => string): string {
  switch (result.reason) {
    case 'exists':
      return say.exists(result.files.map(shown));
    case 'others':
      return say.folderHasOthers(shown(result.folder), result.files.map(shown), result.more);
    case 'not-folder':
      return say.notAFolder(shown(result.folder));
    case 'working-folder':
      return say.workingFolder(shown(result.folder));
    case 'failed':
      return say.failed(shown(result.file), result.detail);
  }
}

function countCodes(codebook: CodebookData): number {
  return codebook.dimensions.reduce((n, d) => n + d.variations.length, 0);
}

/** Each problem on a line of its own, naming the file, the place in it and the element. */
function report(problems: ImportProblem[], input: string, io: Io): void {
  for (const problem of problems) io.err(`${input}: ${problem.message}`);
}

async function write(files: FileToWrite[], force: boolean, done: string[], io: Io, say: ExchangeMessages, shown: (p: string) => string): Promise<number> {
  const result = await writeFilesAtomically(files, { force });
  if (result.ok) for (const back of result.restored) io.err(say.restored(shown(back)));
  if (!result.ok) {
    io.err(result.reason === 'exists' ? say.exists(result.files.map(shown)) : say.failed(shown(result.file), result.detail));
    return EXIT_ERRORS;
  }
  for (const line of done) io.out(line);
  return EXIT_OK;
}
