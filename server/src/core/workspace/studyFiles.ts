import { analyseStudy, type AnalysedNote, type LeftOut, type StudyAnalysis } from '../analysis/analysis.js';
import { frontMatterText, readFrontMatter } from '../checks/frontMatter.js';
import { buildNoteModel } from '../checks/noteModel.js';
import type { Codebook } from '../codebook/codebook.js';
import { assignCopies, copyCandidate, transcriptCopies, type CopyAssignment, type CopyCandidate } from '../coders/copies.js';
import { NoteParser } from '../dialect/note.js';
import type { Messages } from '../i18n/messages.js';
import { LineIndex } from '../text/lineIndex.js';
import { CodebookLocator } from './codebookLocator.js';
import { ProjectLocator } from './projectLocator.js';
import { readTextFile } from './readText.js';

export interface StudiesReport {
  /** One analysis per codebook the notes use. */
  studies: StudyAnalysis[];
  /** Notes the analysis could not read, or that have no usable codebook. */
  leftOut: LeftOut[];
  /** Every coder the notes name, sorted. */
  coders: string[];
}

/** A note of a study, read from disk. */
export interface StudyNote extends AnalysedNote {
  /** Absolute path. */
  path: string;
  coder: string | undefined;
}

/** The notes one codebook codes, read from disk. */
export interface StudyNotes {
  codebookPath: string;
  codebook: Codebook;
  /** Every note, coders' copies included: choose with `notesInView`. */
  notes: StudyNote[];
  /** Which copy of each transcript counts (keyed by path; shared by every study read together). */
  copies: CopyAssignment<string>;
}

export interface StudyOptions {
  msg: Messages;
  codebook?: string;
  displayPath: (absolute: string) => string;
}

/**
 * Reads notes from disk and groups them by codebook (a study is the notes
 * one codebook codes), and decides which copy of each transcript counts
 * (`core/coders/copies.ts`, with each note's `fieldnotes.yaml`). Reads
 * files, never writes them.
 */
export async function readStudies(files: string[], options: StudyOptions): Promise<{ studies: StudyNotes[]; leftOut: LeftOut[] }> {
  const locator = new CodebookLocator(options.msg, options.codebook);
  const projects = new ProjectLocator(options.msg);
  const groups = new Map<string, Omit<StudyNotes, 'copies'>>();
  const leftOut: LeftOut[] = [];
  const candidates: CopyCandidate<string>[] = [];
  for (const file of files) {
    const name = options.displayPath(file);
    const read = await readTextFile(file, options.msg);
    if (!read.ok) {
      leftOut.push({ note: name, line: undefined, reason: 'unreadable', detail: read.diagnostic.message });
      continue;
    }
    const parsed = new NoteParser(options.msg).parse(read.text);
    const frontMatter = readFrontMatter(read.text, parsed.frontMatter, options.msg);
    const declared = frontMatter.frontMatter.data.codebook;
    const located = await locator.pathFor(file, typeof declared === 'string' ? declared : undefined);
    const codebook = located.path ? (await locator.load(located.path)).loaded?.codebook : undefined;
    if (!located.path || !codebook) {
      if (parsed.segments.length) leftOut.push({ note: name, line: undefined, reason: 'no-codebook', detail: located.path ? options.displayPath(located.path) : '' });
      continue;
    }
    const lines = new LineIndex(read.text);
    const lineOf = (offset: number) => lines.position(offset).line + 1;
    const model = buildNoteModel(parsed, codebook, options.msg, { frontMatter, codebookName: options.displayPath(located.path) });
    const group = groups.get(located.path) ?? { codebookPath: located.path, codebook, notes: [] };
    groups.set(located.path, group);
    const data = frontMatter.frontMatter.data;
    const coder = frontMatterText(data.coder);
    group.notes.push({ name, model, lineOf, path: file, coder });
    candidates.push(copyCandidate(file, name, located.path, model.frontMatter, parsed, lineOf, (await projects.projectFor(file)).coders));
  }
  const copies = assignCopies(candidates);
  return { studies: [...groups.values()].map((group) => ({ ...group, copies })), leftOut };
}

/** The notes of a study that a view counts: one copy of each transcript, or (given a coder) that coder's notes. */
export function notesInView(study: StudyNotes, coder: string | undefined): StudyNote[] {
  return study.notes.filter((note) => study.copies.inView(note.path, coder, note.coder));
}

/** Every coder the studies' notes name, sorted. */
export function codersOf(studies: StudyNotes[]): string[] {
  const coders = new Set(studies.flatMap((study) => study.notes.map((note) => note.coder)).filter((c): c is string => c !== undefined));
  return [...coders].sort((a, b) => a.localeCompare(b, 'nb', { numeric: true }));
}

/** Reads notes from disk and analyses them per codebook: the study as it counts, or one coder's reading. */
export async function analyseFiles(files: string[], options: StudyOptions & { coder?: string }): Promise<StudiesReport> {
  const { studies, leftOut } = await readStudies(files, options);
  return {
    studies: studies.map((study) =>
      analyseStudy(study.codebook, options.displayPath(study.codebookPath), notesInView(study, options.coder), { coder: options.coder, copies: transcriptCopies(study.copies, study.codebookPath) }),
    ),
    leftOut,
    coders: codersOf(studies),
  };
}
