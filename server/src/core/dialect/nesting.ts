/*
 * Block quotes and list items nested far deeper than anyone writes them.
 *
 * micromark checks every open container again on every line, so its time
 * grows with the square of the nesting: `1. ` written 10,000 times on one
 * line takes it 24 s, a list indented two more spaces on each of 1,000
 * lines a minute. A line whose container prefix (block quote markers,
 * list markers and the indentation between them) is wider than
 * `MAX_PREFIX_COLUMNS` has the part beyond that width read as text: the
 * characters are replaced, one for one so every offset stays, by a
 * character that opens no block. The replacement looks at one line at a
 * time, so any piece of a note parses as it does inside the whole note.
 * No note written by a person comes near the limit: 32 quotes deep, or
 * a list 40 levels deep.
 */

/** Columns of container prefix one line may have; the rest of the prefix is read as text. */
export const MAX_PREFIX_COLUMNS = 128;

/** A line whose container prefix is wider than the limit. */
export interface DeepLine {
  /** The line's first character. */
  readonly start: number;
  /** Where the part read as text starts (the first marker or space at or past the limit). */
  readonly cut: number;
  /** Where the prefix ends: the first character of the line's content. */
  readonly end: number;
}

import { listMarkerEnd, nextLineStart } from './source.js';

const TAB = 9;
const SPACE = 32;
const GT = 62;
const NBSP = '\u00a0';

/** Lines of `text` whose container prefix is wider than `MAX_PREFIX_COLUMNS`, in order. */
export function deepLines(text: string): DeepLine[] {
  const found: DeepLine[] = [];
  for (let lineStart = 0; lineStart < text.length; lineStart = nextLineStart(text, lineStart)) {
    const deep = deepPrefix(text, lineStart);
    if (deep) found.push(deep);
  }
  return found;
}

/** `text` with the prefix of every line in `lines` beyond the limit replaced, offset for offset. */
export function flattenDeepLines(text: string, lines: readonly DeepLine[]): string {
  if (!lines.length) return text;
  let out = '';
  let at = 0;
  for (const line of lines) {
    out += text.slice(at, line.cut) + NBSP.repeat(line.end - line.cut);
    at = line.end;
  }
  return out + text.slice(at);
}

function deepPrefix(text: string, lineStart: number): DeepLine | undefined {
  const { cut, end } = containerPrefix(text, lineStart);
  return cut < 0 || isThematicBreak(text, lineStart, end) ? undefined : { start: lineStart, cut, end };
}

/**
 * Where the container prefix of the line at `lineStart` ends (its block
 * quote markers, list markers with the space after them, and the
 * indentation between them), and where it passes `MAX_PREFIX_COLUMNS`
 * (-1 when it does not).
 */
export function containerPrefix(text: string, lineStart: number): { cut: number; end: number } {
  let column = 0;
  let i = lineStart;
  let cut = -1;
  for (;;) {
    const code = text.charCodeAt(i);
    let width: number;
    if (code === SPACE) width = 1;
    else if (code === TAB) width = 4 - (column % 4);
    else {
      width = markerLength(text, i);
      if (!width) break;
    }
    if (cut < 0 && column + width > MAX_PREFIX_COLUMNS) cut = i;
    column += width;
    i += code === SPACE || code === TAB ? 1 : width;
  }
  return { cut, end: i };
}

/**
 * `- - - -` or `* * * *` alone on a line (after any block quote markers) is
 * a thematic break, not lists; micromark reads it in linear time.
 */
function isThematicBreak(text: string, lineStart: number, prefixEnd: number): boolean {
  const next = text.charCodeAt(prefixEnd);
  if (prefixEnd < text.length && next !== 10 && next !== 13) return false;
  let mark = 0;
  for (let i = lineStart; i < prefixEnd; i++) {
    const code = text.charCodeAt(i);
    if (code === SPACE || code === TAB || (code === GT && !mark)) continue;
    if ((code !== 45 && code !== 42) || (mark && code !== mark)) return false;
    mark = code;
  }
  return mark !== 0;
}

/** Length of a block quote marker or a list marker with the space after it at `i`, or 0. */
function markerLength(text: string, i: number): number {
  if (text.charCodeAt(i) === GT) return 1;
  const end = listMarkerEnd(text, i);
  return end >= 0 && isBlank(text.charCodeAt(end)) ? end + 1 - i : 0;
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}
