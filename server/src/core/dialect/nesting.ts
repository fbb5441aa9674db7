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

const TAB = 9;
const SPACE = 32;
const GT = 62;
const NBSP = '\u00a0';

/** Lines of `text` whose container prefix is wider than `MAX_PREFIX_COLUMNS`, in order. */
export function deepLines(text: string): DeepLine[] {
  const found: DeepLine[] = [];
  const onlyNewlines = !text.includes('\r');
  let lineStart = 0;
  while (lineStart < text.length) {
    const deep = deepPrefix(text, lineStart);
    if (deep) found.push(deep);
    const from = deep ? deep.end : lineStart;
    if (!onlyNewlines) lineStart = nextLine(text, from);
    else {
      const newline = text.indexOf('\n', from);
      lineStart = newline < 0 ? text.length : newline + 1;
    }
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
  return cut < 0 || isThematicBreak(text, lineStart, i) ? undefined : { start: lineStart, cut, end: i };
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
  const code = text.charCodeAt(i);
  if (code === GT) return 1;
  if (code === 45 || code === 43 || code === 42) return isBlank(text.charCodeAt(i + 1)) ? 2 : 0;
  let j = i;
  while (j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  if (j === i) return 0;
  const delimiter = text.charCodeAt(j);
  return (delimiter === 46 || delimiter === 41) && isBlank(text.charCodeAt(j + 1)) ? j + 2 - i : 0;
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

function nextLine(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) return i + 1;
    if (code === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}
