import type { ParsedNote } from '../dialect/model.js';
import { absolute } from '../dialect/model.js';
import { dismissalMarkers } from './dismissals.js';

/**
 * The parts of a note that are not the informants' or the researcher's
 * words: front-matter keys, code ids and attribute names in annotations
 * (a memo's text is words, and is read), callout markers, redaction
 * placeholders and dismissal markers (`<!-- anon-ok -->`). Marked per UTF-16 unit, so that every detector can skip
 * them cheaply.
 */
export interface Markup {
  mask: Uint8Array;
  /** Where prose starts afresh inside markup: memo values, callout titles (sorted). */
  starts: number[];
}

export function markupMask(note: ParsedNote): Markup {
  const mask = new Uint8Array(note.text.length);
  const starts: number[] = [];
  const cover = (start: number, end: number) => mask.fill(1, start, end);
  if (note.frontMatter) {
    const { span, valueSpan } = note.frontMatter;
    cover(span.start, valueSpan.start);
    cover(valueSpan.end, span.end);
    // Keys (`informant:`) are markup; values are read, each as a sentence of its own.
    const yaml = note.text.slice(valueSpan.start, valueSpan.end);
    for (const key of yaml.matchAll(/^([ \t-]*)([\p{L}\p{N}_-]+)[ \t]*:/gmu)) {
      const at = valueSpan.start + key.index + key[1]!.length;
      cover(at, at + key[2]!.length + 1);
    }
    for (const key of yaml.matchAll(/[{,][ \t]*([\p{L}\p{N}_-]+)[ \t]*:/gu)) {
      const at = valueSpan.start + key.index + key[0].indexOf(key[1]!);
      cover(at, at + key[1]!.length + 1);
    }
  }
  for (const segment of note.segments) {
    const { annotation } = segment;
    cover(annotation.span.start, annotation.span.end);
    for (const attribute of annotation.body.attributes) {
      if (attribute.key !== 'memo') continue;
      const value = absolute(annotation, attribute.valueSpan);
      mask.fill(0, value.start, value.end);
      starts.push(value.start);
    }
    if (segment.kind === 'inline') cover(segment.span.start, segment.span.start + 1);
  }
  for (const callout of note.callouts) {
    cover(callout.markerSpan.start, callout.markerSpan.end);
    starts.push(callout.titleSpan.start);
  }
  // A placeholder is a word or a few (`[navn]`, `[name of school]`); a longer bracket is an aside or a quotation, whose
  // words are checked (`"[vi har Mona på skolen hver tirsdag]"`).
  for (const placeholder of note.placeholders) if (wordCount(placeholder.text) <= PLACEHOLDER_WORDS) cover(placeholder.span.start, placeholder.span.end);
  for (const marker of dismissalMarkers(note.text)) cover(marker.start, marker.end);
  return { mask, starts: starts.sort((a, b) => a - b) };
}

/** The most words a redaction placeholder holds. */
const PLACEHOLDER_WORDS = 5;

function wordCount(text: string): number {
  return text.trim().split(/\s+/u).length;
}

/**
 * A word capitalised as at a sentence start (`anita` → `Anita`): how the lists spell names.
 * (Here and in the rest of the check, case is changed without a locale: Norwegian and English have no
 * special casing, so the result is the same, and `toLocaleLowerCase('nb')` costs four times as much.)
 */
export function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export interface Word {
  start: number;
  end: number;
  text: string;
  /** Begins with a capital letter. */
  capitalised: boolean;
  /** Every letter a capital (`NAV`, `AS`). */
  upper: boolean;
  /** First word of a sentence, a line of a list or quote, a heading, a quotation or a front-matter value: a capital there says nothing. */
  sentenceStart: boolean;
}

const UPPER = /\p{Lu}/u;
/** A word: letters and marks, joined by `-`, `'` or `’` between letters. */
export const WORD = /\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*/gu;
/** Characters that end a sentence or open one (`«Tiril, altså»`, `(Se ...)`). */
const BOUNDARY = new Set(['.', '!', '?', ':', '…', '«', '"', '“', '(', '–', '—', '|', '→', '⇒', '➡', '←', '⇐', '⬅']);
/** A title and an initial before a full stop (`Mrs J`, `Dr. A`): the name goes on after it. */
const INITIAL_AFTER_TITLE = /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Fru|Herr)\.?[ \t]+\p{Lu}$/u;
/** A title's or a saint's abbreviation before its full stop (`Mr.`, `Dr.`, `St.`): the name goes on after it (`Mr. Okafor`, `St. Olavs hospital`). */
const TITLE_BEFORE_STOP = /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Rev|St)$/u;
/** A capital alone after a word in lower case or a comma: a first name's initial, the sentence going on. */
const INITIAL_INSIDE_SENTENCE = /(?:\p{Ll}|,)[ \t]+[«"“]?\p{Lu}$/u;
/** Marks that open an aside: a sentence starts after one only where none was going on (`Faadumo — Faadi, they call her —`, `a CV (Tharshan, Filmon)`). */
const ASIDE = new Set(['(', '–', '—']);

/** Whether words of a sentence stand before the aside mark at `at` (a letter, a digit or a comma before it, past spaces). */
function insideSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u00a0')) i--;
  return i >= 0 && /[\p{L}\p{N},;]/u.test(text[i]!);
}

