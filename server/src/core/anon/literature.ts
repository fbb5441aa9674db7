import { isCitation } from './names.js';
import type { AnonFinding } from './types.js';
import type { WordList } from './wordList.js';
import { PUBLIC_FIGURES, PUBLIC_SURNAMES } from './wordlists.js';

/**
 * What a note holds that identifies no one, though it is written as names
 * are: the literature it cites and lists, and the public figures it names
 * in full. The check leaves findings there out (`check.ts`).
 */

/**
 * A reference list's entry: a line (after a list's mark or a number, `[12]`) that starts with an author (a particle before
 * the surname too, `van den Hoonaard, W. C.`), a comma and
 * initials (`Heggen, C.`, `FOSSESTØL, K.`) and holds a year in brackets (`(2018)`, `(1980/2010)`, `(n.d.)`) or after a full
 * stop before the title (`… KLEMSDAL, L. 2015. Managing …`); or with a first name (`Furlong, Andy og Fred Cartmel. 2007.
 * *Young*`), the year after a full stop only (`Frøyland, Andreassen & Innvær (2019) on …` is prose).
 */
const YEAR_IN_BRACKETS = String.raw`\((?:\d{4}[a-z]?(?:[/–-]\d{2,4})?|n\.d\.|u\.å\.)\)`;
const YEAR_AFTER_FULL_STOP = String.raw`[.,][ \t]+\d{4}[a-z]?\.(?=[ \t]+[*_\p{Lu}])`;
const REFERENCE_ENTRY_LINE = new RegExp(
  String.raw`^[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+|\[\d+\][ \t]+)?(?:(?:van|von|de|den|der|da|di|du|le|la|al|el)[ \t]+){0,2}\p{Lu}[\p{L}'’-]+,[ \t]*(?:(?:\p{Lu}\.[ \t-]*){1,3}[^\n]*(?:${YEAR_IN_BRACKETS}|${YEAR_AFTER_FULL_STOP})|\p{Lu}\p{Ll}+[ \t]+[^\n]*${YEAR_AFTER_FULL_STOP})[^\n]*$`,
  'gmu',
);

/** The entries of reference lists: the authors, titles and publishers there are the literature's, never anyone to hide. */
export function referenceEntries(text: string): { start: number; end: number }[] {
  if (!text.includes(', ')) return [];
  return [...text.matchAll(REFERENCE_ENTRY_LINE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** The Storting's and the government's documents by their kind (`NOU`, `Meld. St.`, `St.meld. nr.`, `Prop.`). */
const DOCUMENT_KIND = String.raw`NOU|Meld\.?[ \t]?St\.?|St\.?[ \t]?meld\.?(?:[ \t]nr\.?)?|Prop\.?`;
/** Such a document's number (`2019: 3`, `14 (2020–2021)`, `1 LS (2023–2024)`). */
const DOCUMENT_NUMBER = String.raw`[ \t]*(?:\d{4}[ \t]*:[ \t]*\d+|\d+[ \t]*(?:L|S|LS)?[ \t]*\(\d{4}[–-]\d{2,4}\))`;
/** A work's year or a public document's number, then its title in italics (`(2014). *Busetjing og integrering i Sogn og Fjordane*`, `NOU 2019: 3** *Nye sjanser*`). */
const TITLE_IN_ITALICS = new RegExp(
  String.raw`(?:\(\d{4}[a-z]?\)[.,:]?|(?:${DOCUMENT_KIND}|Ot\.?[ \t]?prp\.?(?:[ \t]nr\.?)?|Innst\.?)${DOCUMENT_NUMBER}[.,:]?(?:\*\*)?)[ \t]*(\*[^*\n]{2,200}\*|_[^_\n]{2,200}_)`,
  'gu',
);
/** A public document's number, then its title up to the next full stop (`NOU 2017: 2. Integrasjon og tillit.`). */
const DOCUMENT_TITLE = new RegExp(String.raw`(?:${DOCUMENT_KIND})${DOCUMENT_NUMBER}[.,:][ \t]+(\p{Lu}[^.\n*]{2,160})(?=\.)`, 'gu');

/** The titles of works a note names after their year or number: the words there name no one here. */
export function titles(text: string): { start: number; end: number }[] {
  if (!text.includes('*') && !text.includes('_') && !text.includes('NOU') && !text.includes('Meld') && !text.includes('Prop')) return [];
  const spans: { start: number; end: number }[] = [];
  for (const pattern of [TITLE_IN_ITALICS, DOCUMENT_TITLE]) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index + m[0].length - m[1]!.length;
      spans.push({ start, end: start + m[1]!.length });
    }
  }
  return spans;
}

/** The public figures by their first word: a note's capitalised words are looked up, not every figure asked of the note. */
const FIGURES_BY_FIRST_WORD = new Map<string, string[]>();
for (const figure of PUBLIC_FIGURES) {
  const first = figure.split(' ', 1)[0]!;
  FIGURES_BY_FIRST_WORD.set(first, [...(FIGURES_BY_FIRST_WORD.get(first) ?? []), figure]);
}

/** Where the text names a public figure in full (`PUBLIC_FIGURES`), with a genitive `s`. */
export function publicFigures(text: string, mentions: WordList): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const mark = (name: string) => {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
      // The genitive with it: `Brennas`, `Brenna's`, `Brenna’s`.
      const next = text[at + name.length];
      const end = at + name.length + (next === 's' ? 1 : (next === "'" || next === '’') && text[at + name.length + 1] === 's' ? 2 : 0);
      spans.push({ start: at, end });
    }
  };
  // The note's capitalised words tell at once which figures it may name: most notes name none.
  for (const word of mentions.words()) {
    const surname = PUBLIC_SURNAMES.has(word) ? word : withoutGenitive(word);
    if (surname !== undefined && PUBLIC_SURNAMES.has(surname)) mark(surname);
    for (const figure of FIGURES_BY_FIRST_WORD.get(word) ?? []) {
      if (!text.includes(figure)) continue;
      mark(figure);
      // Named in full, the figure is named by the surname later too (`Støre`, `Mjøs Persen`).
      const words = figure.split(' ');
      for (let first = 1; first < words.length; first++) mark(words.slice(first).join(' '));
    }
  }
  return spans;
}

