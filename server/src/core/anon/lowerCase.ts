import type { AnonFinding } from './types.js';
import type { WordList } from './wordList.js';
import { isCalendar, type NameKnowledge } from './names.js';
import { AMBIGUOUS, NEVER_NAMES, WORDS_IN_LOWER_CASE } from './wordlists.js';

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
 * caller says which words are names and why; it leaves out every name that
 * is also a word of the note's languages (`tone`, `grace`, `storm`).
 *
 * Only the note's own lower-case words are asked about (its vocabulary),
 * so a note costs a look-up per distinct word and one search for the
 * names found.
 */
export function lowerCaseNames(
  text: string,
  vocabulary: WordList,
  nameOf: (lower: string) => LowerCaseName | undefined,
  isWord: (lower: string) => boolean,
  markup: () => Uint8Array,
): AnonFinding[] {
  const why = new Map<string, LowerCaseName>();
  for (const word of vocabulary.words()) {
    if (word.length < 3) continue;
    // A genitive is its name's (`aminas`), unless the word is a word itself (`this`, not Thi's).
    const reason = nameOf(word) ?? (word.endsWith('s') && word.length > 3 && !isWord(word) ? nameOf(word.slice(0, -1)) : undefined);
    if (reason) why.set(word, reason);
  }
  if (!why.size) return [];
  const mask = markup();
  const pattern = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}@.'’-])(?:${[...why.keys()].map(escape).join('|')})(?![\\p{L}\\p{M}\\p{N}@]|[-'’.]\\p{L})`, 'gu');
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

/** Persons with a first name (SSB, 2019) for it to be taken for a name in lower case on the lists' word alone. */
const COMMON_FIRST_NAME = 300;

const commonFirstNames = new WeakMap<NameKnowledge, Map<string, boolean>>();

/**
 * Whether a lower-case word is a common Norwegian first name of four
 * letters or more and no word: the rarer and shorter names and the English
 * lists' hold too many words (`brett`, `ned`, `lin`), and months are words
 * (`april`). Asked of every lower-case word a note writes, so remembered
 * per word.
 */
export function commonFirstNameInLowerCase(lower: string, knowledge: NameKnowledge): boolean {
  let known = commonFirstNames.get(knowledge);
  if (!known) commonFirstNames.set(knowledge, (known = new Map()));
  let answer = known.get(lower);
  if (answer === undefined) {
    const name = lower.charAt(0).toLocaleUpperCase('nb') + lower.slice(1);
    // Names of three letters are too often words too (`lin`, `tor`, `dag`).
    answer = lower.length > 3 && (knowledge.firstNameCount?.(name) ?? 0) >= COMMON_FIRST_NAME && !isCalendar(name) && !knowledge.isPlace(name) && !isWordOrPlainName(lower, knowledge);
    // A study's distinct lower-case words are far fewer; a long-running server forgets past this many.
    if (known.size > 200_000) known.clear();
    known.set(lower, answer);
  }
  return answer;
}

/** Whether a name in lower case would be a word: a common word in either language, or a surname or place no first name shares. */
export function isWordOrPlainName(lower: string, knowledge: NameKnowledge): boolean {
  const name = lower.charAt(0).toLocaleUpperCase('nb') + lower.slice(1);
  if (AMBIGUOUS.has(name) || NEVER_NAMES.has(name) || WORDS_IN_LOWER_CASE.has(lower) || knowledge.isEnglishWord?.(lower)) return true;
  return (knowledge.isSurname(name) || knowledge.isPlace(name)) && !knowledge.isFirstName(name);
}

/** A word after an article or a determiner is a noun or an adjective (`en kim til noe`, `a rosa hoodie`), not a name. */
const DETERMINER_BEFORE = /(?:^|[^\p{L}])(?:en|ei|et|den|det|denne|dette|min|mi|mitt|din|di|ditt|sin|si|sitt|vår|hans|hennes|a|an|the|my|your|his|her|our|their|this|that)[ \t]+$/iu;

/** Prepositions of place, after which a word is where something is. */
const SPATIAL_BEFORE = /(?:^|[^\p{L}])(?:på|i|ved|langs|under|over|gjennom|utenfor|innenfor|mot|bak|foran|in|on|at|by|through)[ \t]+$/iu;

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Names in a greeting, as messages open (`> hei even.`, `hi its faith!!`,
 * `hei sigrid det er ayaan.`): a known first name right after the
 * greeting, or the word a writer names themself by (`det er ayaan`) where
 * the clause ends with it. In any case, since messages write names in
 * lower case; never a word that is no one's name (`hei alle`, `det er
 * greit`, `it's me`).
 */
export function greetedNames(text: string, isFirstName: (word: string) => boolean, isNoName: (word: string) => boolean, markup: () => Uint8Array): AnonFinding[] {
  if (!GREETING_HINT.test(text)) return [];
  const mask = markup();
  const out: AnonFinding[] = [];
  const add = (at: number, word: string, cue: string) => {
    if (!mask[at]) out.push({ type: 'person', span: { start: at, end: at + word.length }, text: word, score: 0.8, evidence: [{ kind: 'context', cue }] });
  };
  for (const m of text.matchAll(GREETED)) {
    const word = m[2]!;
    const at = m.index + m[0].length - word.length;
    if (!isNoName(word) && isFirstName(capitalised(word))) add(at, word, m[1]!.toLowerCase());
  }
  for (const m of text.matchAll(SELF_NAMED)) {
    const word = m[2]!;
    const at = m.index + m[0].length - word.length;
    if (!isNoName(word)) add(at, word, m[1]!.toLowerCase());
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

const capitalised = (word: string) => word.charAt(0).toLocaleUpperCase('nb') + word.slice(1);
const GREETING_HINT = /\b(?:hei|hi|hey|hallo|heisann|hello|hiya)\b/iu;
/** `hei even`, `hi, grace`: a greeting and the name it greets. */
const GREETED = /(?<![\p{L}\p{N}])(hei|hi|hey|hallo|heisann|hello|hiya)[ \t]*,?[ \t]+(\p{L}[\p{L}\p{M}-]{2,})(?![\p{L}\p{M}])/giu;
/** `hei sigrid det er ayaan.`, `hi its faith!!`: after a greeting, the writer says who they are, and the clause ends there. */
const SELF_NAMED =
  /(?<![\p{L}\p{N}])(?:hei|hi|hey|hallo|heisann|hello|hiya)\b[^\n.!?]{0,30}?(?<![\p{L}])(det er|dette er|it's|it’s|its|this is|eg er|jeg er)[ \t]+(\p{L}[\p{L}\p{M}-]{2,})(?=[ \t]*(?:[.!?,…:;)]|$|\n|\p{Extended_Pictographic}))/gimu;
