/**
 * Fieldnotes' own LSP requests, written once and imported by both the
 * server and the VS Code client: each method name bound to its parameter
 * and result types. No runtime import, so the client and the server may
 * use different versions of the LSP libraries.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';

export interface Request<Params, Result> {
  method: string;
  /** Carries the types only; never set. */
  types?: [Params, Result];
}

/** A code the user can pick in "Code selection". */
export interface PickableCode {
  code: string;
  label: string;
  dimension: string;
  dimensionLabel: string;
  description: string | undefined;
  /** The pole's id, or undefined for an `either` variation (the user is asked). */
  pole: string | undefined;
  /** The pole's label, or undefined for an `either` variation. */
  poleLabel: string | undefined;
  /** True when the coder must give `evidence=` for this code. */
  needsReading: boolean;
}


export const CodesRequest: Request<CodesParams, CodesResult> = { method: 'fieldnotes/codes' };
export interface CodesParams {
  uri: string;
}
export interface CodesResult {
  codes: PickableCode[];
  poles: PoleStyle[];
}

export const CodeSelectionRequest: Request<CodeSelectionParams, CodeSelectionResult> = { method: 'fieldnotes/codeSelection' };
export interface CodeSelectionParams {
  uri: string;
  range: Range;
  code: string;
  /** The coder's reading, for a code that needs one. */
  evidence?: string;
}
/** The edits to make, or a message saying why the selection cannot be coded. */
export type CodeSelectionResult = { edits: TextEdit[] } | { message: string };

/** A pole as editors show it: its colour is the codebook's, or one from a fixed palette. */
export interface PoleStyle {
  id: string;
  label: string;
  color: string;
}

/** Where a note's coded segments are and which pole each gives, for colouring them. */
export const SegmentPolesRequest: Request<SegmentPolesParams, SegmentPolesResult> = { method: 'fieldnotes/segmentPoles' };
export interface SegmentPolesParams {
  uri: string;
}
export interface SegmentPolesResult {
  /** The document version the ranges belong to. */
  version: number;
  poles: PoleStyle[];
  /** The coded words of each segment that has exactly one pole (a segment with two readings is not coloured). */
  segments: { range: Range; pole: string }[];
}

/**
 * The Evidence view: the workspace's coded segments, pole → dimension →
 * variation → segment, fetched a level at a time. Without `parent` the
 * answer is the `EvidenceTree` (poles, dimensions and variations with their
 * counts, no segments); with a variation as `parent`, that variation's
 * segments (`EvidenceSegment[]`, empty for a variation the tree no longer holds).
 */
export const EvidenceTreeRequest: Request<EvidenceTreeParams, EvidenceTree | EvidenceSegment[]> = { method: 'fieldnotes/evidenceTree' };
export interface EvidenceTreeParams {
  /** Only notes of this case (front matter `case`). */
  case?: string;
  /** This coder's notes, their copies of transcripts others coded too included (front matter `coder`); without it, one copy of each transcript. */
  coder?: string;
  /** The variation whose segments to give; without it, the top of the tree. */
  parent?: EvidenceParent;
}
/** A variation of the tree, as the top answer names it. */
export interface EvidenceParent {
  /** The pole id; absent for the group without a reading. */
  pole?: string;
  dimension: string;
  code: string;
}
export interface EvidenceTree {
  poles: EvidencePole[];
  /** Every case and coder in the workspace, for the filter. */
  cases: string[];
  coders: string[];
  /** Coders' copies left out because another copy of their transcript counts (shown when filtering by their coder). */
  uncountedCopies: number;
}
export interface EvidencePole {
  /** The pole id, or undefined for segments without a reading. */
  id: string | undefined;
  label: string;
  color: string | undefined;
  count: number;
  dimensions: EvidenceDimension[];
}
export interface EvidenceDimension {
  id: string;
  label: string;
  count: number;
  variations: EvidenceVariation[];
}
export interface EvidenceVariation {
  code: string;
  label: string;
  /** How many segments a request with this variation as `parent` gives. */
  count: number;
}
export interface EvidenceSegment {
  uri: string;
  range: Range;
  /** Speaker and first words. */
  name: string;
  case: string | undefined;
}

export interface Notification<Params> {
  method: string;
  /** Carries the type only; never set. */
  types?: Params;
}

/** Sent by the server after a note's or a codebook's analysis changed, so that views of the whole workspace refresh. */
export const EvidenceChangedNotification: Notification<Record<string, never>> = { method: 'fieldnotes/evidenceChanged' };

/** Which codebook a note is checked against, for the status bar. */
export const CodebookStatusRequest: Request<CodebookStatusParams, CodebookStatus> = { method: 'fieldnotes/codebookStatus' };
export interface CodebookStatusParams {
  uri: string;
}
export type CodebookStatus =
  | {
      state: 'loaded';
      /** The codebook's file. */
      uri: string;
      /** Its path as the note's messages name it (relative to the note). */
      name: string;
      title: string | undefined;
      dimensions: number;
      codes: number;
      /** Problems in the codebook file itself, and where the first one is. */
      problems: number;
      firstProblem: { message: string; range: Range } | undefined;
    }
  /** No codebook could be found or read; `message` says what to do. */
  | { state: 'missing'; message: string }
  /** The document is not a note the server knows. */
  | { state: 'none' };

