import type { Callout, ParsedNote } from '../dialect/model.js';
import type { Span } from '../text/range.js';

/**
 * A note as another QDA tool should see it: its words without the
 * annotation syntax, and where each place of the note went.
 *
 * Removed: the front matter (it becomes variables), the `[` and `]{...}` of
 * every inline segment, every block code line, and every memo or review
 * comment that codes nothing (it becomes a REFI note). A callout that holds
 * coded segments stays, because its codings need a place in the text. The
 * rest of the Markdown stays as written, so a Fieldnotes project read back
 * is the notes it came from.
 *
 * Line ends become `\n`: tools disagree on whether `\r\n` is one character
 * or two, and a text without it cannot be counted two ways.
 */
export interface PlainText {
  text: string;
  /** Where a note offset (UTF-16) lands in `text`, counted in Unicode code points; a removed character lands where it was cut. */
  position(noteOffset: number): number;
  /** Memos and review comments taken out of the text, each with the paragraph before it (in code points, and its words), if any. */
  calloutNotes: { callout: Callout; anchor: Span | undefined; anchorText: string }[];
  /**
   * Memos and review comments left in the text because they hold coded
   * segments: no REFI note for them, which the export says, since often the
   * coded words are a transcript line the callout swallowed.
   */
  keptCallouts: Callout[];
}

export function toPlainText(parsed: ParsedNote): PlainText {
  const { text } = parsed;
  const removed: Span[] = [];
  if (parsed.frontMatter) removed.push({ start: 0, end: skipBlankLines(text, parsed.frontMatter.span.end) });
  for (const segment of parsed.segments) {
    // Before a block segment's words stand a quote's `>` or a speaker's label, which are text; only its code line goes.
    if (segment.kind === 'inline') removed.push({ start: segment.span.start, end: segment.contentSpan.start });
    removed.push({ start: segment.contentSpan.end, end: segment.span.end });
  }
  const holdsCodes = (callout: Callout) => parsed.segments.some((s) => s.span.start >= callout.span.start && s.span.end <= callout.span.end);
  const takenOut = parsed.callouts.filter((callout) => !holdsCodes(callout));
  for (const callout of takenOut) removed.push({ start: callout.span.start, end: skipBlankLines(text, callout.span.end) });
  removed.sort((a, b) => a.start - b.start || a.end - b.end);

  // toOutput[i]: the UTF-16 offset in the output of note offset i. Kept text is copied in runs, not character by character.
  const toOutput = new Int32Array(text.length + 1);
  const out: string[] = [];
  let length = 0;
  let next = 0;
  let runStart = 0;
  const flush = (end: number) => {
    if (end > runStart) out.push(text.slice(runStart, end));
  };
  for (let i = 0; i < text.length; i++) {
    toOutput[i] = length;
    while (next < removed.length && removed[next]!.end <= i) next++;
    if (next < removed.length && removed[next]!.start <= i) {
      flush(i);
      runStart = i + 1;
      continue;
    }
    if (text.charCodeAt(i) === 13 /* \r */) {
      flush(i);
      runStart = i + 1;
      if (text[i + 1] === '\n' && !(next < removed.length && removed[next]!.start <= i + 1)) continue;
      out.push('\n');
    }
    length++;
  }
  flush(text.length);
  toOutput[text.length] = length;
  const plain = out.join('');
  const codePoints = codePointIndex(plain);
  const position = (noteOffset: number) => codePoints[toOutput[Math.max(0, Math.min(text.length, noteOffset))]!]!;

  const calloutNotes = takenOut.map((callout) => {
    const anchor = paragraphBefore(plain, toOutput[callout.span.start]!);
    return { callout, anchor: anchor && { start: codePoints[anchor.start]!, end: codePoints[anchor.end]! }, anchorText: anchor ? plain.slice(anchor.start, anchor.end) : '' };
  });
  return { text: plain, position, calloutNotes, keptCallouts: parsed.callouts.filter(holdsCodes) };
}

/** For each UTF-16 offset of `text` (and its end), the number of code points before it. */
export function codePointIndex(text: string): Int32Array {
  const index = new Int32Array(text.length + 1);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    index[i] = count;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) index[++i] = count;
    }
    count++;
  }
  index[text.length] = count;
  return index;
}

/** The offset after `from`'s line end and any blank lines that follow. */
function skipBlankLines(text: string, from: number): number {
  const blank = /^(?:[ \t]*(?:\r\n|\n|\r))*/.exec(text.slice(from, from + 4096))![0].length;
  if (blank > 0 || from >= text.length) return from + blank;
  const lineEnd = /\r\n|\n|\r/.exec(text.slice(from));
  return lineEnd ? from + lineEnd.index + lineEnd[0].length : text.length;
}

/** The paragraph that ends before `offset` (UTF-16 in `text`): from after the blank line before it to its last non-space character. */
function paragraphBefore(text: string, offset: number): Span | undefined {
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  if (end === 0) return undefined;
  const blank = text.lastIndexOf('\n\n', end - 1);
  let start = blank < 0 ? 0 : blank + 2;
  while (start < end && /\s/.test(text[start]!)) start++;
  return { start, end };
}