/** Characters looked through when deciding what precedes a word: spaces, Markdown's own marks, closing quotes (`... kommer.» Neste`). */
const TRANSPARENT = new Set([' ', '\t', '*', '_', '[', ']', '~', '`', '\u00a0', '»', '”', '’', ')']);

/** The words of the note outside markup, each knowing whether it starts a sentence. */
export function wordsOf(text: string, { mask, starts }: Markup): Word[] {
  const words: Word[] = [];
  let next = 0;
  forEachWord(text, (start, word) => {
    if (mask[start]) return;
    while (next < starts.length && starts[next]! <= start && !/^[\s"'«(*_+-]*$/.test(text.slice(starts[next]!, start))) next++;
    const forced = next < starts.length && starts[next]! <= start;
    if (forced) next++;
    const code = word.charCodeAt(0);
    // (A surname after its lower-case particle is a capitalised name: `al-Hassan`, `bin Saleh` is two words.)
    // (Nor is a word a name that a code's digits follow, a participant's code: `Ung-B2`, `YP-L03`.)
    const charAfter = text.charCodeAt(start + word.length);
    const glued = charAfter >= 48 && charAfter <= 57 && word.includes('-');
    const capitalised = !glued && (code < 128 ? (code >= 65 && code <= 90) || (code >= 97 && PARTICLE_NAME.test(word)) : UPPER.test(word[0]!));
    words.push({
      start,
      end: start + word.length,
      text: word,
      capitalised,
      upper: capitalised && isUpper(word),
      sentenceStart: capitalised && (forced || startsSentence(text, start, mask)),
    });
  });
  return words;
}

/** A surname joined to its Arabic particle in lower case (`al-Hassan`, `el-Sayed`, `abu-Bakr`): no further part after it. */
const PARTICLE_NAME = /^(?:al|el|ul|as|ash|ad|abu|ibn|bin|bint|ben)-\p{Lu}\p{Ll}+$/u;

/** Whether every letter of a capitalised word is a capital (`NAV`, `AS`): most words are settled by their second letter, without a copy in either case. */
function isUpper(word: string): boolean {
  for (let i = 1; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 97 && code <= 122) return false;
    if (code >= 128) return word === word.toUpperCase() && word !== word.toLowerCase();
  }
  return true;
}

const LETTER = 1;
const MARK = 2;
const OTHER = 3;
/** What each UTF-16 unit is for `WORD` (letter, mark, other), filled in as units are met: a table look-up instead of a regular expression per word. */
const unitKinds = new Uint8Array(0x10000);

function kindOf(unit: number): number {
  let kind = unitKinds[unit]!;
  if (!kind) {
    const char = String.fromCharCode(unit);
    kind = /\p{L}/u.test(char) ? LETTER : /\p{M}/u.test(char) ? MARK : OTHER;
    unitKinds[unit] = kind;
  }
  return kind;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Calls `take` with every match of `WORD`, in order, found by reading the
 * units once against `unitKinds`. Text with characters beyond the BMP
 * (a letter there is two units) goes through `WORD` itself.
 */
function forEachWord(text: string, take: (start: number, word: string) => void): void {
  if (SURROGATE.test(text)) {
    for (const match of text.matchAll(WORD)) take(match.index, match[0]);
    return;
  }
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (kindOf(text.charCodeAt(i)) !== LETTER) {
      i++;
      continue;
    }
    const start = i++;
    for (;;) {
      while (i < n && kindOf(text.charCodeAt(i)) !== OTHER) i++;
      const joiner = text.charCodeAt(i);
      // `-`, `'` and `’` join two parts of one word when a letter follows.
      if ((joiner === 45 || joiner === 39 || joiner === 0x2019) && i + 1 < n && kindOf(text.charCodeAt(i + 1)) === LETTER) i += 2;
      else break;
    }
    take(start, text.slice(start, i));
  }
}

/** Looks back from a word through spaces, Markdown marks and markup to what precedes it. */
/** A line's block marks before its first word: `> `, `# `, `- `, `1. `, a task's `- [ ] `. */
const BLOCK_MARKS = /^[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d+[.)][ \t]|>)[ \t*_[]*$/;
/** Every character `BLOCK_MARKS` can hold. */
const BLOCK_MARK_CHARS = new Set([...' \t>#*+-_[]xX0123456789.)'].map((c) => c.charCodeAt(0)));

/** A clock time and what may stand before it on its line: block marks, an arrow, a speaker's label (`**I:** [00:56:31]`), `kl.`, brackets. */
const TIME_OPENING_LINE = /^[ \t>*_#+-]*(?:[→⇒➡←⇐⬅][ \t]*)?(?:\p{L}[\p{L}\p{N} .]{0,24}(?:\*\*)?:(?:\*\*)?[ \t]+)?[[(]?(?:[Kk]l\.?[ \t]*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?$/u;

/** A date that opens a line, as a journal's entries start (`**03.01.2023 Samtale med bruker**`, `2024-03-12 Telefon`). */
const DATE_OPENING_LINE = /^[ \t>*_#+-]*(?:\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})$/u;

/** A line that ends with a clock time after a space: a transcript's speaker and time, the turn on the lines below. */
const TIME_CLOSING_LINE = /[ \t]\d{1,2}:\d{2}(?::\d{2})?[ \t]*$/;

/** A line that starts with a form's label: a few words, then a colon (`Klasse:`, `Varsel sendt foresatte:`). */
const FIELD_LINE = /^\p{Lu}[\p{Ll}\p{Lu}]*(?:[ \t][\p{L}]+){0,3}:/u;

/** A section's number and what may stand before it on its line: block marks, bold (`**2.2`, `## 3.1.4`). */
const NUMBER_OPENING_LINE = /^[ \t>*_#+-]*(?:\d{1,2}\.){1,3}\d{0,2}$/;

/** Whether the digit at `at` ends a section's number that opens its line (read back no further than a number's length). */
function numberOpensLine(text: string, at: number): boolean {
  let lineStart = at;
  while (lineStart > 0 && at - lineStart < 16 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  return (lineStart === 0 || text.charCodeAt(lineStart - 1) === 10) && NUMBER_OPENING_LINE.test(text.slice(lineStart, at + 1));
}

/** How far before a time its line may start. */
const TIME_LINE_START = 40;

/**
 * Whether the digit at `at` ends a clock time or a date that opens its line. Asked of every word after a digit: the line's start is
 * looked for only that far back (a line of 100,000 numbers is not read back to its start for each).
 */
function timeOpensLine(text: string, at: number): boolean {
  let lineStart = at;
  while (lineStart > 0 && at - lineStart < TIME_LINE_START - 1 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  if (lineStart !== 0 && text.charCodeAt(lineStart - 1) !== 10) return false;
  const opening = text.slice(lineStart, at + 1);
  return TIME_OPENING_LINE.test(opening) || DATE_OPENING_LINE.test(opening);
}

/** Whether the dash at `at` follows the date or time that opens its line, as a log's entry does (`14.08.2023 – Kontrakt hevet`, `10:15 – Møte`). */
function dashAfterOpeningDate(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '*')) i--;
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57 && timeOpensLine(text, i);
}

/** How long an annotation's attributes may be for a word after them to look back past them. */
const ATTRIBUTES_REACH = 400;

function startsSentence(text: string, at: number, mask: Uint8Array): boolean {
  // The first word after a line's block marks (`> `, `# `, `- `, `1. `, a task's `- [ ] `) starts a sentence. Only
  // characters of such marks can stand between it and the line's start: looking back stops at the first other one, so
  // a word costs what precedes it on its line only when that is all marks (a line of 10,000 words is not read 10,000 times).
  let lineStart = at;
  while (lineStart > 0 && BLOCK_MARK_CHARS.has(text.charCodeAt(lineStart - 1))) lineStart--;
  if ((lineStart === 0 || text.charCodeAt(lineStart - 1) === 10) && BLOCK_MARKS.test(text.slice(lineStart, at))) return true;
  let i = at - 1;
  for (;;) {
    while (i >= 0 && (TRANSPARENT.has(text[i]!) || mask[i])) {
      // A front-matter key (masked, with its colon) starts its value afresh.
      if (mask[i] && text[i] === ':') return true;
      // An annotation's attributes are skipped whole: a memo's words in them (`memo="savn, ikkje praksis"}`) end no sentence.
      if (mask[i] && text[i] === '}') {
        const open = text.lastIndexOf('{', i);
        if (open >= 0 && i - open <= ATTRIBUTES_REACH) {
          i = open - 1;
          continue;
        }
      }
      i--;
    }
    if (i < 0) return true;
    const c = text[i]!;
    // (A title's initial ends no sentence: `Mrs J. Kowalczyk`, `Dr. A. Nowak`.)
    // (Nor a first name's initial inside a sentence, before the surname: `ringte B. Solheim`, `met K. Hansen`; nor a title's abbreviation, `Mr. Okafor`.)
    if (c === '.' && (INITIAL_AFTER_TITLE.test(text.slice(Math.max(0, i - 12), i)) || INITIAL_INSIDE_SENTENCE.test(text.slice(Math.max(0, i - 12), i)) || TITLE_BEFORE_STOP.test(text.slice(Math.max(0, i - 6), i)))) return false;
    if (BOUNDARY.has(c)) return !(ASIDE.has(c) && insideSentence(text, i)) || (c !== '(' && dashAfterOpeningDate(text, i));
    // A log's or a chat's time at the start of its line (`**07:40** Henta av …`, `Kl. 12.00 Lunsj`, `> → 10:08 Gå rundt`), or a
    // section's number (`**2.2 Personvernavvik.**`, `3. Funn`).
    if (c >= '0' && c <= '9') return timeOpensLine(text, i) || numberOpensLine(text, i);
    // A slash between spaces parts alternatives or translations (`Formiddag / Morning`, `Proaktiv / Reaktiv`), each as on its own.
    if (c === '/' && text[i - 1] === ' ' && text[i + 1] === ' ') return true;
    if (c !== '\n' && c !== '\r') return false;
    // A line break: a new paragraph starts a sentence; a wrapped line does not, unless the line is a form's field, its label
    // before a colon (`Klasse: 10B`, `Varsel sendt foresatte: 16.10.2023`), as a pasted form writes line by line.
    if (FIELD_LINE.test(text.slice(at, at + 40))) return true;
    let j = i;
    if (text[j] === '\n' && text[j - 1] === '\r') j--;
    j--;
    const previous = text.slice(text.lastIndexOf('\n', j) + 1, j + 1);
    // (Nor does a line under a bold line, a heading as journals and logs write them: `**20.03.2023 Møte på skolen**`.)
    if (previous.trim() === '' || /^\s*(\{.*\}|---|\*\*\*|```|\*\*[^*\n]+\*\*)\s*$/.test(previous)) return true;
    // A transcript's turn under its speaker and time (`Reilly, Marcus   0:19`, as Teams writes them).
    if (TIME_CLOSING_LINE.test(previous)) return true;
    i = j;
  }
}

/**
 * The sentence an offset is in, `reach` characters at most each way: from the line's start or the last full stop, question
 * or exclamation mark that a space follows (markup and closing quotes between: `pseudonymisert!** Og`), to the next.
 */
export function sentenceAround(text: string, at: number, reach = Infinity): { start: number; end: number } {
  const endsAt = (i: number) => /[.!?]/u.test(text[i]!) && /^[*_»"”)\]]*(?:\s|$)/u.test(text.slice(i + 1, i + 6));
  let start = at;
  while (start > 0 && at - start < reach && text[start - 1] !== '\n' && !endsAt(start - 1)) start--;
  while (start < at && /\s/u.test(text[start]!)) start++;
  let end = at;
  while (end < text.length && end - at < reach && text[end] !== '\n' && !endsAt(end)) end++;
  return { start, end };
}