const CITED_YEAR = /(?:19|20)\d{2}[a-z]?[):;,]|\((?:n\.\s?d\.|u\.\s?å\.)\)|,\s*(?:Tabell|Table|Figur|Figure|kap\.|ch\.|s\.|p\.|pp\.)\s*\d+\)/u;

/** The surnames the note cites (`Lipsky (1980)`, `(Berg, Lie og Moe, 2019)`) or lists among its references (`Lipsky, M. (1980).`). */
export function citedAuthors(
  text: string,
  capitals: Int32Array,
  references: readonly { start: number; end: number }[],
  isNoAuthor: (name: string) => boolean,
  namesWorks: boolean,
): Set<string> {
  const cited = new Set<string>();
  // An author named by the work (`the Thøgersen typology`, `Thøgersens modell`, `Niemi sine arbeid`, `Hammersley & Atkinson
  // ch. 4`), as notes name what they read before the year is looked up, or by a method or measure named after them
  // (`Fleiss' kappa`, `Krippendorff's alpha`, `a Gantt chart`, `the Hawthorne effect`), or after a verb of reading (`Lese
  // Thøgersen på nytt`). Not a first name or a place the lists know: `Saras studie`, `the Oslo model`, `read Maria`.
  if (namesWorks) {
    for (let i = 0; i < capitals.length; i += 3) {
      const name = text.slice(capitals[i]!, capitals[i + 1]!);
      const after = text.slice(capitals[i + 1]!, capitals[i + 1]! + 48);
      const base = withoutGenitive(name);
      if (isNoAuthor(name) || (base !== undefined && isNoAuthor(base))) continue;
      // (Or as the author of what is said, in work the note names: `described by Sadeghi in work on young refugees`.)
      const read = READ_BEFORE.test(text.slice(Math.max(0, capitals[i]! - 16), capitals[i]!)) || (BY_BEFORE.test(text.slice(Math.max(0, capitals[i]! - 4), capitals[i]!)) && IN_WORK_AFTER.test(after));
      if (!read && !NAMES_A_WORK.test(after) && !(AUTHOR_PAIR.test(after) && NAMES_A_WORK.test(after.replace(AUTHOR_PAIR, '')))) continue;
      cited.add(name);
      // (Before a noun, a final `s` is the genitive: `Thøgersens modell` cites Thøgersen.)
      if (base !== undefined) cited.add(base);
    }
  }
  // Every citation holds a year before a closing mark (`(1980)`, `2020: 14)`, `2019)`): most notes hold none.
  if (!references.length && !CITED_YEAR.test(text)) return cited;
  for (let i = 0; i < capitals.length; i += 3) {
    const start = capitals[i]!;
    const end = capitals[i + 1]!;
    if (isCitation(text, start, end)) cited.add(text.slice(start, end));
  }
  for (const entry of references) {
    const author = /^[ \t]*(?:[-*+][ \t]+|\d+\.[ \t]+)?(\p{Lu}[\p{L}'’-]+),/u.exec(text.slice(entry.start, entry.end));
    if (author) cited.add(author[1]!);
  }
  return cited;
}

/**
 * Where the note names an author it cites with a first name before the surname (`Einar Niemi sine arbeid`, `Michael
 * Lipsky (1980)`): the full name is the literature's there.
 */
export function authorsInFull(text: string, capitals: Int32Array, cited: ReadonlySet<string>, isFirstName: (name: string) => boolean): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let i = 3; i < capitals.length; i += 3) {
    const start = capitals[i]!;
    const before = capitals[i - 2]!;
    if (before !== start - 1 || text[before] !== ' ' || !cited.has(text.slice(start, capitals[i + 1]!))) continue;
    // (Here, as cited: the work or the year right after it, or a verb of what an author's work does, `Maurice Devlin viser`,
    // `Richard Jenkins er forfatteren`. `Synne Lie` elsewhere is a participant who shares a cited surname.)
    const after = text.slice(capitals[i + 1]!, capitals[i + 1]! + 48);
    if (!NAMES_A_WORK.test(after) && !YEAR_AFTER.test(after) && !AUTHOR_VERB_AFTER.test(after)) continue;
    if (isFirstName(text.slice(capitals[i - 3]!, before))) spans.push({ start: capitals[i - 3]!, end: capitals[i + 1]! });
  }
  return spans;
}

