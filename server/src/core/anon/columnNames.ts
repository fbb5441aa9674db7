import { isCalendar, isPersonCue, type NameFinding } from './names.js';
import { columnCells } from './tables.js';
import { INSTITUTIONS, NEVER_NAMES } from './wordlists.js';

/**
 * Names in a table's column of names (`| Navn |` over `| Sol (kallenavn) |`,
 * `| ROJDA AYDIN, f. 9/3-03 |`): an overview of cases or a tracker of
 * recruits lists persons so, with the cue once at the top, and a name
 * there is a name even where it is also a word (`Sol`, `Liv`) or is
 * written in capitals.
 */
const NAME_COLUMN =
  /^(?:navn|namn|name|names|full name|fullt navn|fullt namn|ekte navn|ekte namn|real name|real names|nøkkel|navnenøkkel|namnenøkkel|key|name key|kontaktperson|contact person|contact name|deltaker|deltakar|participant|young person|ungdom \(navn\))$/iu;
/** A word of a name as a cell writes it: a capital first, or all capitals (`Sol`, `O'Neill`, `AYDIN`). */
const NAME_WORD = /(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{L}\p{M}'’-]*\p{L}/gu;
/** A pseudonym or a placeholder, which stands for a name: the cell holds none (`Ungdom 14-1`, `[navn]`, `IE-14`). */
const STANDS_FOR_A_NAME = /^(?:\p{Lu}[\p{L}-]*[ -]\d+[\p{L}\d-]*|\[[^\]]*\]|\p{Lu}{1,4}-\d+.*)$/u;

export function namesInColumns(text: string): NameFinding[] {
  const found: NameFinding[] = [];
  for (const cell of columnCells(text, NAME_COLUMN)) {
    if (STANDS_FOR_A_NAME.test(cell.text.trim())) continue;
    for (const m of cell.text.matchAll(NAME_WORD)) {
      const word = m[0];
      const normal = word === word.toUpperCase() ? word[0] + word.slice(1).toLowerCase() : word;
      if (INSTITUTIONS.has(word) || NEVER_NAMES.has(normal) || isPersonCue(normal.toLowerCase()) || isCalendar(normal)) continue;
      const start = cell.start + m.index;
      found.push({ type: 'person', span: { start, end: start + word.length }, text: word, score: 0.85, evidence: [{ kind: 'shape', cue: 'name-column' }], parts: [normal] });
    }
  }
  return found;
}
