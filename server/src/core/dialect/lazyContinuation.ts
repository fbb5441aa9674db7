import type { Span } from '../text/range.js';
import type { Callout, CalloutKind } from './model.js';
import { lineEndOf, lineStartOf, nextLineStart } from './source.js';

/**
 * Lines that a memo or review callout swallows without a `>`.
 *
 * CommonMark's lazy continuation: a line that would continue a paragraph
 * continues it even when it lacks the `>` of the block quote the paragraph
 * is in. So a transcript line typed directly under a callout, with no blank
 * line between, is part of the callout for every reader of the Markdown.
 *
 * Read from the text alone: inside a callout's span every line carries the
 * callout's `>` (and those of the quotes around it) except the lazy ones,
 * because a line without them that is not paragraph text ends the quote.
 * A line is therefore lazy when it starts with fewer `>` (after its
 * indentation) than the line that opens the callout has before `[!`.
 * Fenced code, headings, lists and rules below a callout start blocks of
 * their own and are never inside its span.
 */

export interface LazyLine {
  /** The whole line, without its line break. */
  span: Span;
  /** Where its words start: after its indentation and the `>` it has. */
  contentStart: number;
  /** Its indentation and `>` marks, as written. */
  marks: string;
}

/** Consecutive lazy lines: what one diagnostic is about. */
export interface LazyRun {
  /** The kind of the innermost callout that swallows the run. */
  kind: CalloutKind;
  lines: LazyLine[];
  /**
   * What a line of that callout starts with (the line before the run's,
   * list markers blanked): put before a line's words, it makes the line
   * the callout's own.
   */
  calloutPrefix: string;
}

const MARKS = /^[ \t]*(?:>[ \t]*)*/;
/** Indentation, `>` and list markers at the start of a line. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*/;

/** The lazy lines of `callouts` (memos and reviews, spans in `text`), in runs, in text order. */
export function lazyContinuations(text: string, callouts: readonly Pick<Callout, 'kind' | 'span' | 'markerSpan'>[]): LazyRun[] {
  /** Each line inside a callout after its opening line: the `>` it needs, and the innermost callout's kind. */
  const needs = new Map<number, { depth: number; kind: CalloutKind }>();
  for (const callout of callouts) {
    const opening = lineStartOf(text, callout.markerSpan.start);
    const depth = countMarks(text.slice(opening, callout.markerSpan.start));
    for (let line = nextLineStart(text, callout.markerSpan.start); line < callout.span.end; line = nextLineStart(text, line)) {
      const known = needs.get(line);
      if (!known || known.depth < depth) needs.set(line, { depth, kind: callout.kind });
    }
  }
  if (!needs.size) return [];

  const runs: LazyRun[] = [];
  let run: LazyRun | undefined;
  let expected = -1;
  for (const line of [...needs.keys()].sort((a, b) => a - b)) {
    const end = lineEndOf(text, line);
    const marks = MARKS.exec(text.slice(line, end))![0];
    const need = needs.get(line)!;
    if (countMarks(marks) >= need.depth) {
      run = undefined;
      continue;
    }
    const lazy: LazyLine = { span: { start: line, end }, contentStart: line + marks.length, marks };
    if (run && line === expected) run.lines.push(lazy);
    else {
      run = { kind: need.kind, lines: [lazy], calloutPrefix: calloutPrefix(text, previousLineStart(text, line)) };
      runs.push(run);
    }
    expected = nextLineStart(text, line);
  }
  return runs;
}

/** The start of the line before the one starting at `line` (which is never the first: a callout's opening line comes before). */
function previousLineStart(text: string, line: number): number {
  const end = text[line - 1] === '\n' && text[line - 2] === '\r' ? line - 2 : line - 1;
  return lineStartOf(text, end);
}

function countMarks(prefix: string): number {
  let n = 0;
  for (const c of prefix) if (c === '>') n++;
  return n;
}

/** A line's containers as a following line of the same block writes them: list markers become spaces. */
function calloutPrefix(text: string, lineStart: number): string {
  const prefix = CONTAINER_PREFIX.exec(text.slice(lineStart, lineEndOf(text, lineStart)))![0];
  return prefix.replace(/(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/g, (marker) => ' '.repeat(marker.length));
}
