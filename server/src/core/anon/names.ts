import type { AnonEvidence, AnonFinding, AnonType } from './types.js';
import type { Word } from './prose.js';
import {
  AMBIGUOUS,
  CALENDAR,
  INSTITUTION_PHRASES,
  INSTITUTIONS,
  NEVER_NAMES,
  ORG_FOLLOWERS,
  INSTITUTION_ENDINGS,
  NAMING_CUES,
  isOrgWord,
  REPLIES,
  PERSON_CUES_BEFORE,
  HUMAN_VERBS,
  PERSON_VERBS_AFTER,
  PSEUDONYM,
  STRONG_PLACE_CUES,
  PLACE_COMPOUND_ENDINGS,
  PLACE_CUES_BEFORE,
  PLACE_ENDINGS,
  PUBLIC_FIGURES,
  PUBLIC_ROLE,
  STREET_WORDS,
} from './wordlists.js';

/** What the checker knows of names and places (from `lexicon.ts`, or a test's own). */
export interface NameKnowledge {
  isFirstName(word: string): boolean;
  isSurname(word: string): boolean;
  isPlace(word: string): boolean;
  isCounty(word: string): boolean;
  isCountry(word: string): boolean;
}

/** A name found in the prose, before the consistency pass and the threshold. */
export type NameFinding = AnonFinding & {
  /** The words that make it up, for the consistency pass (`Heidi Lund` confirms `Heidi` and `Lund`). */
  parts: string[];
};

/** Scores, as in Presidio: evidence adds up; a finding needs `THRESHOLD`. */
export const THRESHOLD = 0.5;
const SCORE = {
  capitalised: 0.5,
  firstName: 0.55,
  firstNameAmbiguous: 0.1,
  surname: 0.3,
  place: 0.55,
  context: 0.35,
  shape: 0.2,
  run: 0.3,
  alone: 0.5,
  naming: 0.6,
};

const score = (evidence: AnonEvidence[]): number =>
  Math.min(
    1,
    evidence.reduce((sum, e) => {
      switch (e.kind) {
        case 'capitalised':
          return sum + SCORE.capitalised;
        case 'list':
          return sum + (e.list === 'firstName' ? SCORE.firstName : e.list === 'surname' ? SCORE.surname : SCORE.place);
        case 'context':
          return sum + (NAMING_CUES.has(e.cue) ? SCORE.naming : SCORE.context);
        case 'shape':
          return sum + (e.cue === 'name-run' ? SCORE.run : e.cue === 'alone' ? SCORE.alone : SCORE.shape);
        default:
          return sum;
      }
    }, 0),
  );

/** The capitalised leading part of a word: `Nordmøre` of `Nordmøre-regionen`, all of `Eva-Marie`. */
export function namePart(word: Word): { text: string; end: number } {
  if (!word.text.includes('-')) return word;
  const parts = word.text.split('-');
  let keep = 1;
  while (keep < parts.length && /^\p{Lu}/u.test(parts[keep]!)) keep++;
  const text = parts.slice(0, keep).join('-');
  return { text, end: word.start + text.length };
}

const lower = (s: string | undefined) => s?.toLowerCase() ?? '';
/** Objects a naming verb may take before the name (`kalte ham Tufsen`). */
const OBJECTS = new Set(['ham', 'han', 'henne', 'ho', 'seg', 'meg', 'deg', 'dem', 'oss', 'jenta', 'gutten']);

/**
 * Persons, places and organisations in a note's words, from lists,
 * context and the shape of the words. Norwegian writes only names with a
 * capital inside a sentence, so a capital there is strong evidence; at a
 * sentence start a word needs a list or context to count.
 */
