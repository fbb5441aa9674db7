import { analyseStudy, type AnalysedNote, type LeftOut } from '../core/analysis/analysis.js';
import type { Report } from '../core/analysis/reportFormats.js';
import type { Codebook } from '../core/codebook/codebook.js';
import { frontMatterText } from '../core/checks/frontMatter.js';
import { transcriptCopies, type CopyAssignment } from '../core/coders/copies.js';
import type { LineIndex } from '../core/text/lineIndex.js';
import type { StudyCopies } from './studyCopies.js';
import type { WorkspaceIndex } from './workspace.js';

/** How a face names files: the command line by their path from the working folder, the editor by their path in the workspace. */
export interface Namer {
  note(uri: string): string;
  codebook(uri: string): string;
}

/** A note of a study, as the engine holds it. */
export interface StudyNote extends AnalysedNote {
  uri: string;
  coder: string | undefined;
  lines: LineIndex;
}

/** The notes one codebook codes. */
export interface Study {
  codebookUri: string;
  codebook: Codebook;
  /** The codebook as the face names it. */
  name: string;
  /** Every note, coders' copies included, in the order asked for: choose with `notesInView`. */
  notes: StudyNote[];
}

/** The workspace's notes grouped into studies, with the copies that count and what could not be placed in a study. */
export interface Studies {
  /** One per codebook the notes use, in the order the notes first name them. */
  studies: Study[];
  /** Notes left out of every study: unreadable, or coded without a codebook. */
  leftOut: LeftOut[];
  /** Every coder the studies' notes name, sorted. */
  coders: string[];
  /** Which copy of each transcript counts (the engine's `StudyCopies`, keyed by URI). */
  copies: CopyAssignment<string>;
}

export interface GatherOptions {
  /** The notes to gather, in order (by default every note of the index). */
  notes?: readonly string[];
  /** Notes that could not be read (not in the index), with why: listed as left out, in their place among `notes`. */
  unreadable?: ReadonlyMap<string, string>;
  /** Checked between notes: true stops the gathering (the editor's request was cancelled). */
  isCancelled?: () => boolean;
}

/**
 * The studies of the workspace as the engine sees them: each note with
 * the codebook the index found for it, grouped by codebook, and the
 * copies assignment every count asks (`StudyCopies`). The analysis page,
 * `fieldnotes report` and both exports start here, so the editor and the
 * command line analyse the same notes the same way.
 */
export function gatherStudies(index: WorkspaceIndex, copies: StudyCopies, name: Namer, options: Omit<GatherOptions, 'isCancelled'> = {}): Studies {
  return gatherUnlessCancelled(index, copies, name, options)!;
}

/** `gatherStudies`, or undefined when `isCancelled` says to stop before every note is gathered. */
export function gatherUnlessCancelled(index: WorkspaceIndex, copies: StudyCopies, name: Namer, options: GatherOptions): Studies | undefined {
  const studies = new Map<string, Study>();
  const leftOut: LeftOut[] = [];
  const coders = new Set<string>();
  for (const uri of options.notes ?? index.noteUris()) {
    if (options.isCancelled?.()) return undefined;
    const unreadable = options.unreadable?.get(uri);
    if (unreadable !== undefined) {
      leftOut.push({ note: name.note(uri), line: undefined, reason: 'unreadable', detail: unreadable });
      continue;
    }
    const view = index.view(uri);
    if (!view) continue;
    const codebook = view.model.codebook;
    if (!view.codebookUri || !codebook) {
      // A note without codes loses nothing; one with codes is said to be left out, with the codebook it could not use.
      if (view.model.parsed.segments.length) leftOut.push({ note: name.note(uri), line: undefined, reason: 'no-codebook', detail: view.codebookUri ? name.codebook(view.codebookUri) : '' });
      continue;
    }
    const study = studies.get(view.codebookUri) ?? { codebookUri: view.codebookUri, codebook, name: name.codebook(view.codebookUri), notes: [] };
    studies.set(view.codebookUri, study);
    const coder = frontMatterText(view.model.frontMatter.data.coder);
    if (coder !== undefined) coders.add(coder);
    const lines = view.lines;
    study.notes.push({ uri, name: name.note(uri), model: view.model, lines, lineOf: (offset) => lines.position(offset).line + 1, coder });
  }
  return { studies: [...studies.values()], leftOut, coders: [...coders].sort(byName), copies: copies.assignment() };
}

/** The notes of a study that a view counts: one copy of each transcript, or (given a coder) that coder's notes. */
export function notesInView(studies: Studies, study: Study, coder: string | undefined): StudyNote[] {
  return study.notes.filter((note) => studies.copies.inView(note.uri, coder, note.coder));
}

/**
 * The analysis of every study: the study as it counts, or one coder's
 * reading (the studies that coder has notes in). What `fieldnotes report`
 * prints and the analysis page draws.
 */
export function analyseStudies(studies: Studies, coder?: string): Report & { coders: string[] } {
  const analysed = [];
  for (const study of studies.studies) {
    const notes = notesInView(studies, study, coder);
    if (coder !== undefined && !notes.length) continue;
    analysed.push(analyseStudy(study.codebook, study.name, notes, { coder, copies: transcriptCopies(studies.copies, study.codebookUri) }));
  }
  return { studies: analysed, leftOut: studies.leftOut, coders: studies.coders };
}

const byName = (a: string, b: string) => a.localeCompare(b, 'nb', { numeric: true });
