import { compareDiagnostics, type Diagnostic } from '../checks/diagnostic.js';
import type { Messages } from '../i18n/messages.js';
import { shiftSpan } from '../text/range.js';
import type { Callout, Heading, ParsedNote, Placeholder, Segment, Turn } from './model.js';
import { analyseUnit, type TopBlock, type UnitResult } from './unit.js';
import { cutPoints } from './units.js';

/** A unit's results moved to where it stands in the note, kept for reuse while it stays there. */
interface Placement {
  start: number;
  /** How many segments come before the unit (its segments' `parent` indexes depend on it). */
  base: number;
  segments: Segment[];
  callouts: Callout[];
  placeholders: Placeholder[];
  headings: Heading[];
  diagnostics: Diagnostic[];
}

interface Placeable {
  result: UnitResult;
  placement?: Placement;
}

/** A parsed unit, remembered by its text (a copy that pins no old version of the note). */
interface CacheEntry extends Placeable {
  key: string;
  /** The last parse that used it. */
  seen: number;
}

/** The units of the last parse, for finding the ones an edit left alone. */
interface PreviousParse {
  text: string;
  starts: number[];
  ends: number[];
  entries: CacheEntry[];
}

/**
 * Parses notes block by block and reuses each block's result while its
 * text is unchanged, so that after an edit only the blocks the edit
 * touched are parsed again. Blocks before and after the edit are found by
 * position (the two versions' common start and end are known to be
 * unchanged), so typing costs no hashing of the whole note; any other
 * block is looked up by its text. One parser per open document; its
 * results equal `parseWhole`.
 */
export class NoteParser {
  private previous: PreviousParse | undefined;
  private readonly byText = new Map<string, CacheEntry>();
  private generation = 0;
  /** Units parsed (found in no cache) by the last `parse`: for tests and benchmarks. */
  lastParsedUnits = 0;

  constructor(private readonly msg: Messages) {}

  parse(text: string): ParsedNote {
    const cuts = cutPoints(text);
    const reuse = this.previous && unchangedEnds(this.previous.text, text);
    const next: PreviousParse = { text, starts: [], ends: [], entries: [] };
    this.generation++;
    this.lastParsedUnits = 0;
    let i = 0;
    while (i < cuts.length) {
      const start = cuts[i]!;
      // A unit that ends inside a fenced code or HTML block was cut wrongly:
      // join it with the next units, doubling how many, so that even a long
      // unclosed block costs about two parses of it, not one per cut.
      let j = i + 1;
      let step = 1;
      let end: number;
      let entry: CacheEntry;
      for (;;) {
        end = j < cuts.length ? cuts[j]! : text.length;
        entry = this.unit(text, start, end, reuse);
        if (!entry.result.openAtEnd || j >= cuts.length) break;
        j = Math.min(j + step, cuts.length);
        step *= 2;
      }
      entry.seen = this.generation;
      next.starts.push(start);
      next.ends.push(end);
      next.entries.push(entry);
      i = j;
    }
    this.previous = next;
    this.forgetUnused(next.entries.length);
    return assemble(text, next.starts, next.entries);
  }

  private unit(text: string, start: number, end: number, reuse: Reuse | undefined): CacheEntry {
    const unchanged = reuse && this.unchanged(start, end, reuse);
    if (unchanged) return unchanged;
    const unitText = text.slice(start, end);
    // Front matter is read only at offset 0, so the same text parses differently there.
    const key = start === 0 ? '\u0000' + unitText : unitText;
    let entry = this.byText.get(key);
    if (!entry) {
      entry = { key: detach(key), result: analyseUnit(detach(unitText), start === 0, this.msg), seen: this.generation };
      this.byText.set(entry.key, entry);
      this.lastParsedUnits++;
    }
    return entry;
  }

  /** The previous entry for [start, end) if that span was a unit and lies in the text the edit left alone. */
  private unchanged(start: number, end: number, reuse: Reuse): CacheEntry | undefined {
    const previous = this.previous!;
    let shift: number;
    if (end <= reuse.prefix) shift = 0;
    else if (start >= reuse.suffixStart) shift = reuse.delta;
    else return undefined;
    const oldStart = start - shift;
    // Offset 0 reads front matter, so a unit never changes sides of it.
    if ((oldStart === 0) !== (start === 0)) return undefined;
    const k = indexOf(previous.starts, oldStart);
    return k >= 0 && previous.ends[k] === end - shift ? previous.entries[k] : undefined;
  }

  /** Drops blocks no recent parse used, once they outnumber the live ones (amortised: a sweep is rare). */
  private forgetUnused(live: number): void {
    if (this.byText.size <= 2 * live + 256) return;
    for (const [key, entry] of this.byText) if (entry.seen < this.generation - 1) this.byText.delete(key);
  }
}

function indexOf(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else if (sorted[mid]! > value) high = mid - 1;
    else return mid;
  }
  return -1;
}

interface Reuse {
  /** Length of the text both versions start with. */
  prefix: number;
  /** Where, in the new text, the part both versions end with begins. */
  suffixStart: number;
  /** New length minus old length. */
  delta: number;
}

const BLOCK = 4096;

/** How much of the start and end two versions of a note share; compared a block at a time, natively. */
function unchangedEnds(before: string, after: string): Reuse {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix + BLOCK <= max && before.slice(prefix, prefix + BLOCK) === after.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = max - prefix;
  while (suffix + BLOCK <= room && before.slice(before.length - suffix - BLOCK, before.length - suffix) === after.slice(after.length - suffix - BLOCK, after.length - suffix)) {
    suffix += BLOCK;
  }
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { prefix, suffixStart: after.length - suffix, delta: after.length - before.length };
}

