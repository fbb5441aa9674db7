import { firstIndex } from '../text/bisect.js';
import type { Span } from '../text/range.js';

/*
 * Helpers over raw source text. The dialect reads annotations from the
 * source rather than from mdast text nodes, so results do not depend on
 * link reference definitions elsewhere in the note (which change mdast
 * but not what a coder wrote).
 */

const LINE_PREFIX = /^[ \t]*(?:>[ \t]?)*[ \t]*/;
const LIST_MARKER = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+/;

/**
 * The text of `span` as a reader sees it: `removals` (annotation marks)
 * cut out, block-quote markers and indentation stripped from each line,
 * line breaks kept as `\n`, surrounding whitespace trimmed.
 */
export function readerText(text: string, span: Span, removals: readonly Span[], stripListMarker = false): string {
  let raw = '';
  let at = span.start;
  for (const r of removals) {
    if (r.end <= at || r.start >= span.end) continue;
    raw += text.slice(at, Math.max(at, r.start));
    at = Math.max(at, r.end);
  }
  raw += text.slice(at, span.end);
  const lines = raw.split(/\r\n|\r|\n/);
  const out = lines.map((line, index) => {
    if (index === 0) return stripListMarker ? line.replace(LIST_MARKER, '') : line.replace(LINE_PREFIX, '');
    return line.replace(LINE_PREFIX, '');
  });
  return out.join('\n').trim();
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

export function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/**
 * Offset just past the characters of a list marker at `i` (`-`, `+`, `*`,
 * or one to nine digits and `.` or `)`), or -1. Whether it opens a list
 * depends on what follows, which each caller reads.
 */
export function listMarkerEnd(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code === 45 || code === 43 || code === 42) return i + 1;
  let j = i;
  while (j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  if (j === i) return -1;
  const delimiter = text.charCodeAt(j);
  return delimiter === 46 || delimiter === 41 ? j + 1 : -1;
}

/** Offset just past the line break that ends the line holding `offset`. */
export function nextLineStart(text: string, offset: number): number {
  const end = lineEndOf(text, offset);
  return text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
}

/** First index in a start-sorted span list whose start is >= offset. */
export function lowerBound(spans: readonly Span[], offset: number): number {
  return firstIndex(spans.length, (i) => spans[i]!.start >= offset);
}

/** Spans of `sorted` that lie inside `outer`. */
export function spansWithin(sorted: readonly Span[], outer: Span): Span[] {
  const result: Span[] = [];
  for (let i = lowerBound(sorted, outer.start); i < sorted.length && sorted[i]!.start < outer.end; i++) {
    if (sorted[i]!.end <= outer.end) result.push(sorted[i]!);
  }
  return result;
}
