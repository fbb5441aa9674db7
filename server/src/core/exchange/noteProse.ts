import type { Nodes, Root } from 'mdast';
import { parseMarkdown } from '../dialect/markdown.js';
import { lineEndOf } from '../dialect/source.js';
import type { Span } from '../text/range.js';

/**
 * Where in a note's Markdown body codings can go and callouts can stand,
 * read from the same CommonMark parse the dialect uses: words are coded
 * inside paragraphs and headings (the dialect reads annotations there), and
 * a callout goes between top-level blocks.
 */
export interface Prose {
  /** Paragraphs and headings, at any depth, by start. */
  prose: Span[];
  /** Top-level blocks, by start. */
  blocks: Span[];
}

export function readProse(markdown: string): Prose {
  const root: Root = parseMarkdown(markdown, false);
  const prose: Span[] = [];
  // A stack, not recursion: an imported text may nest quotes and lists without bound.
  const stack: Nodes[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'paragraph' || node.type === 'heading') prose.push(spanOf(node));
    else if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return { prose: prose.sort((a, b) => a.start - b.start), blocks: root.children.map(spanOf) };
}

function spanOf(node: Nodes): Span {
  return { start: node.position!.start.offset!, end: node.position!.end.offset! };
}

/**
 * Where a callout about the words at `offset` goes: at the end of the line
 * that ends the top-level block holding them (or the last block before
 * them); 0, the top of the body, when no block comes before.
 */
export function calloutPlace(markdown: string, blocks: Span[], offset: number): number {
  let place = 0;
  for (const block of blocks) {
    if (block.start > offset) break;
    place = lineEndOf(markdown, block.end);
  }
  return place;
}
