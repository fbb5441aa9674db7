import type { Blockquote, Heading, List, ListItem, Nodes, Paragraph, RootContent, Yaml } from 'mdast';
import { classifyCharacter } from 'micromark-util-classify-character';
import { parseMarkdown } from './markdown.js';
import { parseRun } from './remarkRun.js';
import { lineEndOf } from './source.js';
import { cutPoints, frontMatterEnd } from './units.js';

/*
 * The top-level blocks of a text as remark-parse reads them, without
 * running remark-parse over all of it. Most of a transcript is plain
 * paragraphs; micromark spends most of a parse tokenizing them, character
 * by character, in three tokenizers, only for the dialect to learn where
 * each paragraph starts and ends and whether it opens with `**Speaker:**`.
 *
 * The text is cut where `cutPoints` proposes (a line in column 1 after a
 * blank line). A piece that is provably one simple block, as CommonMark
 * reads it anywhere it stands after such a cut (see `simpleBlock`: front
 * matter, a plain paragraph, a one-line ATX heading, a `> ` block quote of
 * one plain paragraph, as callouts are written, a flat list of one-line
 * `- ` items), is read here; runs of other pieces are parsed by
 * remark-parse as one text. Such a run is parsed together with the first
 * line of the simple block after it, and that line must come out as a new
 * block of the same type where the piece starts: then every block of the
 * run closed before it, exactly as in a
 * parse of the whole text (a parser reads forwards; a later line cannot
 * reopen a closed block). Otherwise (a fenced code or HTML block the
 * cut points missed is still open) the rest of the text is parsed as one.
 *
 * Link reference definitions are the one thing a later block changes in
 * an earlier one (they make `[words]` a link). They need `]:`; a text that
 * holds one is parsed whole. So is a note whose first line starts a front
 * matter fence that does not become front matter (see below).
 *
 * Nodes made here carry offsets only: `position.*.line`/`column` are 0.
 * Nodes from remark-parse runs have their offsets moved to the text's;
 * their lines and columns are those of the run. The dialect reads offsets.
 */
export function readBlocks(text: string, atDocumentStart: boolean): RootContent[] {
  if (text.includes(']:')) return parseMarkdown(text, atDocumentStart).children;
  const cuts = cutPoints(text);
  const blocks: RootContent[] = [];
  /** Start of the run of pieces not yet parsed, or -1. */
  let run = -1;
  for (let i = 0; i < cuts.length; i++) {
    const start = cuts[i]!;
    const read = simpleBlock(text, cuts, i, atDocumentStart);
    if (!read) {
      if (run < 0) run = start;
      continue;
    }
    if (run >= 0) {
      const runBlocks = parseRun(text, run, lineEndOf(text, start), atDocumentStart);
      const last = runBlocks.pop();
      if (!last || last.type !== read.block.type || last.position!.start.offset !== start) {
        // A block the cut points did not see is still open: no more cuts can be trusted.
        break;
      }
      if (run === 0 && atDocumentStart && FRONT_MATTER_TRY.test(text) && runBlocks[0]?.type !== 'yaml') {
        // micromark-extension-frontmatter: a first line that begins like a fence but opens no front
        // matter leaves the construct current, and no list or block quote can start for a long way
        // after it. Only a parse of the whole text reads that as it is.
        break;
      }
      for (const block of runBlocks) blocks.push(block);
      run = -1;
    }
    blocks.push(read.block);
    i = read.next - 1;
  }
  // The last run, or everything from a block still open, goes to the end of the text, as in a parse of the whole.
  if (run >= 0) for (const block of parseRun(text, run, text.length, atDocumentStart)) blocks.push(block);
  return blocks;
}

/** A first line on which micromark-extension-frontmatter starts to read a fence. */
const FRONT_MATTER_TRY = /^\uFEFF?-/;

const SPACE = 32;
const TAB = 9;
const STAR = 42;

/**
 * Characters that may open a block other than a paragraph at the start of
 * a line, or end a paragraph there (micromark's `document`, `flow`,
 * `flowInitial` constructs: lists, block quotes, headings, setext
 * underlines, thematic breaks, fenced code, HTML). A digit opens an
 * ordered list as `\d{1,9}[.)]` (and interrupts a paragraph only from 1);
 * any line starting so is refused.
 */
const BLOCK_START = new Set([...'#*+-<=>_`~'].map((c) => c.charCodeAt(0)));
const ORDERED = /[0-9]{1,9}[.)]/y;

/**
 * The paragraph that is the piece [start, end), when it provably is one
 * and holds nothing the dialect reads from mdast but its own extent and
 * an opening `**...**`: no code span, HTML or autolink (no `` ` `` or
 * `<`), no link or image (no `](`; without definitions a bracket is a link
 * only so), no emphasis but one `**...**` at its start (no other `*`, no
 * `_`). Its first line starts a paragraph; no later line can interrupt it
 * or make it a setext heading; after its first blank line the piece holds
 * only blank lines. Anything else is left to remark-parse.
 */
