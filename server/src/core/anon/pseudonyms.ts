import { sentenceAround } from './prose.js';
import { columnCells, mayHoldTable } from './tables.js';

/**
 * The pseudonyms a note declares: a memo or a review that settles what a
 * person is called in the text (`han skal hete «Daniel» i rapporten`,
 * `vi bytter til «Ola»`, `Daniel er et pseudonym`, `renamed to "Sam"`),
 * or a key's column of pseudonyms (`| publication name |` over `| «Katja» |`).
 * They are the study's own words, no one to hide, in any note of the
 * study (`studyPeople.ts` takes them in). A name in quotes alone after
 * `heter` is not one: a nickname is written so too (`kalt «Tufsen»`).
 */

const NAME = String.raw`\p{Lu}[\p{L}\p{M}'’-]+`;
/** `Daniel er et pseudonym`, `"Sam" is a made-up name`, `Seren is a lovely pseudonym`. */
const SAID_TO_BE = new RegExp(
  String.raw`(?<![\p{L}])(${NAME})[»"”]?[ \t]+(?:er|is|var|was)[ \t]+(?:(?:et|eit|a|an|our|vårt|hans|hennes|his|her|bare|berre|just|only)[ \t]+)*(?:\p{Ll}{3,}[ \t]+)?(?:pseudonym|psevdonym|fake name|made-up name|invented name|oppdiktet navn|oppdikta namn)`,
  'gu',
);
/** `In the write-up she is "Seren"`, `i rapporten heter han «Ola»`: who someone is in the text the study writes. */
const IN_THE_TEXT_IS = new RegExp(
  String.raw`(?:[Ii]n the (?:write-up|report|thesis|paper|chapter|text|article|draft)|[Ii] (?:rapporten|teksten|oppgaven|avhandlingen|artikkelen|kapitlet|kapittelet|utkastet))[ \t,]+(?:she|he|they|hun|han|ho|de|dei)[ \t]+(?:is|are|will be|becomes|er|blir|heter|heiter)[ \t]+[«"“](${NAME})[»"”]`,
  'gu',
);
/** `Hope → "Ada"`, `Amal -> «Sara»`: a name put in another's place, the new one in quotes. */
const REPLACED_BY_QUOTED = new RegExp(String.raw`(?<![\p{L}])${NAME}[ \t]*(?:→|->|=>)[ \t]*[«"“](${NAME})[»"”]`, 'gu');
/** `(YP-IE-03, "Maeve")`: a participant's code and the name the text gives them. */
const CODE_AND_NAME = new RegExp(String.raw`\((?:[A-Z]{1,4}-){1,3}\d{1,3}[A-Za-z]?,[ \t]*[«"“](${NAME})[»"”]\)`, 'gu');
/** `pseudonymet «Daniel»`, `the pseudonym "Sam"`. */
const AFTER_THE_WORD = new RegExp(String.raw`(?:pseudonym(?:et|ene|er)?|psevdonym(?:et|a|ar)?)[ \t]+[«"“](${NAME})[»"”]`, 'gu');
/** `skal hete «Daniel» i rapporten`, `be called "Sam" in the thesis`: what the text will call someone. */
const CALLED_IN_THE_TEXT = new RegExp(
  String.raw`(?:hete|heite|kalles|kallast|be called|call (?:him|her|them))[ \t]+[«"“](${NAME})[»"”][ \t]+(?:i|in)[ \t]+(?:rapporten|teksten|artikkelen|oppgaven|avhandlingen|kapitlet|kapittelet|utkastet|the report|the text|the thesis|the paper|the chapter|the article|the draft)`,
  'gu',
);
/** `vi bytter til «Ola»`, `renamed to "Sam"`, `replace it with "Sam"`: a name put in another's place. */
const RENAMED = new RegExp(
  String.raw`(?:bytter|byttes|bytta|byttet|endrer|endres|endra|endret|changed?|renamed?|replaced?)[ \t]+(?:(?:it|him|her|them|det|han|ham|henne|ho|navnet|namnet|the name)[ \t]+)?(?:til|to|with)[ \t]+[«"“](${NAME})[»"”]`,
  'gu',
);

/**
 * `«Karim» (20)`, `"Kofi", 20`, `«Serhat» (24, kurdisk bakgrunn)`, `"Lien" (Lan Nguyen – born …)`: a name in quotes with the
 * person's age, or the person's own name in full, in brackets or after a comma, as a study introduces its cases under
 * their pseudonyms. Not a nickname after a person's name (`Abdirahman Hassan Nur ("Abdi", 20)`, `Łukasz Zieliński «Łuki»,
 * 22`), nor a short name before the name in full it shortens (`«Nissen» (Hartvig Nissen)`).
 */
