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
  /^(?:navn|namn|name|names|full name|fullt navn|fullt namn|ekte navn|ekte namn|real name|real names|nøkkel|navnenøkkel|namnenøkkel|key|name key|kontaktperson|contact person|contact name|deltaker|deltakar|participant|young person|ungdom \(navn\)|youth|young people|client|klient|bruker|brukar|elev|pupil|student|recruit|kandidat|candidate)$/iu;
/** A word of a name as a cell writes it: a capital first, or all capitals (`Sol`, `O'Neill`, `AYDIN`). */
const NAME_WORD = /(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{L}\p{M}'’-]*\p{L}/gu;
/** A pseudonym or a placeholder, which stands for a name: the cell holds none (`Ungdom 14-1`, `[navn]`, `IE-14`). */
const STANDS_FOR_A_NAME = /^(?:\p{Lu}[\p{L}-]*[ -]\d+[\p{L}\d-]*|\[[^\]]*\]|\p{Lu}{1,4}-\d+.*)$/u;

/**
 * A table's header over where each person lives or comes from (`lives in`, `Bosted`, `Heimstad`, `Adresse`): the cells'
 * capitalised words are places there (`Førde, Hafstadvegen 31`, `farm near Bygstad`), though a list may not know them.
 */
const PLACE_COLUMN =
  /^(?:lives in|living in|bor i|bur i|bosted|bustad|hjemsted|heimstad|heimstad|hometown|home town|home|hjem|heim|address|adresse|residence|bydel|district|area|område|neighbourhood|nabolag|kommune|municipality|town|place of residence)$/iu;

/** The places in a table's column of where people live, each capitalised word no institution, country or calendar word. */
function placesInColumns(text: string, isCountry: (word: string) => boolean): NameFinding[] {
  const found: NameFinding[] = [];
  for (const cell of columnCells(text, PLACE_COLUMN)) {
    if (STANDS_FOR_A_NAME.test(cell.text.trim())) continue;
    for (const m of cell.text.matchAll(NAME_WORD)) {
      const word = m[0];
      if (INSTITUTIONS.has(word) || NEVER_NAMES.has(word) || isCalendar(word) || isCountry(word) || word === word.toUpperCase()) continue;
      const start = cell.start + m.index;
      found.push({ type: 'place', span: { start, end: start + word.length }, text: word, score: 0.85, evidence: [{ kind: 'shape', cue: 'place-column' }], parts: [word] });
    }
  }
  return found;
}

/** A remark in brackets, which says who the person is (`Lan Nguyen (mor)`). */
const BRACKETED = /\([^)\n]*\)/gu;
/** A lower-case word in a cell that no name holds (not a particle: `van`, `de`, `bin`, `al`). */
const LOWER_CASE_WORD = /(?<![\p{L}\p{M}'’-])(?!(?:van|von|der|den|de|del|della|da|dos|das|du|le|la|bin|ibn|bint|binti|al|el|ul|ur|og|and|y|e|af|zu|ter|ten|mac|ó)(?![\p{L}]))\p{Ll}{3,}(?![\p{L}\p{M}'’-])/u;

export function namesInColumns(text: string, isCountry: (word: string) => boolean = () => false): NameFinding[] {
  const found: NameFinding[] = [];
  for (const cell of columnCells(text, NAME_COLUMN)) {
    if (STANDS_FOR_A_NAME.test(cell.text.trim())) continue;
    // (A cell with a word in lower case names a thing, as a tool's list of codes does: `\ Via samarbeidspartnere`,
    // `Generell veiledning`; a remark in brackets aside; names hold lower-case words only as particles, `van`, `bin`, `al-`.)
    if (LOWER_CASE_WORD.test(cell.text.replace(BRACKETED, ''))) continue;
    // The words of one name, side by side, are one finding (`Eik Lunde`): a name written in full is no cited author's, though
    // each of its words may be one.
    let run: { start: number; end: number; parts: string[] } | undefined;
    const close = () => {
      if (run) found.push({ type: 'person', span: { start: run.start, end: run.end }, text: text.slice(run.start, run.end), score: 0.85, evidence: [{ kind: 'shape', cue: 'name-column' }], parts: run.parts });
      run = undefined;
    };
    for (const m of cell.text.matchAll(NAME_WORD)) {
      const word = m[0];
      const normal = word === word.toUpperCase() ? word[0] + word.slice(1).toLowerCase() : word;
      const start = cell.start + m.index;
      if (INSTITUTIONS.has(word) || NEVER_NAMES.has(normal) || isPersonCue(normal.toLowerCase()) || isCalendar(normal)) {
        close();
        continue;
      }
      if (run && /^[ \t]+$/u.test(text.slice(run.end, start))) {
        run.end = start + word.length;
        run.parts.push(normal);
      } else {
        close();
        run = { start, end: start + word.length, parts: [normal] };
      }
    }
    close();
  }
  return [...found, ...placesInColumns(text, isCountry)].sort((a, b) => a.span.start - b.span.start);
}
