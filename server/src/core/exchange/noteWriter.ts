import { Document } from 'yaml';
import { calloutNoteName, type CalloutFold } from './refi.js';
import type { LaidSegment } from './segmentLayout.js';

/** A memo or review comment, its title and body already Markdown. */
export interface NoteCallout {
  kind: 'memo' | 'review';
  fold: CalloutFold;
  title: string;
  body: string;
}

export interface NoteDraft {
  frontMatter: Record<string, unknown>;
  /** Callouts right after the front matter. */
  head: NoteCallout[];
  /** The Markdown the segments and callouts point into. */
  body: string;
  segments: LaidSegment[];
  /** Callouts inserted into the body at a line end (see `calloutPlace`). */
  callouts: { at: number; callout: NoteCallout }[];
}

export interface WrittenNote {
  text: string;
  /** 1-based line of each segment's `[` (or a block code's first word), by index into `NoteDraft.segments`. */
  segmentLines: number[];
}

interface Insertion {
  at: number;
  /** At one offset: closing marks (inner first), then callouts, then opening brackets (outer first). */
  rank: number;
  text: string;
  segment: number | undefined;
}

export function writeNote(draft: NoteDraft): WrittenNote {
  const head = frontMatterBlock(draft.frontMatter) + draft.head.map((c) => `\n${calloutText(c)}\n`).join('') + '\n';
  const insertions: Insertion[] = [];
  draft.segments.forEach((segment, index) => {
    // A block code is a line of its own under its block, so it needs the block to end where the segment does.
    const block = segment.block && /^[ \t]*(?:\n|$)/.test(draft.body.slice(segment.end));
    insertions.push({ at: segment.start, rank: 2_000_000 + segment.depth, text: block ? '' : '[', segment: index });
    insertions.push({ at: segment.end, rank: 1_000_000 - segment.depth, text: block ? `\n${listIndent(draft.body, segment.start)}${annotation(segment)}` : `]${annotation(segment)}`, segment: undefined });
  });
  for (const [at, callouts] of groupByPlace(draft.callouts)) {
    insertions.push({ at, rank: 1_500_000, text: calloutInsertion(draft.body, at, callouts), segment: undefined });
  }
  insertions.sort((a, b) => a.at - b.at || a.rank - b.rank);

  const parts: string[] = [head];
  const segmentOffsets: number[] = new Array<number>(draft.segments.length).fill(0);
  let length = head.length;
  let from = 0;
  for (const insertion of insertions) {
    const between = draft.body.slice(from, insertion.at);
    parts.push(between, insertion.text);
    length += between.length;
    if (insertion.segment !== undefined) segmentOffsets[insertion.segment] = length;
    length += insertion.text.length;
    from = insertion.at;
  }
  parts.push(draft.body.slice(from));
  const text = parts.join('').replace(/\n*$/, '\n');
  return { text, segmentLines: lineNumbers(text, segmentOffsets) };
}

/** Under a list item, a block code line is indented to the item's text, as coders write it; elsewhere it starts the line. */
function listIndent(body: string, start: number): string {
  const lineStart = body.lastIndexOf('\n', start - 1) + 1;
  const marker = /^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+/.exec(body.slice(lineStart, start + 1));
  return marker && lineStart + marker[0].length === start ? ' '.repeat(marker[0].length) : '';
}

function frontMatterBlock(data: Record<string, unknown>): string {
  return `---\n${new Document(data).toString({ lineWidth: 0 })}---\n`;
}

/** `{#a/b #c/d evidence=x memo="..."}` */
function annotation(segment: LaidSegment): string {
  const parts = segment.codes.map((code) => `#${code}`);
  if (segment.evidence) parts.push(`evidence=${segment.evidence}`);
  if (segment.memos.length) parts.push(`memo="${memoValue(segment.memos)}"`);
  return `{${parts.join(' ')}}`;
}

/**
 * A memo value on one line: a blank line would end the paragraph and with
 * it the annotation, so several memos are joined with ` ¶ `, and line
 * breaks become spaces. A backtick gets a backslash, so that it can never
 * open a code span that runs on past the annotation.
 */
export function memoValue(memos: string[]): string {
  return memos
    .map((memo) => memo.replace(/\s*[\r\n]+\s*/g, ' ').trim())
    .join(' ¶ ')
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/`/g, '\\`');
}

export function calloutText(callout: NoteCallout): string {
  const marker = `> ${calloutNoteName(callout.kind, callout.title, callout.fold)}`;
  const body = callout.body.trim() ? callout.body.trim().split('\n').map((line) => (line.trim() ? `> ${line}` : '>')) : [];
  return [marker, ...body].join('\n');
}

function groupByPlace(callouts: { at: number; callout: NoteCallout }[]): Map<number, NoteCallout[]> {
  const byPlace = new Map<number, NoteCallout[]>();
  for (const { at, callout } of callouts) byPlace.set(at, [...(byPlace.get(at) ?? []), callout]);
  return byPlace;
}

/**
 * Callouts at the end of a line: each after a blank line, and a blank line
 * after the last when text follows at once (it would otherwise continue
 * the quote).
 */
function calloutInsertion(body: string, at: number, callouts: NoteCallout[]): string {
  const blocks = callouts.map((c) => `${at === 0 ? '' : '\n\n'}${calloutText(c)}`);
  const text = at === 0 ? blocks.join('\n\n') : blocks.join('');
  const rest = body.slice(at);
  const followedByBlank = rest === '' || /^\n?[ \t]*(?:\n|$)/.test(rest);
  return at === 0 ? `${text}\n\n` : followedByBlank ? text : `${text}\n`;
}

function lineNumbers(text: string, offsets: number[]): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return offsets.map((offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  });
}