/** What an author's work does, right after the author's name (`viser`, `argues`, `er forfatteren`). */
const AUTHOR_VERB_AFTER =
  /^[ \t]+(?:viser|vise|skriver|skriv|beskriver|beskriv|argumenterer|argumenterar|hevder|hevdar|drøfter|drøftar|analyserer|analyserar|fulgte|følgde|shows|showed|argues|argued|writes|wrote|describes|described|suggests|claims|followed|er forfattaren|er forfatteren|is the author)(?![\p{L}])/u;

/** A year in brackets right after an author's name (`Lipsky (1980)`, `Lipsky (1980: 3)`). */
const YEAR_AFTER = /^['’]?s?[ \t]*\((?:19|20)\d{2}[a-z]?[):;,]/u;

/** Words that name a piece of the literature (`NAMES_A_WORK`'s) or its reading, as a note writes them in lower case. */
const WORK_WORDS = 'lese les leste lest lesa read reread re-read rereading reading tabell tabellen table dimensions dimensjoner dimensjonar dimensjonene dimensjonane categories kategorier kategoriar typology typologi typologien report rapport rapporten study studie studien model modell modellen framework book bok boka boken article artikkel artikkelen theory teori teorien chapter kapittel kapitlet ch kap arbeid verk kappa κ alpha alfa α chart diagram scale skala test testen coefficient koeffisient index indeks effect effekt effekten paradox paradoks curve principle prinsipp distribution method metode metoden work works research paper forskning forstand sense definisjon definition terminologi terminology vocabulary'.split(' ');

/** The verbs of reading, as a task list writes them at its items' starts (`Lese`, `Reread`). */
const READING_AT_START = ['Lese', 'Les', 'Read', 'Reread', 'Re-read'];

/**
 * Whether a note's lower-case words name a piece of the literature, or its capitalised ones read it: asked once, so that
 * most notes look for no author by the work.
 */
export function mayNameWorks(vocabulary: { has(word: string): boolean }, mentions: ReadonlySet<string> = new Set()): boolean {
  return WORK_WORDS.some((word) => vocabulary.has(word)) || READING_AT_START.some((word) => mentions.has(word));
}

/** After an author's name, the work of theirs it names (`'s typology`, `s modell`, ` sine arbeid`, ` ch. 4`). */
const NAMES_A_WORK =
  /^(?:['’]s|['’]|s)?[ \t]+(?:(?:four|five|three|two|fire|fem|tre|own|eigne?|egne?)[ \t]+)?(?:tabell(?:en)?|table|dimensions|dimensjoner|dimensjonar|dimensjonene|dimensjonane|categories|kategorier|kategoriar|typology|typologi(?:en)?|report|rapport(?:en)?|study|studie(?:n)?|model|modell(?:en)?|framework|book|boka?|boken|article|artikkel(?:en)?|theory|teori(?:en)?|chapter|kapittel|kapitlet|ch\.|kap\.|kappa|κ|alpha|alfa|α|chart|diagram|scale|skala|test(?:en)?|coefficient|koeffisient|index|indeks|effect|effekt(?:en)?|paradox|paradoks|curve|principle|prinsipp|distribution|method|metode(?:n)?|forstand|sense|definisjon|definition|terminologi|terminology|vocabulary|(?:si|sin|sitt|sine)[ \t]+(?:studie|bok|arbeid|artikkel|teori|modell|typologi|rapport|verk|tabell|kategoriar|kategorier|dimensjonar|dimensjoner|omgrep|begrep|analyse|avhandling|inndeling|skilje|skille|funn|rammeverk))(?!\p{L})/u;
/** A verb of reading right before a name: what is read is an author's (`Lese Thøgersen på nytt`, `reread Lipsky`). */
const READ_BEFORE = /(?:^|[^\p{L}])(?:[Ll]ese|[Ll]es|[Ll]este|[Ll]est|[Ll]esa|[Rr]ead|[Rr]eread|[Rr]e-read|[Rr]ereading|[Rr]eading)[ \t]+$/u;
/** `by` or `av` right before a name. */
const BY_BEFORE = /(?:^|[^\p{L}])(?:by|av)[ \t]+$/u;
/** Work named right after an author (` in work on`, ` in a study of`, ` i en studie`). */
const IN_WORK_AFTER = /^[ \t]+(?:in|i)[ \t]+(?:(?:a|an|her|his|their|en|ei|et|sin|sitt|si)[ \t]+)?(?:work|works|study|studies|research|article|paper|report|book|arbeid|studie|studien|forskning|artikkel|rapport|bok)(?![\p{L}])/u;
/** A second author after the first (` & Atkinson`, ` og Moe`): the work named after both. */
const AUTHOR_PAIR = /^[ \t]+(?:&|and|og)[ \t]+\p{Lu}[\p{L}'’-]+/u;

/** What an author does in the literature: after a cited author's name, these leave it the author's. */
const AUTHORS_VERBS = new Set(
  'argues argue argued writes wrote shows showed finds found claims claimed notes noted suggests suggested describes described concludes concluded discusses would skriver skrev viser viste finner fant hevder hevdet påpeker drøfter beskriver konkluderer ville'.split(' '),
);

const GENITIVE = /^(\p{L}.*?)(?:s|['’]s?)$/u;
/** A name without its genitive ending (`Yaras`, `Callum's`, `Jonas'`), if it has one. */
export const withoutGenitive = (name: string): string | undefined => GENITIVE.exec(name)?.[1];

/**
 * Whether a finding of one name is an author the study cites (`bare
 * Lipsky som ramme`, `Thøgersen's poles`, `Lipsky-referansen`): the name
 * as cited, in the genitive or before a hyphen. A title or role before
 * it, or a verb after it, says this one is someone else (`Mrs Hansen`,
 * `Hansen sa`); a verb of what authors do does not (`Hansen argues the
 * opposite`, `Lipsky ville kalt det`).
 */
export function isCitedAuthor(name: string, evidence: AnonFinding['evidence'], cited: ReadonlySet<string>): boolean {
  if (!cited.size || /\s/u.test(name)) return false;
  const head = name.includes('-') ? name.slice(0, name.indexOf('-')) : name;
  if (!cited.has(head) && !cited.has(withoutGenitive(head) ?? '')) return false;
  return !evidence.some((e) => e.kind === 'context' && !(e.following ? AUTHORS_VERBS.has(e.cue) : READ_IN.has(e.cue)));
}

/** Prepositions a reader puts before an author as before a place (`in Lipsky`, `på Thøgersens måte`): no person cue. */
const READ_IN = new Set(['i', 'på', 'in', 'on', 'from', 'fra', 'frå', 'by', 'etter', 'after', 'ifølge']);
