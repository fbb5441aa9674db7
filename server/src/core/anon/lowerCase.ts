import type { AnonFinding } from './types.js';
import { isCalendar, isPersonCue, type NameKnowledge } from './names.js';
import { isPeopleOrLanguage } from './commonProperNouns.js';
import { capitalised } from './prose.js';
import { AMBIGUOUS, CHAINS, NEVER_NAMES, PSEUDONYM, REPLIES, WORDS_IN_LOWER_CASE } from './wordlists.js';

/** Why a lower-case word is taken for a person's name. */
export type LowerCaseName =
  /** The note names the person with a capital elsewhere (`sondre er Sondre Aas`). */
  | 'confirmed'
  /** A known first name that is no word (`tlf fra anita`, `hamid innom`): terse notes and logs write names so. */
  | 'listed';

/**
 * Names written in lower case in a note's prose: young people's
 * messages, and notes that quote, paraphrase or log them, write names so
 * (`hei det er rojin`, `sondre er Sondre Aas`, `10.30 hamid innom`). The
 * caller leaves out every name that is also a word of the note's languages
 * (`tone`, `grace`, `storm`).
 *
 * The caller gives the words that are names and why (read from the note's
 * vocabulary once), so a check costs one search for them.
 */
export function lowerCaseNames(text: string, why: ReadonlyMap<string, LowerCaseName>, markup: () => Uint8Array): AnonFinding[] {
  const mask = markup();
  // (Not a word of an id, a word joined to a number: `case: bydel-04`.)
  const pattern = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}@.'’-])(?:${[...why.keys()].map(escape).join('|')})(?![\\p{L}\\p{M}\\p{N}@]|[-'’.]\\p{L}|-\\p{N})`, 'gu');
  const candidates: { at: number; word: string; confirmed: boolean }[] = [];
  const nouns = new Set<string>();
  for (const match of text.matchAll(pattern)) {
    if (mask[match.index]) continue;
    const before = text.slice(Math.max(0, match.index - 10), match.index);
    const confirmed = why.get(match[0]) === 'confirmed';
    // After an article a word is a noun (`en kim til noe`), and after a spatial preposition a word found only by the lists
    // is (`på kaia`, `i elva`; people come `fra` and go `til`). A list's word the note uses so is a word everywhere in it.
    if (DETERMINER_BEFORE.test(before) || (!confirmed && SPATIAL_BEFORE.test(before))) {
      if (!confirmed) nouns.add(match[0]);
      continue;
    }
    candidates.push({ at: match.index, word: match[0], confirmed });
  }
  return candidates
    .filter(({ word }) => !nouns.has(word))
    .map(({ at, word, confirmed }) => ({
      type: 'person',
      span: { start: at, end: at + word.length },
      text: word,
      score: confirmed ? 0.85 : 0.55,
      evidence: [confirmed ? { kind: 'consistency', where: 'note' } : { kind: 'list', list: 'firstName' }],
      ...(confirmed ? {} : { weak: true }),
    }));
}

/** The words that are common first names and no words, or their genitives (`aminas`, not `this`). */
export function firstNamesAmong(words: Iterable<string>, knowledge: NameKnowledge): string[] {
  const { names, genitives } = firstNamesInLowerCase(knowledge);
  const found: string[] = [];
  for (const word of words) if (names.has(word) || genitives.has(word)) found.push(word);
  return found;
}

/** Persons with a first name (SSB, 2019) for it to be taken for a name in lower case on the lists' word alone. */
const COMMON_FIRST_NAME = 300;

const commonFirstNames = new WeakMap<NameKnowledge, { names: ReadonlySet<string>; genitives: ReadonlySet<string> }>();

/**
 * The common Norwegian first names of four letters or more that are no
 * word, in lower case: the rarer and shorter names and the English lists'
 * hold too many words (`brett`, `ned`, `lin`), and months are words
 * (`april`). Made once per set of lists, so that each word a note writes
 * costs one look-up.
 */
function firstNamesInLowerCase(knowledge: NameKnowledge): { names: ReadonlySet<string>; genitives: ReadonlySet<string> } {
  let lists = commonFirstNames.get(knowledge);
  if (!lists) {
    const names = new Set<string>();
    const genitives = new Set<string>();
    for (const [name, count] of knowledge.firstNames ?? []) {
      if (count < COMMON_FIRST_NAME || name.length < 4 || isCalendar(name) || knowledge.isPlace(name)) continue;
      const lower = name.toLowerCase();
      if (isWordOrPlainName(lower, knowledge)) continue;
      names.add(lower);
      // The genitive (`aminas`), unless that is a word itself.
      if (!isWordOrPlainName(lower + 's', knowledge)) genitives.add(lower + 's');
    }
    commonFirstNames.set(knowledge, (lists = { names, genitives }));
  }
  return lists;
}

/** Whether a name in lower case would be a word: a common word in either language, or a surname or place no first name shares. */
export function isWordOrPlainName(lower: string, knowledge: NameKnowledge): boolean {
  const name = capitalised(lower);
  if (AMBIGUOUS.has(name) || NEVER_NAMES.has(name) || WORDS_IN_LOWER_CASE.has(lower) || knowledge.isEnglishWord?.(lower)) return true;
  return (knowledge.isSurname(name) || knowledge.isPlace(name)) && !knowledge.isFirstName(name);
}

/** A word after an article or a determiner is a noun or an adjective (`en kim til noe`, `a rosa hoodie`), not a name. */
const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:en|ei|et|den|det|denne|dette|min|mi|mitt|din|di|ditt|sin|si|sitt|vår|hans|hennes|a|an|the|my|your|his|her|our|their|this|that)[ \t]+$/iu;

/** Prepositions of place, after which a word is where something is. */
const SPATIAL_BEFORE = /(?:^|[^\p{L}])(?:på|i|ved|langs|under|over|gjennom|utenfor|innenfor|mot|bak|foran|in|on|at|by|through)[ \t]+$/iu;

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Names a cue word stands by, as messages open and end and parents
 * introduce themselves (`> hei even.`, `hi its faith!!`, `hei sigrid det
 * er ayaan.`, `mvh yaman`, `mamma til ilhan og sahra`): a known first name
 * right after a greeting, the word a writer names themself by (`det er
 * ayaan`) where the clause ends with it or says where they are from, and
 * the words a closing signs with or kin is kin to that are no words
 * (`isWord`). In any case, since messages write names in lower case;
 * never a word that is no one's name (`hei alle`, `det er greit`, `it's
 * me`, `hilsen mamma`, `mor til tre`).
 */
export function cuedNames(
  text: string,
  isFirstName: (word: string) => boolean,
  isWord: (lower: string) => boolean,
  markup: () => Uint8Array,
  /** Whether the note's prose writes the word in lower case (outside messages and quotes): then it is its word. */
  writes: (lower: string) => boolean = () => false,
  /** Whether the lists know the word as a name of any kind (`Eik`, `Bjørk` are surnames there). */
  isListedName: (word: string) => boolean = isFirstName,
): AnonFinding[] {
  const kinOf = kinOfHint(text);
  const greeted = GREETING_HINT.test(text);
  const signed = SIGNED_HINT.test(text);
  const described = describedInLowerCase(text, isWord, isFirstName, isListedName);
  // Each pass below runs only where its own first look found something: most notes have no greeting, closing or kin.
  // (After the possessive, a verb often follows the kin instead, `søstera mi sier`: there only a first name the lists know.)
  const mine = [...text.matchAll(MY_OWN), ...mineAfter(text).filter((m) => isFirstName(capitalised(m[2]!)))];
  const listed = (text.includes('names') || text.includes('navn') || text.includes('namn')) && text.includes(':');
  if (!greeted && !signed && !kinOf && !mine.length && !listed && !described.length) return [];
  // The markup is made only once a cue stands by a name: a hint alone is common (`hi`, `mor til …`).
  let mask: Uint8Array | undefined;
  const out: AnonFinding[] = [];
  const add = (at: number, word: string, cue: string) => {
    if (!(mask ??= markup())[at]) out.push({ type: 'person', span: { start: at, end: at + word.length }, text: word, score: 0.8, evidence: [{ kind: 'context', cue }] });
  };
  for (const m of greeted ? text.matchAll(GREETED) : []) {
    const word = m[2]!;
    const at = m.index + m[0].length - word.length;
    // A capitalised word is greeted as a name (`Hei Yaman!`), a lower-case one must be a first name the lists know (`hei even`).
    const upper = word !== word.toLowerCase() && word[0] === word[0]!.toUpperCase() && word !== word.toUpperCase();
    if (!isNoName(word) && (upper || isFirstName(capitalised(word)))) add(at, word, m[1]!.toLowerCase());
  }
  for (const m of greeted ? text.matchAll(SELF_NAMED) : []) {
    const word = m[2]!;
    const at = m.index + m[0].length - word.length;
    if (!isNoName(word)) add(at, word, m[1]!.toLowerCase());
  }
  // Kin of someone named in lower case (`mamma til ilhan og sahra`), as a parent's message introduces itself.
  if (kinOf) {
    for (const m of text.matchAll(KIN_OF)) {
      for (const group of [2, 3]) {
        const word = m[group];
        // (`syster til mora`: kin of kin is no name.)
        if (word && !isNoName(word) && !COUNTED.has(word) && !KIN_WORDS.has(word.toLowerCase()) && !isWord(word.toLowerCase())) add(m.indices![group]![0], word, m[1]!.toLowerCase());
      }
    }
  }
  // The names a note lists as names (`names in this log: kwame, oksana, adaeze`, `bytte ut alle navn: Sol, Semhar, Dag
  // Hatlem`), in any case: every word of every item.
  if (listed) {
    for (const m of text.matchAll(NAMES_LISTED)) {
      // (A list: two items or more. `Foreslått navn: …` names one thing.)
      if (!/,|[ \t](?:og|and|&|\+)[ \t]/u.test(m[1]!)) continue;
      const listStart = m.index + m[0].length - m[1]!.length;
      for (const item of m[1]!.matchAll(LIST_ITEM_WORDS)) {
        const word = item[0];
        if (isNoName(word) || COUNTED.has(word.toLowerCase()) || LIST_FILLERS.has(word.toLowerCase())) continue;
        add(listStart + item.index, word, 'names');
      }
    }
  }
  // A friend or kin the writer names as theirs, in lower case (`my friend farid want to talk`, `min venn yonas`).
  for (const m of mine) {
    const word = m[2]!;
    // (`min søster sier`: a verb the note's prose writes is no name; messages write names so, prose seldom does.)
    if (!isNoName(word) && !COUNTED.has(word) && !KIN_WORDS.has(word) && !isWord(word) && !writes(word)) add(m.index + m[0].length - word.length, word, m[1]!.toLowerCase());
  }
  // A name in lower case with who the person is in brackets after it (`kwame (Veileder 7)`, `adaeze (nigerian, 30ish)`).
  for (const d of described) add(d.at, d.word, d.cue);
  // A message signed with a closing word, the clause ending with the name (`mvh yaman`, `hilsen fra semhar`, `regards, tom`).
  if (signed) {
    for (const m of text.matchAll(SIGNED)) {
      const word = m[2]!;
      const at = m.index + m[0].length - word.length;
      const upper = word !== word.toLowerCase();
      if (!isNoName(word) && (upper || !isWord(word.toLowerCase()))) add(at, word, m[1]!.toLowerCase());
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Words that are no one's name, whatever their case: pronouns, small words, replies, kin (`alle`, `greit`, `me`, `mamma`). */
function isNoName(word: string): boolean {
  const name = capitalised(word.toLowerCase());
  return NEVER_NAMES.has(name) || REPLIES.has(name) || ENGLISH_NO_NAMES.has(word.toLowerCase());
}

/**
 * Lower-case words with who the person is in brackets right after them, as terse logs write names (`kwame (Veileder 7)`,
 * `adaeze (nigerian, 30ish)`, `hope (congolese, 16)`): the study's pseudonym, an origin, or an age alone or after one. A
 * word that is also a word is left alone (`the class (16 pupils)`, and so `hope (congolese, 16)` too), and one the
 * lists do not know as a first name needs an origin and an age together.
 */
function describedInLowerCase(
  text: string,
  isWord: (lower: string) => boolean,
  isFirstName: (name: string) => boolean,
  isListedName: (name: string) => boolean,
): { at: number; word: string; cue: string }[] {
  const out: { at: number; word: string; cue: string }[] = [];
  const maybeName = (word: string) => !isNoName(word) && !KIN_WORDS.has(word) && !ROLE_WORDS.has(word) && !isWord(word);
  // Each shape is found from its rare mark (an opening bracket, an equals sign, a comma or full stop after a role's name),
  // the words read back from it: a pattern that starts with a lower-case word would be tried at every letter of the note.
  for (let open = text.indexOf('('); open !== -1; open = text.indexOf('(', open + 1)) {
    const before = lowerWordBefore(text, open, true);
    // (A first name that is also a word needs an age alone in the brackets: `liv (20)`, `eik (17)`; no noun has one.)
    const wordName = !!before && !maybeName(before.word) && !KIN_WORDS.has(before.word) && !ROLE_WORDS.has(before.word) && isListedName(capitalised(before.word));
    if (!before || (!maybeName(before.word) && !(wordName && AGE_ALONE.test(text.slice(open, open + 6))))) continue;
    // (The closing bracket is looked for in the next 60 characters only: a note of unclosed brackets is not read to its end for each.)
    const window = text.slice(open + 1, open + 62);
    const close = window.indexOf(')');
    if (close === -1 || window.slice(0, close).includes('\n') || window.slice(0, close).includes('(')) continue;
    const inside = window.slice(0, close).trim();
    const first = /^\p{L}+/u.exec(inside)?.[0];
    const origin = first !== undefined && isPeopleOrLanguage(capitalised(first.toLowerCase()));
    // (The pseudonym of a person, `Veileder 7`, not of a site: `club (IE-site-2)`.)
    const label = inside.split(',')[0]!.trim();
    const pseudonym = PSEUDONYM.test(label) && isPersonCue(label.split(/[ -]/u)[0]!.toLowerCase());
    const age = /(?:^|,[ \t]*)(?:ca\.?[ \t]*)?\d{1,2}(?:[ \t]*(?:år|years?|yo|ish)|-?ish)?(?:,|$)/u.test(inside);
    // A name the lists know needs one of them; another word an origin and an age together (`kombinasjon (kurmanji og norsk)` is none).
    const listed = wordName || isFirstName(capitalised(before.word));
    if (pseudonym || (origin && age) || (listed && (origin || age))) out.push({ at: before.start, word: before.word, cue: pseudonym ? label : origin ? first!.toLowerCase() : 'age' });
  }
  // A name set equal to an age, as a log notes who someone is (`yazan = 17, fra syria`); kin set equal to a first name (`mor =
  // bjørk s.`), which a log writes so whatever else the word means.
  for (let equals = text.indexOf('='); equals !== -1; equals = text.indexOf('=', equals + 1)) {
    if (!AN_AGE_AFTER.test(text.slice(equals + 1, equals + 16))) {
      const kin = lowerWordBefore(text, equals, false);
      const name = kin && KIN_WORDS.has(kin.word) ? /^[ \t]*(\p{Ll}[\p{Ll}\p{M}-]{2,})(?![\p{L}\p{M}])/u.exec(text.slice(equals + 1, equals + 40)) : null;
      if (name && !isNoName(name[1]!) && !KIN_WORDS.has(name[1]!) && isListedName(capitalised(name[1]!))) out.push({ at: equals + 1 + name[0].length - name[1]!.length, word: name[1]!, cue: kin!.word });
      continue;
    }
    const before = lowerWordBefore(text, equals, false);
    if (before && maybeName(before.word)) out.push({ at: before.start, word: before.word, cue: 'age' });
  }
  // A first name before the possessive `sin`, `si`, `sitt`, `sine` (`tor sine foreldre`): spoken Norwegian's genitive, of a person.
  // (One pass over the text for all four, what is owned after in lower case; the owner before, the lists asked last.)
  POSSESSIVE.lastIndex = 0;
  for (let m = POSSESSIVE.exec(text); m !== null; m = POSSESSIVE.exec(text)) {
    const before = lowerWordBefore(text, m.index + 1, true);
    if (before && !KIN_WORDS.has(before.word) && !ROLE_WORDS.has(before.word) && !isNoName(before.word) && isFirstName(capitalised(before.word))) {
      out.push({ at: before.start, word: before.word, cue: m[1]! });
    }
  }
  // A role or kin before a name no word is, the clause ending after it: a first name the lists know (`owner oksana,`), or
  // any with an age after it (`boy callum, 17`).
  for (const mark of [',', '.', ';', ':', '!', '?', ')']) {
    for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + 1)) {
      // (A full stop ends a clause only before a space or a line's end: `rasa.n` is a username.)
      if (mark === '.' && at + 1 < text.length && !/\s/u.test(text[at + 1]!)) continue;
      const name = lowerWordBefore(text, at, false);
      if (!name) continue;
      // (The role is asked first: a set's look-up, where whether the name is a word asks the lists.)
      const role = lowerWordBefore(text, name.start, true);
      if (!role || !ROLE_WORDS.has(role.word.toLowerCase()) || !maybeName(name.word)) continue;
      const aged = mark === ',' && /^,[ \t]*\d{1,2}(?:[ \t]*(?:år|years?))?(?:[ ,;.)]|$)/u.test(text.slice(at, at + 12));
      if (aged || isFirstName(capitalised(name.word))) out.push({ at: name.start, word: name.word, cue: role.word.toLowerCase() });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** After an equals sign, an age and the clause's end (`= 17,`, `= 17 år.`). */
/** Spoken Norwegian's possessive after an owner, before what is owned (` sine foreldre`), without the `u` flag. */
const POSSESSIVE = / (sine|sin|si|sitt) [a-zæøå]/g;
/** An opening bracket with an age alone in it, two digits (`(20)`; `(1)` numbers a point). */
const AGE_ALONE = /^\([ \t]*[1-9]\d[ \t]*\)/u;
const AN_AGE_AFTER = /^[ \t]*\d{1,2}(?:[ \t]*(?:år|years?))?(?=[ \t]*(?:[,;.)]|$|\n))/u;
const LETTER = /[\p{L}\p{M}'’-]/u;

/** `LETTER` at an offset, without a regular expression for the ASCII most text is written in. */
function isLetterAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return ((c | 32) >= 97 && (c | 32) <= 122) || c === 39 || c === 45;
  return LETTER.test(text[at]!);
}

/**
 * The word right before `at` (spaces between, or none where `spaced` is false), if it is three letters or more, starts in
 * lower case and is a word of its own (`kwame` before ` (`, `yazan` before ` =`). Read back a few dozen characters at most.
 */
function lowerWordBefore(text: string, at: number, spaced: boolean): { start: number; word: string } | undefined {
  let end = at;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  if (spaced && end === at) return undefined;
  let start = end;
  while (start > 0 && end - start < 40 && isLetterAt(text, start - 1)) start--;
  if (end - start < 3 || (start > 0 && /[\p{N}@._]/u.test(text[start - 1]!))) return undefined;
  const word = text.slice(start, end);
  return /^\p{Ll}/u.test(word) ? { start, word } : undefined;
}

/** Roles and kin a terse log puts before a name. */
const ROLE_WORDS = new Set(
  'boy girl gutt jente gutten jenta owner eier eieren worker arbeider kid lad guy son daughter sønn sønnen dotter datter bror broren søster brother sister mum mom dad mor far cousin fetter kusine friend venn venninne kompis neighbour nabo teacher lærer boss sjef manager leder adviser rådgiver veileder'.split(' '),
);

/** English words a greeting or `it's` is followed by that are no one's name. */
const ENGLISH_NO_NAMES = new Set('all everyone everybody guys there you me us them again ok okay fine here back late sorry good great done home outside sick ready coming not also just still so sure busy free tired going working new very really only the a an at in on with from'.split(' '));

/** A cheap first look, without the `u` flag, which runs fast over a whole note: a greeting as a word of its own. */
const GREETING_HINT = /[hH](?:ei|i|ey|allo|ello|eisann|iya|aia|elo)(?![a-zæøåA-ZÆØÅ])|[Ss]hwmae/;
/** `hei even`, `hi, grace`: a greeting and the name it greets. */
const GREETED = /(?<![\p{L}\p{N}])(hei|hi|hey|hallo|heisann|hello|hiya|shwmae|haia|helo)[ \t]*,?[ \t]+(\p{L}[\p{L}\p{M}-]{2,})(?![\p{L}\p{M}])/giu;
/** `hei sigrid det er ayaan.`, `hi its faith!!`, `hallo, her er semhar fra kurset`: after a greeting, the writer says who they are, and the clause ends there or says where they are from. */
const SELF_NAMED =
  /(?<![\p{L}\p{N}])(?:hei|hi|hey|hallo|heisann|hello|hiya|shwmae|haia|helo)\b[.!]*[^\n.!?]{0,30}?(?<![\p{L}])(det er|dette er|her er|er det|er dette|it's|it’s|its|this is|here is|here's|is it|is this|eg er|jeg er|i'm|i’m|im)[ \t]+(\p{L}[\p{L}\p{M}-]{2,})(?=[ \t]*(?:[.!?,…:;)]|$|\n|\p{Extended_Pictographic}|(?:fra|frå|from|her|here|again|igjen)(?![\p{L}])))/gimu;
/**
 * A cheap first look for kin and `til`/`of`: the small word first (a regular expression that starts with a space is
 * looked for fast), then the kin word before it, which an alternation of eighteen words at every place would cost more.
 */
function kinOfHint(text: string): boolean {
  KIN_OF_SMALL_WORD.lastIndex = 0;
  for (let m = KIN_OF_SMALL_WORD.exec(text); m; m = KIN_OF_SMALL_WORD.exec(text)) {
    if (KIN_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) return true;
  }
  return false;
}
/** Kin words as `KIN_OF` writes them, and their definite and plural forms: after `til`, kin of kin. */
const KIN_WORDS = new Set(
  'mamma mammaen mor mora moren pappa pappaen far faren bror broren brødre brørne søster søstera søsteren søstre syster systera systrer tante tanta tanten onkel onkelen foreldre foreldra foreldrene besteforeldre mormor morfar farmor farfar kone mann mannen kona barn barna barnet sønn sønnen dotter dottera datter datteren mother mum mom dad father brother sister aunt uncle parents'.split(' '),
);
const KIN_OF_SMALL_WORD = / (?:til|åt|of) [a-zæøå]/g;
const KIN_BEFORE = /(?:mamma|mor|pappa|far|bror|søster|syster|tante|onkel|mother|mum|mom|dad|father|brother|sister|aunt|uncle)[a-zæøå]*$/;
/** `mamma til ilhan og sahra`, `mother of yonas`: kin, and the one or two persons it is kin to, in lower case. */
const KIN_OF =
  /(?<![\p{L}])(mamma|mor|mora|moren|pappa|far|faren|bror|broren|storebror|lillebror|søster|søstera|søsteren|storesøster|lillesøster|syster|systera|tante|tanta|onkel|mother|mum|mom|dad|father|brother|sister|aunt|uncle)[ \t]+(?:til|åt|of)[ \t]+(\p{Ll}[\p{L}\p{M}-]{2,})(?:[ \t]+(?:og|and|&)[ \t]+(\p{Ll}[\p{L}\p{M}-]{2,}))?(?![\p{L}\p{M}])/dgu;
/** A label saying that names follow (`names in this log:`, `alle navn:`, `namna her:`), then the list, to the sentence's end. */
const NAMES_LISTED = /(?<![\p{L}])(?:(?:first|last|sur)?[ \t]?names|(?:etter|for)?(?:navn|namn|navna|navnene|namna|namnene))(?:[ \t]+[\p{L}]+){0,3}[ \t]*:[ \t]*([^\n.;:()!?`*_/]{1,200})/gu;
/** The words of a list's items, in any case. */
const LIST_ITEM_WORDS = /(?<![\p{L}\p{M}\p{N}@.])\p{L}[\p{L}\p{M}'’-]*/gu;
/** Words a list of names holds besides names. */
const LIST_FILLERS = new Set(['og', 'and', 'or', 'eller', 'etc', 'osv', 'mfl', 'all', 'alle', 'pseudonyms', 'pseudonym', 'pseudonymer', 'before', 'sharing', 'til', 'to']);

/** A friend or kin named right after `my`, `min`, `mi` (`my friend farid`, `min bror ahmed`, `mi venninne sara`). */
const MY_OWN =
  /(?<![\p{L}])(?:[Mm]y|[Mm]in|[Mm]i)[ \t]+(friend|best friend|boyfriend|girlfriend|cousin|brother|sister|neighbour|venn|ven|venninne|venninna|bror|søster|syster|fetter|kusine|nabo|kjæreste)[ \t]+(\p{Ll}[\p{Ll}\p{M}-]{2,})(?![\p{L}\p{M}])/gu;
/**
 * The same with the possessive after the kin, as Norwegian says it (`broren min minh`, `søstera mi amina`): found from the
 * possessive (a literal, found fast), the kin read back and the name forward. Matches as `MY_OWN`'s: the kin, then the name.
 */
function mineAfter(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  POSSESSIVE_AFTER_KIN.lastIndex = 0;
  for (let p = POSSESSIVE_AFTER_KIN.exec(text); p !== null; p = POSSESSIVE_AFTER_KIN.exec(text)) {
    const from = Math.max(0, p.index - 12);
    const m = KIN_THEN_MINE.exec(text.slice(from, p.index + 48));
    if (!m) continue;
    m.index += from;
    out.push(m);
  }
  return out;
}
const POSSESSIVE_AFTER_KIN = / (?:min|mi|mitt) /g;
const KIN_THEN_MINE =
  /(?<![\p{L}])(broren|bror'n|søstera|søstra|søsteren|systera|fetteren|kusina|kusinen|venninna|venninnen|vennen|venen|kjæresten|naboen)[ \t]+(?:min|mi|mitt)[ \t]+(\p{Ll}[\p{Ll}\p{M}-]{2,})(?![\p{L}\p{M}])/u;
/** What kin may be kin to that is no one's name: a determiner, a number, a pronoun (`mor til ein gut`, `far til tre`). */
const COUNTED = new Set(
  'ein eit ei en et to tre fire fem seks sju syv åtte ni ti tolv mange flere fleire noen nokre nokon begge alle dei de dem deg meg seg han ho hun henne ham dykk oss hans hennes hennar deira deres sin sitt sine mitt min mine one two three four five several many some all both his her their my our your a an the'.split(' '),
);
/** A cheap first look for a closing word, without the `i` flag. */
const SIGNED_HINT = /(?:[mM]vh|[hH]ilsen|[hH]elsing|[kK]lem|[rR]egards|[cC]heers)(?![a-zæøå])/;
/** `mvh yaman`, `hilsen fra semhar`, `Regards, Tom`: a closing word and the name it signs, at the end of its line or clause. */
const SIGNED =
  /(?<![\p{L}\p{N}])(mvh|hilsen|helsing|klem|regards|cheers)[ \t]*[,:]?[ \t]*(?:(?:fra|frå|from)[ \t]+)?(\p{L}[\p{L}\p{M}-]{2,})(?=[ \t]*(?:[.!,…)]|$|\p{Extended_Pictographic}))/gimu;

/** Whether a place the lists know, written in lower case, is the place: no word (`i ørsta`, not `i moss` or `til sand`). */
export function isPlaceInLowerCase(name: string, knowledge: NameKnowledge): boolean {
  return name.length > 3 && knowledge.isPlace(name) && !AMBIGUOUS.has(name) && !NEVER_NAMES.has(name) && !knowledge.isEnglishWord?.(name.toLowerCase());
}

/**
 * Places and workplaces a note that writes names in lower case writes so too: a place the lists know after a preposition
 * of place (`far bur i florø`), a chain's shop by its place (`kiwi linderud`, `europris førde`), a school by its place
 * (`hafstad vgs`). Asked only of such a note: elsewhere a lower-case word is a word.
 */
export function placesInLowerCase(text: string, knowledge: NameKnowledge, markup: () => Uint8Array): AnonFinding[] {
  const out: AnonFinding[] = [];
  const place = (word: string) => isPlaceInLowerCase(capitalised(word), knowledge) && !isPeopleOrLanguage(capitalised(word));
  let mask: Uint8Array | undefined;
  const add = (type: 'place' | 'org', start: number, end: number, cue: string) => {
    if (!(mask ??= markup())[start]) out.push({ type, span: { start, end }, text: text.slice(start, end), score: 0.8, evidence: [{ kind: 'context', cue }] });
  };
  for (const m of text.matchAll(PLACE_IN_LOWER_CASE)) {
    const word = m[2]!;
    if (place(word)) add('place', m.index + m[0].length - word.length, m.index + m[0].length, m[1]!);
  }
  for (const m of text.matchAll(SHOP_OR_SCHOOL_IN_LOWER_CASE)) {
    const chain = m[1];
    if (chain !== undefined ? CHAINS.has(capitalised(chain)) && place(m[2]!) : place(m[3]!)) add('org', m.index, m.index + m[0].length, chain ?? m[4]!);
  }
  return out;
}

/** A preposition of place and a lower-case word after it (`i florø`, `frå naustdal`; not before a number: `i runde 2`). */
const PLACE_IN_LOWER_CASE = /(?<![\p{L}\p{N}])(i|på|frå|fra|til|ved|near|in|from)[ \t]+(\p{Ll}[\p{Ll}-]{3,})(?![\p{L}\p{M}]|[ \t]*\d)/gu;
/** A chain's lower-case name and a word after it, or a word and a school's lower-case kind (`kiwi linderud`, `hafstad vgs`). */
const SHOP_OR_SCHOOL_IN_LOWER_CASE = /(?<![\p{L}\p{N}])(?:(kiwi|rema|joker|bunnpris|coop|extra|prix|meny|spar|europris|elkjøp|xxl|biltema|jula|narvesen|esso|shell|lidl|tesco)[ \t]+(\p{Ll}[\p{Ll}-]{3,})|(\p{Ll}[\p{Ll}-]{3,})[ \t]+(vgs|vidaregåande|videregående|ungdomsskule|ungdomsskole|barneskule|barneskole))(?![\p{L}\p{M}])/gu;
