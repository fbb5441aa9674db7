import { EITHER } from '../codebook/codebook.js';
import type { NoteModel } from '../checks/noteModel.js';
import type { ParsedNote, Segment } from '../dialect/model.js';
import { lowerBound } from '../dialect/source.js';

/**
 * The units of agreement: the words of a transcript, each with the codes
 * a coder gave it and the reading of each. Words, not characters, because
 * coders select words; see docs/agreement.md.
 */

export interface CodedWord {
  /** The word as written, in Unicode NFC. */
  text: string;
  /** Offsets in the note. */
  start: number;
  end: number;
  /** The codes of the segments that cover the word. */
  codes: ReadonlySet<string>;
  /**
   * Per code in `codes`, the reading the coder gave it on this word: the
   * pole, or '' when there is none. Two nested segments with the same code
   * and different readings give both, joined with `+`.
   */
  readings: ReadonlyMap<string, string>;
}

/** One coder's copy of a transcript, read as decisions. */
export interface CodedNote {
  /** The note's text (for places in it). */
  text: string;
  words: CodedWord[];
  /** Codes whose pole the codebook fixes: their reading follows from the code, so coders cannot differ on it. */
  fixed: Set<string>;
  /** Codes the codebook marks `either`: the coder reads each segment. */
  either: Set<string>;
}

/** Letters and digits with the marks, apostrophes and hyphens inside a word: the word rule for scripts written with spaces. */
export const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
/** Scripts written without spaces between words: a run of them is split by the Unicode word rules and dictionaries. */
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;

let segmenter: Intl.Segmenter | undefined;
const NO_CODES: ReadonlySet<string> = new Set();
const NO_READINGS: ReadonlyMap<string, string> = new Map();

/**
 * Where the words of a text are, as [start, end) offsets with the word's
 * text. `skip` marks what is not transcript (front matter, annotations,
 * callouts, comments); `markup` marks the annotation syntax inside it
 * (brackets and `{...}`). In scripts written with spaces, markup ends a
 * word, as it always has. In scripts written without spaces, a coder's
 * brackets fall inside a run of text: the run is split into words with
 * the markup taken out, so that every copy of the transcript, however
 * coded, has the same words.
 */
function wordSpans(text: string, skip: Uint8Array, markup: Uint8Array): [number, number, string][] {
  const tokens: [number, number][] = [];
  for (const match of text.matchAll(WORD)) if (!skip[match.index]) tokens.push([match.index, match.index + match[0].length]);
  const spans: [number, number, string][] = [];
  const onlyMarkup = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (!markup[i]) return false;
    return true;
  };
  for (let first = 0; first < tokens.length; ) {
    // A run: tokens with nothing but markup between them.
    let last = first;
    while (last + 1 < tokens.length && onlyMarkup(tokens[last]![1], tokens[last + 1]![0])) last++;
    const run = tokens.slice(first, last + 1);
    first = last + 1;
    if (!run.some(([start, end]) => SPACELESS.test(text.slice(start, end)))) {
      for (const [start, end] of run) spans.push([start, end, text.slice(start, end)]);
      continue;
    }
    let joined = '';
    const at: number[] = [];
    for (const [start, end] of run) {
      joined += text.slice(start, end);
      for (let i = start; i < end; i++) at.push(i);
    }
    segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
    for (const part of segmenter.segment(joined)) {
      if (part.isWordLike) spans.push([at[part.index]!, at[part.index + part.segment.length - 1]! + 1, part.segment]);
    }
  }
  return spans;
}

/** The coder's `evidence=` as written, for codes no codebook resolves. */
function writtenEvidence(segment: Segment): string {
  return segment.annotation.body.attributes.find((a) => a.key === 'evidence')?.value.normalize('NFC') ?? '';
}

/**
 * A note's words with each coder decision on them. With the note's model,
 * readings are the poles the codebook gives (`ResolvedCode.pole`); without
 * one, or for a code the codebook does not know, `evidence=` as written.
 */
