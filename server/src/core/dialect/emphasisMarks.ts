/*
 * Emphasis marks by the thousand. micromark pairs `*` and `_` runs by
 * looking back over every opener still unpaired, so a paragraph of
 * openers takes it time that grows faster than the square of their number
 * (4,000 `*a ` then 4,000 `*`: 17 s). The dialect reads no emphasis but a
 * speaker's label (`**Name:**` at a paragraph's start); it reads codes,
 * links and code spans, whose extent no emphasis mark changes (they bind
 * before emphasis does). So where a stretch of lines without a blank one
 * holds more than `MAX_MARKS` marks, each mark there but a list marker, a
 * thematic break's and a label's at a line's start is replaced, one for
 * one, by `%`, which opens nothing and stays punctuation (the flanking of
 * the marks kept is unchanged). The decision looks at such a stretch
 * alone, so any piece of a note cut at blank lines parses as in the whole.
 */

import { containerPrefix } from './nesting.js';
import { lineEndOf, nextLineStart } from './source.js';

/** `*` and `_` a stretch of lines without a blank one may hold before its marks are read as text. */
export const MAX_MARKS = 64;

const STAR = 42;
const UNDERSCORE = 95;
/** A speaker's label at a line's start, `**Name:**` or `**Name**:`, as `unit.ts` reads one (at most 80 characters). */
const LABEL = /(\*\*|__)(?![\s*_])[^*_\n\r]{1,80}?(?::\1|\1:)/y;
const THEMATIC_BREAK = /^[ \t>]*(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$/;

/** `text` with the emphasis marks of every stretch that holds too many replaced, offset for offset. */
export function withoutExcessMarks(text: string): string {
  if (!hasMany(text, 0, text.length)) return text;
  let out = '';
  let done = 0;
  for (const [start, end] of stretches(text)) {
    if (!hasMany(text, start, end)) continue;
    out += text.slice(done, start) + maskStretch(text, start, end);
    done = end;
  }
  return out + text.slice(done);
}

function hasMany(text: string, start: number, end: number): boolean {
  let marks = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if ((code === STAR || code === UNDERSCORE) && ++marks > MAX_MARKS) return true;
  }
  return false;
}

/** [start, end) of each run of lines with no blank line among them. */
function* stretches(text: string): Generator<[number, number]> {
  let start = -1;
  let lineStart = 0;
  while (lineStart < text.length) {
    const lineEnd = lineEndOf(text, lineStart);
    const blank = /^[ \t]*$/.test(text.slice(lineStart, lineEnd));
    if (blank && start >= 0) {
      yield [start, lineStart];
      start = -1;
    } else if (!blank && start < 0) start = lineStart;
    lineStart = nextLineStart(text, lineEnd);
  }
  if (start >= 0) yield [start, text.length];
}

function maskStretch(text: string, start: number, end: number): string {
  let out = '';
  for (let lineStart = start; lineStart < end; ) {
    const lineEnd = lineEndOf(text, lineStart);
    const next = nextLineStart(text, lineEnd);
    const line = text.slice(lineStart, lineEnd);
    if (THEMATIC_BREAK.test(line)) out += text.slice(lineStart, next);
    else {
      let keep = containerPrefix(text, lineStart).end - lineStart;
      LABEL.lastIndex = keep;
      if (LABEL.exec(line)) keep = LABEL.lastIndex;
      out += line.slice(0, keep) + line.slice(keep).replace(/[*_]/g, '%') + text.slice(lineEnd, next);
    }
    lineStart = next;
  }
  return out;
}
