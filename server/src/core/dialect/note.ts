import { compareDiagnostics, type Diagnostic } from '../checks/diagnostic.js';
import type { Messages } from '../i18n/messages.js';
import { shiftSpan, type Span } from '../text/range.js';
import type { Annotation, Callout, Heading, ParsedNote, Placeholder, Segment, Turn } from './model.js';
import { analyseUnit, type TopBlock, type UnitResult } from './unit.js';
import { cutPoints } from './units.js';

interface PlacedUnit {
  start: number;
  result: UnitResult;
}

/**
 * Parses notes block by block and remembers each block's result by its
 * text, so that after an edit only the blocks the edit touched are parsed
 * again. One parser per open document; results equal `parseWhole`.
 */
export class NoteParser {
  private cache = new Map<string, UnitResult>();
  /** Units parsed (not found in the cache) by the last `parse`: for tests and benchmarks. */
  lastParsedUnits = 0;

  constructor(private readonly msg: Messages) {}

  parse(text: string): ParsedNote {
    const cuts = cutPoints(text);
    const used = new Map<string, UnitResult>();
    const units: PlacedUnit[] = [];
    this.lastParsedUnits = 0;
    let i = 0;
    while (i < cuts.length) {
      const start = cuts[i]!;
      let j = i + 1;
      let result: UnitResult;
      for (;;) {
        const end = j < cuts.length ? cuts[j]! : text.length;
        result = this.unit(text.slice(start, end), start === 0, used);
        if (!result.openAtEnd || j >= cuts.length) break;
        j++;
      }
      units.push({ start, result });
      i = j;
    }
    this.cache = used;
    return assemble(text, units);
  }

  private unit(unitText: string, atDocumentStart: boolean, used: Map<string, UnitResult>): UnitResult {
    // Front matter is read only at offset 0, so the same text parses differently there.
    const key = atDocumentStart ? '\u0000' + unitText : unitText;
    let result = used.get(key) ?? this.cache.get(key);
    if (!result) {
      result = analyseUnit(unitText, atDocumentStart, this.msg);
      this.lastParsedUnits++;
    }
    used.set(key, result);
    return result;
  }
}

/** The reference reading: the whole note as one unit. */
export function parseWhole(text: string, msg: Messages): ParsedNote {
  return assemble(text, [{ start: 0, result: analyseUnit(text, true, msg) }]);
}

function assemble(text: string, units: PlacedUnit[]): ParsedNote {
  const segments: Segment[] = [];
  const callouts: Callout[] = [];
  const placeholders: Placeholder[] = [];
  const headings: Heading[] = [];
  const diagnostics: Diagnostic[] = [];
  const blocks: TopBlock[] = [];
  for (const { start, result } of units) {
    const base = segments.length;
    for (const s of result.segments) segments.push(shiftSegment(s, start, base));
    for (const c of result.callouts) {
      callouts.push({ ...c, span: shiftSpan(c.span, start), markerSpan: shiftSpan(c.markerSpan, start), titleSpan: shiftSpan(c.titleSpan, start) });
    }
    for (const p of result.placeholders) placeholders.push({ text: p.text, span: shiftSpan(p.span, start) });
    for (const h of result.headings) headings.push({ ...h, span: shiftSpan(h.span, start) });
    for (const d of result.diagnostics) diagnostics.push({ ...d, span: shiftSpan(d.span, start) });
    for (const b of result.blocks) {
      blocks.push(b.kind === 'turn' ? { ...b, span: shiftSpan(b.span, start), labelSpan: shiftSpan(b.labelSpan, start) } : { kind: b.kind, span: shiftSpan(b.span, start) });
    }
  }
  const turns = collectTurns(blocks);
  assignSpeakers(segments, turns, callouts);
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

function shiftSegment(s: Segment, delta: number, indexBase: number): Segment {
  return {
    kind: s.kind,
    span: shiftSpan(s.span, delta),
    contentSpan: shiftSpan(s.contentSpan, delta),
    text: s.text,
    annotation: shiftAnnotation(s.annotation, delta),
    parent: s.parent === undefined ? undefined : s.parent + indexBase,
    speaker: undefined,
  };
}

function shiftAnnotation(a: Annotation, delta: number): Annotation {
  const shift = (x: Span) => shiftSpan(x, delta);
  return {
    span: shift(a.span),
    codes: a.codes.map((c) => ({
      ...c,
      span: shift(c.span),
      idSpan: shift(c.idSpan),
      dimensionSpan: shift(c.dimensionSpan),
      variationSpan: c.variationSpan && shift(c.variationSpan),
    })),
    attributes: a.attributes.map((t) => ({ ...t, span: shift(t.span), keySpan: shift(t.keySpan), valueSpan: shift(t.valueSpan) })),
  };
}

/** A labelled paragraph opens a turn; plain blocks extend it; headings and rules close it. */
function collectTurns(blocks: TopBlock[]): Turn[] {
  const turns: Turn[] = [];
  let current: Turn | undefined;
  for (const block of blocks) {
    if (block.kind === 'turn') {
      current = { speaker: block.speaker, labelSpan: block.labelSpan, span: { ...block.span } };
      turns.push(current);
    } else if (block.kind === 'break') current = undefined;
    else if (block.kind === 'plain' && current) current.span.end = block.span.end;
  }
  return turns;
}

/** A segment speaks with the turn it starts in, unless it sits in a memo or review (the coder's voice). */
function assignSpeakers(segments: Segment[], turns: Turn[], callouts: Callout[]): void {
  const topCallouts = callouts.filter((c, i) => i === 0 || c.span.start >= callouts[i - 1]!.span.end);
  let t = 0;
  let c = 0;
  for (const segment of segments) {
    const at = segment.span.start;
    while (t < turns.length && turns[t]!.span.end <= at) t++;
    while (c < topCallouts.length && topCallouts[c]!.span.end <= at) c++;
    const turn = turns[t];
    const inCallout = c < topCallouts.length && topCallouts[c]!.span.start <= at;
    segment.speaker = turn && turn.span.start <= at && !inCallout ? turn.speaker : undefined;
  }
}
