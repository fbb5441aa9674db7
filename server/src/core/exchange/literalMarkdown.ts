import type { MappedText } from './positions.js';

/**
 * Plain text made into Markdown that reads as the same words: every
 * character Markdown or the dialect would take for markup gets a
 * backslash, and a paragraph's first line loses an indentation that would
 * make it code. Lines stay as they are (no blank line is added or
 * removed), so paragraphs stay paragraphs.
 *
 * Written by hand rather than with mdast-util-to-markdown: the import
 * places codings by position, so it needs to know where every character
 * went, and a serializer gives back only the new text.
 */
export function escapeMarkdown(text: string): MappedText {
  const offsets = new Int32Array(text.length + 1);
  const out: string[] = [];
  let length = 0;
  const emit = (s: string) => {
    out.push(s);
    length += s.length;
  };
  let paragraphStart = true;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const blank = /^[ \t]*$/.test(line);
    const indent = /^[ \t]*/.exec(line)![0].length;
    // A paragraph's first line indented four columns is code; later lines continue the paragraph whatever their indent.
    const dropIndent = !blank && paragraphStart && columns(line.slice(0, indent)) >= 4;
    const markerAt = !blank && (dropIndent || columns(line.slice(0, indent)) < 4) ? indent : -1;
    const marker = markerAt >= 0 ? lineStartEscape(line.slice(markerAt)) : -1;
    const escapeAt = marker >= 0 ? markerAt + marker : -1;
    for (let i = 0; i < line.length; i++) {
      offsets[lineStart + i] = length;
      if (dropIndent && i < indent) continue;
      const c = line[i]!;
      if (i === escapeAt || escapesAnywhere(line, i)) emit('\\');
      emit(c);
    }
    if (newline < 0) {
      offsets[text.length] = length;
      break;
    }
    offsets[lineEnd] = length;
    emit('\n');
    paragraphStart = blank;
    lineStart = lineEnd + 1;
  }
  return { text: out.join(''), offsets };
}

/** Width of leading white space, tabs to the next multiple of four (CommonMark's rule). */
function columns(indent: string): number {
  let width = 0;
  for (const c of indent) width = c === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}

/**
 * `>` too, anywhere: the dialect reads a segment's words without a leading
 * quote marker, so `[> a]{...}` would lose it; `\>` is read as written.
 */
const ALWAYS = new Set(['\\', '`', '*', '_', '[', ']', '{', '}', '<', '>']);
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

function escapesAnywhere(line: string, i: number): boolean {
  const c = line[i]!;
  return ALWAYS.has(c) || (c === '&' && ENTITY.test(line.slice(i)));
}

/**
 * Where, in a line from its first non-space character, a block marker
 * starts that must be escaped: a heading, quote, list item, setext
 * underline, thematic break or fence. -1 when there is none (or when the
 * marker is a character escaped everywhere anyway).
 */
function lineStartEscape(rest: string): number {
  if (/^#{1,6}(?:[ \t]|$)/.test(rest)) return 0;
  if (/^[-+](?:[ \t]|$)/.test(rest)) return 0;
  if (/^-(?:[ \t]*-)+[ \t]*$/.test(rest)) return 0;
  if (/^=+[ \t]*$/.test(rest)) return 0;
  if (/^~{3,}/.test(rest)) return 0;
  const ordered = /^\d{1,9}(?=[.)](?:[ \t]|$))/.exec(rest);
  return ordered ? ordered[0].length : -1;
}
