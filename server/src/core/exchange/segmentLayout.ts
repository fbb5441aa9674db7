import type { Span } from '../text/range.js';

/**
 * REFI selections as dialect segments. A selection may run over a
 * paragraph break or overlap another without either holding the other;
 * segments cannot (each lies in one paragraph, and they nest like
 * brackets). So each selection is cut at paragraph breaks, and where two
 * still overlap, the later one is cut at the other's ends. Every piece of
 * a selection keeps all its codes, so no coding is lost; selections with
 * the same words become one segment with all their codes.
 */
export interface CodingRequest {
  /** Offsets in the note's body. */
  start: number;
  end: number;
  codes: string[];
  /** The coder's reading (`evidence=`), already checked against the codebook. */
  evidence: string | undefined;
  /** Asked to be a block code; honoured only when the selection stays whole (see `LaidSegment.block`). */
  block: boolean;
  /** Go on the request's first piece only, so that a split selection's memo is not repeated. */
  memos: string[];
}

export interface LaidSegment extends Span {
  codes: string[];
  evidence: string | undefined;
  /** Written as a block code line under the words' block rather than in brackets: asked for by every selection it holds, none of them split. */
  block: boolean;
  memos: string[];
  /** How many segments hold this one (0 at the top). */
  depth: number;
}

export interface RequestPlacement {
  /** Indexes into `Layout.segments` of the segments holding the request's words, in text order. */
  segments: number[];
  paragraphs: boolean;
  overlap: boolean;
  /** Why nothing was placed: only white space, or no words the dialect can code. */
  dropped: 'blank' | 'not-in-prose' | undefined;
}

export interface Layout {
  /** By start, outer before inner. */
  segments: LaidSegment[];
  /** One per request, in the requests' order. */
  placements: RequestPlacement[];
}

interface Piece extends Span {
  request: number;
}

interface Building extends LaidSegment {
  requests: Set<number>;
  order: number;
}

export function layOutSegments(text: string, prose: Span[], requests: CodingRequest[]): Layout {
  const placements: RequestPlacement[] = requests.map(() => ({ segments: [], paragraphs: false, overlap: false, dropped: undefined }));
  const pieces: Piece[] = [];
  requests.forEach((request, index) => {
    const own = paragraphPieces(text, prose, request).map((span) => ({ ...span, request: index }));
    if (!own.length) placements[index]!.dropped = text.slice(request.start, request.end).trim() ? 'not-in-prose' : 'blank';
    placements[index]!.paragraphs = own.length > 1;
    pieces.push(...own);
  });
  pieces.sort((a, b) => a.start - b.start || b.end - a.end || a.request - b.request);

  const built: Building[] = [];
  const firstPieceDone = new Set<number>();
  for (const piece of pieces) {
    const cuts = crossingEnds(piece, built);
    if (cuts.length) placements[piece.request]!.overlap = true;
    const parts = cutAt(text, piece, cuts);
    const whole = parts.length === 1 && !placements[piece.request]!.paragraphs;
    for (const part of parts) {
      const request = requests[piece.request]!;
      const memos = firstPieceDone.has(piece.request) ? [] : request.memos;
      firstPieceDone.add(piece.request);
      place(built, { ...part, request: piece.request }, request, memos, whole);
    }
  }

  built.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  assignDepths(built);
  built.forEach((segment, index) => {
    for (const request of segment.requests) placements[request]!.segments.push(index);
  });
  const segments = built.map(({ start, end, codes, evidence, block, memos, depth }) => ({ start, end, codes, evidence, block, memos, depth }));
  return { segments, placements };
}

/** The request's words in each paragraph or heading it touches, trimmed of white space. */
function paragraphPieces(text: string, prose: Span[], request: Span): Span[] {
  const pieces: Span[] = [];
  for (const block of prose) {
    if (block.end <= request.start) continue;
    if (block.start >= request.end) break;
    const piece = trim(text, { start: Math.max(block.start, request.start), end: Math.min(block.end, request.end) });
    if (piece) pieces.push(piece);
  }
  return pieces;
}

function trim(text: string, span: Span): Span | undefined {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : undefined;
}

/** Ends of placed segments that lie strictly inside `piece` and belong to a segment that crosses it. */
function crossingEnds(piece: Span, placed: Span[]): number[] {
  const cuts = new Set<number>();
  for (const other of placed) {
    const startsInside = other.start > piece.start && other.start < piece.end;
    const endsInside = other.end > piece.start && other.end < piece.end;
    if (startsInside && !endsInside && other.end > piece.end) cuts.add(other.start);
    if (endsInside && !startsInside && other.start < piece.start) cuts.add(other.end);
  }
  return [...cuts].sort((a, b) => a - b);
}

function cutAt(text: string, piece: Span, cuts: number[]): Span[] {
  const bounds = [piece.start, ...cuts, piece.end];
  const parts: Span[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const part = trim(text, { start: bounds[i]!, end: bounds[i + 1]! });
    if (part) parts.push(part);
  }
  return parts;
}

/** Adds a piece, or joins it to a segment over the same words with the same reading. `whole`: the piece is its selection, uncut. */
function place(built: Building[], piece: Piece, request: CodingRequest, memos: string[], whole: boolean): void {
  const same = built.find((s) => s.start === piece.start && s.end === piece.end && s.evidence === request.evidence);
  const block = request.block && whole;
  const target = same ?? { start: piece.start, end: piece.end, codes: [], evidence: request.evidence, block, memos: [], depth: 0, requests: new Set<number>(), order: built.length };
  if (!same) built.push(target);
  else target.block &&= block;
  for (const code of request.codes) if (!target.codes.includes(code)) target.codes.push(code);
  for (const memo of memos) if (!target.memos.includes(memo)) target.memos.push(memo);
  target.requests.add(piece.request);
}

/** Segments sorted by start, outer first: depth is how many hold each. */
function assignDepths(segments: LaidSegment[]): void {
  const stack: LaidSegment[] = [];
  for (const segment of segments) {
    while (stack.length && !(stack.at(-1)!.start <= segment.start && segment.end <= stack.at(-1)!.end)) stack.pop();
    segment.depth = stack.length;
    stack.push(segment);
  }
}
