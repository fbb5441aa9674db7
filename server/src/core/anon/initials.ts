import type { NameFinding } from './names.js';
import type { AnonFinding } from './types.js';
import type { Word } from './prose.js';
import { HUMAN_VERBS, INSTITUTIONS, PERSON_VERBS_AFTER } from './wordlists.js';

/**
 * A person's initials: `A.S.` (how someone signs a queue list), `K-H`
 * (Karl-Henrik, as colleagues write him), `J. K.`. Each letter alone is
 * too short to be read as a name, so initials are looked for as a shape of
 * their own. Two-letter capitals without marks (`MT`, `SL`) are left alone:
 * researchers sign with them, and so do acronyms.
 */
const INITIALS = /(?<![\p{L}\p{N}.\-/])(?:\p{Lu}\.[ \u00a0]?\p{Lu}\.(?:[ \u00a0]?\p{Lu}\.)?|\p{Lu}-\p{Lu})(?![\p{L}\p{N}\-/]|\.\p{L})/gu;

/** Abbreviations of the same shape that stand for no one: a postscript, a note, a country, an era, an unknown name. */
const NOT_INITIALS = new Set(['P.S.', 'N.B.', 'O.K.', 'U.S.', 'U.K.', 'E.U.', 'A.D.', 'B.C.', 'N.N.', 'D.C.', 'P.P.', 'T.O.', 'R.I.P.', 'D.O.B.', 'D.O.B', 'E.G.', 'I.E.', 'A.M.', 'P.M.', 'N.A.', 'F.O.']);

