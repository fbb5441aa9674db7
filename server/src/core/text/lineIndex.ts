import type { Span } from './range.js';

/** Zero-based line and UTF-16 character, as in the Language Server Protocol. */
export interface Position {
  line: number;
  character: number;
}

export interface PositionRange {
  start: Position;
  end: Position;
}

/**
 * Converts offsets to LSP positions. Line breaks are \n, \r\n and \r,
 * the three the LSP specification recognises.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    // Most notes break lines with \n alone: found by `indexOf`, many times faster than a loop over every character.
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]! };
  }

  range(s: Span): PositionRange {
    return { start: this.position(s.start), end: this.position(s.end) };
  }

  /** The offset of an LSP position; a character past the line's end stops at the line break. */
  offset(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, position.line)]!;
    let end = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1]! : this.text.length;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return Math.min(start + Math.max(0, position.character), end);
  }
}
