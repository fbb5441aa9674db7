import type { AnonEvidence, AnonFinding, AnonType } from './types.js';
import type { Word } from './prose.js';
import { isCalendarWord, isCountryName, isHoliday, isPeopleOrLanguage, isWorldCity } from './commonProperNouns.js';
import type { NoteLanguage } from './language.js';
import { hasForeignLetters, hasForeignSpelling } from './foreignLetters.js';
import { initialsFit } from './initials.js';
import {
  AMBIGUOUS,
  CALENDAR,
  CHAINS,
  PUBLIC_BODY_HEADS,
  TITLES,
  INSTITUTION_PHRASES,
  INSTITUTIONS,
  NEVER_NAMES,
  ORG_FOLLOWERS,
  INSTITUTION_ENDINGS,
  NAMING_CUES,
  isOrgWord,
  isSchoolWord,
  FIELD_LABELS,
  IMPERATIVES,
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
  /** Whether a lower-case word is a common English word (absent: none is). */
  isEnglishWord?(lower: string): boolean;
  /** First names and the persons with each in Norway (0 for names from other lists; absent: unknown). */
  readonly firstNames?: ReadonlyMap<string, number>;
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
          // A naming verb, or a verb of saying after the words (`Yara sa`), says as much as a capital inside a sentence.
          return sum + (NAMING_CUES.has(e.cue) ? SCORE.naming : e.following ? SCORE.alone : SCORE.context);
        case 'shape':
          return sum + (e.cue === 'name-run' ? SCORE.run : e.cue === 'alone' || e.cue === 'foreign-letters' || e.cue === 'foreign-spelling' ? SCORE.alone : SCORE.shape);
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
const OBJECTS = new Set(['ham', 'han', 'henne', 'ho', 'seg', 'meg', 'deg', 'dem', 'oss', 'jenta', 'gutten', 'him', 'her', 'them', 'me', 'us', 'himself', 'herself', 'themselves', 'myself']);

/**
 * Persons, places and organisations in a note's words, from lists,
 * context and the shape of the words. Norwegian writes only names with a
 * capital inside a sentence, so a capital there is strong evidence; at a
 * sentence start a word needs a list or context to count.
 */
export function findNames(text: string, words: Word[], lists: NameKnowledge, language: NoteLanguage = 'no'): NameFinding[] {
  const knowledge = remembering(lists);
  const { facts, neverAlone, foreignlySpelled } = knowledge;
  /**
   * English capitalises the words of titles, bodies and programmes
   * (`the Labour and Welfare Administration`, `Social Inclusion`): there a
   * common English word that no list knows as a name is a word, not a name.
   */
  const englishWord = (word: string): boolean => {
    if (language !== 'en' || !lists.isEnglishWord) return false;
    // `Sander's`, `I've`: the word without its ending is what the lists know.
    const base = word.includes("'") || word.includes('’') ? word.replace(ENGLISH_ENDING, '') : word;
    if (facts(base) & (FIRST_NAME | SURNAME | PLACE | COUNTY)) return false;
    const lower = base.toLowerCase();
    // (`Sub-Committee`, `Follow-Up`: English words joined.)
    if (lower.includes('-')) return lower.split('-').every((part) => part.length > 1 && lists.isEnglishWord!(part));
    return lower === 'i' || lists.isEnglishWord(lower);
  };
  const found: NameFinding[] = [];
  const wordAt = (k: number) => words[k];
  const gap = (a: Word, b: Word) => text.slice(a.end, b.start);
  /** Whether only spaces, tabs and no-break spaces (at least one) stand between two words, then perhaps an opening quote. */
  const spaced = (a: Word, b: Word, quote: boolean) => {
    let end = b.start;
    if (quote && end - 1 > a.end && OPENING_QUOTES.has(text.charCodeAt(end - 1))) end--;
    if (end <= a.end) return false;
    for (let i = a.end; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 0xa0) return false;
    }
    return true;
  };
  const previousWord = (k: number) => (k > 0 && spaced(words[k - 1]!, words[k]!, false) ? words[k - 1] : undefined);
  /** The word before, also across an opening quote (`alle kalte «Tuppen»`). */
  const cueWord = (k: number) => (k > 0 && (spaced(words[k - 1]!, words[k]!, true) || titleStop(words[k - 1]!, words[k]!)) ? words[k - 1] : undefined);
  /** Whether a title's abbreviation stands before a word with its full stop (`Mr. Okafor`, `Dr. Lie`). */
  const titleStop = (a: Word, b: Word) => TITLES.has(a.text) && text.charCodeAt(a.end) === 46 && /^\.[ \t\u00a0]+$/u.test(gap(a, b));
  /**
   * A month, weekday, language or nationality (`Monday`, `Somali`). A
   * month that is also a first name (`May`, `Mai`, `June`) is a month
   * only beside a date: a number, or `in`/`i`/`on`/`by`/`innen` before it.
   */
  const notAName = (name: string, start: number): boolean => {
    const kind = commonKind(name);
    // A country's genitive (`Norway's labour offices`, `Noregs forskingsråd`), unless the country is also a first name (`Jordan's mam`).
    if (kind === CommonKind.None && (name.endsWith("'s") || name.endsWith('’s') || name.endsWith('s'))) {
      const base = name.endsWith('s') && !name.endsWith("'s") && !name.endsWith('’s') ? name.slice(0, -1) : name.slice(0, -2);
      return base.length > 2 && (isCountryName(base) || knowledge.isCountry(base)) && !(facts(base) & FIRST_NAME);
    }
    if (kind === CommonKind.None) return false;
    if (kind === CommonKind.Always || !(facts(name) & FIRST_NAME)) return true;
    return inDateContext(text, start, start + name.length);
  };

  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    if (!word.capitalised) continue;

    const phrase = PHRASE_STARTS.has(text.charCodeAt(word.start)) ? INSTITUTION_PHRASES.find((p) => text.startsWith(p, word.start)) : undefined;
    if (phrase) {
      while (k + 1 < words.length && words[k + 1]!.start < word.start + phrase.length) k++;
      continue;
    }

    // A run of capitalised words side by side: a full name, or a name with its company form.
    let last = k;
    // A role or title (`Ask Veileder K`, `Email Ms Okafor`) starts a name of its own rather than going on with this one.
    while (
      last + 1 < words.length &&
      wordAt(last + 1)!.capitalised &&
      wordAt(last + 1)!.start === wordAt(last)!.end + 1 &&
      text.charCodeAt(wordAt(last)!.end) === 32 &&
      namePart(wordAt(last)!).end === wordAt(last)!.end &&
      !isPersonCue(wordAt(last + 1)!.text.toLowerCase()) &&
      !TITLES.has(wordAt(last + 1)!.text) &&
      // (`in Fyllingsdalen I think`: English's `I`.)
      !(wordAt(last + 1)!.text === 'I' && language === 'en')
    )
      last++;
    // `Hjelset Sveis og Montasje`: a company name may join words with `og`.
    while (
      last + 2 < words.length &&
      // Words are letters only, so the word between is `og` (an `&` is never one).
      wordAt(last + 1)!.text === 'og' &&
      /^ (og|&) $/.test(gap(wordAt(last)!, wordAt(last + 1)!) + wordAt(last + 1)!.text + gap(wordAt(last + 1)!, wordAt(last + 2)!)) &&
      wordAt(last + 2)!.capitalised &&
      // A company form ends the name (`Hansen AS og Kari Hansen`).
      !COMPANY_FORM.test(wordAt(last)!.text) &&
      (orgWord(wordAt(last)!.text) || orgWord(wordAt(last + 2)!.text))
    ) {
      last += 2;
    }
    // Words in capitals side by side are a line written in capitals (`JEG ER AHMED HASSAN OG JEG BOR I MOLDE`), not one name.
    if (last > k && word.upper && words.slice(k, last + 1).every((w) => w.upper)) {
      found.push(...inCapitals(words.slice(k, last + 1)));
      k = last;
      continue;
    }
    // A message's `Re` before a name is what it is about, not part of it (`Re Joy – she says ok`; `Re` is also a place).
    if (last > k && word.text === 'Re') continue;
    // A form's label of two words before its colon (`Created By:`, `Modified By:`), as a tool's export writes it.
    if (last > k && FIELD_LABELS.has(wordAt(last)!.text) && /^(?:\*\*)?:/u.test(text.slice(wordAt(last)!.end, wordAt(last)!.end + 3))) {
      k = last;
      continue;
    }
    // A role or title before a name is not part of it (`Veileder Kari`, `Dr Okafor`): the name starts after it; nor is a
    // letter's closing word at a line's start (`Helsing Eirin Skaar`, `Regards Tom Hale`).
    if (last > k && (isPersonCue(word.text.toLowerCase()) || TITLES.has(word.text) || (CLOSINGS.has(word.text) && startsLine(word.start)))) continue;
    // A sentence's first word before a name is usually not part of it (`Men Eli`, `Fastlege Dahl`), unless it is a name itself.
    const wordFacts = facts(word.text);
    // A sentence's first word before initials is its verb (`Ask JO about it`, `Spør MT`): a name is not followed by initials.
    if (last > k && word.sentenceStart && INITIALS.test(wordAt(k + 1)!.text) && !orgWord(wordAt(k + 1)!.text) && !INSTITUTIONS.has(wordAt(k + 1)!.text)) continue;
    // An adverb or adjective before a name, even inside a sentence (`14. Særleg Forebygging`, `egentlig Kari`): no name ends so.
    // (And a pronoun at a sentence's start that some list knows as a surname: `Ho Máret studerer`, `Han Ola kom`.)
    if (last > k && ((!wordFacts && (WORD_ENDINGS.test(word.text) || NEVER_NAMES.has(word.text))) || (word.sentenceStart && !(wordFacts & FIRST_NAME) && NEVER_NAMES.has(word.text)))) continue;
    // A task's first word is its verb, even one that is also a place (`- [ ] Ring Anita Knutsen`), unless it is a first name.
    // Not where an age or a role follows the run (`- Farid Noorzai, 19, fra …`, `- Niamh O'Connor, barnevernstenesta`): that
    // describes a person.
    if (
      last > k &&
      word.sentenceStart &&
      // (A school's name is whole at a sentence start too: `Prospect School rang`, `Strode College said`.)
      !(last === k + 1 && isSchoolWord(wordAt(last)!.text) && !isSchoolWord(word.text) && !NEVER_NAMES.has(word.text) && !ENGLISH_FUNCTION_WORDS.has(word.text)) &&
      // (Nor is an office named by its place: `NAV Tana var stengt`, a log's `10:15 – NAV Tana.`)
      !(last === k + 1 && NAV.test(word.text)) &&
      // (A first name after the first word starts the name: `- Ring Kari, rektor`.)
      !(describedAfter(text.slice(namePart(wordAt(last)!).end, namePart(wordAt(last)!).end + 40)) && !(facts(wordAt(k + 1)!.text) & FIRST_NAME)) &&
      ((!(wordFacts & FIRST_NAME) && startsListItem(word.start) && !hasForeignLetters(word.text) && !foreignlySpelled(word.text)) ||
        (!(wordFacts & (FIRST_NAME | SURNAME | PLACE)) && !hasForeignLetters(word.text) && ordinaryAtStart(word.text, word.start)) ||
        // (`Ask Grace about it`, `Ring Anita`, `Chase Kanya`: a verb that is also a name, before a name that is no surname.)
        (IMPERATIVES.has(word.text) && !(facts(wordAt(k + 1)!.text) & SURNAME)))
    )
      continue;
    const run = words.slice(k, last + 1).filter((w) => w.capitalised);
    const before = previousWord(k);
    const runEnd = namePart(wordAt(last)!).end;
    const after = text.slice(runEnd, runEnd + 60);
    const next = () => (k = last);
    // The study's own codes for cases and persons (`IE-14`, `Employer IE-1`, `IE-site-2`): a pseudonym, whatever stands before.
    if (text.charCodeAt(runEnd) === 45 && CODE_AFTER.test(after)) {
      next();
      continue;
    }

    // A national body named by the country (`Kompetanse Norge`, `Innovasjon Norge`, `Norges Bondelag`, `Noregs
    // Fotballforbund`): no one's workplace that says where they are.
    // (`Kompetanse Norge-malen`: the last word before its compound's joint.)
    // (Not a hotel's or a shop's name, a workplace: `Hotel Norge`.)
    if (run.length > 1 && (NATIONAL_FIRST.has(run[0]!.text) || (NATIONAL_LAST.has(namePart(run[run.length - 1]!).text) && !PREMISES.has(run[0]!.text)))) {
      next();
      continue;
    }

    // A chain's shop named by its place (`Kiwi Fuglset`, `Coop Extra Hjelset`, `Rema 1000 Bergmo`) is a workplace, as one
    // span; the chain alone (`jobber på Kiwi`) is no one's.
    const chain = chainLength(run);
    if (chain) {
      const numbered = chain === run.length ? CHAIN_NUMBER_AND_PLACE.exec(after) : null;
      if (run.length > chain || numbered) {
        const end = numbered ? runEnd + numbered[0].length : runEnd;
        const cue = run.slice(0, chain).map((w) => w.text).join(' ');
        found.push(finding('org', run[0]!.start, end, text, [{ kind: 'shape', cue }, { kind: 'capitalised' }], []));
        while (last + 1 < words.length && words[last + 1]!.start < end) last++;
      }
      next();
      continue;
    }

    // Streets with a number: `Kongens gate 40`, `Storgata 5`.
    // Both need a space after the run, and a digit after it or after the next word: looked at first, cheaply.
    const spaceAfter = after.charCodeAt(0) === 32;
    const street = spaceAfter && isDigitCode(after.charCodeAt(after.indexOf(' ', 1) + 1)) ? /^ (\p{L}+) (\d+[A-Za-z]?)\b/u.exec(after) : null;
    const streetWord = street && STREET_WORDS.has(street[1]!) ? street : null;
    // (`address Kjerrheia 12`: after the word for an address, any name with a number is a street.)
    // (A number with a letter, or a number then a postcode or a place after a comma, is a house's: `Fossumberget 31B`,
    // `Kjerlingland 22, 4760 Birkeland`, `«Ollebukta 3, Tolvsrød»`; not the study's pseudonym's, `Rådgiver 5, Bergen`, `Ung 4, Bodø`: a role's word is short or
    // a role's, or an English word, `Adviser 3B`.)
    const ownStreet =
      spaceAfter &&
      isDigitCode(after.charCodeAt(1)) &&
      (STREET_ENDING.test(namePart(wordAt(last)!).text) || ADDRESS_BEFORE.test(text.slice(Math.max(0, word.start - 12), word.start)) || (ADDRESS_AFTER.test(after) && word.text.length >= STREET_NAME_LENGTH && !mayBePseudonym(text, word.start, runEnd) && !isPersonCue(word.text.toLowerCase()) && !lists.isEnglishWord?.(word.text.toLowerCase())))
        ? HOUSE_NUMBER.exec(after)
        : null;
    if (streetWord || ownStreet) {
      const end = runEnd + (streetWord ?? ownStreet)![0].length;
      found.push(finding('place', word.start, end, text, [{ kind: 'context', cue: (streetWord ?? ownStreet)![0].trim() }, { kind: 'capitalised' }], run.map((w) => w.text)));
      while (last + 1 < words.length && words[last + 1]!.start < end) last++;
      next();
      continue;
    }

    // An English street, with its house number before or after it (`14 Church Road`, `Church Road 14`). Its words are
    // common words, so the street alone confirms none of them as a name elsewhere.
    if (run.length > 1 && ENGLISH_STREET.test(wordAt(last)!.text)) {
      const before = /(?<![\p{L}\p{N}])\d{1,4}[A-Za-z]?[ \u00a0]$/u.exec(text.slice(Math.max(0, word.start - 6), word.start));
      const number = HOUSE_NUMBER.exec(after);
      const start = before ? word.start - before[0].length : word.start;
      const end = number ? runEnd + number[0].length : runEnd;
      found.push(finding('place', start, end, text, [{ kind: 'shape', cue: wordAt(last)!.text }, { kind: 'capitalised' }], []));
      next();
      continue;
    }

    // The study's pseudonyms: a role and a number or letter (`Veileder D`, `Rådgiver 5`), not a name and its surname's initial.
    const role = !(wordFacts & (FIRST_NAME | SURNAME)) && !(run.length === 2 && initialAfter(word.text, word.start, word.end));
    // (Not `in Bergen I think`, English's `I`; not `i Førde 08.05`, a time.)
    if (role && (mayBePseudonym(text, word.start, runEnd) || (run.length === 1 && roleNumberAfter(text, runEnd) && !englishI(runEnd)))) {
      next();
      continue;
    }
    if (isPublic(run, before) || FEAST_RUN.test(text.slice(word.start, runEnd))) {
      next();
      continue;
    }
    if (isCitation(text, word.start, runEnd)) {
      next();
      continue;
    }

    // Organisations: `Bryn ungdomsskole`, `Egge IL`, `Kristiansund Bilsenter AS`, `Bakeriet til Hansen`.
    // A word ends where its letters do (or at a hyphen): a follower, which starts with a letter, comes after a space.
    const follower = spaceAfter ? ORG_FOLLOWERS.exec(after.slice(1)) : null;
    // (`the Personal Data Act`: a law's or a public body's head word ends the run, whatever words it has.)
    // (A school's kind alone names no school: `High School`, `Secondary School`.)
    // (Nor a public body's: `the Norwegian Data Protection Authority`, though `Data` ends firms' names.)
    const orgSuffix =
      run.length > 1 &&
      !LAW_HEADS.test(run[run.length - 1]!.text) &&
      !PUBLIC_ONLY_HEADS.test(run[run.length - 1]!.text) &&
      // (A nation's service is a public body's: `Scottish Guardianship Service`.)
      !(isPeopleOrLanguage(run[0]!.text) && PUBLIC_BODY_HEADS.has(run[run.length - 1]!.text)) &&
      run.some((w, i) => i > 0 && orgWord(w.text)) &&
      !run.every((w) => isSchoolWord(w.text)) &&
      // (Not a first name and a listed surname shaped like a firm's word: `Kristin Ødegård`, `Tone Bakkeland`.)
      !(run.length === 2 && facts(run[0]!.text) & FIRST_NAME && facts(run[1]!.text) & SURNAME);
    const ownedBy = run.length === 1 && !word.sentenceStart && orgWord(word.text) ? /^ (til|på|i) (\p{Lu}[\p{L}-]*)/u.exec(after) : null;
    // At a sentence start, `Etter skolen` is no school: the first word must be a name there.
    // (A school's own word after it names the school even there, unless the first word is one no name is: `Åssiden videregående.`,
    // not `Etter videregående`.)
    const named = () =>
      !word.sentenceStart ||
      !!(wordFacts & (PLACE | SURNAME | FIRST_NAME)) ||
      run.length > 1 ||
      !ordinaryAtStart(word.text, word.start) ||
      (SCHOOL_FOLLOWER.test(follower![0]) && !(neverAlone(word.text) & NEVER_AT_START));
    if ((follower && after.startsWith(' ') && !word.upper && named()) || orgSuffix || ownedBy) {
      const end = follower && after.startsWith(' ') ? runEnd + 1 + follower[0].length : ownedBy ? runEnd + ownedBy[0].length : runEnd;
      const skip = run.every((w) => INSTITUTIONS.has(w.text) || !!(facts(w.text) & COUNTRY));
      if (!skip) {
        const evidence: AnonEvidence[] = [{ kind: 'shape', cue: follower ? follower[0] : ownedBy ? `${word.text} ${ownedBy[1]}` : run[run.length - 1]!.text }, { kind: 'capitalised' }];
        found.push(finding('org', word.start, end, text, evidence, run.map((w) => w.text)));
      }
      while (last + 1 < words.length && words[last + 1]!.start < end) last++;
      next();
      continue;
    }

    // A public body, law or programme named in English (`the Social Services Act`, `Child Welfare Services`, `the Follow-up Service`,
    // where the hyphenated word ends the run before its head).
    const following = words[last + 1];
    // `the University of Leeds`, `Ministry of Labour`: a body named by its kind, then `of` and its field or place.
    // (`Institutt for sosialt arbeid`, `Avdeling for samfunnsfag`: a university's unit, named by its field.)
    const ofBody = (BODY_OF.test(word.text) && /^ of \p{Lu}/u.test(after)) || (UNIT_FOR.test(word.text) && /^ for \p{L}/u.test(after));
    if (ofBody || (run.length > 1 && PUBLIC_BODY_HEADS.has(run[run.length - 1]!.text)) || (following && following.capitalised && spaced(wordAt(last)!, following, false) && PUBLIC_BODY_HEADS.has(following.text))) {
      if (ofBody) while (last + 2 < words.length && words[last + 1]!.text === 'of' && words[last + 2]!.capitalised) last += 2;
      next();
      continue;
    }
    // `Sri Lanka`, `New Zealand`: a country in several words.
    if (run.length > 1 && (knowledge.isCountry(text.slice(word.start, runEnd)) || isCountryName(text.slice(word.start, runEnd)))) {
      next();
      continue;
    }
    // A people or a country of several words (`Sierra Leonean`, `Sri Lanka`, `Middle Eastern`).
    if (run.length > 1 && run.length <= 3) {
      const phrase = run.map((w) => namePart(w).text).join(' ');
      if (isPeopleOrLanguage(phrase) || isCountryName(phrase)) {
        next();
        continue;
      }
    }
    // `Summit County`, `County Clare`: a county of the English-speaking world, by its name (a place, though its words are
    // English words: `Summit`); not its council (`Cork County Council`, a run that goes on).
    if (run.length >= 2 && run.length <= 4 && (run[run.length - 1]!.text === 'County' || (run[0]!.text === 'County' && run.length === 2)) && !INSTITUTIONS.has(run[0]!.text)) {
      found.push(finding('place', run[0]!.start, run[run.length - 1]!.end, text, [{ kind: 'capitalised' }, { kind: 'shape', cue: 'County' }], run.map((w) => w.text).filter((w) => w !== 'County')));
      next();
      continue;
    }
    if (run.length > 1) {
      // A run of nothing but common English words is an English phrase in any language (`Front Office Manager`).
      const english = lists.isEnglishWord !== undefined && run.every((w) => commonEnglish(w.text));
      // (A language that is also a first name, before a surname, is the first name: `Shona McAllister`.)
      const surnameAfter = (w: Word) => !!(facts(w.text) & SURNAME) || (!facts(w.text) && !commonEnglish(w.text) && !notAName(w.text, w.start) && !isCountryName(w.text));
      const firstOfName = (w: Word, i: number) => i === 0 && run.length > 1 && !(facts(w.text) & (PLACE | COUNTRY)) && surnameAfter(run[1]!);
      const names = english
        ? []
        : run.filter(
            (w, i) =>
              !INSTITUTIONS.has(namePart(w).text.split('-')[0]!) &&
              !knowledge.isCountry(w.text) &&
              !isCountryName(w.text) &&
              // (`the Norwegian README`: a people or a language is no one's name, unless it is a first name before a surname, as
              // `Shona McAllister`; a word in capitals is no surname after it.)
              (!isPeopleOrLanguage(namePart(w).text) || (firstOfName(w, i) && !run[1]!.upper)) &&
              (!notAName(w.text, w.start) || firstOfName(w, i)) &&
              !englishWord(w.text) &&
              // (A word with an adjective's or a noun's ending no name has, no list knowing it: `Reint Reaktiv`.)
              !(!facts(w.text) && WORD_ENDINGS.test(w.text)),
          );
      // `NAV Gamle Oslo`, `NAV Ørsta Volda`: an office named by a place of several words is the office, a workplace, as one span.
      if (names.length > 1 && NAV.test(run[0]!.text) && names[0] === run[1] && names.length === run.length - 1) {
        found.push(finding('org', run[0]!.start, namePart(names[names.length - 1]!).end, text, [{ kind: 'shape', cue: run[0]!.text }, { kind: 'capitalised' }], names.map((w) => namePart(w).text)));
        next();
        continue;
      }
      // `New York`, `Buenos Aires`, `Hong Kong`: a large city abroad of several words, as one city is (a place only where the
      // words before tie it to someone).
      if (run.length > 1 && run.length <= 3 && isWorldCity(run.map((w) => w.text).join(' '))) {
        if (TIED_BEFORE.test(text.slice(Math.max(0, run[0]!.start - 60), run[0]!.start))) found.push(finding('place', run[0]!.start, run[run.length - 1]!.end, text, [{ kind: 'capitalised' }, { kind: 'shape', cue: 'city' }], run.map((w) => w.text)));
        next();
        continue;
      }
      if (names.length > 1) {
        // (`Glasgow Caledonian`, `Kharkiv National University`, `Manchester United`: what a large city abroad names is a body.)
        const cityFirst = isWorldCity(names[0]!.text) && !(facts(names[0]!.text) & (FIRST_NAME | SURNAME));
        const type = cityFirst ? 'org' : names.every((w) => knowledge.isPlace(namePart(w).text) && !knowledge.isFirstName(w.text) && !knowledge.isSurname(w.text)) ? 'place' : 'person';
        const evidence: AnonEvidence[] = [{ kind: 'shape', cue: 'name-run' }];
        if (knowledge.isFirstName(names[0]!.text)) evidence.push({ kind: 'list', list: 'firstName' });
        if (!names[0]!.sentenceStart || names.length > 1) evidence.push({ kind: 'capitalised' });
        found.push(finding(type, names[0]!.start, namePart(names[names.length - 1]!).end, text, evidence, names.map((w) => namePart(w).text)));
        // `Valentina Rojas Cárdenas (Vale)`: the nickname in brackets after a full name is the person's too.
        // It shares a first letter with the name (`Vale`, `Abdi`, `Kasia`), unlike a remark in brackets (`(Filipino, …)`, `(Ekstern)`).
        const nicknameMatch = type === 'person' ? NICKNAME_IN_BRACKETS.exec(after) : null;
        // (Or the person's initials in quotes, what they are called by: `Tor-Arne Bakken («TA», alle kaller ham det)`.)
        // (Or, unquoted, the initials of the name: `Yousef Al-Khatib (YA)`, as a list of who was there gives them.)
        const nickname = nicknameMatch ? (nicknameMatch[1] ?? (nicknameMatch[2] && initialsFit(nicknameMatch[2], names.map((w) => namePart(w).text)) ? nicknameMatch[2] : nicknameMatch[3])) : undefined;
        // Quotes say it is what they call the person, whatever its letter (`Małgorzata Wójcik ("Gosia")`).
        const sameInitial = nickname !== undefined && (names.some((w) => w.text[0] === nickname[0]) || /^ \(["“«]/u.test(nicknameMatch![0]));
        if (nickname !== undefined && sameInitial && !notAName(nickname, runEnd) && !NEVER_NAMES.has(nickname)) {
          const start = runEnd + nicknameMatch![0].indexOf(nickname);
          found.push(finding('person', start, start + nickname.length, text, [{ kind: 'shape', cue: 'nickname' }, { kind: 'capitalised' }], [nickname]));
        }
        next();
        continue;
      }
      // One name beside institutions (`NAV Molde`): read that word alone below. A NAV office named by its place is the
      // office, a workplace, as one span.
      if (names.length === 1) {
        const single = single1(names[0]!, words.indexOf(names[0]!, k));
        // (Named by a place no list knows too, `NAV Stovner`, unless the word names one of the service's own units: `NAV
        // Kontaktsenter`, `NAV Kontroll`.)
        const byPlace = single?.type === 'place' || (single?.type === 'person' && !SERVICE_UNIT.test(run[1]!.text) && !WORD_ENDINGS.test(run[1]!.text));
        const office = byPlace && run.length === 2 && NAV.test(run[0]!.text) && names[0] === run[1];
        // (A county's NAV is the service's regional body, public as NAV is: `NAV Vestland`.)
        if (office && knowledge.isCounty(run[1]!.text)) {
          next();
          continue;
        }
        if (office) found.push(finding('org', run[0]!.start, single.span.end, text, [{ kind: 'shape', cue: run[0]!.text }, ...single.evidence], single.parts));
        else if (single) found.push(single);
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

  /** How many of a run's first words name a chain (`Kiwi`, `Coop Extra`), 0 if none do. */
  function chainLength(run: Word[]): number {
    if (run.length > 1 && CHAINS.has(`${run[0]!.text} ${run[1]!.text}`)) return 2;
    const first = namePart(run[0]!).text;
    return (CHAINS.has(run[0]!.text) || CHAINS.has(first)) && !(facts(first) & FIRST_NAME) ? 1 : 0;
  }

  function startsListItem(at: number): boolean {
    return opensListItem(text, at);
  }

  /**
   * Whether a capital letter with its full stop after a word is the initial of a surname (`Patka N.`, `Kari H.`), not a
   * pseudonym's letter (`Veileder D.`): the word is a known first name, or neither a role nor an ordinary word.
   */
  function initialAfter(name: string, start: number, end: number): boolean {
    if (!/^ \p{Lu}\.(?!\p{L})/u.test(text.slice(end, end + 4)) || isPersonCue(name.toLowerCase()) || PERSON_NOUNS.has(name.toLowerCase())) return false;
    return !!(facts(name) & FIRST_NAME) || !ordinaryAtStart(name, start);
  }

  /** Whether a word is the first on its line, after a quote's or a list's marks. */
  function startsLine(at: number): boolean {
    let i = at;
    while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '>' || text[i - 1] === '*' || text[i - 1] === '-' || text[i - 1] === '_')) i--;
    return i === 0 || text[i - 1] === '\n';
  }

  /** English's `I` just after (`in Bergen I think`): no pseudonym's letter. */
  function englishI(at: number): boolean {
    return language === 'en' && text.startsWith(' I ', at);
  }

  /**
   * `Rojda og Sohrab vart nemnde`: a sentence's first word that no list knows and is no word, joined by `og` to a
   * first name or to a word no list knows; not to a place, a people or a body (`Vestland og Troms`).
   */
  function joinedToAName(word: Word, window: string): string | undefined {
    if (!word.sentenceStart || facts(word.text)) return undefined;
    const joined = JOINED.exec(window);
    if (!joined || ordinaryAtStart(word.text, word.start) || englishWord(word.text)) return undefined;
    const other = joined[2]!;
    const otherFacts = facts(other);
    const named = !!(otherFacts & FIRST_NAME) || (!otherFacts && !INSTITUTIONS.has(other) && !isPeopleOrLanguage(other) && !isCountryName(other) && !englishWord(other));
    return named ? joined[1] : undefined;
  }

  /** A common English word that no list knows as a name, whatever the paragraph's language. */
  function commonEnglish(word: string): boolean {
    return !(facts(word) & (FIRST_NAME | SURNAME | PLACE | COUNTY)) && lists.isEnglishWord!(word.toLowerCase());
  }

  /**
   * A sentence's first word that is a word, not the start of a name (`Men
   * Eli`, `Etter Hansen`, `Then Ruth`, a task's `Ringe Eli`).
   */
  function ordinaryAtStart(word: string, at: number): boolean {
    if (NEVER_NAMES.has(word) || REPLIES.has(word) || AMBIGUOUS.has(word) || ENGLISH_FUNCTION_WORDS.has(word) || INSTITUTIONS.has(word) || IMPERATIVES.has(word)) return true;
    // A task starts with a verb, whatever its form (`- [ ] Sjekk …`, `- [ ] Ringe …`, `- [ ] Spør AK`).
    if (startsListItem(at)) return true;
    // A Norwegian noun's definite `-en`, `-et` or `-ne` or plural `-er` (`Koden Ungdom …`, `Elever sa`, `Veilederne snakker`), on
    // a word no list knows; elsewhere a full name may end in `-e` (`Kwame Boateng er …`).
    if (language === 'no' && word.length > 4 && (word.endsWith('en') || word.endsWith('et') || word.endsWith('er') || word.endsWith('ne'))) return true;
    return isPersonCue(word.toLowerCase()) || isCalendar(word) || WORD_ENDINGS.test(word) || englishWord(word) || shapeOf(word).institution;
  }

  /**
   * Names in a line written in capitals: first names with the surnames
   * beside them (`AHMED HASSAN`), and a known place after a place's
   * preposition (`I MOLDE`). Other words in capitals are words or acronyms.
   */
  function inCapitals(run: Word[]): NameFinding[] {
    const out: NameFinding[] = [];
    let group: Word[] = [];
    const normal = (w: Word) => w.text[0] + w.text.slice(1).toLowerCase();
    const flush = () => {
      // A name alone that is also a word (`I DAG`, `LIV OG RØRE`) is the word in a line in capitals.
      const alone = group.length === 1 && AMBIGUOUS.has(normal(group[0]!));
      // (A first name the lists know, or a surname after another word of the name: `AYESHA CHAUDHRY`.)
      if (!alone && (group.some((w) => facts(w.text) & FIRST_NAME) || (group.length > 1 && group.slice(1).some((w) => facts(w.text) & SURNAME)))) {
        const evidence: AnonEvidence[] = group.some((w) => facts(w.text) & FIRST_NAME) ? [{ kind: 'list', list: 'firstName' }] : [{ kind: 'shape', cue: 'name-run' }, { kind: 'list', list: 'surname' }];
        out.push(finding('person', group[0]!.start, group[group.length - 1]!.end, text, evidence, group.map(normal)));
      }
      group = [];
    };
    for (let i = 0; i < run.length; i++) {
      const w = run[i]!;
      const name = normal(w);
      const ordinary = w.text.length < 2 || NEVER_NAMES.has(name) || REPLIES.has(name) || INSTITUTIONS.has(w.text) || notAName(name, w.start);
      const wordFacts = ordinary ? 0 : facts(w.text);
      const cue = i > 0 ? run[i - 1]!.text.toLowerCase() : '';
      if (wordFacts & PLACE && STRONG_PLACE_CUES.has(cue)) {
        flush();
        out.push(finding('place', w.start, w.end, text, [{ kind: 'list', list: 'place' }, { kind: 'context', cue }], [name]));
      } else if (wordFacts & (FIRST_NAME | SURNAME)) group.push(w);
      // After a first name, a word no list knows goes on with the name (`MOHAMMAD ZAHER RAHIMI`).
      else if (!ordinary && w.text.length > 2 && group.some((g) => facts(g.text) & FIRST_NAME)) group.push(w);
      // Before a surname, a word no list knows starts the name (`AYESHA CHAUDHRY`).
      else if (!ordinary && w.text.length > 2 && !group.length && i + 1 < run.length && facts(run[i + 1]!.text) & SURNAME && !(facts(run[i + 1]!.text) & PLACE)) group.push(w);
      else flush();
    }
    flush();
    return out;
  }

  /** A listed first name or surname in capitals joined to the word at start..end by `og`, `and`, `&` or a slash. */
  function capitalsPartner(start: number, end: number): string | undefined {
    const partner = CAPITALS_PARTNER_AFTER.exec(text.slice(end, end + 40))?.[1] ?? CAPITALS_PARTNER_BEFORE.exec(text.slice(Math.max(0, start - 40), start))?.[1];
    if (!partner || INSTITUTIONS.has(partner)) return undefined;
    return facts(partner) & (FIRST_NAME | SURNAME) ? partner : undefined;
  }

  function single1(word: Word, k: number): NameFinding | undefined {
    const { text: name, end } = namePart(word);
    // Most capitalised words are a sentence's first word (`Vi`, `Det`): what the word alone says is asked once per word,
    // before any look around it.
    if (!word.upper && neverAlone(name) & (word.sentenceStart ? NEVER_AT_START : NEVER_INSIDE)) return undefined;
    // `Vg1`, `Vg3`: a school year; `Nordland fylkeskommune`, `Statsforvalteren i Innlandet`: a public body, not the place.
    if (name === 'Vg' && isDigitCode(text.charCodeAt(end))) return undefined;
    // `St Patrick's Day`, `St. David's Day`: a saint's day, a holiday.
    if (SAINT_BEFORE.test(text.slice(Math.max(0, word.start - 7), word.start)) && DAY_AFTER.test(text.slice(word.end, word.end + 8))) return undefined;
    if (FEAST_OF_BEFORE.test(text.slice(Math.max(0, word.start - 24), word.start))) return undefined;
    // `1,32% Coverage`: what a figure measures, as a tool's export writes it.
    if (PERCENT_BEFORE.test(text.slice(Math.max(0, word.start - 3), word.start))) return undefined;
    // `Art. 6(1)`, `Fig. 2`, `Kap. 3`: a short word's abbreviation before its number.
    if (NUMBERED_ABBREVIATIONS.has(name) && text.charCodeAt(end) === 46 && NUMBER_AFTER_ABBREVIATION.test(text.slice(end + 1, end + 3))) return undefined;
    // `Re: SV: …`, `**Time:** 10.05`: a header's or a form's label.
    if (FIELD_LABELS.has(name) && /^(?:\*\*)?:/u.test(text.slice(end, end + 3))) return undefined;
    if (inPublicBody(text, word.start, end)) return undefined;
    // `Cohen's kappa`, `Cronbachs alfa`: a statistic named after its author.
    STATISTIC_AFTER.lastIndex = word.end;
    if (text.charCodeAt(word.end) === 32 && STATISTIC_AFTER.test(text)) return undefined;
    // `CV-en`, `PPT-en`: an acronym with a Norwegian ending.
    if (/^\p{Lu}{2,}$/u.test(name) && /^-\p{Ll}/u.test(text.slice(end, end + 2))) return undefined;
    // A first name in capitals (`AHMED`, `EVA-MARIE`), as a form or an angry message writes it; other capitals are acronyms.
    if (word.upper) {
      const normal = name[0] + name.slice(1).toLowerCase();
      // (Or a surname in capitals before a first name, as a form writes the two: `WIŚNIEWSKA, Zuzanna`.)
      const firstAfter = /^,[ \t]+\p{Lu}\p{Ll}/u.test(text.slice(end, end + 4)) ? /^,[ \t]+(\p{Lu}\p{Ll}+)/u.exec(text.slice(end, end + 30))?.[1] : undefined;
      const surnameFirst = firstAfter !== undefined && !!(facts(firstAfter) & FIRST_NAME);
      if (name.length < 3 || INSTITUTIONS.has(name) || DEVICE_ACRONYMS.has(name) || NEVER_NAMES.has(normal) || REPLIES.has(normal) || notAName(normal, word.start)) return undefined;
      if (!(facts(name) & FIRST_NAME) && !surnameFirst) {
        // (Or a name on a door or a bell, `bell says MELNYK`, `Navn på døra: TESFAMARIAM / TEKLE`; or one joined to a name in
        // capitals, `SASHA og KWAME`: a word no list knows beside a listed name is written as names are.)
        if (lists.isEnglishWord?.(name.toLowerCase())) return undefined;
        const door = DOOR_BEFORE.exec(text.slice(Math.max(0, word.start - 40), word.start));
        const partner = door ? undefined : capitalsPartner(word.start, end);
        if (!door && !partner) return undefined;
        const result = finding('person', word.start, end, text, [{ kind: 'capitalised' }, { kind: 'context', cue: door ? door[1]!.toLowerCase() : partner!.toLowerCase() }], [normal]);
        if (word.sentenceStart && !door) result.weak = true;
        return result;
      }
      const evidence: AnonEvidence[] = facts(name) & FIRST_NAME ? [{ kind: 'list', list: 'firstName' }] : [{ kind: 'shape', cue: 'surname-first' }, { kind: 'context', cue: firstAfter!, following: true }];
      const result = finding('person', word.start, end, text, evidence, [normal]);
      if (word.sentenceStart) result.weak = true;
      return result;
    }
    // `May`: a month that is also a name is the month beside a date.
    if (notAName(name, word.start)) return undefined;
    // `St. Olavs hospital`, `St. Hanshaugen`, `St. Michael's`: a saint's name names a hospital, a church, a school or a place.
    const saint = k > 0 ? words[k - 1]! : undefined;
    if (saint?.text === 'St' && /^\.[ \t\u00a0]+$/u.test(gap(saint, word))) {
      // (`St. Hans`, midsummer; `St. Patrick's Day`; `St. Petersburg`, `St. Louis`: a feast or a large city abroad.)
      if (SAINTS_FEASTS_AND_CITIES.has(name.replace(/['’]s$/u, '')) || isWorldCity(`St ${name}`)) return undefined;
      const body = SAINT_BODY_AFTER.exec(text.slice(end, end + 40));
      return finding(body ? 'org' : 'place', saint.start, end + (body?.[0].length ?? 0), text, [{ kind: 'shape', cue: 'St.' }, { kind: 'capitalised' }], [name]);
    }
    // `Re-read`, `Co-author`: an English prefix before a hyphen and a word, not a place or a name (`Re`, `Co`).
    if (text.charCodeAt(end) === 45 && ENGLISH_PREFIXES.has(name) && isLowerAscii(text.charCodeAt(end + 1))) return undefined;
    const nameFacts = facts(name);
    // `Sør-Varanger`, `Nord-Gudbrandsdalen`: a compass point before a name makes a region, not an office (`NAV Sør`).
    const region = COMPASS_REGION.test(name);
    // A large city abroad names someone's past only where the words before tie it to them (`grew up in Accra`, `fra Kabul`),
    // not a conference's or a trip's (`a workshop in Lisbon`).
    // (A city that starts a name is the name's: `Vilnius University`.)
    const worldCity = !nameFacts && isWorldCity(name);
    const capitalAfter = /^ \p{Lu}/u.test(text.slice(end, end + 2));
    if (worldCity && !capitalAfter && !TIED_BEFORE.test(text.slice(Math.max(0, word.start - 60), word.start))) return undefined;
    const shape = shapeOf(name);
    // The study's own pseudonyms: a role and a number or letter (`Rådgiver 5`, `Veileder D`, `Ungdom 19a`, `Ungdom P2`); not
    // a name before a phone number (`ring Kjersti 99 41 27 03`), nor a name before its surname's initial (`Patka N.`, `Kari
    // H.`: a word that is no role and no ordinary word, the letter with its full stop).
    if (
      text.charCodeAt(end) === 32 &&
      !isLowerAscii(text.charCodeAt(end + 1)) &&
      ROLE_NUMBER_AFTER.test(text.slice(end, end + 8)) &&
      !englishI(end) &&
      !/^ \p{Lu}\p{Ll}/u.test(text.slice(end, end + 4)) &&
      !initialAfter(name, word.start, end)
    )
      return undefined;
    // `kalte ham «Tufsen»`: a naming verb may have its object between it and the name; a person's word too where the name is
    // quoted (`kaller keeperen «Muohta»`).
    const direct = cueWord(k);
    const throughObject =
      direct && (OBJECTS.has(lower(direct.text)) || (OPENING_QUOTE.test(text[word.start - 1] ?? '') && !direct.capitalised && isPersonWord(lower(direct.text)))) ? cueWord(k - 1) : undefined;
    const before = throughObject && NAMING_CUES.has(lower(throughObject.text)) ? throughObject : direct;
    const cueBefore = lower(before?.text);
    // The verb after is asked about only at a sentence start.
    const verbAfter = word.sentenceStart ? /^ (\p{L}+)/u.exec(text.slice(end, end + 40))?.[1] : undefined;
    const evidence: AnonEvidence[] = [];
    const midSentence = !word.sentenceStart;
    if (midSentence) evidence.push({ kind: 'capitalised' });
    // `Áslat`, `Nguyễn`, `Łukasz`, `Çelik`: letters neither Norwegian nor English words are spelled with, even at a sentence start.
    if (!(nameFacts & (FIRST_NAME | SURNAME | PLACE | COUNTY)) && hasForeignLetters(name)) evidence.push({ kind: 'shape', cue: 'foreign-letters' });
    // `Nhung`, `Tharsika`, `Callum`: a sentence's first word spelled as no word of either language is, a name no list knows.
    else if (word.sentenceStart && !(nameFacts & (FIRST_NAME | SURNAME | PLACE | COUNTY)) && foreignlySpelled(name)) evidence.push({ kind: 'shape', cue: 'foreign-spelling' });

    // `Nordlandssykehuset`: a hospital named after its place is a workplace, and a small one identifies its staff.
    const hospital = name.includes('kehus') ? HOSPITAL.exec(name) : null;
    if (hospital) {
      return GENERIC_HOSPITAL.test(hospital[1]!) ? undefined : finding('org', word.start, end, text, [...evidence, { kind: 'shape', cue: hospital[2]! }], [name]);
    }

    // `Moldemodellen`, `Larvikprosjektet`: a local model named after its place.
    const compound = shape.placeCompound;
    if (compound && compound[1]!.length > 2 && (knowledge.isPlace(stem(compound[1]!, knowledge)) || midSentence)) {
      if (knowledge.isPlace(stem(compound[1]!, knowledge))) evidence.push({ kind: 'list', list: 'place' });
      evidence.push({ kind: 'shape', cue: compound[2]! });
      return finding('place', word.start, end, text, evidence, [name]);
    }

    // `Ingrids` in Norwegian, `Ingrid's` in English: the name is the word without its genitive.
    // English writes a genitive with an apostrophe only: there `This` is not Thi's.
    const possessive = ENGLISH_GENITIVE.test(name) ? name.slice(0, -2) : language !== 'en' && name.endsWith('s') && name.length > 3 ? name.slice(0, -1) : undefined;
    const possessiveFacts = possessive ? facts(possessive) : 0;
    const firstName = !!(nameFacts & FIRST_NAME) || (!!(possessiveFacts & FIRST_NAME) && !(nameFacts & (SURNAME | PLACE)));
    const surname = !!(nameFacts & SURNAME) || (!!(possessiveFacts & SURNAME) && !(nameFacts & (FIRST_NAME | PLACE)));
    const place = !!(nameFacts & (PLACE | COUNTY));
    const ambiguous = AMBIGUOUS.has(name);
    // `Chichi, we called her`, `Pong, kaller de ham`: a naming verb just after the name names it.
    const window = text.slice(end, end + 40);
    // A pronoun or a common word before such words is no name (`She calls the school`, `Everybody knows him`).
    const described = personSaidAfter(window, (w) => !!(facts(w) & FIRST_NAME)) ?? (possessive ? KIN_OF.exec(window)?.[1]?.toLowerCase() : undefined);
    // (Weak: a word the notes write in lower case is a word, `Foreldre og Lærere`.)
    const joined = described === undefined ? joinedToAName(word, window) : undefined;
    const saidAfter = described ?? joined;
    const pronoun = saidAfter !== undefined && (ENGLISH_FUNCTION_WORDS.has(name) || (!!lists.isEnglishWord && commonEnglish(name)));
    // (`Everyone calls him Rich`: who calls is no one.)
    // (`Hilja hette hu`: the name first, then the naming verb and who bore it.)
    const namingAfter =
      (window.includes('al') || window.includes(' he') || window.includes('na') || window.includes('nick') || window.includes('navn')) && !ENGLISH_FUNCTION_WORDS.has(name) && !INDEFINITE_PRONOUNS.has(name)
        ? NAMED_AFTER.exec(window)
        : null;
    // (`«Storm» er namnet på kompisen`: the name of someone only where a person's word follows, not a code's, `navnet på variasjonen`.)
    // (Nor a name's own word: `Brukernavnet er et kallenavn`.)
    const nameOf = (namingAfter?.[5] === undefined || isPersonWord(namingAfter[5])) && !/(?:navn|navnet|namn|namnet|name)$/u.test(name) ? namingAfter : null;
    const calledAfter = (nameOf?.[1] ?? nameOf?.[2] ?? nameOf?.[3] ?? nameOf?.[4])?.toLowerCase();
    const namedAfter = calledAfter ?? (pronoun ? undefined : saidAfter);
    // `Variasjonen heter «Via foreldre som mottar tjenester fra NAV»`: what a naming verb gives in quotes, words in lower case
    // going on after the capital, is a label's or a title's name.
    if (NAMING_CUES.has(cueBefore) && OPENING_QUOTE.test(text[word.start - 1] ?? '') && LABEL_GOES_ON.test(text.slice(end, end + 80))) return undefined;
    const cueNames = isPersonCue(cueBefore) || NAMING_CUES.has(cueBefore);
    // `Mor til Eik`, `mother of Hope`: kin of the word before it, a person though the word is also a word or a place.
    const kinOf = cueNames || !KIN_OF_CUE.has(cueBefore) ? undefined : KIN_OF_BEFORE.exec(text.slice(Math.max(0, word.start - 28), word.start))?.[1]?.toLowerCase();
    const personCue = cueNames ? cueBefore : kinOf !== undefined ? `${kinOf} ${cueBefore}` : namedAfter;
    const personCueFollows = personCue !== undefined && !cueNames && kinOf === undefined;
    const placeCue = PLACE_CUES_BEFORE.has(cueBefore) && before && !before.capitalised ? cueBefore : undefined;

    // A verb of saying or thinking after a sentence's first word makes it a person, known to the lists or not (`Yara sa`),
    // unless the word is a word (`Læreren sa`, `Folk sa`).
    // Norwegian puts the verb second after any first word (`Etterpå ringte hun`): there the word says something only where
    // no subject follows the verb.
    const humanVerb =
      word.sentenceStart && !!verbAfter && HUMAN_VERBS.has(verbAfter) && (firstName || surname || (!place && !ordinaryAtStart(name, word.start) && !(language === 'no' && SUBJECT_AFTER_VERB.test(text.slice(end, end + 24)))));
    let type: AnonType;
    if (personCue || humanVerb) type = 'person';
    else if (placeCue && STRONG_PLACE_CUES.has(placeCue) && !firstName) type = 'place';
    else if (place && (placeCue || !firstName)) type = 'place';
    else if (firstName || surname) type = 'person';
    else if (placeCue || shape.placeEnding !== '' || region) type = 'place';
    // A large city abroad found here either is tied to someone (a place) or starts a body's name (`Glasgow City Council`).
    else if (worldCity) type = capitalAfter ? 'org' : 'place';
    else type = 'person';

    if (type === 'person') {
      let toTheWriter: RegExpExecArray | null = null;
      if (firstName) evidence.push({ kind: 'list', list: 'firstName' });
      else if (surname) evidence.push({ kind: 'list', list: 'surname' });
      if (personCue) evidence.push(personCueFollows ? { kind: 'context', cue: personCue, following: true } : { kind: 'context', cue: personCue });
      else if ((surname || firstName) && word.sentenceStart && verbAfter && PERSON_VERBS_AFTER.has(verbAfter)) evidence.push({ kind: 'context', cue: verbAfter, following: true });
      else if (humanVerb) evidence.push({ kind: 'context', cue: verbAfter!, following: true });
      // `Stein viser meg oppslagstavla`, `Liv ringer oss`: a sentence's first name doing something to the writer.
      else if (firstName && word.sentenceStart && (toTheWriter = TO_THE_WRITER_AFTER.exec(text.slice(end, end + 32)))) evidence.push({ kind: 'context', cue: toTheWriter[1]!, following: true });
    } else {
      if (place) evidence.push({ kind: 'list', list: nameFacts & COUNTY ? 'county' : 'place' });
      if (placeCue) evidence.push({ kind: 'context', cue: placeCue });
      else if (!place && shape.placeEnding !== '') evidence.push({ kind: 'shape', cue: shape.placeEnding });
      else if (!place && region) evidence.push({ kind: 'shape', cue: name.slice(0, name.indexOf('-') + 1) });
    }
    // A name that is also a word says little at a sentence start (`Per i dag`, `Liv og røre`).
    // A name may stand alone as a sentence, as the answer to who (`**Veileder F:** Rojda.`).
    // Whether the note writes it as an ordinary word elsewhere is weighed afterwards, over the whole note (`weak`).
    // Not in a heading: a heading of one word is a topic (`## Språk`), not an answer.
    if (word.sentenceStart && !evidence.some((e) => e.kind !== 'list') && name.length > 2 && !ambiguous && !REPLIES.has(name) && SENTENCE_ENDS.has(text.charCodeAt(end)) && shape.placeEnding === '' && !inHeading(text, word.start) && answersWho(text, word.start)) {
      evidence.push({ kind: 'shape', cue: 'alone' });
    }
    if (ambiguous && word.sentenceStart && !evidence.some((e) => e.kind === 'context')) return undefined;
    const result = finding(type, word.start, end, text, evidence, [possessive && (firstName || surname) && !(nameFacts & (FIRST_NAME | SURNAME)) ? possessive : name]);
    // Weak: a list's word or a word alone at a sentence start, or a word whose only evidence is its capital (a codebook label,
    // an English noun, a programme's name). Such a finding stands only if the note and the workspace never write the word in
    // lower case, and it never confirms the name for other places (`check.ts`).
    // A name that is also an English verb or noun, used as one at a sentence start (`Will we …`, `Hope is …`, `Mark the date`).
    if (word.sentenceStart && evidence.length > 0 && evidence.every((e) => e.kind === 'list') && englishWordAfter(text, end, lists.isEnglishWord?.(name.toLowerCase()) ? lists.isEnglishWord : undefined, name)) return undefined;
    // A task's first word is its verb where the name is also a word (`- [ ] Mark transcripts`, `- [ ] Bill the car`).
    if (word.sentenceStart && language === 'en' && evidence.every((e) => e.kind === 'list') && lists.isEnglishWord?.(name.toLowerCase()) && startsListItem(word.start)) return undefined;
    if (evidence.every((e) => e.kind === 'capitalised' || (e.kind === 'shape' && e.cue === 'alone')) && englishWord(name)) return undefined;
    // (A name spelled as no Norwegian word is, `Niillas kom`, is not: its lower case elsewhere is the name's too.)
    if (word.sentenceStart && evidence.every((e) => e.kind === 'list' || (e.kind === 'shape' && e.cue === 'alone')) && !evidence.some((e) => e.kind === 'shape' && e.cue === 'foreign-spelling')) result.weak = true;
    // (A sentence's first word no list knows, with only a verb of saying after it, is weak too: `Kodeboka sier`, `Ungdomane
    // kallar` are nouns the note writes in lower case elsewhere, and then they are words.)
    if (word.sentenceStart && !(nameFacts & (FIRST_NAME | SURNAME)) && evidence.every((e) => e.kind === 'context' && e.following && HUMAN_VERBS.has(e.cue))) result.weak = true;
    if (joined !== undefined && personCue === joined) result.weak = true;
    // `kodeboka kaller Tilgjengelig på arenaer der …`: a naming verb before a label, unquoted, words in lower case going on after
    // it; a name where the notes never write the word in lower case, and a name the lists know (`kaller Jens inn`).
    if (NAMING_CUES.has(cueBefore) && !(nameFacts & (FIRST_NAME | SURNAME)) && LABEL_GOES_ON_UNQUOTED.test(text.slice(end, end + 60))) result.weak = true;
    // A word no list knows, with nothing but its capital and perhaps a weak place word before it (`mot Tett samarbeid`).
    const weakCue = (e: AnonEvidence) => e.kind === 'context' && !e.following && !STRONG_PLACE_CUES.has(e.cue) && !isPersonCue(e.cue) && !NAMING_CUES.has(e.cue);
    const capitalOnly = !word.sentenceStart && evidence.some((e) => e.kind === 'capitalised') && evidence.every((e) => e.kind === 'capitalised' || weakCue(e));
    // `Primært`, `Proaktiv`, `Kvalifisering`: a Norwegian adjective's or noun's ending no name has.
    const alone = evidence.length > 0 && evidence.every((e) => e.kind === 'shape' && e.cue === 'alone');
    if ((capitalOnly || alone) && WORD_ENDINGS.test(name)) return undefined;
    // (Nor after a place's preposition or before a verb: `på Oppfølging`, `Elevene kaller`; a title, a role or a naming verb
    // before it still makes it a name.)
    if (!(nameFacts & (FIRST_NAME | SURNAME | PLACE | COUNTY)) && WORD_ENDINGS.test(name) && !evidence.some((e) => e.kind === 'context' && !e.following && (isPersonCue(e.cue) || NAMING_CUES.has(e.cue)))) return undefined;
    // `Eighteen.`, `Exactly.`: an English word alone is the word, in a note of either language.
    if (alone && lists.isEnglishWord && commonEnglish(name)) return undefined;
    // (Not a name spelled as no Norwegian word is, `Nr til Warsan`: its lower case elsewhere is the name's too.)
    if (capitalOnly && !foreignlySpelled(name)) result.weak = true;
    // A word no list knows after a preposition of place only (`i Barn og unge i familier`): a place where the notes never
    // write the word in lower case (`på Tokerudberget`), a word where they do (`barn`).
    const byPlaceCueOnly = type === 'place' && !word.sentenceStart && !(nameFacts & (FIRST_NAME | SURNAME | PLACE | COUNTY)) && evidence.every((e) => e.kind === 'capitalised' || (e.kind === 'context' && !e.following && STRONG_PLACE_CUES.has(e.cue)));
    if (byPlaceCueOnly && !foreignlySpelled(name) && !hasForeignLetters(name)) result.weak = true;
    return result;
  }
}

/**
 * Endings of Norwegian adjectives and nouns that no name has (`primært`,
 * `proaktiv`, `samhandling`, `forebygging`, `kvalitet`), for words no
 * list knows. Endings
 * that names share are not among them (`-ert` of `Robert`, `-ig` of
 * `Craig`, `-iv` of Ukrainian surnames).
 */
const WORD_ENDINGS = /^\p{Lu}\p{Ll}{3,}(?:ært|ært[ae]?|tiv|tive|tivt|erer|iker|ikere|ikeren|nalt|sjon|sjonen|sjoner|[^aeiouyæøå]het|[^aeiouyæøå]heten|[^aeiouyæøå]heter|else|elsen|ning|ningen|inger|lig|lige|ligt|leg|lege|legt|isk|iske|ende|endes|ande|andes|itet|iteten|ering|eringen|gging|ggingen|dling|dlingen|lging|lgingen|dning|dningen|\p{Ll}{3}ene|\p{Ll}{2}ane|\p{Ll}{2}(?:område|området|områder|områda|arbeid|arbeidet|tjeneste|tjenesten|tjenester|teneste|tenesta|tenester|samarbeid|samarbeidet|tiltak|tiltaket|kontoret|kontora))$/u;

/** The endings of an inflected ordinary word (`tiden` is `tid` inflected). */
export const INFLECTIONS = ['en', 'a', 'et', 'er', 'e', 'ene', 'ne'];

/** Whether a word is written as an ordinary word, in itself or inflected (`Tid.` beside `tiden`). */
export function writtenAsWord(lower: string, has: (word: string) => boolean): boolean {
  if (has(lower) || INFLECTIONS.some((ending) => has(lower + ending))) return true;
  // A verb beside its noun (`Forebygge` beside `forebygging`), for a word long enough that the stem says it.
  const stem = lower.endsWith('e') ? lower.slice(0, -1) : undefined;
  return stem !== undefined && stem.length >= 6 && DERIVATIONS.some((ending) => has(stem + ending));
}

const DERIVATIONS = ['ing', 'inga', 'ingen', 'else', 'elsen'];

/** What the lists say of a word, as bits: one lookup answers every question about it. */
const FIRST_NAME = 1;
const SURNAME = 2;
const PLACE = 4;
const COUNTY = 8;
const COUNTRY = 16;

type Remembered = NameKnowledge & { facts: (word: string) => number; neverAlone: (word: string) => number; foreignlySpelled: (word: string) => boolean };

/** `neverAlone`'s answers: a word alone is no name at a sentence's start, inside a sentence, or both. */
const NEVER_AT_START = 1;
const NEVER_INSIDE = 2;

const remembered = new WeakMap<NameKnowledge, Remembered>();

/** The lists, asked once per distinct word: a transcript repeats its names many times, and a study its names and words. */
function remembering(lists: NameKnowledge): Remembered {
  let known = remembered.get(lists);
  if (!known) remembered.set(lists, (known = rememberingNow(lists)));
  return known;
}

function rememberingNow(lists: NameKnowledge): Remembered {
  // Hyphenated first names and double surnames: `Siv-Helene`, `Holm-Karlsen`.
  const eachPart = (ask: (word: string) => boolean) => (w: string) => ask(w) || (w.includes('-') && w.split('-').every((part) => part.length > 1 && ask(part)));
  const isFirstName = eachPart((w) => lists.isFirstName(w));
  const isSurname = eachPart((w) => lists.isSurname(w));
  const facts = memo((word: string) =>
    (isFirstName(word) ? FIRST_NAME : 0) |
    (isSurname(word) ? SURNAME : 0) |
    (lists.isPlace(word) ? PLACE : 0) |
    (lists.isCounty(word) ? COUNTY : 0) |
    (lists.isCountry(word) ? COUNTRY : 0),
  );
  return {
    facts,
    neverAlone: memo((word) => neverAloneNow(word, facts)),
    foreignlySpelled: memo((word) => foreignlySpelledNow(word, lists)),
    isFirstName: (w) => (facts(w) & FIRST_NAME) !== 0,
    isSurname: (w) => (facts(w) & SURNAME) !== 0,
    isPlace: (w) => (facts(w) & PLACE) !== 0,
    isCounty: (w) => (facts(w) & COUNTY) !== 0,
    isCountry: (w) => (facts(w) & COUNTRY) !== 0,
  };
}

/**
 * Whether a capitalised word standing alone is no name whatever stands
 * around it (`NEVER_AT_START`, `NEVER_INSIDE`): a small word, a title, a
 * public body's head, an abbreviation's shape, an institution (also in
 * the genitive: `NAVs`, `the Storting's`), a people or a holiday, a
 * country, a role's own word (`Rektor`), a word shaped as an institution's.
 * A small word that is also a first name is the name inside a sentence
 * (`frå Vår`, `om Hans`); `His`, `Over`, `By` at a sentence start are the
 * words, though places are named so.
 */
function neverAloneNow(name: string, facts: (word: string) => number): number {
  const nameFacts = facts(name);
  if (name.length < 2 || TITLES.has(name) || PUBLIC_BODY_HEADS.has(name) || alwaysAWord(name, nameFacts, facts)) return NEVER_AT_START | NEVER_INSIDE;
  if (NEVER_NAMES.has(name)) return nameFacts & FIRST_NAME ? NEVER_AT_START : NEVER_AT_START | NEVER_INSIDE;
  return ENGLISH_FUNCTION_WORDS.has(name) ? NEVER_AT_START : 0;
}

function alwaysAWord(name: string, nameFacts: number, facts: (word: string) => number): boolean {
  // `CVs`, `GPs`, `IDs`: an abbreviation in the plural; `AaFK`, `BrIL`: a club's abbreviation; `Kjempefint`: a word; `ESPAnet`,
  // `NORFACEnet`: a network's acronym.
  if (/^\p{Lu}{2,}s$/u.test(name) || /^\p{Lu}\p{Ll}{1,3}\p{Lu}{2,}$/u.test(name) || /^Kjempe\p{Ll}{3,}$/u.test(name) || /^\p{Lu}{3,}\p{Ll}+$/u.test(name)) return true;
  // `JO's`, `EH's`: initials in the genitive.
  if (/^\p{Lu}{2,3}['’]s$/u.test(name)) return true;
  const hyphen = name.indexOf('-');
  const head = hyphen === -1 ? name : name.slice(0, hyphen);
  // (`NAV-kontoret` is a word; `NAV-Vegard`, what the pupils call their adviser, is his name.)
  const namedAfter = hyphen !== -1 && !!(facts(name.slice(hyphen + 1)) & FIRST_NAME);
  if (INSTITUTIONS.has(name) || INSTITUTIONS.has(name.replace(/['’]?s$/u, '')) || (INSTITUTIONS.has(head) && !COMPASS_REGION.test(name) && !namedAfter)) return true;
  const kind = commonKind(name);
  if (kind === CommonKind.Always || (kind === CommonKind.Calendar && !(nameFacts & FIRST_NAME))) return true;
  if (nameFacts & COUNTRY || isCountryName(name)) return true;
  // A role's own word (`vår Manager`, `Rektor`), which no list knows as a name.
  if (!(nameFacts & (FIRST_NAME | SURNAME | PLACE)) && isPersonCue(name.toLowerCase())) return true;
  return !(nameFacts & (PLACE | SURNAME)) && shapeOf(name).institution;
}

/**
 * Spelled as no Norwegian word is, and not an English word either (`Thanks`, `Could`), in its genitive too (`Nhung's`),
 * nor one made of an English word (`Coder`, `Brexit`).
 */
function foreignlySpelledNow(name: string, lists: NameKnowledge): boolean {
  const base = name.replace(ENGLISH_ENDING, '');
  if (!hasForeignSpelling(base) || !lists.isEnglishWord || REPLIES.has(base)) return false;
  const lower = base.toLowerCase();
  const english = lists.isEnglishWord;
  const englishStem = (ending: string) => {
    if (!lower.endsWith(ending) || lower.length - ending.length < 3) return false;
    const stem = lower.slice(0, -ending.length);
    // (`chatten` of `chat`: Norwegian doubles the consonant.)
    return english(stem) || (stem.length > 3 && stem[stem.length - 1] === stem[stem.length - 2] && english(stem.slice(0, -1)));
  };
  // (`Codebook`: two English words, each of four letters or more.)
  let compound = false;
  for (let cut = 4; cut <= lower.length - 4 && !compound; cut++) compound = english(lower.slice(0, cut)) && english(lower.slice(cut));
  return !english(lower) && !ENGLISH_SUFFIXES.some(englishStem) && !(lower.length >= 6 && english(lower.slice(2))) && !compound;
}

/**
 * A function of a word, remembered per distinct word. Forgets everything
 * past `MEMO_SIZE` words, so that a long-running server holds a bounded
 * number (a study's distinct capitalised words are far fewer).
 */
const MEMO_SIZE = 200_000;
function memo<T>(compute: (word: string) => T): (word: string) => T {
  const known = new Map<string, T>();
  return (word) => {
    let answer = known.get(word);
    // Every function remembered here answers something other than undefined.
    if (answer === undefined) {
      if (known.size >= MEMO_SIZE) known.clear();
      known.set(word, (answer = compute(word)));
    }
    return answer;
  };
}

/** English prefixes written with a hyphen (`Re-read`, `Co-author`, `Pre-check`), capitalised at a sentence start. */
const ENGLISH_PREFIXES = new Set(['Re', 'Co', 'Pre', 'Non', 'Ex', 'Sub', 'Anti', 'Post', 'Self', 'Mid', 'Pro', 'Multi', 'Inter', 'Semi']);

/** Shapes of a word, remembered (each is a regular expression over the word alone). */
const orgWord = memo(isOrgWord);
/**
 * A name's shapes, asked together of every single name (one look-up
 * instead of one per shape): whether it ends like an institution, the
 * place-name ending it has ('' for none), and its parts if it is a local
 * model named after a place (`Moldemodellen`).
 */
const shapeOf = memo((name: string) => ({
  institution: INSTITUTION_ENDINGS.test(name.toLowerCase()),
  placeEnding: PLACE_ENDINGS.exec(name)?.[0] ?? '',
  placeCompound: PLACE_COMPOUND_ENDINGS.exec(name),
}));

/** What says a month or weekday that is also a name is the month: a number or a preposition of time before it, a number after. */
const DATE_BEFORE = /(?:\d\.?|\b(?:in|on|by|since|until|till|from|of|before|after|during|through|the|i|innen|fra|til|siden|på|om|før|etter|gjennom|last|next|early|late|mid|every|each|hver|neste|forrige|starts|started|starting|begins|began|ends|ended|due|opens|closes|starter|startet|begynner|begynte|slutter|sluttet|probably|maybe|perhaps|possibly|around|about|kanskje|trolig|truleg|antakelig|rundt|omkring))\s+$/iu;
/** A month after another and a conjunction (`in May and June`, `mai eller juni`): the second is a month too. */
const AFTER_A_MONTH = /(\p{L}+)(?:\s+(?:and|or|og|eller|to|til|–|-)|,(?:\s+(?:not|ikke|but|men))?)\s+$/iu;
const DATE_AFTER = /^,?\s*(?:\d|'\d)|^\s+(?:term|semester|holidays?|break|school|camp|months?|season|half[ -]term)(?!\p{L})/u;
/** A dash and the day or month a span ends on. */
const SPAN_TO = /^[ \t]?[–-][ \t]?(\p{Lu}\p{Ll}+)/u;

const enum CommonKind {
  None,
  /** A people, a language or a holiday: never a name. */
  Always,
  /** A month or weekday: a name too where the lists know it as one and no date stands by (`May`). */
  Calendar,
}

/** Which of the common proper nouns a word is: asked of every capitalised word, so kept per word. */
const commonKind = memo((name: string): CommonKind => {
  if (isPeopleOrLanguage(name) || isHoliday(name)) return CommonKind.Always;
  // `Nigerian-Norwegian`, `Thai-Norwegian`: a background told by two peoples.
  if (name.includes('-') && name.split('-').every((part) => part.length > 1 && isPeopleOrLanguage(part))) return CommonKind.Always;
  return isCalendar(name) ? CommonKind.Calendar : CommonKind.None;
});

/** A month or weekday, in English or Norwegian, also in the plural (`Tuesdays`, `mandager` capitalised). */
export function isCalendar(word: string): boolean {
  if (CALENDAR.has(word) || isCalendarWord(word)) return true;
  // (`Monday's`, `Sunday’s`.)
  if (word.endsWith("'s") || word.endsWith('’s')) return isCalendar(word.slice(0, -2));
  const singular = word.length > 4 ? word.replace(/(?:s|er)$/u, '') : word;
  return singular !== word && (CALENDAR.has(singular) || isCalendarWord(singular));
}

/** A saint's title right before a name (`St `, `St. `, `Saint `), and a day after its genitive (`'s Day`). */
const SAINT_BEFORE = /(?:^|[^\p{L}])(?:St\.?|Saint|Sankt)[ \t]+$/u;
/** A saint's day as Irish and Welsh name it, the saint after it (`Lá Fhéile Bríde`, `Dydd Gŵyl Dewi`, `Dydd Santes Dwynwen`). */
const FEAST_DAY = String.raw`Lá[ \t]+(?:Fh|F)éile|Dydd[ \t]+(?:Gŵyl|Gwyl|Sant|Santes)`;
/** The same feast as one run of capitalised words, the saint in it. */
const FEAST_RUN = new RegExp(String.raw`^(?:${FEAST_DAY})[ \t]`, 'u');
/** The words of such a feast before the saint's name (a festival's `Gŵyl` alone too). */
const FEAST_OF_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${FEAST_DAY}|Gŵyl|Gwyl)(?:[ \t]+(?:Sant|Santes|San))?[ \t]+$`, 'u');
const DAY_AFTER = /^(?:['’]s)?[ \t]+Day(?![\p{L}])/u;
/** A percentage right before a word (`32% Coverage`). */
const PERCENT_BEFORE = /\d[ \u00a0]?%[ \u00a0]$/u;
/** Abbreviations written before a number (`Art. 6`, `Kap. 3`), some of them names too (`Art`). */
const NUMBERED_ABBREVIATIONS = new Set(['Art', 'Fig', 'Nr', 'No', 'Kap', 'Ch', 'Vol', 'Sec', 'Para', 'Pkt', 'Tab', 'Eq', 'Reg', 'Rule', 'Vedl', 'Bd', 'Rt']);
/** After an abbreviation's full stop, its number (`Art. 6`, `Fig.2`). */
const NUMBER_AFTER_ABBREVIATION = /^[ \u00a0]?\d/u;

/** Whether the words at `start`–`end` stand where a date is written (`in May`, `3. mai`, `May 2024`). */
export function inDateContext(text: string, start: number, end: number): boolean {
  if (DATE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || DATE_AFTER.test(text.slice(end, end + 12))) return true;
  // A span of days or months (`Thu–Tue`, `May–June`).
  const spanTo = SPAN_TO.exec(text.slice(end, end + 12))?.[1];
  if (spanTo !== undefined && isCalendar(spanTo)) return true;
  const month = AFTER_A_MONTH.exec(text.slice(Math.max(0, start - 24), start))?.[1];
  return month !== undefined && isCalendar(month[0]!.toUpperCase() + month.slice(1).toLowerCase());
}

/** After a place, a word that makes it the name of a public body (`Nordland fylkeskommune`). */
// A hospital is not among them: it is a workplace, and a small one identifies its staff (`Sykehuset Glåmdal`).
const PUBLIC_BODY_AFTER = /(?: og \p{Lu}[\p{L}-]+)? (?:fylkeskommunes?|fylkeskommunen|county council|city council|politidistrikt|tingrett)(?!\p{L})/iuy;
/** Before a place, the public body it is the seat of (`Statsforvalteren i Innlandet`, `University of Bristol`). */
const PUBLIC_BODY_BEFORE = /(?:(?:Statsforvalteren|Statsforvaltaren|Fylkesmannen|Politiet|Universitetet|Høgskolen|Høgskulen|Tingretten)\s+(?:i|for|på)|University\s+of|Universität)\s+(?:\p{Lu}[\p{L}-]+\s+og\s+)?$/u;

/** Saints after `St.` that name a feast or a large city abroad, not a local site. */
const SAINTS_FEASTS_AND_CITIES = new Set(['Hans', 'Hansaften', 'Patrick', 'Valentine', 'Valentin', 'Andrew', 'David', 'George', 'Petersburg', 'Louis', 'Paul', 'Moritz', 'Tropez', 'Gallen', 'Helier', 'Olav']);
/** What a saint's name after `St.` names, when it follows (`St. Olavs hospital`, `St. Paul's School`). */
const SAINT_BODY_AFTER = /^[ \t]+(?:hospital|sykehus|sjukehus|Hospital|kirke|kyrkje|kirka|Church|church|skole|skule|School|school|College|college|Catholic|Eritrean|Orthodox|menighet|Parish|gymnas)(?![\p{L}])/u;
const HOSPITAL = /^(\p{Lu}\p{L}{2,}?)(sykehuset|sjukehuset|sykehus|sjukehus)$/u;
/** Hospitals by kind, not by place (`Universitetssykehuset`, `Lokalsykehuset`). */
const GENERIC_HOSPITAL = /^(?:Universitets|Lokal|Distrikts|Regional|Fylkes|Barne|Privat)$/u;

/** Whether the word stands first in an ATX heading (`## Språk`). */
function inHeading(text: string, at: number): boolean {
  // Only a heading's marks may stand between the word and its line's start: looking back stops at the first other
  // character, so a long line is not read again for every word.
  let lineStart = at;
  while (lineStart > 0 && HEADING_MARK_CHARS.has(text.charCodeAt(lineStart - 1))) lineStart--;
  if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) return false;
  return /^[ \t]{0,3}#{1,6}[ \t]/u.test(text.slice(lineStart, at + 1));
}

const HEADING_MARK_CHARS = new Set([...' \t#'].map((c) => c.charCodeAt(0)));

/** How street names end (`Storgata`, `Friergangen`, `Nedre Løkka`): with a house number after them, a street. */
const STREET_ENDING = /(?:gate|gata|gaten|veien|vegen|vei|veg|allé|alle|plass|plassen|torget|torg|stien|gangen|sundet|vågen|bakken|svingen|løkka|løkken|lia|lien|kroken|tunet|stredet|smauet|brygga|bryggen|kaia|kaien|ringen|vollen|jordet|parken|haugen|åsen|toppen|sletta|grenda|tråkket|engen|enga|veita|kleiva|hagen|lunden|marka|bråten|street|road|lane|avenue|close|drive|way|crescent|terrace|gatan|vägen|väg|gränd|gränden|stråket|backe|backen|gade|gaden|vej|vejen|vænget|stræde|strædet)$/u;
/** Every character a list item's marker can hold (`- [ ] `, `1. `, `> * `). */
const LIST_MARK_CHARS = new Set([...' \t>-*+[]xX0123456789.)'].map((c) => c.charCodeAt(0)));

/** A verb, then its subject: the word before the verb was an adverb (`Etterpå ringte hun`, `Etterpå sa Kristoffersen`). */
const SUBJECT_AFTER_VERB = /^ \p{L}+ (?:jeg|du|han|hun|vi|dere|de|eg|ho|me|dei|dykk|man|en|\p{Lu}\p{Ll})/u;

/**
 * A naming verb right after a name, with its object (`, we called her`, `, kalte vi ham`, `, as they call him`), or the
 * name said to be someone's nickname or real name (`Dodo er Hodans kallenavn`, `«Storm» er et ekte navn`), or a
 * person's name (`«Storm» er namnet på kompisen`: the person's word is the fifth group).
 */
const NAMED_AFTER =
  /^,?[ \t]+(?:as[ \t]+)?(?:\p{Ll}+[ \t]+){0,2}(called|call|calls|kalte|kaller|kalla|kallar)[ \t]+(?:\p{Ll}+[ \t]+)?(?:him|her|them|ham|henne|han|ho|dei|dem)(?!\p{L})|^[ \t]+(het|hette|heter|heiter|heitte)[ \t]+(?:(?:faktisk|egentlig|eigentleg|visst|jo)[ \t]+)?(?:han|hun|ho|hu|dei|de|den|det|gutten|jenta|guten|mora|moren|faren|broren|søstera|søsteren|syster)(?!\p{L})|^["”»]?[ \t]+(?:er|is|was|var)[ \t]+(?:(?:\p{Lu}\p{Ll}+s|hans|hennes|hennar|his|her|their|et|eit|ein|en|a|the|an)[ \t]+)?(?:(?:ekte|real|actual|eigentlege|egentlige)[ \t]+)?(kallenavn|kallenavnet|kallenamn|kallenamnet|kjælenavn|kjælenavnet|nickname|(?<=(?:ekte|real|actual|eigentlege|egentlige)[ \t]+)(?:navn|namn|name))(?!\p{L})|^["”»]?[ \t]+(?:er|is|was|var)[ \t]+(?:the[ \t]+)?(namnet|navnet|name)[ \t]+(?:på|til|of)[ \t]+(?:(?:his|her|my|the|hans|hennes|hennar|mi|min)[ \t]+)?(\p{Ll}+)/u;

/** Who says or does something and is no one (`Everyone calls him Rich`, `Alle kaller ham`). */
const INDEFINITE_PRONOUNS = new Set(['Everyone', 'Everybody', 'Someone', 'Somebody', 'Nobody', 'Anyone', 'Anybody', 'People', 'Others', 'Folk', 'Alle', 'Noen', 'Ingen']);

/** Company forms, which end a company's name. */
const COMPANY_FORM = /^(?:AS|ASA|ANS|DA|SA|BA|ENK|NUF|Ltd|Inc|LLC|GmbH|AB)$/u;

/** A person's initials in capitals (`JO`, `MT`, `TEH`). */
const INITIALS = /^\p{Lu}{2,3}$/u;

const STATISTIC_AFTER = / (?:kappa|alpha|alfa|α|κ|rho|test|coefficient|koeffisient|correlation|korrelasjon|exact|index|indeks|distribution|fordeling|criterion|kriterium)(?!\p{L})/uy;

/** An age, a role or a service just after a list item's first words (an attendee list: `- Niamh O'Connor, barnevernstenesta`). */
function describedAfter(window: string): boolean {
  if (AGE_AFTER.test(window)) return true;
  const role = /^,[ \t]+(\p{Ll}[\p{L}-]*)/u.exec(window)?.[1];
  return role !== undefined && (isPersonCue(role) || PERSON_NOUNS.has(role) || INSTITUTION_ENDINGS.test(role));
}

/** The country's name that makes a body national, first in the genitive or last (`Norges Bondelag`, `Kompetanse Norge`). */
const NATIONAL_FIRST = new Set(['Norges', 'Noregs', "Norway's"]);
const NATIONAL_LAST = new Set(['Norge', 'Noreg', 'Norway']);
/** Premises named by the country that are still a workplace (`Hotel Norge`, `Kafé Noreg`). */
const PREMISES = new Set(['Hotel', 'Hotell', 'Kafé', 'Kafe', 'Café', 'Cafe', 'Restaurant', 'Pizza', 'Bar', 'Kro', 'Motell', 'Camping', 'Bakeri', 'Senter']);

/** A chain's number and a shop's place after its name (`Rema` + ` 1000 Bergmo`). */
const CHAIN_NUMBER_AND_PLACE = /^ \d{1,4} \p{Lu}[\p{L}\p{M}-]*/u;
/** The words of a service's own units, not places (`NAV Kontaktsenter`, `NAV Hjelpemiddelsentral`, `NAV Kontroll`). */
const SERVICE_UNIT = /(?:senter|senteret|sentral|sentralen|forvaltning|kontroll|ytelser|klage|innkreving|internasjonalt|økonomi|stab|direktorat|arbeidsliv|hjelpemidler)$/iu;
/** Services whose local offices are named by their place (`NAV Molde`, `Jobcenter Aarhus`, `Arbetsförmedlingen Järva`), and a city's districts (`Bydel Stovner`). */
const NAV = /^(?:NAV|Nav|Jobcenter|Jobcentre|Arbetsförmedlingen|Försäkringskassan|Intreo|Bydel|Bydelen)$/u;

/** Whether the word at `at` opens a list item or task (`- [ ] Ringe …`, `1. Sende …`, `- [ ] Mark transcripts`), where verbs start. */
export function opensListItem(text: string, at: number): boolean {
  // Only the characters a list marker holds may stand between the word and its line's start: looking back stops at the
  // first other one, so a long line is not read again for every word.
  let lineStart = at;
  while (lineStart > 0 && LIST_MARK_CHARS.has(text.charCodeAt(lineStart - 1))) lineStart--;
  if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) return false;
  return /^[ \t]*(?:>[ \t]*)*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?$/u.test(text.slice(lineStart, at));
}

/** An age just after a name (`Farid Noorzai, 19,`, `Ali Hassan (17)`). */
const AGE_AFTER = /^(?:,[ \t]*|[ \t]*\((?:\p{L}+,[ \t]*)?)(?:1[3-9]|[2-9]\d)(?:[ \t]*år)?(?:[,)]|[ \t]*$)/u;

/**
 * What the words just after a name say of it that only a person is:
 * someone's kin (`er lillebroren`), the full name in brackets (`Mo
 * (Mohammad Al-Khatib`), an apposition (`, en gutt fra …`, `, the other
 * NAV adviser`), a household (`the Owusu household`), an English verb
 * with its object (`books him`, `calls the school`). The cue, or
 * undefined. `isFirstName` says whether the bracket's first word is one.
 */
export function personSaidAfter(window: string, isFirstName: (word: string) => boolean = () => true): string | undefined {
  const kin = KIN_AFTER.exec(window)?.[1] ?? KIN_POSTPOSED.exec(window)?.[1];
  if (kin) return kin.toLowerCase();
  // `Haugen, Siri   10:02`, `Olsen, Trond <…>`: a surname written first, the first name after a comma, alone on the line.
  const firstAfter = window.startsWith(', ') ? SURNAME_FIRST.exec(window)?.[1] : undefined;
  if (firstAfter && isFirstName(firstAfter)) return firstAfter;
  // `Eik og familien hans`, `Sol og ein kamerat`: someone together with their own.
  const together = window.includes(' og ') || window.includes(' and ') || window.includes(' & ') ? TOGETHER_AFTER.exec(window)?.[1] : undefined;
  if (together) return together.toLowerCase();
  // `Sol (16) sender …`, `Amal, 17, kom`: an age said of the word.
  const age = AGE_AFTER.exec(window)?.[0];
  if (age) return age.replace(/^,/u, '').trim();
  // `Filmon (Eritrea, kom i 2019)`, `Shona (Scottish, about 40)`, `Kasia (youth worker, Polish, …)`: where someone is from, or
  // what they do, said in brackets.
  const origin = ORIGIN_IN_BRACKETS.exec(window)?.[1];
  if (origin && (isCountryName(origin) || isPeopleOrLanguage(origin) || origin.toLowerCase().split(/[- ]/u).some((w) => isPersonCue(w) || PERSON_NOUNS.has(w)))) return `(${origin}`;
  // `Dawn = Veileder 16`: a key from names to the study's pseudonyms.
  const key = PSEUDONYM_KEY.exec(window);
  if (key) return key[1]!;
  // `Mo (Mohammad Al-Khatib, seventeen)`: a nickname with the full name after it (not `Molde (Romsdal Museum)`).
  const bracketed = FULL_NAME_IN_BRACKETS.exec(window)?.[1];
  if (bracketed && isFirstName(bracketed)) return `(${bracketed}`;
  const apposition = APPOSITION.exec(window);
  if (apposition) {
    for (const word of apposition[1]!.split(' ')) {
      const lower = word.toLowerCase();
      if (isPersonCue(lower) || PERSON_NOUNS.has(lower)) return lower;
    }
  }
  // `the Owusu household` (Norwegian writes `Owusu-familien`, one word, and `syrisk familie` of a people).
  const family = FAMILY_AFTER.exec(window)?.[1];
  if (family) return family;
  return ENGLISH_VERB_AND_OBJECT.exec(window)?.[1];
}

const FAMILY_AFTER = /^ (family|household|family's|household's)(?!\p{L})/u;
const OPENING_QUOTE = /^["«“]$/u;
/** Two words or more in lower case after a capitalised one, then the closing quote: a label or a title, not a name. */
const LABEL_GOES_ON = /^(?: \p{Ll}[\p{L}-]*){2,}[^»"”\n]{0,60}[»"”]/u;
/** After a surname written first: the first names, then a caption's time, an address or the line's end. */
const SURNAME_FIRST = /^, (\p{Lu}\p{Ll}+)(?:[ \t]+\p{Lu}\p{Ll}+)?(?=[ \t]+\d{1,2}:\d{2}|[ \t]*<|[ \t]*(?:\n|$))/u;
/** Three words or more in lower case after a capitalised one: a label's or a title's words going on. */
const LABEL_GOES_ON_UNQUOTED = /^(?: \p{Ll}[\p{L}-]*){3,}/u;
/** The words that make kin of what follows (`mor til`, `mother of`). */
const KIN_OF_CUE = new Set(['til', 'åt', 'of']);
/** In brackets, a country, a people or a role first, with more said after it: not a place's own (`Molde (Norway)` stands alone). */
const ORIGIN_IN_BRACKETS = /^ \((\p{L}+(?:[- ]\p{L}+)?)[,;] /u;

const NICKNAME_IN_BRACKETS = /^ \((?:["“«](\p{Lu}{2,4})["”»]|(\p{Lu}{2,4})\)|["“«]?(\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}?[\p{Ll}\p{M}]+)?)(?:\)|["”»,]))/u;
const FULL_NAME_IN_BRACKETS = /^ \((\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?) (?:(?:al|el|bin|van|von|de|da)[- ])?\p{Lu}\p{Ll}*(?:[-'’]\p{Lu}?\p{Ll}+)*(?:[ ,)]|$)/u;
const APPOSITION = /^,(?: (?:for eksempel|for example|altså|som sagt),)? (?:en|ei|et|a|an|the|vår|our|min|my|hans|hennes|his|her) ((?:[\p{L}-]+ ){0,2}[\p{L}-]+)/u;
/** A letter's or a message's closing words, before the writer's name on the line. */
const CLOSINGS = new Set(['Hilsen', 'Helsing', 'Mvh', 'Vennlig', 'Venleg', 'Regards', 'Cheers', 'Thanks', 'Takk', 'Best', 'Kind', 'Warm', 'Sincerely', 'Klem']);
/** A pseudonym's number or letter after its role word (`Rådgiver 5`, `Veileder D`, `Ungdom 19a`, `Ungdom P2`). */
export const ROLE_NUMBER_AFTER = /^ (?:\d{1,3}\p{Ll}|\d+\p{Lu}?|\p{Lu}\d{0,3})(?![\p{L}\p{N}-]|[.:,]\d|[ \u00a0]\d)/u;

/** A verb and the writer as its object just after a word (`viser meg`, `ringer oss`, `roper etter meg`, `shows me`). */
const TO_THE_WRITER_AFTER = /^ (\p{Ll}{2,}(?:er|te|de|et|a|s|ed))(?: (?:etter|på|til|at|for))? (?:meg|oss|me|us)(?!\p{L})/u;

/** A door, a bell or a letterbox just before a name in capitals, as a home visit's note reads it (`bell says MELNYK`). */
const DOOR_BEFORE = /(?:^|[^\p{L}])(dør(?:a|en|skilt|skiltet)|ringeklokk(?:a|en)|postkass(?:a|en)|doorbell|door|bell|buzzer|intercom|letterbox|mailbox)(?:[ \t]+(?:says|said|reads|read|står|stod|sto|viser))?[ \t]*[:–-]?[ \t]*$/iu;
/** Another word in capitals joined to a name in capitals (`SASHA og KWAME`, `TESFAMARIAM / TEKLE`), after it or before it. */
const CAPITALS_PARTNER_AFTER = /^[ \t]*(?:og|and|&|\/)[ \t]*(\p{Lu}{3,})(?![\p{L}\p{N}])/u;
const CAPITALS_PARTNER_BEFORE = /(?:^|[^\p{L}\p{N}])(\p{Lu}{3,})[ \t]*(?:og|and|&|\/)[ \t]*$/u;
/** A phone's and a computer's acronyms that lists know as first names in other letters (`Polish SIM`, not Sim; `PIN`, not Pin). */
const DEVICE_ACRONYMS = new Set(['SIM', 'PIN', 'PUK', 'IMEI', 'GPS', 'USB', 'DAB', 'SMS', 'MMS']);
/** Persons by what they are, beside the roles and kin of `isPersonCue`. */
const PERSON_NOUNS = new Set(
  'gutt gut jente kvinne mann dame kar ungdom elev student lærling boy girl woman man lad pupil apprentice adviser advisor caseworker counsellor counselor worker officer manager leader coordinator consultant nurse colleague kompis venn venninne friend mate tredjeperson keeper spiller trener coach player'.split(' '),
);
/** An English verb in the third person and its object after a sentence's first word (`Frank books him`, `Haakon walks him`). */
const ENGLISH_VERB_AND_OBJECT = /^ (\p{Ll}{3,}s) (?:him|her|them|me|us|you|the|a|an|his|their|my|our)(?!\p{L})/u;

/** Someone's kin or friend, said of a name just after it (`Kofi er lillebroren`, `Abena is her mother`): a person. */
/** Kin, in both languages (`broren`, `mother`). */
const KIN = '(?:lille|store)?(?:bror|broren|søster|søsteren|syster|systera)|mor|moren|mora|far|faren|sønn|sønnen|son|sonen|datter|datteren|dattera|dotter|dottera|kjæreste|kjæresten|samboer|samboeren|venn|vennen|ven|venen|venninne|venninnen|venninna|fetter|fetteren|kusine|kusina|kusinen|onkel|onkelen|tante|tanten|tanta|kona|mannen|bestemor|bestefar|brother|sister|mother|father|mum|mom|dad|son|daughter|cousin|boyfriend|girlfriend|friend|uncle|aunt|wife|husband|grandmother|grandfather|stepfather|stepmother|stefar|stemor';
/** Who someone is among the note's people, said after the name (`Ørn er gutten`, `Hope is the girl`). */
const ONE_OF_THEM = '(?:gutten|guten|jenta|jenten|eleven|ungdommen|the[ \\t]+(?:boy|girl|young[ \\t]+(?:man|woman)|lad))';
/** Kin before the word that joins it to a name (`Mor til Eik`, `the mother of Hope`). */
const KIN_OF_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${KIN})[ \\t]+(?:til|åt|of)[ \\t]+$`, 'iu');
/** Together with someone, said just after a name (`Eik og familien hans`, `Sol og ein kamerat`, `Hope and her mum`). */
const TOGETHER_AFTER = new RegExp(
  `^ (?:og|and|&)[ \\t]+(?:(?:ein|en|ei|a|an|hans|hennes|hennar|his|her|sin|si|sitt)[ \\t]+)?(familien|familia|family|foreldrene|foreldra|kamerat|kameraten|kompis|kompisen|mate|${KIN})(?!\\p{L})`,
  'u',
);
/** Kin said of the name just before (`Kofi er lillebroren`, `Ama is his sister`). */
const KIN_AFTER = new RegExp(
  `^ (?:er|var|blir|is|was)[ \\t]+(?:(?:hans|hennes|hennar|deres|deira|min|mi|vår|his|her|their|my|our)[ \\t]+)?(?:(?:little|big|older|younger|eldest|youngest|eldste|yngste)[ \\t]+)?(${KIN}|${ONE_OF_THEM})(?!\\p{L})`,
  'u',
);
/** Kin in apposition, the possessive after it as Norwegian writes it (`Berivan, kjærasten min,`). */
const KIN_POSTPOSED = new RegExp(`^,[ \\t]+(${KIN}|kjærasten|sambuaren)[ \\t]+(?:min|mi|mitt|hans|hennes|hennar|deira|deres|vår|sin|si)(?!\\p{L})`, 'u');
/** A name's pseudonym in the study, after an equals sign or arrow (`Dawn = Veileder 16`, `Summer → Ungdom 16C`). */
const PSEUDONYM_KEY = /^[ \t]*(=|→|->)[ \t]*\p{Lu}[\p{L}-]*(?:[ \t]\p{L}+)?[ \t]*\d+\p{Lu}?(?![\p{L}\p{N}])/u;
/** Another capitalised word joined to a word by `og`/`and` (`Rojda og Sohrab`). */
const JOINED = /^ (og|and|&) (\p{Lu}\p{Ll}+)(?![\p{L}\p{M}'’-])/u;
/** Kin after a genitive (`Bohdan's mother`, `Yaras lillebror`): the genitive is a person's. */
const KIN_OF = new RegExp(`^ (?:(?:little|big|older|younger|eldest|youngest|eldste|yngste)[ \\t]+)?(${KIN})(?!\\p{L})`, 'u');

/** A university's or a service's unit named by its field (`Institutt for sosialt arbeid`, `Senter for profesjonsstudier`). */
const UNIT_FOR = /^(?:Institutt|Instituttet|Avdeling|Avdelinga|Avdelingen|Fakultet|Fakultetet|Senter|Senteret|Seksjon|Seksjonen|Program|Programmet)$/u;
/** English bodies named `X of Y` (`University of Leeds`, `Department of Health`). */
const BODY_OF = /^(?:University|College|Ministry|Department|Office|Institute|School|Faculty|Directorate|Council|Board|Bank|Church)$/u;

const ENGLISH_STREET = /^(?:Road|Street|Lane|Avenue|Close|Drive|Crescent|Terrace|Gardens|Square|Place|Court|Grove|Row|Mews|Rise|Walk|Parade|Hill|Way|Rd|St|Ave)$/u;
/** A house number (`6`, `12B`), not a count of something (`Haugen 16 år`). */
const HOUSE_NUMBER = /^ (\d{1,4}[A-Za-z]?)\b(?![ \u00a0]*(?:år|%|kr|timer|dager|uker|km|min|prosent|elever|ungdommer|stk)(?!\p{L}))/u;

/** Whether a place's name here names a public body (`Nordland fylkeskommune`, `Statsforvalteren i Innlandet`): no one is identified by it. */
export function inPublicBody(text: string, start: number, end: number): boolean {
  // Asked of most capitalised words: read in place where it can be, and the words before only after the small word that
  // must end them.
  if (text.charCodeAt(end) === 32) {
    PUBLIC_BODY_AFTER.lastIndex = end;
    if (PUBLIC_BODY_AFTER.test(text)) return true;
  }
  if (!BODY_BEFORE_END.test(text.slice(Math.max(0, start - 8), start))) return false;
  return PUBLIC_BODY_BEFORE.test(text.slice(Math.max(0, start - 48), start)) || HEALTH_TRUST_BEFORE.test(text.slice(Math.max(0, start - 7), start));
}
/** How the words before a public body's place end: `i`, `for`, `på`, `og`, `of` or `Helse`, and white space. */
const BODY_BEFORE_END = /(?:^|[^\p{L}])(?:i|for|på|og|of|Helse|Universität)\s+$/u;

/** The head word of a public body's name, which a business's name does not end with (`Service` it may). */
const PUBLIC_ONLY_HEADS = /^(?:Authority|Agency|Directorate|Ministry|Inspectorate|Ombud|Ombudsman|Parliament|Government|Court|Tribunal|Administration)$/u;
/** The head word of a law's or programme's name, which a business's name does not end with (`Service` it may). */
const LAW_HEADS = /^(?:Act|Acts|Programme|Program|Guarantee|Regulations|Reform|Strategy)$/u;

/**
 * What ties a city abroad to someone, in the words before it: coming from it, being born, growing up, living, studying or
 * working there, kin there (`born 30 June 2003 in`, `her mother in`, `vokste opp i`).
 */
const TIED_BEFORE =
  /(?:^|[^\p{L}])(?:from|fra|frå|born|grew up|raised|lived|lives|living|studied|worked|works|moved|fled|escaped|left|stayed|family|mother|father|mum|dad|parents|brother|sister|uncle|aunt|cousin|wife|husband|home|hometown|originally|født|fødd|vokste opp|vaks opp|bodde|budde|bor|bur|studerte|jobbet|jobba|arbeidet|flyttet|flytta|flyktet|flykta|forlot|familien|familie|mor|mora|far|faren|foreldre|foreldra|bror|søster|syster|onkel|tante|heime|hjemme|opprinnelig)(?:[ \t]+[^\s.!?]+){0,5}[ \t]+(?:in|i|på|to|til)?[ \t]*$/iu;

/** The word for an address just before a street (`address Kjerrheia 12`, `adresse: Tunveien 3`). */
const ADDRESS_BEFORE = /(?:^|[^\p{L}])(?:address|adresse|adressa|adressen|bur i|bor i|lives at|lives in|living at)[ \t]*:?[ \t]+$/iu;
/** A school's own word after its name (`videregående`, `ungdomsskole`, `vgs`). */
const SCHOOL_FOLLOWER = /^(?:videregående|vidaregåande|vgs|ungdomsskole|ungdomsskule|barneskole|barneskule|folkehøgskole)/u;

/** The shortest street name `ADDRESS_AFTER` takes: pseudonyms' words are shorter (`Ung 4`, `Case 3`, `Ungdom 12`). */
const STREET_NAME_LENGTH = 7;
/** After a name, what makes it an address: a house number with its letter, or a number and then a postcode or a place. */
const ADDRESS_AFTER = /^ \d{1,4}(?:[A-Za-z](?![\p{L}\p{N}])|,[ \t]+(?:\d{4}[ \t]+\p{Lu}|\p{Lu}\p{Ll}+(?:[»"”.]|,|$)))/u;

/** A health trust, named by its region or hospital's place (`Helse Førde`, `Helse Nord`): a public body. */
const HEALTH_TRUST_BEFORE = /(?:^|[^\p{L}])Helse[ \u00a0]$/u;

/** A role's name (`teamleder`, `miljøarbeider`, `caseworker`, `youth worker`'s `worker`): before a name, it says a person follows. */
const ROLE = /^\p{L}[\p{L}-]+(?:leder|lederen|leiar|leiaren|leader|rådgiver|rådgjevar|veileder|veilederen|rettleiar|arbeider|arbeidar|sykepleier|sjukepleiar|koordinator|konsulent|terapeut|pedagog|manager|worker|officer|coordinator|adviser|advisor|consultant|counsellor|counselor|teacher|nurse)$/u;

export const isPersonCue = memo((lower: string): boolean => PERSON_CUES_BEFORE.has(lower) || ROLE.test(lower));

/** A word for a person, a role or kin, also in the definite form (`kompisen`, `jenta`, `the girl`'s `girl`). */
export function isPersonWord(lower: string): boolean {
  return isPersonCue(lower) || PERSON_NOUNS.has(lower) || PERSON_NOUNS.has(lower.replace(/(?:en|et|a)$/u, ''));
}

/** English words that start sentences and are never names (`Then`, `When`, `After`). */
const ENGLISH_FUNCTION_WORDS = new Set(
  'The A An This That These Those Then When While After Before Since Until Because Although Though If And But Or So Yet Also Here There Now Today Yesterday Tomorrow Later Earlier Once Still Even Only Just Both Each Every Some Any Many Most Few Several Other Another Such What Which Who Whom Whose Where Why How In On At By For From With Without About Over Under Between Among Through During Against Towards Into Onto Upon Of To As Like Unlike Despite I We You He She It They My Our Your His Her Its Their Me Us Him Them'.split(' '),
);

/** An English word that starts sentences and is never a name there (`His caseworker`, though `His` is a place). */
export const isEnglishFunctionWord = (word: string): boolean => ENGLISH_FUNCTION_WORDS.has(word);

/**
 * Whether a name that is also an English word, at its sentence's start,
 * is used as the word: followed by what follows a verb or noun (`Will we`,
 * `Mark my`, `Mark anyone turning 18`), by `and` and another word
 * (`Faith and trust come up`, not `Grace and Faith`), or, for `Will`, by
 * a verb's plain form (`Will bring coffee`, not `Will answers`). Terse
 * logs put a name before an adjective or an adverb (`Faith very chatty`,
 * `Grace silent`): that alone leaves it the name.
 */
export function englishWordAfter(text: string, end: number, isEnglishWord?: (word: string) => boolean, name?: string): boolean {
  if (ENGLISH_WORD_AFTER.test(text.slice(end, end + 12))) return true;
  if (!isEnglishWord) return false;
  const next = NEXT_WORDS.exec(text.slice(end, end + 40));
  if (!next) return false;
  const word = next[1]!;
  if (word === 'and' || word === 'or') return next[2] !== undefined && /^\p{Ll}/u.test(next[2]) && isEnglishWord(next[2]);
  return name === 'Will' && isPlainVerb(word, isEnglishWord);
}

/** A verb's plain form (`bring`, `need`, `take`): the list has its `-ing` or `-ed` form too, and it is no finite form itself. */
function isPlainVerb(word: string, isEnglishWord: (word: string) => boolean): boolean {
  if (SUBJECT_FOLLOWERS.has(word) || HUMAN_VERBS.has(word) || /(?:[^s]s|[^e]ed|ly)$/u.test(word) || !isEnglishWord(word)) return false;
  const stem = word.endsWith('e') ? word.slice(0, -1) : word;
  return isEnglishWord(`${stem}ing`) || isEnglishWord(`${word}ed`) || isEnglishWord(`${stem}ed`);
}

/** The next word after a space, and the one after it. */
const NEXT_WORDS = /^ (\p{Ll}+)(?: (\p{L}+))?/u;

/** What follows a person who is a sentence's subject: a verb's finite form, an adverb before one, a reflexive. */
const SUBJECT_FOLLOWERS = new Set(
  'is was has had does did can could will would should may might must shall went came got made took gave knew thought felt saw left ran sat stood kept also always never often just still then now only really already too once soon himself herself themselves'.split(' '),
);

/** What follows an English verb or noun, never a name: a pronoun, an article, a form of `be`. */
const ENGLISH_WORD_AFTER = /^ (?:we|you|they|he|she|it|him|her|them|us|me|the|a|an|be|not|that|this|these|those|your|my|our|their|his|its|to|for|of|so|little|or not|in the|in a|anyone|everyone|someone|anything|everything|something|anybody|everybody|somebody)(?!\p{L})/u;

/** After a word, the rest of a study's code: a hyphen and a number, perhaps after a word (`-14`, `-site-2`). */
const CODE_AFTER = /^-(?:\p{L}+-)?\d+\p{Lu}?(?![\p{L}\p{N}])/u;

const COMPASS_REGION = /^(?:Nord|Sør|Øst|Vest|Midt|Indre|Ytre|Øvre|Nedre|Søndre|Nordre|Austre|Vestre)-\p{Lu}\p{Ll}/u;

const ENGLISH_GENITIVE = /\p{L}{2}['’]s$/u;
/** An English genitive or contraction's ending (`Sander's`, `I've`, `Jones'`). */
const ENGLISH_ENDING = /['’](?:s|ve|re|ll|d|m|t)?$/u;
/** Endings that make an English word of another (`code` → `coder`), or a Norwegian one of it (`chat` → `chatten`). */
const ENGLISH_SUFFIXES = ['s', 'es', 'r', 'er', 'ers', 'd', 'ed', 'ing', 'ion', 'ions', 'ist', 'ists', 'ity', 'ness', 'ly', 'ment', 'en', 'et', 'a', 'ene', 'ane', 'erne', 'ere'];

const isDigitCode = (c: number) => c >= 48 && c <= 57;
const isLowerAscii = (c: number) => c >= 97 && c <= 122;
const OPENING_QUOTES = new Set(['«', '"', '“', "'"].map((c) => c.charCodeAt(0)));
/**
 * Whether a word standing alone stands where an answer does: after a
 * speaker's label (`**Veileder F:** Rojda.`), a question (`Hvem ringte?
 * Rojda.`) or at a line's start. After another statement it is a remark
 * (`Nei. Snø.`, `… endret. Ferdig.`).
 */
function answersWho(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '*' || text[i] === '_' || text[i] === '\u00a0')) i--;
  if (i < 0) return true;
  const c = text[i]!;
  if (c === ':' || c === '?' || c === '\n') return true;
  // Block marks before the word (`> `, `- `, not a task's box) stand for a line's start. They are short: the look-back is
  // bounded, so a long line of one-word sentences is not read again for each.
  const from = Math.max(0, start - 12);
  const before = text.slice(from, start);
  const lineBreak = before.lastIndexOf('\n');
  if (lineBreak === -1 && from > 0) return false;
  return /^[ \t]*(?:>[ \t]*)*(?:[-*+]|\d+[.)])?[ \t]*$/u.test(before.slice(lineBreak + 1));
}

const SENTENCE_ENDS = new Set(['.', '!', '?'].map((c) => c.charCodeAt(0)));
/** Every phrase's first character, so that most words need not be compared with every phrase. */
const PHRASE_STARTS = new Set(INSTITUTION_PHRASES.map((p) => p.charCodeAt(0)));

/** `PSEUDONYM` over the run, which needs a space or hyphen in it. */
function mayBePseudonym(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 45) return PSEUDONYM.test(text.slice(start, end));
  }
  return false;
}

/** A number or a capital letter after a role (`Rådgiver 5`, `Veileder-D`); a lower-case letter there rules it out at once. */
function roleNumberAfter(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if ((c !== 32 && c !== 45) || isLowerAscii(text.charCodeAt(at + 1))) return false;
  return /^[ -](\d+\p{Lu}?|\p{Lu})(?![\p{L}\p{N}]|[.:,]\d)/u.test(text.slice(at, at + 8));
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
  if (before && publicRole(before.text)) return true;
  // A run may hold a figure's name and more (`Erna Solberg Og`, `Prime Minister Jonas Gahr Støre`): any part of it counts.
  for (let first = 0; first < run.length; first++) {
    if (!FIGURE_WORDS.has(run[first]!.text)) continue;
    let names = run[first]!.text;
    if (PUBLIC_FIGURES.has(names)) return true;
    // (No longer than the longest figure's name: a run of 2,000 capitalised words costs 2,000 short looks, not 2,000² long ones.)
    for (let n = first + 1; n < Math.min(run.length, first + FIGURE_LENGTH); n++) if (PUBLIC_FIGURES.has((names += ' ' + run[n]!.text))) return true;
  }
  return false;
}

/** Every word of a public figure's name: a run without one holds no figure. */
const FIGURE_WORDS = new Set([...PUBLIC_FIGURES].flatMap((figure) => figure.split(' ')));
/** The most words a public figure's name has. */
const FIGURE_LENGTH = Math.max(...[...PUBLIC_FIGURES].map((figure) => figure.split(' ').length));

const publicRole = memo((word: string) => PUBLIC_ROLE.test(word));

const WHITE_SPACE = /\s*/y;
const CITATION_STARTS = new Set([...'(e,&oamm\'’0123456789'].map((c) => c.charCodeAt(0)));
/** Authors, then a year: `, Lie & Moe, 2019`, ` og Moe (2019)`, ` and Moe 2019`, ` mfl. (2015)`, ` et al. 2015`, editors' `(red.) 2007`. */
const AUTHORS_THEN_YEAR =
  /^(?:['’]s)?\s*(?:\(\s*(?:\d{4}(?!\d)|n\.\s?d\.|u\.\s?å\.|udatert|in press|forthcoming|i trykk)|\((?:red|eds?|Eds?|Hrsg|hrsg)\.?\)\s*,?\s*\(?\d{4}(?!\d)|(?:et al\.?|mfl\.|m\.fl\.)|,\s*(?:1[6-9]|20)\d{2}[a-z]?\b(?![ \u00a0]\d)|\s*&\s*\p{Lu}|(?:,\s*\p{Lu}[\p{L}-]+)+\s+(?:et al\.?|mfl\.|m\.fl\.)|(?:,\s*\p{Lu}[\p{L}-]+)*,?\s*(?:og|and|&)\s+\p{Lu}[\p{L}-]+(?:,? \p{Lu}[\p{L}-]+)*,?\s*(?:\(\s*)?\d{4}(?!\d))/u;
const BARE_YEAR = /^,\s*\d{4}[a-z]?\b/u;
/** After an author in brackets, a table, figure, chapter or page of the work (`, Tabell 2)`, `, p. 14)`). */
const PLACE_IN_WORK_AFTER = /^,\s*(?:Tabell|Table|Figur|Figure|Fig\.|kap\.|kapittel|ch\.|chapter|s\.|p\.|pp\.|side)\s*\d+[^)\n]{0,12}\)/u;
const PLACE_PREPOSITION_BEFORE = /(?:^|[^\p{L}])(?:in|i|på|fra|frå|from|at|ved|near|nær)\s+$/u;
/** An entry of a reference list: the author's surname, a comma and initials (`Bonoli, G. (2010).`, `Lødemel, I. & Trickey, H.`). */
const REFERENCE_ENTRY = /^,\s*(?:\p{Lu}\.[\s-]*){1,3}(?:\(|&|,|and\b|og\b)/u;

/**
 * An author in a reference: `Strand et al. (2015)`, `Frøyland (2012)`,
 * `(Vannevjen, 2010)`, `Reiling og Berg (2020)`, `(Berg, Lie & Moe,
 * 2019)`, `Dahl mfl. (2015)`, `(jf. Hansen 2020: 14)`, `Furlong's (2006)`,
 * and a reference list's `Bonoli, G. (2010).`
 */
export function isCitation(text: string, start: number, end: number): boolean {
  // After any white space, each form below starts with one of these: most words are ruled out at once.
  WHITE_SPACE.lastIndex = end;
  WHITE_SPACE.test(text);
  if (!CITATION_STARTS.has(text.charCodeAt(WHITE_SPACE.lastIndex))) return false;
  const after = text.slice(end, end + 60);
  const before = text.slice(Math.max(0, start - 40), start);
  // (`in Grorud, 2021`: a place and a year, not a citation, where no bracket opens.)
  if (BARE_YEAR.test(after) && PLACE_PREPOSITION_BEFORE.test(before) && !/\([^)]*$/u.test(before)) return false;
  if (AUTHORS_THEN_YEAR.test(after) || REFERENCE_ENTRY.test(after)) return true;
  // Inside parentheses, a name and a year, or a name in a list of authors before one.
  const inParentheses = /\(\s*[^)]*$/.test(before);
  if (inParentheses && /^\s+\d{4}[a-z]?\b/u.test(after)) return true;
  // (`(Thøgersen, Tabell 2)`, `(Lipsky, p. 14)`: the author and a place in the work instead of the year.)
  if (inParentheses && /\($/u.test(before) && PLACE_IN_WORK_AFTER.test(after)) return true;
  return /(\(|;\s*|\bog |\band |&\s*|, )$/u.test(before) && /^(,? \d{4}|\s*(et al\.?,?\s*)?\d{4})/u.test(after) && inParentheses;
}
