import { firstDifference, WORD } from '../agreement/words.js';
import { frontMatterText } from '../checks/frontMatter.js';
import type { NoteModel } from '../checks/noteModel.js';
import { firstIndex } from '../text/bisect.js';
import { LineIndex } from '../text/lineIndex.js';
import { codePointIndex, type PlainText } from './plainText.js';

/**
 * Several coders' copies of one transcript as one REFI-QDA source. The
 * source's text is the counted copy's; every other copy's codings are
 * placed on it, which needs a place in that text for every position in
 * the copy's. When the two plain texts are the same, a position stays
 * where it is. Otherwise the two transcripts must have the same words
 * (runs of letters and digits, the rule of `fieldnotes agree`): a copy
 * whose words differ is another text (a corrected transcript, or another
 * interview under a copied `id`), and placing its codings would be a
 * guess, so it stays a source of its own and the caller is told why.
 */

/** A note with the plain text its source gets. */
export interface CopyText {
  name: string;
  model: NoteModel;
  plain: PlainText;
}

/** Where a copy's position (code points of its plain text) lies in the counted copy's plain text; an edge of a selection decides which way a changed gap is crossed. */
export type PlaceInCounted = (position: number, edge: 'start' | 'end') => number;

/** The first word where two copies stop having the same words, with its 1-based line in each note as written. */
export interface WordDifference {
  copyLine: number;
  countedLine: number;
  /** Undefined when that copy has no more words; its line is then that of its last word. */
  copyWord: string | undefined;
  countedWord: string | undefined;
}

/** Why a copy cannot join its counted copy's source. */
export type SeparateReason =
  | { reason: 'words-differ'; at: WordDifference }
  /** Codes inside a memo or review callout: a callout's words are no part of the transcript, so the counted copy's text has no place for them. `line` is the callout's. */
  | { reason: 'coded-callout'; line: number }
  /** A copy without `coder`: its codings would be nobody's. */
  | { reason: 'no-coder' }
  /** The coder of the counted copy or of an earlier copy: the two codings could not be told apart. */
  | { reason: 'same-coder'; coder: string };

/** A copy the export could not join to its counted copy's source: it is exported as a source of its own, as a note without copies is. */
export type SeparateCopy = {
  /** The copy's source name. */
  name: string;
  /** The counted copy's source name. */
  counted: string;
} & SeparateReason;

export type CopyPlacement = { kind: 'joined'; coder: string; place: PlaceInCounted } | { kind: 'separate'; separate: SeparateCopy };

/** A word of the transcript, in code points of the plain text, NFC. */
interface Word {
  text: string;
  start: number;
  end: number;
}

/**
 * Decides, for each copy of `counted` in order, whether its codings join
 * the counted copy's source and, if so, where its positions go.
 */
export function placeCopies(counted: CopyText, copies: CopyText[]): CopyPlacement[] {
  const countedCoder = frontMatterText(counted.model.frontMatter.data.coder);
  const coders = new Set(countedCoder === undefined ? [] : [countedCoder]);
  let countedWords: Word[] | undefined;
  let countedChars: string[] | undefined;
  return copies.map((copy): CopyPlacement => {
    const separate = (why: SeparateReason): CopyPlacement => ({ kind: 'separate', separate: { name: copy.name, counted: counted.name, ...why } });
    let place: PlaceInCounted;
    if (copy.plain.text === counted.plain.text) place = (position) => position;
    else {
      countedWords ??= transcriptWords(counted);
      countedChars ??= Array.from(counted.plain.text);
      const copyWords = transcriptWords(copy);
      const different = firstDifference(copyWords, countedWords);
      if (different !== undefined) return separate({ reason: 'words-differ', at: differenceAt(copy, copyWords, counted, countedWords, different) });
      const codedCallout = copy.plain.keptCallouts[0];
      if (codedCallout) return separate({ reason: 'coded-callout', line: lineOf(copy, codedCallout.span.start) });
      place = wordPlacement(copyWords, Array.from(copy.plain.text), countedWords, countedChars);
    }
    const coder = frontMatterText(copy.model.frontMatter.data.coder);
    if (coder === undefined) return separate({ reason: 'no-coder' });
    if (coders.has(coder)) return separate({ reason: 'same-coder', coder });
    coders.add(coder);
    return { kind: 'joined', coder, place };
  });
}

