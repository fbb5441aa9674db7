import { promises as fs } from 'node:fs';
import path from 'node:path';
import { messagesFor, type Locale } from '../core/i18n/messages.js';
import { exportCodebook } from '../core/exchange/exportCodebook.js';
import { exportProject, sourceName } from '../core/exchange/exportProject.js';
import { segmentsCsv } from '../core/exchange/segmentsCsv.js';
import { importCodebook, type CodebookData } from '../core/exchange/importCodebook.js';
import { importQdpx } from '../core/exchange/importProject.js';
import type { ImportProblem } from '../core/exchange/importProblems.js';
import { decodeXml } from '../core/exchange/textBytes.js';
import { displayPathFrom } from './format.js';
import { CodebookLocator } from '../core/workspace/codebookLocator.js';
import { assignCopies, countedWithCopies } from '../core/coders/copies.js';
import { codersOf, notesInView, readStudies, type StudyNote, type StudyNotes } from '../core/workspace/studyFiles.js';
import { separateCopyMessage } from '../core/exchange/copyMessages.js';
import { writeFilesAtomically, type FileToWrite } from '../core/workspace/writeFiles.js';
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
  const codebookOption = inputs.codebook;
  const { studies, leftOut } = await readStudies(inputs.notes, { msg, codebook: codebookOption, displayPath: shown });
  for (const note of leftOut) io.err(say.leftOut(note.note, note.reason === 'no-codebook' ? say.noCodebook(note.note) : note.detail));
  if (options.coder !== undefined && !codersOf(studies).includes(options.coder)) {
    io.err(cli.unknownCoder(options.coder, codersOf(studies)));
    return EXIT_USAGE;
  }

  const files: FileToWrite[] = [];
  const done: string[] = [];
  if (options.qdc || options.qdpx) {
    const study = await oneStudy(studies, paths, codebookOption, io, say, msg);
    if (!study) return EXIT_USAGE;
    if (options.qdc) {
      files.push({ path: path.resolve(io.cwd, options.qdc), data: exportCodebook(study.codebook, VERSION) });
      done.push(say.wroteQdc(options.qdc, study.codebook.codes.size));
    }
    if (options.qdpx) {
      const posix = (file: string) => file.split(path.sep).join('/');
      const shownBySource = new Map<string, StudyNote>();
      const exported = (note: StudyNote) => {
        const name = sourceName(posix(note.path), posix(study.codebookPath), note.name);
        shownBySource.set(name, note);
        return { name, model: note.model };
      };
      const groups = countedWithCopies(study.copies, study.notes, (note) => note.path).map(({ note, copies }) => ({ ...exported(note), copies: copies.map(exported) }));
      const project = exportProject(study.codebook, groups, { version: VERSION });
      if (project.extraCodes.length) io.err(say.extraCodes(project.extraCodes));
      for (const copy of project.separateCopies) io.err(separateCopyMessage(copy, (name) => shownBySource.get(name)?.name ?? name, locale));
      for (const { name, callout } of project.keptCallouts) {
        const note = shownBySource.get(name)!;
        io.err(say.calloutKept(note.name, note.lineOf(callout.span.start), callout.kind));
      }
      files.push({ path: path.resolve(io.cwd, options.qdpx), data: project.archive });
      done.push(say.wroteQdpx(options.qdpx, project.sources.size, project.sourcesWithCopies, project.selections));
    }
  }
  if (options.csv) {
    const notes = studies.flatMap((study) => notesInView(study, options.coder));
    const csv = segmentsCsv(notes);
    files.push({ path: path.resolve(io.cwd, options.csv), data: csv.text });
    done.push(say.wroteCsv(options.csv, csv.rows));
  }
  return write(files, options.force, done, io, say, shown);
}

/** The one study a REFI-QDA project can hold: the notes' codebook, or the one beside the folder when there are no notes. */
async function oneStudy(studies: StudyNotes[], paths: string[], codebookOption: string | undefined, io: Io, say: ExchangeMessages, msg: ReturnType<typeof messagesFor>): Promise<StudyNotes | undefined> {
  const shown = displayPathFrom(io.cwd);
  if (studies.length > 1) {
    io.err(say.severalCodebooks(studies.map((s) => shown(s.codebookPath))));
    return undefined;
  }
  if (studies.length === 1) return studies[0];
  const locator = new CodebookLocator(msg, codebookOption);
  const place = path.resolve(io.cwd, paths[0] ?? '.');
  const located = await locator.pathFor(path.join(place, 'note.fn.md'), undefined);
  const codebook = located.path ? (await locator.load(located.path)).loaded?.codebook : undefined;
  if (!located.path || !codebook) {
    io.err(say.noCodebook(shown(place)));
    return undefined;
  }
  return { codebookPath: located.path, codebook, notes: [], copies: assignCopies<string>([]) };
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
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path.resolve(io.cwd, input));
  } catch (error) {
    io.err(say.notReadable(input, (error as Error).message));
    return EXIT_USAGE;
  }
  const fileName = path.basename(input);
  if (options.qdc) {
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
  const imported = importQdpx(bytes, { fileName, locale });
  report(imported.problems, input, io);
  const notes = imported.files.filter((f) => f.path.endsWith('.fn.md'));
  if (!imported.files.length) {
    io.err(say.nothingImported(input));
    return EXIT_ERRORS;
  }
  const code = await write(
    imported.files.map((f) => ({ path: path.join(folder, ...f.path.split('/')), data: f.text })),
    options.force,
    [],
    io,
    say,
    shown,
  );
  if (code === EXIT_OK) io.out(say.imported(shown(folder), notes.length, imported.problems.length));
  return code;
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
  if (!result.ok) {
    io.err(result.reason === 'exists' ? say.exists(result.files.map(shown)) : say.failed(shown(result.file), result.detail));
    return EXIT_ERRORS;
  }
  for (const line of done) io.out(line);
  return EXIT_OK;
}
