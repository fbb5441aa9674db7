import type { List, Nodes, RootContent } from 'mdast';
import { parseMarkdown } from './markdown.js';
import { lineEndOf, listMarkerEnd, nextLineStart } from './source.js';

/*
 * remark-parse over a run of a text, its blocks' offsets moved to the
 * text's. A long list is parsed in pieces: micromark's time grows with the
 * square of a list's items once they hold other blocks (4,000 items each
 * with a sub-item take it 28 s whole; the same list in pieces of about a
 * hundred lines, well under a second).
 *
 * A piece may end before a line in column 1 that starts a list item. The
 * piece is parsed together with that line, which must come out as an item
 * of the last top-level list: then everything before it is closed as in a
 * parse of the whole text (a parser reads forwards, and an item in column
 * 1 belongs to no block but a top-level list). The next piece starts with
 * that item; parsed alone it starts a list, whose items join the list
 * before when that list was still open. Where the line comes out as
 * something else (it is inside a fenced code block, say), the piece goes on
 * and the next try waits twice as many lines, so failed tries cost as much
 * as one parse of the run at most.
 */

/** Lines a piece holds before it tries to end at a list item. */
const PIECE_LINES = 100;

export function parseRun(text: string, from: number, to: number, atDocumentStart: boolean): RootContent[] {
  const blocks: RootContent[] = [];
  /** The last block so far when it is a list the next piece's first items belong to. */
  let open: List | undefined;
  let pieceStart = from;
  let wanted = PIECE_LINES;
  let lines = 0;
  for (let at = nextLineStart(text, from); at < to; at = nextLineStart(text, at)) {
    if (++lines < wanted || !mayStartItem(text, at)) continue;
    const lineEnd = lineEndOf(text, at);
    // The run's last line is the block after the run, which the caller checks starts a block of its own.
    if (lineEnd >= to) break;
    const piece = parseSlice(text, pieceStart, lineEnd, atDocumentStart);
    const list = piece.at(-1);
    if (list?.type !== 'list' || list.children.at(-1)?.position!.start.offset !== at) {
      wanted *= 2;
      continue;
    }
    list.children.pop();
    if (list.children.length) list.position!.end = { ...list.children.at(-1)!.position!.end };
    else piece.pop();
    const joined = join(blocks, piece, open);
    // The list the next piece's first item belongs to: this one, or the one it joined.
    open = list.children.length ? (list === piece[0] && joined ? joined : list) : undefined;
    pieceStart = at;
    lines = 0;
    wanted = PIECE_LINES;
  }
  join(blocks, parseSlice(text, pieceStart, to, atDocumentStart), open);
  return blocks;
}

/** Appends a piece's blocks; its first, a list, joins `open` when the items went on. Returns the list its first joined, if any. */
function join(blocks: RootContent[], piece: RootContent[], open: List | undefined): List | undefined {
  const first = piece[0];
  if (open && first?.type === 'list') {
    open.children.push(...first.children);
    open.position!.end = { ...first.position!.end };
    open.spread = open.spread || first.spread;
    for (let i = 1; i < piece.length; i++) blocks.push(piece[i]!);
    return open;
  }
  for (const block of piece) blocks.push(block);
  return undefined;
}

function parseSlice(text: string, from: number, to: number, atDocumentStart: boolean): RootContent[] {
  const children = parseMarkdown(from === 0 && to === text.length ? text : text.slice(from, to), atDocumentStart && from === 0).children;
  if (from !== 0) for (const child of children) shift(child, from);
  return children;
}

/** A list marker in column 1, then a space, a tab or the line's end. */
function mayStartItem(text: string, at: number): boolean {
  const end = listMarkerEnd(text, at);
  if (end < 0) return false;
  const after = text.charCodeAt(end);
  return end >= text.length || after === 32 || after === 9 || after === 10 || after === 13;
}

/** Moves every node's offsets; a stack, not recursion, as nesting has no bound. */
function shift(root: Nodes, by: number): void {
  const stack: Nodes[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const position = node.position;
    if (position) {
      position.start.offset! += by;
      position.end.offset! += by;
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}
