import { analyseStudy, type AnalysedNote, type LeftOut, type StudyAnalysis } from '../analysis/analysis.js';
import { readFrontMatter } from '../checks/frontMatter.js';
import { buildNoteModel } from '../checks/noteModel.js';
import type { Codebook } from '../codebook/codebook.js';
import { NoteParser } from '../dialect/note.js';
import type { Messages } from '../i18n/messages.js';
import { LineIndex } from '../text/lineIndex.js';
import { CodebookLocator } from './codebookLocator.js';
import { readTextFile } from './readText.js';

export interface StudiesReport {
  /** One analysis per codebook the notes use. */
  studies: StudyAnalysis[];
  /** Notes the analysis could not read, or that have no usable codebook. */
  leftOut: LeftOut[];
}

/** The notes one codebook codes, read from disk. */
export interface StudyNotes {
  codebookPath: string;
  codebook: Codebook;
  notes: AnalysedNote[];
}

/**
 * Reads notes from disk and groups them by codebook (a study is the notes
 * one codebook codes). Reads files, never writes them.
 */
export async function readStudies(files: string[], options: { msg: Messages; codebook?: string; displayPath: (absolute: string) => string }): Promise<{ studies: StudyNotes[]; leftOut: LeftOut[] }> {
  const locator = new CodebookLocator(options.msg, options.codebook);
  const groups = new Map<string, StudyNotes>();
  const leftOut: LeftOut[] = [];
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
    const model = buildNoteModel(parsed, codebook, options.msg, { frontMatter, codebookName: options.displayPath(located.path) });
    const group = groups.get(located.path) ?? { codebookPath: located.path, codebook, notes: [] };
    groups.set(located.path, group);
    group.notes.push({ name, model, lineOf: (offset) => lines.position(offset).line + 1 });
  }
  return { studies: [...groups.values()], leftOut };
}

/** Reads notes from disk and analyses them per codebook. */
export async function analyseFiles(files: string[], options: { msg: Messages; codebook?: string; displayPath: (absolute: string) => string }): Promise<StudiesReport> {
  const { studies, leftOut } = await readStudies(files, options);
  return { studies: studies.map((study) => analyseStudy(study.codebook, options.displayPath(study.codebookPath), study.notes)), leftOut };
}
