import type { ParsedNote } from '../dialect/model.js';
import { lowerBound } from '../dialect/source.js';

/**
 * Agreement between two coders of the same transcript, word by word: each
 * word of the transcript (annotation syntax, front matter and callouts left
 * out, so both coders' files hold the same words) either carries a code or
 * not, for each coder. Per code, and pooled over every code either coder
 * used, the result gives percentage agreement, Cohen's kappa and
 * Krippendorff's alpha (nominal, two coders, no missing values). The
 * formulas are in docs/agreement.md.
 */

export interface CodedWord {
  text: string;
  start: number;
  end: number;
  codes: Set<string>;
}

/** The words of a note's transcript, each with the codes of the segments that cover it. */
export function codedWords(note: ParsedNote): CodedWord[] {
  const text = note.text;
  const skip = new Uint8Array(text.length);
  if (note.frontMatter) skip.fill(1, note.frontMatter.span.start, note.frontMatter.span.end);
  for (const segment of note.segments) skip.fill(1, segment.annotation.span.start, segment.annotation.span.end);
  for (const callout of note.callouts) skip.fill(1, callout.span.start, callout.span.end);
  const words: CodedWord[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)) {
    if (skip[match.index]) continue;
    words.push({ text: match[0].normalize('NFC'), start: match.index, end: match.index + match[0].length, codes: new Set() });
  }
  // Segments nest: a word takes the codes of every segment around it.
  for (const segment of note.segments) {
    const { start, end } = segment.contentSpan;
    for (let i = lowerBound(words, start); i < words.length && words[i]!.start < end; i++) for (const code of segment.annotation.body.codes) words[i]!.codes.add(code.id);
  }
  return words;
}

/** Where two transcripts stop having the same words: the index of the first different word, or undefined when they are the same. */
export function firstDifference(a: CodedWord[], b: CodedWord[]): number | undefined {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i]!.text !== b[i]!.text) return i;
  return a.length === b.length ? undefined : length;
}

/** The two coders' decisions on one code over all words: both coded, only A, only B, neither. */
export interface Table {
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
}

export interface Agreement extends Table {
  /** Words in all: the units. */
  units: number;
  percent: number;
  /** Undefined when chance agreement is 1 (both coders gave every word the same value): kappa is not defined. */
  kappa: number | undefined;
  /** Undefined when all values are the same: alpha is not defined. */
  alpha: number | undefined;
}

/** Percentage agreement, Cohen's kappa and Krippendorff's alpha for one two-by-two table. */
export function agreementOf(table: Table): Agreement {
  const { both, onlyA, onlyB, neither } = table;
  const units = both + onlyA + onlyB + neither;
  const observed = units ? (both + neither) / units : 1;
  const aYes = (both + onlyA) / units;
  const bYes = (both + onlyB) / units;
  const chance = aYes * bYes + (1 - aYes) * (1 - bYes);
  const kappa = units && chance < 1 ? (observed - chance) / (1 - chance) : undefined;
  // Krippendorff: n = 2N pairable values; n_1, n_0 the values of each kind; each disagreeing unit adds one coincidence each way.
  const n = 2 * units;
  const ones = 2 * both + onlyA + onlyB;
  const zeros = 2 * neither + onlyA + onlyB;
  const alpha = ones && zeros ? 1 - ((n - 1) * (onlyA + onlyB)) / (ones * zeros) : undefined;
  return { ...table, units, percent: observed, kappa, alpha };
}

export interface AgreementReport {
  words: number;
  /** Per code either coder used, in the order first used. */
  codes: ({ code: string } & Agreement)[];
  /** Pooled over all words × those codes. */
  overall: Agreement;
}

/** Agreement of two codings of the same words (check `firstDifference` first). */
export function compareCodings(a: CodedWord[], b: CodedWord[]): AgreementReport {
  const used: string[] = [];
  for (const words of [a, b]) for (const word of words) for (const code of word.codes) if (!used.includes(code)) used.push(code);
  const pooled: Table = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
  const codes = used.map((code) => {
    const table: Table = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
    for (let i = 0; i < a.length; i++) {
      const inA = a[i]!.codes.has(code);
      const inB = b[i]!.codes.has(code);
      if (inA && inB) table.both++;
      else if (inA) table.onlyA++;
      else if (inB) table.onlyB++;
      else table.neither++;
    }
    pooled.both += table.both;
    pooled.onlyA += table.onlyA;
    pooled.onlyB += table.onlyB;
    pooled.neither += table.neither;
    return { code, ...agreementOf(table) };
  });
  return { words: a.length, codes, overall: agreementOf(pooled) };
}