const INLINE_MARKS = /[`<_*\]]/g;

function plainParagraph(text: string, start: number, end: number): Paragraph | undefined {
  const first = text.charCodeAt(start);
  if (first === SPACE || first === TAB || first === 10 || first === 13 || first === 0xfeff) return undefined;
  if (first === STAR) {
    const third = text.charCodeAt(start + 2);
    if (text.charCodeAt(start + 1) !== STAR || third === STAR || third === SPACE || third === TAB || third === 10 || third === 13 || Number.isNaN(third)) return undefined;
  } else if (!mayStartLine(text, start, first)) return undefined;

  const lines = linesOf(text, start, end);
  if (!lines) return undefined;
  for (let i = 2; i < lines.length; i += 2) {
    let content = lines[i]!;
    while (text.charCodeAt(content) === SPACE || text.charCodeAt(content) === TAB) content++;
    if (!mayStartLine(text, content, text.charCodeAt(content))) return undefined;
  }
  const paragraphEnd = lines.at(-1)!;

  const stars: number[] = [];
  // The characters that may make inline markup, found by the expression engine's scan rather than a loop over every character.
  INLINE_MARKS.lastIndex = start;
  for (let m = INLINE_MARKS.exec(text); m !== null && m.index < paragraphEnd; m = INLINE_MARKS.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 96 /* ` */ || c === 60 /* < */ || c === 95 /* _ */) return undefined;
    if (c === 93 /* ] */ && text.charCodeAt(i + 1) === 40 /* ( */) return undefined;
    if (c === STAR) {
      if (stars.length === 4) return undefined;
      stars.push(i);
    }
  }
  const paragraph: Paragraph = { type: 'paragraph', children: [], position: span(start, paragraphEnd) };
  if (stars.length === 0) return paragraph;
  // Only `**` at the start, alone or with one later run of exactly two.
  if (stars[0] !== start || stars[1] !== start + 1) return undefined;
  if (stars.length === 2) return paragraph;
  if (stars.length !== 4 || stars[2]! <= start + 2 || stars[3] !== stars[2]! + 1) return undefined;
  // micromark's attention: the opening run follows nothing (whitespace); the closing run closes if it is right-flanking.
  const close = stars[2]!;
  const afterOpen = classifyCharacter(text.charCodeAt(start + 2));
  const beforeClose = classifyCharacter(text.charCodeAt(close - 1));
  const afterClose = classifyCharacter(close + 2 < paragraphEnd ? text.charCodeAt(close + 2) : null);
  const opens = !afterOpen || afterOpen === 2;
  const closes = !beforeClose || (beforeClose === 2 && afterClose !== undefined);
  if (opens && closes) paragraph.children.push({ type: 'strong', children: [], position: span(start, close + 2) });
  return paragraph;
}

/** A line starting with `c` at `at` neither opens another block nor ends a paragraph. */
function mayStartLine(text: string, at: number, c: number): boolean {
  if (BLOCK_START.has(c)) return false;
  if (c >= 48 && c <= 57) {
    ORDERED.lastIndex = at;
    return !ORDERED.test(text);
  }
  return true;
}

function span(start: number, end: number): NonNullable<Nodes['position']> {
  return { start: { line: 0, column: 0, offset: start }, end: { line: 0, column: 0, offset: end } };
}

/**
 * The one block that is the piece [start, end), when it provably is one
 * this module reads itself: front matter, a plain paragraph, a simple ATX
 * heading, a block quote holding one plain paragraph, or a flat list of
 * one-line items. Anything else is left to remark-parse.
 */
function simpleBlock(text: string, cuts: readonly number[], i: number, atDocumentStart: boolean): { block: RootContent; next: number } | undefined {
  const start = cuts[i]!;
  const end = i + 1 < cuts.length ? cuts[i + 1]! : text.length;
  const first = text.charCodeAt(start);
  let block: RootContent | undefined;
  if (first === HASH) block = simpleHeading(text, start, end);
  else if (first === GREATER) block = simpleBlockquote(text, start, end);
  else if (first === DASH) {
    if (start === 0 && atDocumentStart) block = frontMatter(text, end);
    else return simpleList(text, cuts, i);
  } else block = plainParagraph(text, start, end);
  return block && { block, next: i + 1 };
}

const HASH = 35;
const GREATER = 62;
const DASH = 45;

/**
 * The piece's non-blank lines as [start, end) pairs, when no blank line
 * comes between two of them (the piece then holds one block, as far as
 * blank lines go); otherwise undefined.
 */
function linesOf(text: string, start: number, end: number): number[] | undefined {
  const lines: number[] = [];
  let blank = false;
  let pos = start;
  while (pos < end) {
    const lineEnd = Math.min(lineEndOf(text, pos), end);
    let content = pos;
    while (content < lineEnd && (text.charCodeAt(content) === SPACE || text.charCodeAt(content) === TAB)) content++;
    if (content === lineEnd) blank = true;
    else {
      if (blank) return undefined;
      lines.push(pos, lineEnd);
    }
    pos = text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
  }
  return lines.length ? lines : undefined;
}

/**
 * True when [from, to) holds no code span, HTML or autolink (no `` ` `` or
 * `<`) and no link or image (no `](`). What the dialect reads from such
 * inline content is its extent only: emphasis does not matter to it there
 * (only a top-level paragraph's opening `**...**` does).
 */