/** The "Show analysis" view: the same page as `fieldnotes report --format html`, for the webview. */
export const AnalysisPageRequest: Request<AnalysisPageParams, AnalysisPageResult> = { method: 'fieldnotes/analysisPage' };
export interface AnalysisPageParams {
  /** The nonce the page's scripts carry, and the webview's source for its content security policy. */
  nonce: string;
  cspSource: string;
  /** One coder's reading (their notes, copies included) instead of the study's (one copy of each transcript). */
  coder?: string;
}
/** The page, or a plain message saying why there is none. */
export type AnalysisPageResult = { html: string } | { message: string };

/** Every review comment in the workspace, for the Reviews view. */
export const ReviewsRequest: Request<Record<string, never>, ReviewItem[]> = { method: 'fieldnotes/reviews' };
export interface ReviewItem {
  uri: string;
  range: Range;
  reviewer: string;
  text: string;
  resolved: boolean;
}

/**
 * "Compare with another coder", first step: the other copies of a note's
 * transcript (notes of the same study with the same front-matter `id`),
 * each with its coder and whether the analysis counts it, to offer before
 * the other notes of the workspace.
 */
export const CoderCopiesRequest: Request<CoderCopiesParams, CoderCopiesResult> = { method: 'fieldnotes/coderCopies' };
export interface CoderCopiesParams {
  uri: string;
}
export interface CoderCopiesResult {
  /** The transcript's `id`; undefined when the note is not one of several copies. */
  id: string | undefined;
  /** The note's own coder (front matter `coder`). */
  coder: string | undefined;
  /** Whether the analysis counts this note (true when it has no other copies). */
  counts: boolean;
  /** The transcript's other copies, by name. */
  copies: CoderCopy[];
}
export interface CoderCopy {
  uri: string;
  /** Its path in the workspace. */
  name: string;
  coder: string | undefined;
  /** Whether it is the copy the analysis counts. */
  counts: boolean;
}

/** A code with the reading a coder gave it: the pole, or '' when none. */
export interface CodeReading {
  code: string;
  reading: string;
}

/** One variable's figures for a pair of coders (docs/agreement.md); null where undefined (n/a). */
export interface PairFigures {
  /** Units both coders gave a value. */
  units: number;
  percent: number | null;
  kappa: number | null;
  alpha: number | null;
}

/** The agreement of two codings of one transcript, as `fieldnotes agree` gives it for the pair. */
export interface CompareFigures {
  words: number;
  /** Over word × code for every code either coder used. */
  decisions: PairFigures & {
    /** A high percentage beside a slight kappa: most words are uncoded by both. */
    inflated: boolean;
  };
  /** Over the word × code units both coded, for codes whose reading the coder chooses. */
  readings: PairFigures;
  codes: (PairFigures & { code: string })[];
}

/** A run of consecutive words where the two codings differ in the same way. */
export interface CompareRun {
  /** The words, in this note. */
  range: Range;
  words: number;
  /** The first words. */
  text: string;
  here: CodeReading[];
  there: CodeReading[];
}

/** "Compare with another coder": where the other coder's codes are, where the two codings disagree (codes or readings), and the pair's figures. */
export const CompareCoderRequest: Request<CompareCoderParams, CompareCoderResult> = { method: 'fieldnotes/compareCoder' };
export interface CompareCoderParams {
  uri: string;
  otherUri: string;
}
export type CompareCoderResult =
  | {
      /** The version of the note the ranges belong to. */
      version: number;
      /** Each note's front-matter `coder`. */
      coders: { here: string | undefined; there: string | undefined };
      /** Runs of words the other coder coded, with the codes and readings, in this note's positions. */
      theirs: { range: Range; codes: CodeReading[] }[];
      /** Runs of words whose decisions (codes with their readings) differ between the two codings. */
      disagreements: CompareRun[];
      figures: CompareFigures;
    }
  /** Nothing to compare; the sentence says why. `at`: where the words stop being the same, in this note. */
  | { message: string; at?: Range };

/**
 * "Export codebook / project / coded segments": the workspace's notes (the
 * editor's text of open ones, the disk's of the rest, excluded notes left
 * out) written to `target` as a REFI-QDA codebook (`.qdc`), a REFI-QDA
 * project (`.qdpx`) or the coded segments as CSV. The file is replaced if
 * it exists (the save dialog asked); it is written whole or not at all.
 */
export const ExportRequest: Request<ExportParams, ExportResult> = { method: 'fieldnotes/export' };
export type ExportKind = 'qdc' | 'qdpx' | 'csv';
export interface ExportParams {
  kind: ExportKind;
  /** The file to write. */
  target: string;
  /** Only the notes in this folder and below (otherwise every note in the workspace folders). */
  folder?: string;
  /** Only the notes this codebook codes; for `qdc`, this codebook. */
  codebook?: string;
}
export type ExportResult =
  | {
      /** The file written. */
      written: string;
      /** What it holds, as a sentence naming it. */
      message: string;
      /** What the user should know: notes left out, codes missing from the codebook. */
      warnings: string[];
    }
  /** Nothing was written; the sentence says what is wrong and what to do. */
  | { message: string };
