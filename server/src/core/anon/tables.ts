/**
 * Markdown tables as notes paste them (a tracker of recruits, an overview
 * of cases): the cells of the columns whose header says what they hold,
 * so that a column of births or of names is read as such, with the cue
 * once at the top.
 */

/** A table's row that parts its header from its body (`|---|:--:|`). */
const TABLE_RULE = /^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$/u;

/** A table row's cells, each with where it starts in the row (the pipes at the ends are no cells). */
function tableCells(row: string): { text: string; start: number }[] {
  const cells: { text: string; start: number }[] = [];
  let start = row.indexOf('|') === row.search(/\S/u) ? row.indexOf('|') + 1 : 0;
  for (let at = start; at <= row.length; at++) {
    if (at === row.length || (row[at] === '|' && row[at - 1] !== '\\')) {
      if (at < row.length || row.slice(start).trim()) cells.push({ text: row.slice(start, at), start });
      start = at + 1;
    }
  }
  return cells;
}

/** A body cell of a column whose header matched: its text, where it starts in the text, and the header (lower case). */
export interface ColumnCell {
  text: string;
  start: number;
  header: string;
}

/** The body cells, in text order, of every column whose header (markup and a colon aside) `wanted` accepts. */
export function columnCells(text: string, wanted: RegExp): ColumnCell[] {
  const markdown = text.includes('|') ? markdownColumnCells(text, wanted) : [];
  const csv = mayHoldCsv(text) ? csvColumnCells(text, wanted) : [];
  return csv.length ? [...markdown, ...csv].sort((a, b) => a.start - b.start) : markdown;
}

/** Whether a text may hold a table: a Markdown table's pipe, or comma-separated rows (`mayHoldCsv`). */
export function mayHoldTable(text: string): boolean {
  return text.includes('|') || mayHoldCsv(text);
}

/** Whether a text may hold comma-separated rows: a comma between two letters with no space (`navn,pseudonym`). */
export function mayHoldCsv(text: string): boolean {
  // (From each comma, found with `indexOf`: a paragraph is asked once for each column a check reads.)
  for (let at = text.indexOf(','); at > 0 && at < text.length - 1; at = text.indexOf(',', at + 1)) {
    if (isLetter(text.charCodeAt(at - 1)) && isLetter(text.charCodeAt(at + 1))) return true;
  }
  return false;
}

/** A letter of the Latin alphabets (ASCII and Latin-1). */
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7);
}

/** A comma-separated line's fields, each with where it starts in the line; a field in double quotes may hold commas. */
function csvFields(line: string): { text: string; start: number }[] {
  const fields: { text: string; start: number }[] = [];
  let start = 0;
  let quoted = false;
  for (let at = 0; at <= line.length; at++) {
    const c = line[at];
    if (c === '"') quoted = !quoted;
    else if (at === line.length || (c === ',' && !quoted)) {
      let field = line.slice(start, at);
      let from = start;
      // (The quotes are no part of the value: `"lærling Mosjøen Bilverksted; kalles Abdi"`.)
      if (field.startsWith('"') && field.endsWith('"') && field.length >= 2) {
        field = field.slice(1, -1);
        from++;
      }
      fields.push({ text: field, start: from });
      start = at + 1;
    }
  }
  return fields;
}

/** A CSV header: three or more fields of a few words each, no digits (`løpenr,navn,pseudonym,f.dato,kommune`). */
const CSV_HEADER = /^[ \t]*[\p{L}][\p{L}. /_-]{0,30}(?:,[ \t]*[\p{L}][\p{L}. /_-]{0,30}){2,}[ \t]*$/u;

/**
 * The cells of the wanted columns of comma-separated rows pasted as a spreadsheet's export: a header line, then rows
 * with as many fields, until a line that has not.
 */
function csvColumnCells(text: string, wanted: RegExp): ColumnCell[] {
  const out: ColumnCell[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let columns: { index: number; header: string }[] = [];
  let width = 0;
  for (let i = 0; i < lines.length; offset += lines[i]!.length + 1, i++) {
    const line = lines[i]!;
    if (columns.length) {
      const fields = csvFields(line);
      if (fields.length === width) {
        for (const { index, header } of columns) out.push({ text: fields[index]!.text, start: offset + fields[index]!.start, header });
        continue;
      }
      columns = [];
    }
    if (!line.includes(',') || line.includes(', ') || !CSV_HEADER.test(line)) continue;
    const header = csvFields(line).map((f) => f.text.trim());
    const next = lines[i + 1];
    if (next === undefined || csvFields(next).length !== header.length) continue;
    width = header.length;
    columns = header.flatMap((h, index) => (wanted.test(h) ? [{ index, header: h.toLowerCase() }] : []));
  }
  return out;
}

/** How long a table's header row and rule may be: a longer line is read no further (a line of 1 MB is not read once per place on it). */
const ROW_REACH = 2000;

/** Whether the place `at` is on a Markdown table's header row: a row of cells with the table's rule under it. */
export function inTableHeader(text: string, at: number): boolean {
  const from = Math.max(0, at - ROW_REACH);
  const lineStart = from + text.slice(from, at).lastIndexOf('\n') + 1;
  if (lineStart === from && from > 0) return false;
  const rest = text.slice(at, at + 2 * ROW_REACH);
  const lineEnd = rest.indexOf('\n');
  if (lineEnd < 0 || text.charCodeAt(text.slice(lineStart, at + lineEnd).search(/\S/u) + lineStart) !== 124) return false;
  const nextEnd = rest.indexOf('\n', lineEnd + 1);
  return TABLE_RULE.test(rest.slice(lineEnd + 1, nextEnd < 0 ? rest.length : nextEnd));
}

/** The body cells of a Markdown table's wanted columns. */
function markdownColumnCells(text: string, wanted: RegExp): ColumnCell[] {
  const out: ColumnCell[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let columns: { index: number; header: string }[] = [];
  for (let i = 0; i < lines.length; offset += lines[i]!.length + 1, i++) {
    const line = lines[i]!;
    if (!line.includes('|')) {
      columns = [];
      continue;
    }
    if (TABLE_RULE.test(line) && i > 0) {
      // (A remark in brackets is no part of what the header names: `nøkkel (SLETTES)`, `Navn (ekte)`.)
      const header = tableCells(lines[i - 1]!).map((c) => c.text.replace(/[*_:]/gu, '').replace(/[ \t]*\([^)]*\)[ \t]*$/u, '').trim());
      columns = header.flatMap((h, index) => (wanted.test(h) ? [{ index, header: h.toLowerCase() }] : []));
      continue;
    }
    if (!columns.length) continue;
    const cells = tableCells(line);
    for (const { index, header } of columns) {
      const cell = cells[index];
      if (cell) out.push({ text: cell.text, start: offset + cell.start, header });
    }
  }
  return out;
}

/** The words of the note's tables' short headers (`Status`, `Kode`, `Created By`): a column's label, no one's name where prose names it. */
export function headerWords(text: string): Set<string> {
  const words = new Set<string>();
  if (!text.includes('|')) return words;
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]!.includes('-') || !TABLE_RULE.test(lines[i]!)) continue;
    for (const cell of tableCells(lines[i - 1]!)) {
      const header = cell.text.replace(/[*_:]/gu, '').trim();
      if (/^\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){0,2}$/u.test(header)) for (const word of header.split(/[ \t]+/u)) words.add(word);
    }
  }
  return words;
}