function opaqueFree(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 96 /* ` */ || c === 60 /* < */) return false;
    if (c === 93 /* ] */ && text.charCodeAt(i + 1) === 40 /* ( */) return false;
  }
  return true;
}

/** The front matter that the piece at the start of the note is, followed by blank lines only. */
function frontMatter(text: string, end: number): Yaml | undefined {
  const matterEnd = frontMatterEnd(text);
  if (matterEnd === 0 || matterEnd > end) return undefined;
  for (let i = matterEnd; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== 10 && c !== 13) return undefined;
  }
  return { type: 'yaml', value: '', position: span(0, matterEnd) };
}

/**
 * `#` to `######`, one space, and inline content with nothing the dialect
 * reads from mdast, on one line, not ending in `#` (a closing sequence is
 * left to remark-parse). Its one text child spans the content as remark-parse's
 * children do: without the spaces around it.
 */
function simpleHeading(text: string, start: number, end: number): Heading | undefined {
  const lines = linesOf(text, start, end);
  if (!lines || lines.length !== 2) return undefined;
  let depth = 0;
  while (text.charCodeAt(start + depth) === HASH) depth++;
  if (depth > 6 || text.charCodeAt(start + depth) !== SPACE) return undefined;
  let contentStart = start + depth + 1;
  const lineEnd = lines[1]!;
  while (contentStart < lineEnd && (text.charCodeAt(contentStart) === SPACE || text.charCodeAt(contentStart) === TAB)) contentStart++;
  let contentEnd = lineEnd;
  while (contentEnd > contentStart && (text.charCodeAt(contentEnd - 1) === SPACE || text.charCodeAt(contentEnd - 1) === TAB)) contentEnd--;
  if (contentEnd === contentStart || text.charCodeAt(contentEnd - 1) === HASH || !opaqueFree(text, contentStart, contentEnd)) return undefined;
  const value = text.slice(contentStart, contentEnd);
  return { type: 'heading', depth: depth as Heading['depth'], children: [{ type: 'text', value, position: span(contentStart, contentEnd) }], position: span(start, lineEnd) };
}

/**
 * Lines that each start with `> ` and together hold one plain paragraph:
 * its first line starts a paragraph, no later one interrupts it, none is
 * blank or indented, none is a lazy continuation (every line has its `>`).
 * This is how `> [!MEMO]` and `> [!REVIEW] name` callouts are written.
 */
function simpleBlockquote(text: string, start: number, end: number): Blockquote | undefined {
  const lines = linesOf(text, start, end);
  if (!lines) return undefined;
  for (let i = 0; i < lines.length; i += 2) {
    const at = lines[i]!;
    if (text.charCodeAt(at) !== GREATER || text.charCodeAt(at + 1) !== SPACE) return undefined;
    const c = text.charCodeAt(at + 2);
    if (c === SPACE || c === TAB || at + 2 >= lines[i + 1]! || !mayStartLine(text, at + 2, c)) return undefined;
  }
  const blockEnd = lines.at(-1)!;
  if (!opaqueFree(text, start, blockEnd)) return undefined;
  const paragraph: Paragraph = { type: 'paragraph', children: [], position: span(start + 2, blockEnd) };
  return { type: 'blockquote', children: [paragraph], position: span(start, blockEnd) };
}

/**
 * Lines that each are a `- ` item of one line holding a plain paragraph,
 * in the piece at `cuts[i]` and in every following piece that starts with
 * `-` (blank lines between items make one loose list), the note's first
 * line excepted (see `FRONT_MATTER_TRY`). `next` is the index of the first
 * piece after the list.
 */
function simpleList(text: string, cuts: readonly number[], i: number): { block: List; next: number } | undefined {
  const start = cuts[i]!;
  const items: ListItem[] = [];
  let next = i;
  let blockEnd = start;
  do {
    const end = next + 1 < cuts.length ? cuts[next + 1]! : text.length;
    const lines = linesOf(text, cuts[next]!, end);
    if (!lines) return undefined;
    for (let l = 0; l < lines.length; l += 2) {
      const at = lines[l]!;
      const lineEnd = lines[l + 1]!;
      if (text.charCodeAt(at) !== DASH || text.charCodeAt(at + 1) !== SPACE) return undefined;
      const c = text.charCodeAt(at + 2);
      if (c === SPACE || c === TAB || at + 2 >= lineEnd || !mayStartLine(text, at + 2, c)) return undefined;
      const paragraph: Paragraph = { type: 'paragraph', children: [], position: span(at + 2, lineEnd) };
      items.push({ type: 'listItem', spread: false, checked: null, children: [paragraph], position: span(at, lineEnd) });
    }
    blockEnd = lines.at(-1)!;
    next++;
  } while (next < cuts.length && text.charCodeAt(cuts[next]!) === DASH);
  if (!opaqueFree(text, start, blockEnd)) return undefined;
  return { block: { type: 'list', ordered: false, start: null, spread: items.length > 1 && next > i + 1, children: items, position: span(start, blockEnd) }, next };
}