const QUOTED_WITH_AGE_OR_NAME = new RegExp(
  String.raw`(?<!\([ \t]*|\p{Lu}[\p{L}\p{M}'’-]*[ \t]+)[«"“](${NAME})[»"”][ \t]*(?:\([ \t]*(?:\d{1,2}(?!\d)|(${NAME}[ \t]+${NAME}))|,[ \t]*\d{1,2}(?![\d.,:/]))`,
  'gu',
);
/** Whether a name is a part of a full name or a short form of one of its parts (`Nissen` of `Hartvig Nissen`, `Seánie` of `Seán Mac Giolla`). */
function shortens(name: string, full: string): boolean {
  return full.split(/[ \t]+/u).some((part) => part === name || (part.length >= 3 && name.startsWith(part.slice(0, 3))));
}

/**
 * `kontor Bjørk`, `office Eik`, `hvilket kontor Alm er`: an office named by the word after the word for one, as a study names
 * its offices by a pseudonym (a real office is named by its place after NAV: `NAV Molde`, `NAV-kontoret i Molde`). Not after
 * a hyphen (`NAV-kontor Stovner`).
 */
const OFFICE_PSEUDONYM = /(?<![\p{L}-])(?:[Kk]ontor|office)[ \t]+(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}-])/gu;

/** A name in quotes (`«Lilje»`, `"Andrii"`). */
const QUOTED_NAME = new RegExp(String.raw`[«"“](${NAME})[»"”]`, 'gu');
/** The word for pseudonym, in either language and any form (`pseudonymene`, `psevdonyma`, `pseudonyms`). */
const PSEUDONYM_WORD = /[Pp]s(?:eu|ev)donym(?:s|et|er|ene|a|ar|ane)?(?![\p{L}])/gu;
/**
 * Words before a name that say it is someone's real one or no pseudonym (`real name`, `ekte navn: «B. Solheim»`, `heter
 * egentlig «Amal»`, `she rejected "Blessing"`).
 */
