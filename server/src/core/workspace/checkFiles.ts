import path from 'node:path';
import { loadCodebook } from '../codebook/codebook.js';
import { anonDiagnostics } from '../anon/anonDiagnostics.js';
import { checkAnonymity, fromOtherNotes } from '../anon/check.js';
import { lexicon } from '../anon/lexicon.js';
import type { AnonProject } from '../anon/anonSettings.js';
import { ProjectLocator } from './projectLocator.js';
import { compareDiagnostics, type Diagnostic } from '../checks/diagnostic.js';
import type { ParsedNote } from '../dialect/model.js';
import { readFrontMatter } from '../checks/frontMatter.js';
import { buildNoteModel } from '../checks/noteModel.js';
import { NoteParser } from '../dialect/note.js';
import type { Messages } from '../i18n/messages.js';
import { CodebookLocator } from './codebookLocator.js';
import { readTextFile } from './readText.js';
import { assignCopies, copyCandidate, type CopyCandidate } from '../coders/copies.js';
import { LineIndex } from '../text/lineIndex.js';

export interface FileReport {
  /** Absolute path. */
  path: string;
  /** The text the diagnostics' spans point into (undefined when it could not be read). */
  text: string | undefined;
  diagnostics: Diagnostic[];
}

export interface CheckOptions {
  msg: Messages;
  /** Anonymization: checked beside the codes (`also`, the default), alone (`only`), or not at all (`none`). */
  anon?: 'also' | 'only' | 'none';
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
 * Checks notes (and codebooks named directly) against their codebooks.
 * Reads files, never writes them. Codebook reports come first: a broken
 * codebook explains many note diagnostics.
 */
export async function checkFiles(files: string[], options: CheckOptions): Promise<FileReport[]> {
  const { msg } = options;
  const anon = options.anon ?? 'also';
  const parsedNotes: { report: FileReport | undefined; parsed: ParsedNote }[] = [];
  const locator = new CodebookLocator(msg, options.codebook);
  const projects = new ProjectLocator(msg);
  const candidates: { report: FileReport; candidate: CopyCandidate<string> }[] = [];
  const notes: FileReport[] = [];
  const standaloneCodebooks: FileReport[] = [];
  for (const file of files) {
    const read = await readTextFile(file, msg);
    if (!read.ok) {
      notes.push({ path: file, text: undefined, diagnostics: [read.diagnostic] });
      continue;
    }
    if (isCodebookFile(file)) {
      standaloneCodebooks.push({ path: file, text: read.text, diagnostics: loadCodebook(read.text, file, msg).diagnostics });
      continue;
    }
    const parsed = new NoteParser(msg).parse(read.text);
    const frontMatter = readFrontMatter(read.text, parsed.frontMatter, msg);
    const extra: Diagnostic[] = [];
    if (options.requireReviewed && frontMatter.frontMatter.data.status !== 'reviewed') {
      const status = frontMatter.frontMatter.data.status;
      extra.push({ span: frontMatter.frontMatter.valueSpans.get('status') ?? { start: 0, end: 0 }, severity: 'error', code: 'review/not-reviewed', message: msg.notReviewed(status === undefined ? undefined : String(status)) });
    }
    if (anon !== 'none') parsedNotes.push({ report: undefined, parsed });
    if (anon === 'only') {
      const report: FileReport = { path: file, text: read.text, diagnostics: extra };
      parsedNotes[parsedNotes.length - 1]!.report = report;
      notes.push(report);
      continue;
    }
    const declared = frontMatter.frontMatter.data.codebook;
    const located = await locator.pathFor(file, typeof declared === 'string' ? declared : undefined);
    let codebookPath = located.path;
    if (located.declaredMissing) {
      const span = frontMatter.frontMatter.valueSpans.get('codebook') ?? { start: 0, end: 0 };
      extra.push({ span, severity: 'error', code: 'frontmatter/invalid', message: msg.frontmatterCodebookMissing(String(declared)) });
    } else if (!codebookPath) {
      extra.push({ span: { start: 0, end: 0 }, severity: 'warning', code: 'codebook/not-found', message: msg.codebookNotFound() });
    }
    const load = codebookPath ? await locator.load(codebookPath) : undefined;
    const model = buildNoteModel(parsed, load?.loaded?.codebook, msg, {
      frontMatter,
      codebookName: codebookPath ? options.displayPath(codebookPath) : undefined,
    });
    const report: FileReport = { path: file, text: read.text, diagnostics: [...extra, ...model.diagnostics] };
    if (anon !== 'none') parsedNotes[parsedNotes.length - 1]!.report = report;
    notes.push(report);
    // Lines are needed only for a message about a copy: most notes never ask.
    let lines: LineIndex | undefined;
    const lineOf = (offset: number) => (lines ??= new LineIndex(read.text)).position(offset).line + 1;
    const candidate = copyCandidate(file, options.displayPath(file), codebookPath ?? '', frontMatter.frontMatter, parsed, lineOf, (await projects.projectFor(file)).coders);
    candidates.push({ report, candidate });
  }
  // Several coders' copies of one transcript: which one counts, and what each copy should know.
  const copies = assignCopies(candidates.map((c) => c.candidate));
  for (const { report, candidate } of candidates) {
    // Which copy counts is the report's to tell (its copies table); the editor shows it on the copy itself.
    const found = copies.diagnostics(candidate.key, msg.locale).filter((d) => d.code !== 'coders/copy');
    if (!found.length) continue;
    report.diagnostics.push(...found);
    report.diagnostics.sort(compareDiagnostics);
  }
  const projectReports: FileReport[] = [];
  if (anon !== 'none') {
    const withProjects = await Promise.all(
      (parsedNotes as { report: FileReport; parsed: ParsedNote }[]).map(async (note) => ({ ...note, project: (await projects.projectFor(note.report.path)).anonymization })),
    );
    addAnonymity(withProjects, msg, options.strict);
  }
  for (const file of await projects.all()) if (file.loaded?.diagnostics.length) projectReports.push({ path: file.path, text: file.text, diagnostics: file.loaded.diagnostics });
  if (anon === 'only') return [...projectReports, ...notes];
  const named = new Set(standaloneCodebooks.map((r) => r.path));
  const codebooks: FileReport[] = (await locator.all())
    .filter((load) => load.diagnostics.length && !named.has(load.path))
    .map((load) => ({ path: load.path, text: load.loaded?.codebook.text, diagnostics: load.diagnostics }));
  return [...projectReports, ...standaloneCodebooks, ...codebooks, ...notes];
}

/**
 * Anonymization findings for every note, with a consistency pass across
 * them: a name confirmed in one note is flagged in all.
 */
function addAnonymity(notes: { report: FileReport; parsed: ParsedNote; project: AnonProject }[], msg: Messages, strict: boolean | undefined): void {
  const knowledge = lexicon();
  const results = notes.map(({ parsed, project }) => checkAnonymity(parsed, knowledge, { project }));
  notes.forEach(({ report, parsed, project }, i) => {
    const own = results[i]!;
    const workspace = fromOtherNotes(parsed, own, results);
    const findings = workspace ? checkAnonymity(parsed, knowledge, { known: workspace.known, isWord: workspace.isWord, project }).findings : own.findings;
    report.diagnostics.push(...anonDiagnostics(findings, msg.locale, { strict }));
    report.diagnostics.sort(compareDiagnostics);
  });
}

/** Paths as the user sees them: relative to the working folder when inside it, with `/`. */
export function displayPathFrom(cwd: string): (absolute: string) => string {
  return (absolute) => {
    const relative = path.relative(cwd, absolute);
    const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
    return shown.split(path.sep).join('/');
  };
}