/**
 * A copy of `s` that does not share memory with the string it was cut
 * from. V8 substrings keep their parent alive; a cached unit's strings
 * (segment texts, titles) would otherwise pin every old version of a
 * long note in memory as the user types.
 */
function detach(s: string): string {
  return (' ' + s).slice(1);
}

/** The reference reading: the whole note as one unit. */
export function parseWhole(text: string, msg: Messages): ParsedNote {
  return assemble(text, [0], [{ result: analyseUnit(text, true, msg) }]);
}

/**
 * Puts the units' results together at their places in the note. A unit
 * still at the place (and after as many segments) as in the last parse
 * reuses the objects it got then, so typing in a long note allocates for
 * the units after the edit only. Results are never changed once returned.
 */
function assemble(text: string, starts: number[], units: Placeable[]): ParsedNote {
  let count = 0;
  for (const unit of units) count += unit.result.segments.length;
  const segments: Segment[] = [];
  const reused = new Uint8Array(count);
  const callouts: Callout[] = [];
  const placeholders: Placeholder[] = [];
  const headings: Heading[] = [];
  const diagnostics: Diagnostic[] = [];
  const turns: Turn[] = [];
  let turn: Turn | undefined;
  units.forEach((unit, index) => {
    const start = starts[index]!;
    const base = segments.length;
    let placement = unit.placement;
    const isReused = placement !== undefined && placement.start === start && placement.base === base;
    if (!isReused) unit.placement = placement = place(unit.result, start, base);
    if (isReused) reused.fill(1, base, base + placement!.segments.length);
    append(segments, placement!.segments);
    append(callouts, placement!.callouts);
    append(placeholders, placement!.placeholders);
    append(headings, placement!.headings);
    append(diagnostics, placement!.diagnostics);
    turn = collectTurns(unit.result.blocks, start, turns, turn);
  });
  assignSpeakers(segments, reused, turns, callouts);
  const first = units[0]?.result.frontMatter;
  return {
    text,
    frontMatter: first,
    segments,
    callouts,
    turns,
    placeholders,
    headings,
    diagnostics: diagnostics.sort(compareDiagnostics),
  };
}

/** Most units add nothing to most lists; a loop beats a spread call per unit. */
function append<T>(to: T[], items: T[]): void {
  for (let i = 0; i < items.length; i++) to.push(items[i]!);
}

/** Most units hold no callout, heading or diagnostic: they share one empty list rather than allocate their own. */
const NONE: never[] = [];
const mapOrNone = <T, U>(items: T[], fn: (item: T) => U): U[] => (items.length ? items.map(fn) : NONE);

function place(result: UnitResult, start: number, base: number): Placement {
  return {
    start,
    base,
    segments: mapOrNone(result.segments, (s) => shiftSegment(s, start, base)),
    callouts: mapOrNone(result.callouts, (c) => ({ ...c, span: shiftSpan(c.span, start), markerSpan: shiftSpan(c.markerSpan, start), titleSpan: shiftSpan(c.titleSpan, start) })),
    placeholders: mapOrNone(result.placeholders, (p) => ({ text: p.text, span: shiftSpan(p.span, start) })),
    headings: mapOrNone(result.headings, (h) => ({ ...h, span: shiftSpan(h.span, start) })),
    diagnostics: mapOrNone(result.diagnostics, (d) => ({ ...d, span: shiftSpan(d.span, start) })),
  };
}

function shiftSegment(s: Segment, delta: number, indexBase: number): Segment {
  return {
    kind: s.kind,
    span: shiftSpan(s.span, delta),
    contentSpan: shiftSpan(s.contentSpan, delta),
    text: s.text,
    annotation: { span: shiftSpan(s.annotation.span, delta), body: s.annotation.body },
    parent: s.parent === undefined ? undefined : s.parent + indexBase,
    speaker: undefined,
  };
}


/**
 * A labelled paragraph opens a turn; plain blocks extend it; headings and
 * rules close it. Called unit by unit (a turn may go on into the next
 * unit), reading block spans relative to `offset` without copying them.
 */
function collectTurns(blocks: TopBlock[], offset: number, into: Turn[], current: Turn | undefined): Turn | undefined {
  for (const block of blocks) {
    if (block.kind === 'turn') {
      current = { speaker: block.speaker, labelSpan: shiftSpan(block.labelSpan, offset), span: shiftSpan(block.span, offset) };
      into.push(current);
    } else if (block.kind === 'break') current = undefined;
    else if (block.kind === 'plain' && current) current.span.end = block.span.end + offset;
  }
  return current;
}

/**
 * A segment speaks with the turn it starts in, unless it sits in a memo or
 * review (the coder's voice). A reused segment whose speaker changed is
 * copied, never changed: an earlier result may still hold it.
 */
function assignSpeakers(segments: Segment[], reused: Uint8Array, turns: Turn[], callouts: Callout[]): void {
  const topCallouts = callouts.filter((c, i) => i === 0 || c.span.start >= callouts[i - 1]!.span.end);
  let t = 0;
  let c = 0;
  segments.forEach((segment, index) => {
    const at = segment.span.start;
    while (t < turns.length && turns[t]!.span.end <= at) t++;
    while (c < topCallouts.length && topCallouts[c]!.span.end <= at) c++;
    const turn = turns[t];
    const inCallout = c < topCallouts.length && topCallouts[c]!.span.start <= at;
    const speaker = turn && turn.span.start <= at && !inCallout ? turn.speaker : undefined;
    if (segment.speaker === speaker) return;
    if (reused[index]) segments[index] = { ...segment, speaker };
    else segment.speaker = speaker;
  });
}