const REAL_NAME_BEFORE = /(?:^|[^\p{L}])(?:real|actual|true|ekte|egentlig|egentleg|riktige?|virkelige?|not|ikke|ikkje|rejected|avviste|avvist)(?![\p{L}])[^.!?\n]{0,30}$/iu;
/** The same said right after it (`"Bo" is the mentor's real first name`, `«Per» er ikke et pseudonym`). */
const REAL_NAME_AFTER = /^[»"”]?[ \t]+(?:is|er|was|var)[ \t]+(?:(?:not|ikke|ikkje)(?![\p{L}])|(?:\p{L}+['’]?s?[ \t]+){0,3}(?:real|actual|true|ekte|egentlige?|riktige?)(?![\p{L}]))/iu;

/**
 * The names in quotes in a sentence about pseudonyms (`de tre lederne kalles «Lilje», «Bjørk» og «Rogn»`, `Proposed pseudonym
 * for the participant: "Andrii"`, `whether "Ola" is too confusing as pseudonym`), but not one said to be a real name.
 */
function quotedInPseudonymSentences(text: string, found: string[]): void {
  PSEUDONYM_WORD.lastIndex = 0;
  let after = 0;
  for (let m = PSEUDONYM_WORD.exec(text); m !== null; m = PSEUDONYM_WORD.exec(text)) {
    if (m.index < after) continue;
    const { start, end } = sentenceAround(text, m.index);
    after = end;
    const sentence = text.slice(start, end);
    for (const q of sentence.matchAll(QUOTED_NAME)) {
      const end = q.index + q[0].length;
      if (!REAL_NAME_BEFORE.test(sentence.slice(Math.max(0, q.index - 50), q.index)) && !REAL_NAME_AFTER.test(sentence.slice(end - 1, end + 50))) found.push(q[1]!);
    }
  }
}

/** `bruke et annet navn i publikasjoner; forslag: «Tiril»`, `use another name, maybe "Sam"`: the other name, later on its line. */
const OTHER_NAME = new RegExp(
  String.raw`(?:[Ee]t annet|[Ee]it anna|[Ee]t nytt|[Ee]it nytt|[Aa]nother|[Aa] different|[Aa] new)[ \t]+(?:navn|namn|name)(?![\p{L}])[^\n«"“]{0,80}[«"“](${NAME})[»"”]`,
  'gu',
);

/**
 * `here called Fjordvik`, `heretter kalt «Ola»`, `whom I call Adviser A`: what the text calls someone or somewhere. Not `I
 * call Dag` (a phone call) nor `jeg kaller henne Mai – det er navnet hennes` (her own name, as a participant says it).
 */
const HERE_CALLED = new RegExp(
  String.raw`(?:(?:here|hereafter|henceforth|heretter|her|i det følgende|i det følgjande)[ \t]+(?:called|named|referred to as|kalt|kalla|kallet|omtalt som)|(?:[Ww]hom|[Ww]ho|[Ss]om)[ \t]+(?:I|we|jeg|eg|vi)[ \t]+(?:call|will call|'ll call|kaller|kallar))[ \t]+[«"“]?(${NAME})`,
  'gu',
);
/** `HERE_CALLED`'s verbs, each found first (without the `u` flag: a literal alternation is found fast). */
const CALLING_AT = /(?:called|named|referred to as|call|kalt|kalla|kallet|kaller|kallar|omtalt som) /g;
/**
 * `Amir = Mohammad Nasir Ahmadzai`: a key's line or footnote, the name the text uses, then the person's in full. The
 * first name alone, another name's initial, is the pseudonym (`Abdi = Abdirahman Farah` is a nickname, and found).
 */
const STANDS_FOR_FULL_NAME = new RegExp(String.raw`(?<![\p{L}\p{M}])(${NAME})[ \t]+=[ \t]+(${NAME}(?:[ \t]+${NAME}){1,3})`, 'gu');

/** A table's header over the pseudonyms a key gives (`Pseudonym`, `publication name`, `Navn i rapporten`). */
const PSEUDONYM_COLUMN =
  /^(?:pseudonyms?|pseudonymer|pseudonymet|psevdonym(?:et|er|ar)?|publication name|name in (?:the )?(?:report|thesis|article|paper|text)|navn i (?:rapporten|teksten|artikkelen|oppgaven)|namn i (?:rapporten|teksten|artikkelen|oppgåva)|alias|cover name|code name|kodenavn|kodenamn|dekknavn|dekknamn|fiktivt navn|fiktivt namn|fictional name)$/iu;
/** A name as a key's cell writes it, in quotes or not (`«Katja»`, `Daniil`). */
const NAME_IN_CELL = new RegExp(`(?<![\\p{L}\\p{M}])${NAME}`, 'gu');

/** The words of these declarations, one of which the note must write (lower case) to hold one: asked once per note. */
const DECLARING_WORDS = 'pseudonym pseudonymet pseudonymer pseudonyms psevdonym psevdonymet hete heite kalles kallast called call bytter byttes bytta byttet endrer endres endra endret change changed rename renamed replace replaced fake made-up invented oppdiktet oppdikta publication alias kodenavn kodenamn dekknavn dekknamn annet anna nytt another different new kalt kalla kallet kaller kallar omtalt'.split(' ');

/** Whether a note's words may declare a pseudonym. */
export function mayDeclarePseudonyms(vocabulary: { has(word: string): boolean }): boolean {
  return DECLARING_WORDS.some((word) => vocabulary.has(word));
}

/** The pseudonyms the text declares, as written: in a key's column, and (`inProse`) in its sentences. */
export function declaredPseudonyms(text: string, inProse = true): string[] {
  const found: string[] = [];
  // (A key's column is read whatever the prose says: a spreadsheet pasted in a fence writes no word of the note's.)
  if (mayHoldTable(text)) for (const cell of columnCells(text, PSEUDONYM_COLUMN)) for (const m of cell.text.matchAll(NAME_IN_CELL)) found.push(m[0]);
  if (text.includes(' = ')) {
    for (const m of text.matchAll(STANDS_FOR_FULL_NAME)) {
      const [pseudonym, full] = [m[1]!, m[2]!];
      if (pseudonym[0] !== full[0] && !full.split(/[ \t]+/u).some((part) => part.startsWith(pseudonym))) found.push(pseudonym);
    }
  }
  if (text.includes('ontor ') || text.includes('office ')) for (const m of text.matchAll(OFFICE_PSEUDONYM)) found.push(m[1]!);
  const quoted = text.includes('«') || text.includes('"') || text.includes('“');
  // (The way a study introduces its cases, whatever else the note's words say.)
  if (quoted) {
    for (const m of text.matchAll(QUOTED_WITH_AGE_OR_NAME)) if (!(m[2] && shortens(m[1]!, m[2]))) found.push(m[1]!);
  }
  if (!inProse) return found;
  const take = (pattern: RegExp) => {
    for (const m of text.matchAll(pattern)) found.push(m[1]!);
  };
  // (From each verb of calling, read back for what says the text calls someone so and forward for the name.)
  CALLING_AT.lastIndex = 0;
  for (let m = CALLING_AT.exec(text); m !== null; m = CALLING_AT.exec(text)) {
    const from = Math.max(0, m.index - 24);
    HERE_CALLED.lastIndex = 0;
    const declared = HERE_CALLED.exec(text.slice(from, m.index + m[0].length + 60));
    if (declared && from + declared.index <= m.index) found.push(declared[1]!);
  }
  const named = text.includes('seudonym') || text.includes('sevdonym') || /fake name|made-up name|invented name|oppdikt/.test(text);
  if (!quoted && !named) return found;
  if (named) take(SAID_TO_BE);
  if (named && quoted) {
    quotedInPseudonymSentences(text, found);
    take(AFTER_THE_WORD);
  }
  if (quoted) {
    take(IN_THE_TEXT_IS);
    if (text.includes('→') || text.includes('->') || text.includes('=>')) take(REPLACED_BY_QUOTED);
    if (text.includes('(')) take(CODE_AND_NAME);
    take(CALLED_IN_THE_TEXT);
    take(RENAMED);
    take(OTHER_NAME);
  }
  return found;
}
