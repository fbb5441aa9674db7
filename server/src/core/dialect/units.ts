/**
 * Where a note may be cut into parse units that CommonMark reads the same
 * alone as in the whole note.
 *
 * A cut goes before a line that starts in the first column after a blank
 * line. Such a line closes every open container (block quote, list item),
 * paragraph and indented code block, so parsing can start afresh there.
 * Two things survive it: a fenced code block and an HTML block of kinds 1
 * to 5 (`<pre>`, `<!--` ...) opened at the top level. This scanner follows
 * both to avoid cutting inside them; since it cannot always tell a
 * top-level block from one in a list item, `NoteParser` also checks each
 * unit's last block and joins units when a cut fell inside one. Front
 * matter, which may hold blank lines, is never cut.
 *
 * A list item marker after a blank line may continue a list across a cut;
 * that changes only whether mdast sees one list or two, never what is
 * coded, so it is allowed.
 */
export function cutPoints(text: string): number[] {
  const cuts = [0];
  const matterEnd = frontMatterEnd(text);
  let pos = matterEnd === 0 ? 0 : text[matterEnd] === '\r' && text[matterEnd + 1] === '\n' ? matterEnd + 2 : matterEnd + 1;
  let previousBlank = false;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  // Most notes have no lone \r: then indexOf('\n') (native, fast) finds every line end.
  const loneCr = hasLoneCr(text);
  while (pos < text.length) {
    let lineEnd: number;
    if (loneCr) {
      lineEnd = pos;
      while (lineEnd < text.length) {
        const c = text.charCodeAt(lineEnd);
        if (c === 10 || c === 13) break;
        lineEnd++;
      }
    } else {
      const newline = text.indexOf('\n', pos);
      lineEnd = newline < 0 ? text.length : newline > pos && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    }
    const next = text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
    const first = text.charCodeAt(pos);
    const blank = isBlank(text, pos, lineEnd);
    if (fence) {
      if (closesFence(text, pos, lineEnd, fence)) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(text.slice(pos, lineEnd))) htmlEnd = undefined;
    } else {
      if (previousBlank && !blank && first !== 32 && first !== 9 && pos > 0) cuts.push(pos);
      fence = opensFence(text, pos, lineEnd);
      if (!fence && !blank) htmlEnd = opensHtmlBlock(text.slice(pos, lineEnd));
    }
    previousBlank = blank;
    pos = next;
  }
  return cuts;
}

function hasLoneCr(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return true;
  }
  return false;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function indentation(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && text.charCodeAt(i) === 32) i++;
  return i - from;
}

function opensFence(text: string, from: number, to: number): { char: string; length: number } | undefined {
  const indent = indentation(text, from, to);
  if (indent > 3) return undefined;
  const char = text[from + indent];
  if (char !== '`' && char !== '~') return undefined;
  let i = from + indent;
  while (i < to && text[i] === char) i++;
  const length = i - from - indent;
  if (length < 3) return undefined;
  if (char === '`' && text.slice(i, to).includes('`')) return undefined;
  return { char, length };
}

/** CommonMark's HTML blocks of kinds 1 to 5: their start, and what ends them (blank lines do not). */
export const MULTILINE_HTML: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** The end condition of an HTML block that this line opens and does not close, if any. */
function opensHtmlBlock(line: string): RegExp | undefined {
  if (!line.trimStart().startsWith('<')) return undefined;
  for (const [open, end] of MULTILINE_HTML) {
    const m = open.exec(line);
    if (m) return end.test(line.slice(m[0].length)) ? undefined : end;
  }
  return undefined;
}

function closesFence(text: string, from: number, to: number, fence: { char: string; length: number }): boolean {
  const indent = indentation(text, from, to);
  if (indent > 3) return false;
  let i = from + indent;
  while (i < to && text[i] === fence.char) i++;
  return i - from - indent >= fence.length && isBlank(text, i, to);
}

/**
 * End of the YAML front matter (just after its closing `---` line), or 0
 * when the note has none. Mirrors micromark-extension-frontmatter: `---`
 * on the first line, closed by the next line that is `---`, both allowing
 * trailing spaces; without a closing line there is no front matter.
 */
export function frontMatterEnd(text: string): number {
  const open = /^---[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (!open) return 0;
  let pos = open[0].length;
  while (pos < text.length) {
    let lineEnd = pos;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    if (/^---[ \t]*$/.test(text.slice(pos, lineEnd))) return lineEnd;
    pos = text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? lineEnd + 2 : lineEnd + 1;
  }
  return 0;
}
