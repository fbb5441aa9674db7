/**
 * Selection positions and the text they point into. REFI-QDA counts
 * Unicode code points of the source text as stored (a `\r\n` is two);
 * JavaScript strings count UTF-16 units, and the written note changes the
 * text further (line ends, escapes). Each step is a table from old offset
 * to new, so a position goes through all of them exactly.
 */

/** How a tool counted positions: the standard's way, or one of two common mistakes. */
export type Counting = 'code-points' | 'utf16' | 'crlf-as-one';

/** A text made from another, with `offsets[i]` the new offset of old UTF-16 offset `i` (length: old length + 1). */
export interface MappedText {
  text: string;
  offsets: Int32Array;
}

/** For each position in `counting` (and the end), the UTF-16 offset in `raw`. */
export function positionTable(raw: string, counting: Counting): Int32Array {
  if (counting === 'utf16') return Int32Array.from({ length: raw.length + 1 }, (_, i) => i);
  const table: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    table.push(i);
    const c = raw.charCodeAt(i);
    const pairsWithNext =
      counting === 'code-points' ? c >= 0xd800 && c <= 0xdbff && isLowSurrogate(raw.charCodeAt(i + 1)) : (c === 13 && raw.charCodeAt(i + 1) === 10) || (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(raw.charCodeAt(i + 1)));
    if (pairsWithNext) i++;
  }
  table.push(raw.length);
  return Int32Array.from(table);
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** An offset that does not split a surrogate pair (a UTF-16 count can point between its halves). */
export function safeOffset(text: string, offset: number): number {
  return offset > 0 && isLowSurrogate(text.charCodeAt(offset)) && text.charCodeAt(offset - 1) >= 0xd800 && text.charCodeAt(offset - 1) <= 0xdbff ? offset - 1 : offset;
}

/** `\r\n` and a lone `\r` become `\n`; a dropped `\r` maps to the `\n` that stays. */
export function normalizeLineEnds(raw: string): MappedText {
  const offsets = new Int32Array(raw.length + 1);
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    offsets[i] = out.length;
    const c = raw[i]!;
    if (c === '\r') {
      if (raw[i + 1] !== '\n') out += '\n';
    } else out += c;
  }
  offsets[raw.length] = out.length;
  return { text: out, offsets };
}

/** Offsets through two steps: `first` then `second` (made from `first.text`). */
export function composeOffsets(first: Int32Array, second: Int32Array): Int32Array {
  return first.map((offset) => second[offset]!);
}
