/**
 * Half-open span of UTF-16 code unit offsets into a document's text.
 * Offsets (not line/column) are what the core stores: they shift cheaply
 * when a parsed block moves, and LSP positions are UTF-16 based too.
 */
export interface Span {
  start: number;
  end: number;
}

export function shiftSpan(s: Span, delta: number): Span {
  return { start: s.start + delta, end: s.end + delta };
}
