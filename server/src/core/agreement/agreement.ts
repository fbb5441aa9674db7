import type { NoteModel } from '../checks/noteModel.js';
import type { ParsedNote } from '../dialect/model.js';
import { compareTranscript, type DisagreementRun, type StudyAgreement, type TranscriptAgreement } from './compare.js';
import { codedNote, firstDifference, type CodedNote, type CodedWord } from './words.js';

/**
 * Agreement between coders of the same transcripts, word by word: what
 * the units are (`words.ts`), what a decision is (`decisions.ts`), the
 * figures of one variable (`reliability.ts`), one transcript and a study's
 * totals (`compare.ts`). The formulas are in docs/agreement.md.
 */

export { codedNote, codedWords, firstDifference, type CodedNote, type CodedWord } from './words.js';
export * from './compare.js';
export { NONE, Reliability, type AllFigures, type Confusion, type PairFigures } from './reliability.js';
export { codeValue, codings, decisionKey, dimensionValue, readingOf, categoryCodes, dimensionOf, type Coding } from './decisions.js';

/** A word in one copy, for saying where two copies stop having the same words. */
export interface WordPlace {
  file: string;
  /** 1-based; undefined when the copy has ended. */
  line: number | undefined;
  column: number | undefined;
  word: string;
}

/** A copy refused because its words differ from the others'. */
export interface Refusal {
  id: string | undefined;
  /** 1-based index of the first different word. */
  word: number;
  a: WordPlace;
  b: WordPlace;
  message: string;
}

export type LeftOutReason = 'unreadable' | 'no-id' | 'no-coder' | 'alone' | 'same-coder' | 'consensus';

/** A note that was not compared, and why (the message says what to do). */
export interface LeftOutNote {
  file: string;
  reason: LeftOutReason;
  message: string;
}

export interface ReportedTranscript extends TranscriptAgreement {
  id: string | undefined;
  /** The coders' files, in the order of `coders`. */
  files: string[];
}

/** Everything `fieldnotes agree` reports. */
export interface AgreementReport {
  transcripts: ReportedTranscript[];
  refused: Refusal[];
  notCompared: LeftOutNote[];
  /** Totals over every transcript scored; undefined when none was. */
  study: StudyAgreement | undefined;
}

type NoteInput = NoteModel | ParsedNote | CodedNote;

function asCoded(input: NoteInput): CodedNote {
  if ('words' in input) return input;
  if ('parsed' in input) return codedNote(input.parsed, input);
  return codedNote(input);
}

/** Figures of one variable for the editor. */
export interface PairFiguresBrief {
  /** Units both coders gave a value: word × code for the decisions, word × code both coded for readings. */
  units: number;
  percent: number | undefined;
  kappa: number | undefined;
  alpha: number | undefined;
}

export interface PairAgreement {
  words: number;
  /** Pooled over word × code for the codes either coder used. */
  decisions: PairFiguresBrief & { inflated: boolean };
  /** Over the word × code units both coded, for codes whose reading the coder chooses. */
  readings: PairFiguresBrief;
  codes: ({ code: string } & PairFiguresBrief)[];
  /** Where the two codings differ: word indexes and offsets in each note. */
  runs: DisagreementRun[];
}

export type PairResult = { ok: true; agreement: PairAgreement } | { ok: false; word: number; mine: CodedWord | undefined; theirs: CodedWord | undefined };

const brief = (x: PairFiguresBrief): PairFiguresBrief => ({ units: x.units, percent: x.percent, kappa: x.kappa, alpha: x.alpha });

/**
 * Agreement of two codings of one transcript, for the editor: each a note's
 * model (readings resolved with its codebook), a parsed note (readings as
 * written), or its coded words. Refuses, with the first different word,
 * when the words differ.
 */
export function comparePair(a: NoteInput, b: NoteInput): PairResult {
  const mine = asCoded(a);
  const theirs = asCoded(b);
  const at = firstDifference(mine.words, theirs.words);
  if (at !== undefined) return { ok: false, word: at, mine: mine.words[at], theirs: theirs.words[at] };
  const { agreement } = compareTranscript([mine, theirs], ['A', 'B']);
  const overall = agreement.overall.pairs[0]!;
  return {
    ok: true,
    agreement: {
      words: agreement.words,
      decisions: { ...brief(overall), inflated: overall.inflated },
      readings: brief(agreement.readings.pooled.pairs[0]!),
      codes: agreement.codes.map((c) => ({ code: c.code, ...brief(c.pairs[0]!) })),
      runs: agreement.disagreements[0]!.runs,
    },
  };
}