export function codedNote(note: ParsedNote, model?: NoteModel): CodedNote {
  const text = note.text;
  const skip = new Uint8Array(text.length);
  if (note.frontMatter) skip.fill(1, note.frontMatter.span.start, note.frontMatter.span.end);
  for (const segment of note.segments) skip.fill(1, segment.annotation.span.start, segment.annotation.span.end);
  for (const callout of note.callouts) skip.fill(1, callout.span.start, callout.span.end);
  for (const comment of text.matchAll(HTML_COMMENT)) skip.fill(1, comment.index, comment.index + comment[0].length);
  const markup = new Uint8Array(text.length);
  for (const segment of note.segments) {
    markup.fill(1, segment.annotation.span.start, segment.annotation.span.end);
    if (segment.kind === 'inline') markup[segment.span.start] = markup[segment.contentSpan.end] = 1;
  }
  // Most words carry no code: they share one empty set and map until they get one.
  const words: CodedWord[] = wordSpans(text, skip, markup).map(([start, end, word]) => ({ text: word.normalize('NFC'), start, end, codes: NO_CODES, readings: NO_READINGS }));
  const fixed = new Set<string>();
  const either = new Set<string>();
  const resolved = model?.codebook && model.parsed === note ? model.segments : undefined;
  note.segments.forEach((segment, s) => {
    const codes = segment.annotation.body.codes.map((ref) => {
      const code = resolved?.[s]?.codes.find((c) => c.ref === ref);
      if (code?.variation) {
        (code.variation.evidence === EITHER ? either : fixed).add(ref.id);
        return { id: ref.id, reading: code.pole ?? '' };
      }
      return { id: ref.id, reading: writtenEvidence(segment) };
    });
    // Segments nest: a word takes the codes of every segment around it, and of a segment that covers part of it
    // (a coder's brackets inside a word of a script written without spaces).
    const { start, end } = segment.contentSpan;
    let first = lowerBound(words, start);
    if (first > 0 && words[first - 1]!.end > start) first--;
    for (let i = first; i < words.length && words[i]!.start < end; i++) {
      const word = words[i]!;
      const ids = word.codes === NO_CODES ? new Set<string>() : (word.codes as Set<string>);
      const readings = word.readings === NO_READINGS ? new Map<string, string>() : (word.readings as Map<string, string>);
      for (const { id, reading } of codes) {
        const had = readings.get(id);
        ids.add(id);
        readings.set(id, had === undefined || had === reading ? reading : [...new Set([...had.split('+'), reading])].sort().join('+'));
      }
      word.codes = ids;
      word.readings = readings;
    }
  });
  return { text, words, fixed, either };
}

/**
 * A string that is the same for two copies of a transcript whenever their
 * words (`codedWords`) are the same, whatever the coders marked: the text
 * with front matter, annotations, brackets, callouts and comments taken
 * out. Where what is taken out stands between two characters a word may
 * hold, a mark stays in its place (one for markup only, another where
 * more was taken out), since there it ends a word, or a run of a script
 * written without spaces. Equal keys mean equal words; different keys say
 * nothing, and the words are compared then. Costs a slice per region,
 * where the words cost an object per word.
 */
export function transcriptKey(note: ParsedNote): string {
  const { text } = note;
  // [start, end, markup only]
  const regions: [number, number, boolean][] = [];
  if (note.frontMatter) regions.push([note.frontMatter.span.start, note.frontMatter.span.end, false]);
  for (const segment of note.segments) {
    regions.push([segment.annotation.span.start, segment.annotation.span.end, true]);
    if (segment.kind === 'inline') regions.push([segment.span.start, segment.span.start + 1, true], [segment.contentSpan.end, segment.contentSpan.end + 1, true]);
  }
  for (const callout of note.callouts) regions.push([callout.span.start, callout.span.end, false]);
  if (text.includes('<!--')) for (const comment of text.matchAll(HTML_COMMENT)) regions.push([comment.index, comment.index + comment[0].length, false]);
  regions.sort((a, b) => a[0] - b[0]);
  let key = '';
  let at = 0;
  for (let i = 0; i < regions.length; ) {
    let [start, end, markupOnly] = regions[i++]!;
    if (start < at) start = at;
    // Regions that touch or overlap are taken out as one.
    while (i < regions.length && regions[i]![0] <= end) {
      end = Math.max(end, regions[i]![1]);
      markupOnly &&= regions[i]![2];
      i++;
    }
    if (end <= start) continue;
    key += text.slice(at, start);
    if (start > 0 && end < text.length && IN_WORD.test(text[start - 1]!) && IN_WORD.test(text[end]!)) key += markupOnly ? '\u0001' : '\u0002';
    at = end;
  }
  return key + text.slice(at);
}

/** What `WORD` may continue a word with: only between two of these can taking something out join two words into one. */
const IN_WORD = /[\p{L}\p{N}\p{M}'’-]/u;

/** The words of a note's transcript, each with the codes of the segments that cover it (readings as written). */
export function codedWords(note: ParsedNote): CodedWord[] {
  return codedNote(note).words;
}

/** Where two transcripts stop having the same words: the index of the first different word, or undefined when they are the same. */
export function firstDifference(a: readonly { text: string }[], b: readonly { text: string }[]): number | undefined {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i]!.text !== b[i]!.text) return i;
  return a.length === b.length ? undefined : length;
}