export function findInitials(text: string, mask: Uint8Array, words: readonly Word[]): NameFinding[] {
  // Initials are single capitals with a full stop, side by side (`A`, `S`), or two joined by a hyphen (`K-H`): told from the
  // words before the expression runs, since most paragraphs have none (`I` alone, `Veileder D`, are no initials).
  if (!words.some((w, i) => w.upper && ((w.text.length === 3 && w.text[1] === '-') || (w.text.length === 1 && text[w.end] === '.' && letterAfter(words[i + 1], w.end))))) return [];
  const found: NameFinding[] = [];
  for (const m of text.matchAll(INITIALS)) {
    if (mask[m.index] || NOT_INITIALS.has(m[0].replace(/[ \u00a0]/gu, ''))) continue;
    found.push({ type: 'person', span: { start: m.index, end: m.index + m[0].length }, text: m[0], score: 0.6, evidence: [{ kind: 'shape', cue: 'initials' }], parts: [] });
  }
  return found;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Whether the next word is a single capital right after a full stop (and perhaps a space). */
function letterAfter(next: Word | undefined, stop: number): boolean {
  return next !== undefined && next.upper && next.text.length === 1 && next.start - stop <= 2;
}

/** A person's initials as a minutes' table writes them (`Tor Erik Haugland` → `TEH`, `Ngozi Eze-Larsen` → `NEL`). */
export function initialsOf(parts: readonly string[]): string {
  return parts
    .flatMap((part) => part.split('-'))
    .map((part) => initialOf(part))
    .join('');
}

/**
 * A name's initial as a coder types it: without an accent (`Órla` is `O`, `Éamon` is `E`), but with Norwegian's own letters
 * (`Åse` is `Å`, as `Øystein` is `Ø`).
 */
function initialOf(part: string): string {
  const first = part.charAt(0).toUpperCase();
  return first === 'Å' ? first : first.normalize('NFD').charAt(0);
}

/**
 * Persons the note names, written in capitals elsewhere in it: their
 * initials without full stops (`TEH` once `Tor Erik Haugland` is named, as
 * a table of cases writes who is responsible) and a name in capitals
 * (`HAUGLAND`). Capitals that stand for no one named in the note are left
 * alone: coders sign with theirs (`studyPeople.ts` takes the study's own
 * people's out, even where a participant shares them), and acronyms abound.
 */
export function personsInCapitals(
  text: string,
  uppers: Int32Array,
  names: readonly NameFinding[],
  isPerson: (name: string) => boolean,
  givenInitials?: (initials: string) => boolean,
): AnonFinding[] {
  const initials = new Set<string>();
  for (let i = 0; i < names.length; i++) {
    const { type, parts, span } = names[i]!;
    if (type !== 'person') continue;
    if (parts.length >= 2 && parts.length <= 4) initials.add(initialsOf(parts));
    // (Initials the note gives a person as their nickname, `Tor-Arne Bakken («TA»)`, `Yousef Al-Khatib (YA)`, as a speaker
    // with a role, `Rådgjevar (TH)`, or in a key, `YA = Yousef`.)
    else if (parts.length === 1 && /^\p{Lu}{2,4}$/u.test(parts[0]!) && names[i]!.evidence.some((e) => e.kind === 'shape' && INITIALS_GIVEN.has(e.cue))) initials.add(parts[0]!);
    // `Haugland, Tor Erik`: a participant list's surname first, then the given names.
    const before = names[i - 1];
    if (before && before.parts.length === 1 && /^,[ \t]*$/u.test(text.slice(before.span.end, span.start))) initials.add(initialsOf([...parts, ...before.parts]));
  }
  if (!initials.size && !givenInitials && !names.some((f) => f.type === 'person')) return [];
  const found: AnonFinding[] = [];
  for (let i = 0; i < uppers.length; i += 2) {
    const start = uppers[i]!;
    const end = uppers[i + 1]!;
    // (A code's letters before a hyphen and a number are the study's label: `Ung DK-1`, `IE-14`.)
    if (text.charCodeAt(end) === 45 && isDigit(text.charCodeAt(end + 1))) continue;
    const word = text.slice(start, end);
    const name = word.length > 2 ? word[0] + word.slice(1).toLowerCase() : undefined;
    const cue = initials.has(word) || (word.length <= 4 && !!givenInitials?.(word)) ? 'initials' : name !== undefined && isPerson(name) ? undefined : null;
    if (cue === null) continue;
    found.push({ type: 'person', span: { start, end }, text: word, score: 0.85, evidence: cue ? [{ kind: 'shape', cue }] : [{ kind: 'consistency', where: 'note' }] });
  }
  return found;
}

/** The cues of findings that give a person's initials: what the note calls them, a speaker's label, a key, a signature. */
const INITIALS_GIVEN = new Set(['nickname', 'speaker', 'initials-key', 'signature']);

/**
 * Initials set equal to a first name that starts with their letter, as a transcriber's key of speakers writes them
 * (`YA = Yousef, SH = Senait`): the initials are the person's.
 */
export function initialsInKey(text: string, isPlace: (name: string) => boolean): NameFinding[] {
  if (!text.includes('=')) return [];
  const found: NameFinding[] = [];
  for (const m of text.matchAll(INITIALS_KEY)) {
    const initials = m[1]!;
    // (Not a country's or a place's code: `IE = Irland`.)
    if (initials[0] !== initialOf(m[2]!) || isPlace(m[2]!)) continue;
    found.push({ type: 'person', span: { start: m.index, end: m.index + initials.length }, text: initials, score: 0.85, evidence: [{ kind: 'shape', cue: 'initials-key' }], parts: [initials] });
  }
  return found;
}

const INITIALS_KEY = /(?<![\p{L}\p{N}])(\p{Lu}{2,4})[ \t]*=[ \t]*(\p{Lu}\p{Ll}+)/gu;

/**
 * Initials a word before them gives a person: a signature's, as a case file's journal signs each entry with its
 * caseworker's (`Sign. EHO`, `Signert: TMY`, `signed KB`), or a naming verb's (`Everyone calls me JJ`). A person's, unless
 * they are the study's own (asked of every finding).
 */
export function cuedInitials(text: string): NameFinding[] {
  const found: NameFinding[] = [];
  const add = (m: RegExpMatchArray, cue: string) => {
    const start = m.index! + m[0].length - m[1]!.length;
    found.push({ type: 'person', span: { start, end: start + m[1]!.length }, text: m[1]!, score: 0.85, evidence: [{ kind: 'shape', cue }], parts: [m[1]!] });
  };
  if (text.includes('ign')) for (const m of text.matchAll(SIGNED_INITIALS)) add(m, 'signature');
  // (Only after whom it names or in quotes: `She called NAV twice` is a phone call.)
  if (text.includes('al') || text.includes('het') || text.includes('named')) for (const m of text.matchAll(CALLED_INITIALS)) if (!INSTITUTIONS.has(m[1]!)) add(m, 'nickname');
  return found;
}

/** Initials a naming verb gives someone as their name (`Everyone calls me JJ`, `dei kallar han «KB»`). */
const CALLED_INITIALS = /(?<![\p{L}])(?:calls?|called|kaller|kalte|kalla|kallar|heter|heiter|named)[ \t]+(?:(?:me|him|her|them|meg|ham|henne|ho|han|seg|dei|dem)[ \t]+[«"“]?|[«"“])(\p{Lu}{2,3})(?![\p{L}\p{N}])/gu;

const SIGNED_INITIALS = /(?<![\p{L}])(?:[Ss]ign\.|[Ss]ignert|[Ss]igned|[Ss]ignatur|[Ss]ignature)[ \t]*:?[ \t]*(\p{Lu}{2,4})(?![\p{L}\p{N}])/gu;

/**
 * A person's first initial alone, with its full stop, where the note names
 * someone whose first name starts so: `W. asks Mike`, `til L.?`,
 * `N.'s consent`, `L. = Leah` (a writer shortens the person just named).
 * Not a letter after a capitalised word (`Veileder D.`, `Plan B.`, `Patka
 * N.` is a name's own finding), before one (`K. Hansen`, or a new
 * sentence), after a word that takes a letter (`vitamin D.`, `got an A.`),
 * nor one that signs a message (`— R.`, its writer's, most often the
 * study's own); not `I.`, which English writes as a word.
 */
export function initialsOfNamed(text: string, mask: () => Uint8Array, named: readonly NameFinding[]): AnonFinding[] {
  const letters = new Set<string>();
  for (const f of named) if (f.type === 'person' && f.parts.length && /^\p{Lu}\p{Ll}/u.test(f.parts[0]!)) letters.add(initialOf(f.parts[0]!));
  if (!letters.size) return [];
  const found: AnonFinding[] = [];
  for (const m of text.matchAll(INITIAL_ALONE)) {
    const letter = m[1]!;
    if (!letters.has(letter) || mask()[m.index] || (letter === 'I' && !/^['’=]/u.test(text.slice(m.index + 2).trimStart()))) continue;
    // (A text's start is a line's; elsewhere the slice starts with a mark no pattern reads as one.)
    const lineBefore = m.index > 24 ? '\u0001' + text.slice(m.index - 24, m.index) : text.slice(0, m.index);
    // (A letter signing a message, alone on its line or after a dash, is its writer's, most often the study's own.)
    if (SIGNATURE_BEFORE.test(lineBefore) && /^[ \t]*(?:\n|$)/u.test(text.slice(m.index + 2, m.index + 4))) continue;
    // (A capitalised word before is a label's, `Veileder D.`, or a reference's surname, `Lipsky, M.`, unless it starts the
    // sentence: `With N.'s consent`.)
    const wordBefore = WORD_BEFORE.exec(lineBefore);
    const before = wordBefore?.[2];
    if (before && ((/^\p{Lu}/u.test(before) && (wordBefore[1] === undefined || wordBefore[3] === ',')) || /\p{N}/u.test(before) || TAKES_A_LETTER.test(before))) continue;
    found.push({ type: 'person', span: { start: m.index, end: m.index + 2 }, text: m[0], score: 0.6, evidence: [{ kind: 'shape', cue: 'initials' }] });
  }
  return found;
}

/** A capital and a full stop alone, before a lower-case word, a possessive, a sign or the line's end. */
const INITIAL_ALONE = /(?<![\p{L}\p{N}.\-/&])(\p{Lu})\.(?=['’]s(?!\p{L})|[ \t]+(?:\p{Ll}|[=(–-])|[ \t]*[,?!:;)]|[ \t]*(?:\n|$))/gmu;

/** The word before a letter, and what starts its sentence before it, if anything does. */
const WORD_BEFORE = /(^|[.!?]\s+|\n[ \t>*_-]*)?([\p{L}\p{N}]+)(,?)[ \t\u00a0]+$/u;

/** A line's start, or a dash, before a letter that signs a message (`— R.`). */
const SIGNATURE_BEFORE = /(?:^|\n|[—–-])[ \t>*_]*$/u;

/** Words a letter follows as a label or a grade rather than a name: `plan B.`, `vitamin D.`, `an A.`. */
const TAKES_A_LETTER =
  /^(?:a|an|en|ei|et|plan|type|vitamin|del|part|punkt|point|kategori|category|gruppe|group|alternativ|alternative|option|versjon|version|trinn|step|fase|phase|nivå|level|rom|room|bygg|building|blokk|block|klasse|class|kolonne|column|rad|row|vedlegg|appendix|tabell|table|figur|figure|modell|model|scenario|skjema|form|sone|zone|felt|field|side|page|avsnitt|section|kapittel|chapter|linje|line|hus|house|inngang|entrance|seksjon|runde|round|bokstav|letter|karakter|grade|kode|code|variant|case|sak|nr|no|stor|store|liten|lille|capital|big|small|kommune|kommunen|municipality|site|office|kontor|skole|school|region|fylke|county|område|area|by|town|informant|participant|deltaker|deltakar|respondent|intervju|interview)$/iu;

/**
 * Whether capitals are a name's initials: the first letter the first name's, each other the initial of a later part, in
 * order, a part left out perhaps (`YA` of `Yousef Al-Khatib`, `BNG` of `Berit Nilsen Gundersen`).
 */
export function initialsFit(initials: string, parts: readonly string[]): boolean {
  const letters = parts.flatMap((part) => part.split('-')).filter(Boolean).map(initialOf);
  if (letters[0] !== initials[0]) return false;
  let at = 1;
  for (const letter of initials.slice(1)) {
    while (at < letters.length && letters[at] !== letter) at++;
    if (at === letters.length) return false;
    at++;
  }
  return true;
}

/**
 * Initials that act as a person does, twice or more in the note (`KB thinks …`, `KB wants to meet him`, `KB signs her up`):
 * a person's, as a supervisor's notes write the adviser they follow. Not a body's acronym (`NAV mener`, `PPT sier`), nor
 * one that acts once (`JFS mentioned`).
 */
export function actingInitials(text: string, uppers: Int32Array): Set<string> {
  const acts = new Map<string, number>();
  for (let i = 0; i < uppers.length; i += 2) {
    const start = uppers[i]!;
    const end = uppers[i + 1]!;
    if (end - start > 3 || text.charCodeAt(end) !== 32) continue;
    const word = text.slice(start, end);
    // (Not a role's letters after a determiner: `the GP mapped`, `vår PPT sier`.)
    if (INSTITUTIONS.has(word) || DETERMINER_BEFORE.test(text.slice(Math.max(0, start - 8), start))) continue;
    const verb = VERB_AFTER.exec(text.slice(end, end + 24))?.[1];
    if (verb && (HUMAN_VERBS.has(verb) || PERSON_VERBS_AFTER.has(verb) || ACTS.has(verb))) acts.set(word, (acts.get(word) ?? 0) + 1);
  }
  return new Set([...acts].filter(([, count]) => count >= 2).map(([word]) => word));
}

const VERB_AFTER = /^ (\p{Ll}+)(?![\p{L}\p{N}])/u;
const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:the|a|an|our|their|his|her|this|that|den|det|en|ei|et|vår|vårt|hans|hennes|deres|denne|dette)[ \t]+$/iu;
/** Verbs a person does that the lists of saying and doing leave out. */
const ACTS = new Set(['signs', 'signed', 'tries', 'tried', 'called', 'texts', 'texted', 'meets', 'met', 'visits', 'visited', 'drives', 'drove', 'walks', 'walked', 'helps', 'helped', 'replies', 'needs', 'tired', 'prøver', 'prøvde', 'tenker', 'følger', 'fulgte', 'besøker', 'besøkte', 'kjører', 'kjørte']);
