import type { Nodes, Paragraph, RootContent } from 'mdast';
import { classifyCharacter } from 'micromark-util-classify-character';
import { parseMarkdown } from './markdown.js';
import { cutPoints } from './units.js';

/*
 * The top-level blocks of a text as remark-parse reads them, without
 * running remark-parse over all of it. Most of a transcript is plain
 * paragraphs; micromark spends most of a parse tokenizing them, character
 * by character, in three tokenizers, only for the dialect to learn where
 * each paragraph starts and ends and whether it opens with `**Speaker:**`.
 *
 * The text is cut where `cutPoints` proposes (a line in column 1 after a
 * blank line). A piece that is provably one plain paragraph, as CommonMark
 * reads it anywhere it stands after such a cut (see `plainParagraph`), is
 * read here; runs of other pieces are parsed by remark-parse as one text.
 * Such a run is parsed together with the first line of the plain paragraph
 * after it, and that line must come out as a new paragraph where the piece
 * starts: then every block of the run closed before it, exactly as in a
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
    const end = i + 1 < cuts.length ? cuts[i + 1]! : text.length;
    const paragraph = plainParagraph(text, start, end);
    if (!paragraph) {
      if (run < 0) run = start;
      continue;
    }
    if (run >= 0) {
      const runBlocks = parseRun(text, run, lineEndOf(text, start), atDocumentStart);
      const last = runBlocks.pop();
      if (!last || last.type !== 'paragraph' || last.position!.start.offset !== start) {
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
    blocks.push(paragraph);
  }
  // The last run, or everything from a block still open, goes to the end of the text, as in a parse of the whole.
  if (run >= 0) for (const block of parseRun(text, run, text.length, atDocumentStart)) blocks.push(block);
  return blocks;
}

/** remark-parse over [from, to), its blocks' offsets moved to the text's. */
function parseRun(text: string, from: number, to: number, atDocumentStart: boolean): RootContent[] {
  const children = parseMarkdown(from === 0 && to === text.length ? text : text.slice(from, to), atDocumentStart && from === 0).children;
  if (from !== 0) for (const child of children) shift(child, from);
  return children;
}

function shift(node: Nodes, by: number): void {
  const position = node.position;
  if (position) {
    position.start.offset! += by;
    position.end.offset! += by;
  }
  if ('children' in node) for (const child of node.children) shift(child, by);
}

function lineEndOf(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
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
function plainParagraph(text: string, start: number, end: number): Paragraph | undefined {
  const first = text.charCodeAt(start);
  if (first === SPACE || first === TAB || first === 10 || first === 13 || first === 0xfeff) return undefined;
  if (first === STAR) {
    const third = text.charCodeAt(start + 2);
    if (text.charCodeAt(start + 1) !== STAR || third === STAR || third === SPACE || third === TAB || third === 10 || third === 13 || Number.isNaN(third)) return undefined;
  } else if (!mayStartLine(text, start, first)) return undefined;

  let paragraphEnd = start;
  let blank = false;
  let pos = start;
  while (pos < end) {
    const lineEnd = Math.min(lineEndOf(text, pos), end);
    let content = pos;
    while (content < lineEnd && (text.charCodeAt(content) === SPACE || text.charCodeAt(content) === TAB)) content++;
    if (content === lineEnd) blank = true;
    else {
      if (blank) return undefined;
      if (pos !== start && !mayStartLine(text, content, text.charCodeAt(content))) return undefined;
      paragraphEnd = lineEnd;
    }
    pos = text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
  }

  const stars: number[] = [];
  for (let i = start; i < paragraphEnd; i++) {
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

function span(start: number, end: number): NonNullable<Paragraph['position']> {
  return { start: { line: 0, column: 0, offset: start }, end: { line: 0, column: 0, offset: end } };
}