export function findNames(text: string, words: Word[], lists: NameKnowledge): NameFinding[] {
  const knowledge = remembering(lists);
  const found: NameFinding[] = [];
  const wordAt = (k: number) => words[k];
  const gap = (a: Word, b: Word) => text.slice(a.end, b.start);
  const previousWord = (k: number) => (k > 0 && /^[ \t\u00a0]+$/.test(gap(words[k - 1]!, words[k]!)) ? words[k - 1] : undefined);
  /** The word before, also across an opening quote (`alle kalte «Tuppen»`). */
  const cueWord = (k: number) => (k > 0 && /^[ \t\u00a0]+[«"“']?$/.test(gap(words[k - 1]!, words[k]!)) ? words[k - 1] : undefined);

  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    if (!word.capitalised) continue;

    const phrase = INSTITUTION_PHRASES.find((p) => text.startsWith(p, word.start));
    if (phrase) {
      while (k + 1 < words.length && words[k + 1]!.start < word.start + phrase.length) k++;
      continue;
    }

    // A run of capitalised words side by side: a full name, or a name with its company form.
    let last = k;
    while (last + 1 < words.length && wordAt(last + 1)!.capitalised && gap(wordAt(last)!, wordAt(last + 1)!) === ' ' && namePart(wordAt(last)!).end === wordAt(last)!.end) last++;
    // `Hjelset Sveis og Montasje`: a company name may join words with `og`.
    while (
      last + 2 < words.length &&
      /^ (og|&) $/.test(gap(wordAt(last)!, wordAt(last + 1)!) + wordAt(last + 1)!.text + gap(wordAt(last + 1)!, wordAt(last + 2)!)) &&
      wordAt(last + 2)!.capitalised &&
      (isOrgWord(wordAt(last)!.text) || isOrgWord(wordAt(last + 2)!.text))
    ) {
      last += 2;
    }
    // A sentence's first word before a name is usually not part of it (`Men Eli`, `Fastlege Dahl`), unless it is a name itself.
    if (last > k && word.sentenceStart && !knowledge.isFirstName(word.text) && !knowledge.isSurname(word.text) && !knowledge.isPlace(word.text)) continue;
    const run = words.slice(k, last + 1).filter((w) => w.capitalised);
    const before = previousWord(k);
    const runEnd = namePart(wordAt(last)!).end;
    const after = text.slice(runEnd, runEnd + 60);
    const next = () => (k = last);

    // Streets with a number: `Kongens gate 40`, `Storgata 5`.
    const street = /^ (\p{L}+) (\d+[A-Za-z]?)\b/u.exec(after);
    const streetWord = street && STREET_WORDS.has(street[1]!) ? street : null;
    const ownStreet = /(gate|gata|veien|vegen|vei|veg|allé|plass|torget|stien)$/u.test(namePart(wordAt(last)!).text) ? /^ (\d+[A-Za-z]?)\b/u.exec(after) : null;
    if (streetWord || ownStreet) {
      const end = runEnd + (streetWord ?? ownStreet)![0].length;
      found.push(finding('place', word.start, end, text, [{ kind: 'context', cue: (streetWord ?? ownStreet)![0].trim() }, { kind: 'capitalised' }], run.map((w) => w.text)));
      while (last + 1 < words.length && words[last + 1]!.start < end) last++;
      next();
      continue;
    }

    // The study's pseudonyms: a role and a number or letter (`Veileder D`, `Rådgiver 5`).
    const role = !knowledge.isFirstName(word.text) && !knowledge.isSurname(word.text);
    if (role && (PSEUDONYM.test(text.slice(word.start, runEnd)) || (run.length === 1 && /^[ -](\d+|\p{Lu})(?![\p{L}\p{N}])/u.test(text.slice(runEnd, runEnd + 5))))) {
      next();
      continue;
    }
    if (isPublic(run, before)) {
      next();
      continue;
    }
    if (isCitation(text, word.start, runEnd)) {
      next();
      continue;
    }

    // Organisations: `Bryn ungdomsskole`, `Egge IL`, `Kristiansund Bilsenter AS`, `Bakeriet til Hansen`.
    const follower = ORG_FOLLOWERS.exec(after.replace(/^ /, ''));
    const orgSuffix = run.length > 1 && run.some((w, i) => i > 0 && isOrgWord(w.text));
    const ownedBy = run.length === 1 && isOrgWord(word.text) && !word.sentenceStart ? /^ (til|på|i) (\p{Lu}[\p{L}-]*)/u.exec(after) : null;
    // At a sentence start, `Etter skolen` is no school: the first word must be a name there.
    const named = !word.sentenceStart || knowledge.isPlace(word.text) || knowledge.isSurname(word.text) || knowledge.isFirstName(word.text) || run.length > 1;
    if ((follower && after.startsWith(' ') && !word.upper && named) || orgSuffix || ownedBy) {
      const end = follower && after.startsWith(' ') ? runEnd + 1 + follower[0].length : ownedBy ? runEnd + ownedBy[0].length : runEnd;
      const skip = run.every((w) => INSTITUTIONS.has(w.text) || knowledge.isCountry(w.text));
      if (!skip) {
        const evidence: AnonEvidence[] = [{ kind: 'shape', cue: follower ? follower[0] : ownedBy ? `${word.text} ${ownedBy[1]}` : run[run.length - 1]!.text }, { kind: 'capitalised' }];
        found.push(finding('org', word.start, end, text, evidence, run.map((w) => w.text)));
      }
      while (last + 1 < words.length && words[last + 1]!.start < end) last++;
      next();
      continue;
    }

    if (run.length > 1) {
      const names = run.filter((w) => !INSTITUTIONS.has(namePart(w).text.split('-')[0]!) && !knowledge.isCountry(w.text) && !CALENDAR.has(w.text));
      if (names.length > 1) {
        const type = names.every((w) => knowledge.isPlace(namePart(w).text) && !knowledge.isFirstName(w.text) && !knowledge.isSurname(w.text)) ? 'place' : 'person';
        const evidence: AnonEvidence[] = [{ kind: 'shape', cue: 'name-run' }];
        if (knowledge.isFirstName(names[0]!.text)) evidence.push({ kind: 'list', list: 'firstName' });
        if (!names[0]!.sentenceStart || names.length > 1) evidence.push({ kind: 'capitalised' });
        found.push(finding(type, names[0]!.start, namePart(names[names.length - 1]!).end, text, evidence, names.map((w) => namePart(w).text)));
        next();
        continue;
      }
      // One name beside institutions (`NAV Molde`): read that word alone below.
      if (names.length === 1) {
        const single = single1(names[0]!, words.indexOf(names[0]!, k));
        if (single) found.push(single);
        next();
        continue;
      }
      next();
      continue;
    }

    const single = single1(word, k);
    if (single) found.push(single);
  }
  return found;

  function single1(word: Word, k: number): NameFinding | undefined {
    const { text: name, end } = namePart(word);
    const head = name.split('-')[0]!;
    if (name.length < 2 || word.upper || NEVER_NAMES.has(name) || INSTITUTIONS.has(name) || INSTITUTIONS.has(head) || CALENDAR.has(name) || knowledge.isCountry(name)) return undefined;
    if (INSTITUTION_ENDINGS.test(name.toLowerCase()) && !knowledge.isPlace(name) && !knowledge.isSurname(name)) return undefined;
    // The study's own pseudonyms: a role and a number or letter (`Rådgiver 5`, `Veileder D`).
    if (/^ (\d+|\p{Lu})\b/u.test(text.slice(end, end + 4)) && !/^ \p{Lu}\p{Ll}/u.test(text.slice(end, end + 4))) return undefined;
    // `kalte ham «Tufsen»`: a naming verb may have its object between it and the name.
    const direct = cueWord(k);
    const throughObject = direct && OBJECTS.has(lower(direct.text)) ? cueWord(k - 1) : undefined;
    const before = throughObject && NAMING_CUES.has(lower(throughObject.text)) ? throughObject : direct;
    const cueBefore = lower(before?.text);
    const after = text.slice(end, end + 40);
    const verbAfter = /^ (\p{L}+)/u.exec(after)?.[1];
    const evidence: AnonEvidence[] = [];
    const midSentence = !word.sentenceStart;
    if (midSentence) evidence.push({ kind: 'capitalised' });

    // `Moldemodellen`, `Larvikprosjektet`: a local model named after its place.
    const compound = PLACE_COMPOUND_ENDINGS.exec(name);
    if (compound && compound[1]!.length > 2 && (knowledge.isPlace(stem(compound[1]!, knowledge)) || midSentence)) {
      if (knowledge.isPlace(stem(compound[1]!, knowledge))) evidence.push({ kind: 'list', list: 'place' });
      evidence.push({ kind: 'shape', cue: compound[2]! });
      return finding('place', word.start, end, text, evidence, [name]);
    }

    const possessive = /s$/.test(name) && name.length > 3 ? name.slice(0, -1) : undefined;
    const firstName = knowledge.isFirstName(name) || (!!possessive && knowledge.isFirstName(possessive) && !knowledge.isSurname(name) && !knowledge.isPlace(name));
    const surname = knowledge.isSurname(name) || (!!possessive && knowledge.isSurname(possessive) && !knowledge.isFirstName(name) && !knowledge.isPlace(name));
    const place = knowledge.isPlace(name) || knowledge.isCounty(name);
    const ambiguous = AMBIGUOUS.has(name);
    const personCue = PERSON_CUES_BEFORE.has(cueBefore) ? cueBefore : undefined;
    const placeCue = PLACE_CUES_BEFORE.has(cueBefore) && before && !before.capitalised ? cueBefore : undefined;

    const humanVerb = word.sentenceStart && !!verbAfter && HUMAN_VERBS.has(verbAfter) && (firstName || surname);
    let type: AnonType;
    if (personCue || humanVerb) type = 'person';
    else if (placeCue && STRONG_PLACE_CUES.has(placeCue) && !firstName) type = 'place';
    else if (place && (placeCue || !firstName)) type = 'place';
    else if (firstName || surname) type = 'person';
    else if (placeCue || PLACE_ENDINGS.test(name)) type = 'place';
    else type = 'person';

    if (type === 'person') {
      if (firstName) evidence.push({ kind: 'list', list: 'firstName' });
      else if (surname) evidence.push({ kind: 'list', list: 'surname' });
      if (personCue) evidence.push({ kind: 'context', cue: personCue });
      else if ((surname || firstName) && word.sentenceStart && verbAfter && PERSON_VERBS_AFTER.has(verbAfter)) evidence.push({ kind: 'context', cue: verbAfter });
    } else {
      if (place) evidence.push({ kind: 'list', list: knowledge.isCounty(name) ? 'county' : 'place' });
      if (placeCue) evidence.push({ kind: 'context', cue: placeCue });
      else if (!place && PLACE_ENDINGS.test(name)) evidence.push({ kind: 'shape', cue: PLACE_ENDINGS.exec(name)![0] });
    }
    // A name that is also a word says little at a sentence start (`Per i dag`, `Liv og røre`).
    // A name may stand alone as a sentence, as the answer to who (`**Veileder F:** Rojda.`).
    // Whether the note writes it as an ordinary word elsewhere is weighed afterwards, over the whole note (`weak`).
    if (word.sentenceStart && evidence.length === 0 && name.length > 2 && !ambiguous && !REPLIES.has(name) && /^[.!?]/.test(after) && !PLACE_ENDINGS.test(name)) {
      evidence.push({ kind: 'shape', cue: 'alone' });
    }
    if (ambiguous && word.sentenceStart && !evidence.some((e) => e.kind === 'context')) return undefined;
    const result = finding(type, word.start, end, text, evidence, [possessive && (firstName || surname) && !knowledge.isFirstName(name) && !knowledge.isSurname(name) ? possessive : name]);
    if (word.sentenceStart && evidence.every((e) => e.kind === 'list' || (e.kind === 'shape' && e.cue === 'alone'))) result.weak = true;
    return result;
  }
}

/** The endings of an inflected ordinary word (`tiden` is `tid` inflected). */
export const INFLECTIONS = ['en', 'a', 'et', 'er', 'e', 'ene', 'ne'];

/** Whether a word is written as an ordinary word, in itself or inflected (`Tid.` beside `tiden`). */
export function writtenAsWord(lower: string, has: (word: string) => boolean): boolean {
  return has(lower) || INFLECTIONS.some((ending) => has(lower + ending));
}

const remembered = new WeakMap<NameKnowledge, NameKnowledge>();

/** The lists, asked once per distinct word: a transcript repeats its names many times. */
function remembering(lists: NameKnowledge): NameKnowledge {
  let known = remembered.get(lists);
  if (!known) remembered.set(lists, (known = rememberingNow(lists)));
  return known;
}

function rememberingNow(lists: NameKnowledge): NameKnowledge {
  const cache = (ask: (word: string) => boolean) => {
    const known = new Map<string, boolean>();
    return (word: string) => {
      let answer = known.get(word);
      if (answer === undefined) known.set(word, (answer = ask(word)));
      return answer;
    };
  };
  // Hyphenated first names and double surnames: `Siv-Helene`, `Holm-Karlsen`.
  const eachPart = (ask: (word: string) => boolean) => (w: string) => ask(w) || (w.includes('-') && w.split('-').every((part) => part.length > 1 && ask(part)));
  return {
    isFirstName: cache(eachPart((w) => lists.isFirstName(w))),
    isSurname: cache(eachPart((w) => lists.isSurname(w))),
    isPlace: cache((w) => lists.isPlace(w)),
    isCounty: cache((w) => lists.isCounty(w)),
    isCountry: cache((w) => lists.isCountry(w)),
  };
}

/** The place in a compound's first part: `Molde` of `Molde`, `Larvik` of `Larviks`. */
function stem(prefix: string, knowledge: NameKnowledge): string {
  if (knowledge.isPlace(prefix)) return prefix;
  if (prefix.endsWith('s') && knowledge.isPlace(prefix.slice(0, -1))) return prefix.slice(0, -1);
  return prefix;
}

function finding(type: AnonType, start: number, end: number, text: string, evidence: AnonEvidence[], parts: string[]): NameFinding {
  return { type, span: { start, end }, text: text.slice(start, end), score: score(evidence), evidence, parts };
}

/** A politician or royal named as such: `Erna Solberg`, `statsminister Støre`. */
function isPublic(run: Word[], before: Word | undefined): boolean {
  if (before && PUBLIC_ROLE.test(before.text)) return true;
  const names = run.map((w) => w.text);
  // A run may hold a figure's name and more (`Erna Solberg Og`): any leading part counts.
  for (let n = names.length; n > 0; n--) if (PUBLIC_FIGURES.has(names.slice(0, n).join(' '))) return true;
  return false;
}

/** An author in a reference: `Strand et al. (2015)`, `Frøyland (2012)`, `(Vannevjen, 2010)`, `Reiling og Berg (2020)`. */
export function isCitation(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 60);
  if (/^\s*(\(\s*\d{4}|et al\.?|,\s*\d{4}[a-z]?\b|\s*&\s*\p{Lu}|\s*og \p{Lu}[\p{L}-]+(,? \p{Lu}[\p{L}-]+)*\s*(\(\s*)?\d{4})/u.test(after)) return true;
  const before = text.slice(Math.max(0, start - 40), start);
  return /(\(|;\s*|\bog |&\s*|, )$/u.test(before) && /^(,? \d{4}|\s*(et al\.?,?\s*)?\d{4})/u.test(after) && /\(\s*[^)]*$/.test(before);
}