/** The words of the plain text, without those of callouts kept in it: a memo is no part of the transcript (as in `fieldnotes agree`). */
function transcriptWords(note: CopyText): Word[] {
  const { plain } = note;
  const codePoints = codePointIndex(plain.text);
  const callouts = plain.keptCallouts.map((callout) => ({ start: plain.position(callout.span.start), end: plain.position(callout.span.end) }));
  const words: Word[] = [];
  for (const match of plain.text.matchAll(WORD)) {
    const start = codePoints[match.index]!;
    if (callouts.some((span) => start >= span.start && start < span.end)) continue;
    words.push({ text: match[0].normalize('NFC'), start, end: codePoints[match.index + match[0].length]! });
  }
  return words;
}

function differenceAt(copy: CopyText, copyWords: Word[], counted: CopyText, countedWords: Word[], index: number): WordDifference {
  const side = (note: CopyText, words: Word[]) => {
    const word = words[index];
    const shown = word ?? words[words.length - 1];
    return { word: word?.text, line: shown ? lineOf(note, noteOffsetOf(note, shown.start)) : 1 };
  };
  const a = side(copy, copyWords);
  const b = side(counted, countedWords);
  return { copyLine: a.line, countedLine: b.line, copyWord: a.word, countedWord: b.word };
}

function lineOf(note: CopyText, offset: number): number {
  return new LineIndex(note.model.parsed.text).position(offset).line + 1;
}

/** The note offset (UTF-16) of a kept character at `position` in the plain text: the last offset that lands there (what was cut before it lands there too). */
function noteOffsetOf(note: CopyText, position: number): number {
  return Math.max(0, firstIndex(note.model.parsed.text.length + 1, (offset) => note.plain.position(offset) > position) - 1);
}

/**
 * Positions of a copy whose words are the counted copy's, one for one. A
 * position inside a word keeps its place in that word. A position between
 * two words keeps its distance to the word it belongs to (the one before
 * an end, the one after a start) while the characters between are the
 * same in both texts, so punctuation and a speaker's label are coded as
 * the coder coded them; where they differ, it moves to that word's edge.
 */
function wordPlacement(copyWords: Word[], copyChars: string[], countedWords: Word[], countedChars: string[]): PlaceInCounted {
  return (position, edge) => {
    const i = firstEndingAtOrAfter(copyWords, position);
    const word = copyWords[i];
    if (word && word.start <= position) {
      const target = countedWords[i]!;
      return Math.min(target.start + (position - word.start), target.end);
    }
    const copyGap = { start: i > 0 ? copyWords[i - 1]!.end : 0, end: word ? word.start : copyChars.length };
    const countedGap = { start: i > 0 ? countedWords[i - 1]!.end : 0, end: i < countedWords.length ? countedWords[i]!.start : countedChars.length };
    const room = countedGap.end - countedGap.start;
    if (edge === 'end') {
      const distance = position - copyGap.start;
      return distance <= room && sameChars(copyChars, copyGap.start, countedChars, countedGap.start, distance) ? countedGap.start + distance : countedGap.start;
    }
    const distance = copyGap.end - position;
    return distance <= room && sameChars(copyChars, position, countedChars, countedGap.end - distance, distance) ? countedGap.end - distance : countedGap.end;
  };
}

/** The index of the first word that ends at or after `position` (words are in order and do not overlap). */
function firstEndingAtOrAfter(words: Word[], position: number): number {
  return firstIndex(words.length, (i) => words[i]!.end >= position);
}

function sameChars(a: string[], aStart: number, b: string[], bStart: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a[aStart + k] !== b[bStart + k]) return false;
  return true;
}
