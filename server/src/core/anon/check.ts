import type { ParsedNote } from '../dialect/model.js';
import { speakerNames } from './speakers.js';
import { englishWordAfter, findNames, isEnglishFunctionWord, inDateContext, inPublicBody, isCalendar, isCitation, isPersonCue, namePart, opensListItem, personSaidAfter, ROLE_NUMBER_AFTER, THRESHOLD, writtenAsWord, type NameFinding, type NameKnowledge } from './names.js';
import { birthDatesAfterNames, birthDatesAgain, birthDatesAnswered, findPatterns, idNumbersAgain, idNumbersOfBirthDates } from './patterns.js';
import { capitalised, markupMask, wordsOf, type Markup, type Word } from './prose.js';
import { broadPlaces } from './broadPlaces.js';
import { handleNames, handlesAgain, mayNameAccounts } from './handles.js';
import { mayDeclarePseudonyms } from './pseudonyms.js';
import { namesInColumns } from './columnNames.js';
import { isCountryName, isPeopleOrLanguage } from './commonProperNouns.js';
import { columnCells, headerWords, mayHoldTable } from './tables.js';
import { dismissedEnds } from './dismissals.js';
import { cuedNames, firstNamesAmong, isPlaceInLowerCase, isWordOrPlainName, lowerCaseNames, placesInLowerCase, type LowerCaseName } from './lowerCase.js';
import { chatMessages, chatNames, contactNames, isAnonymousSender, senderOverMessage, senderWords, type ChatMessage } from './chat.js';
import { allowedByProject, type AnonProject } from './anonSettings.js';
import { firstIndex } from '../text/bisect.js';
import type { AnonFinding, AnonType } from './types.js';
import { WordList } from './wordList.js';
import { actingInitials, findInitials, initialsInKey, initialsOfNamed, personsInCapitals, cuedInitials } from './initials.js';
import { academicsNamed, researchersNamed, StudyPeople, studyPeopleOf } from './studyPeople.js';
import { teamsOf } from './team.js';
import { namesInOwnScript } from './ownScript.js';
import { cyrillicNameKeys, isCyrillic, looseLatinKey } from './transliteration.js';
import { frontMatterLanguage, languageOfWords, type NoteLanguage } from './language.js';
import { AMBIGUOUS, HUMAN_VERBS, NEVER_NAMES } from './wordlists.js';
import { authorsInFull, citedAuthors, isCitedAuthor, mayNameWorks, publicFigures, referenceEntries, titles, withoutGenitive } from './literature.js';

export interface AnonOptions {
  /** Names and places confirmed in other notes of the workspace: flagged here too. */
  known?: ReadonlyMap<string, AnonType>;
  /** Whether another note writes this (lower-case) word as an ordinary word: it then outweighs weak findings. */
  isWord?: (word: string) => boolean;
  /** The project's allow-list and pseudonyms (`fieldnotes.yaml`). */
  project?: AnonProject;
  /** Results per paragraph from the last check of this note: an edit re-reads only the paragraphs it touched. */
  cache?: AnonCache;
}

export interface AnonResult {
  findings: AnonFinding[];
  /** Names and places this note confirms, for the other notes' consistency pass. */
  confirmed: Map<string, AnonType>;
  /** The words this note writes in lower case, for the other notes' `isWord`. */
  vocabulary: WordList;
  /** Every capitalised word and name part the note holds: the names the other notes' knowledge can matter for. */
  mentions: WordList;
  /** Weak findings (lower case) the note's own words do not outweigh: the words `isWord` is asked about. */
  weakWords: ReadonlySet<string>;
  /** The study's people (coders, interviewers) the note's front matter names, as written: no finding in any note. */
  people: readonly string[];
  /** The persons it names in full where a researcher is named: the study's people where their initials are a coder's. */
  researchers: readonly string[];
  /** The groups of first names it gives for the research team's (`teamsOf`): the study's people where each fits a different coder. */
  teams: readonly string[];
  /** The authors the note cites (`Lipsky (1980)`): the literature's in every note of the study. */
  cited: readonly string[];
  /** The parts of the persons the note names in full: no author the study cites, here. */
  namedInFull: ReadonlySet<string>;
  /**
   * The study's code words its code ids give (`generell veiledning` of `forebygging/generell-veiledning`, the dimension
   * `kontaktvei`), in lower case: no name in any note, where no codebook says so.
   */
  codeWords: readonly string[];
}

/** What a paragraph yields on its own, offsets relative to it. */
interface ChunkResult {
  /** Markup characters in the paragraph: with its text, what a cached result is kept by. */
  masked: number;
  /** The language the paragraph was read in: its own, or, when its words did not tell (`decided` false), the one around it. */
  language: NoteLanguage;
  decided: boolean;
  capitalised: Word[];
  /** Words in capitals of two letters or more (`NAV`, `TEH`, `HAUGLAND`), offsets relative to the paragraph. */
  upper: Word[];
  /** The paragraph's lower-case words, in order, repeats included; not those of chat messages or quoted lines. */
  vocabulary: string[];
  /** The lower-case words of its quoted lines (`> …`), where names are written in lower case too. */
  quoted: string[];
  /** The chat and text messages the paragraph quotes. */
  chat: ChatMessage[];
  patterns: AnonFinding[];
  names: NameFinding[];
  hints: AnonFinding[];
}

/**
 * What a note yields before anything the workspace adds is weighed:
 * everything `known` and `isWord` do not change, so that the workspace's
 * pass over the same parse costs only what they change.
 */
interface NoteReading {
  note: ParsedNote;
  knowledge: NameKnowledge;
  /**
   * The capitalised words, three numbers each: where each starts in the
   * note, where its name part ends (`namePart`), and 1 if it starts a
   * sentence. Numbers rather than the words themselves, since the reading
   * is kept until the workspace's pass.
   */
  capitals: Int32Array;
  patterns: AnonFinding[];
  raw: NameFinding[];
  hints: AnonFinding[];
  vocabulary: WordList;
  /**
   * The vocabulary as a set, for the weak findings' first weighing; let go
   * after it (the reading is kept until the workspace's pass), and made
   * again from `vocabulary` should another project's allow-list ask.
   */
  vocabularySet: Set<string> | undefined;
  /** The lower-case words of its quoted lines, fenced blocks and words quoted alone: names are written in lower case there too. */
  quoted: ReadonlySet<string>;
  mentions: WordList;
  /** The chat and text messages the note quotes. */
  chat: ChatMessage[];
  /** Words in capitals (`TEH`, `HAUGLAND`), as pairs of offsets: where persons the note names may stand written so. */
  uppers: Int32Array;
  /** The transcript's speakers named by their names (`speakers.ts`). */
  speakers: NameFinding[];
  /** Reference-list entries and public figures' names: spans where no finding stands (made on the first check). */
  noOnesSpans?: { start: number; end: number }[];
  /** The same, before the authors the note cites in full are known. */
  listedNoOnes?: { start: number; end: number }[];
  /** Whether a finding lies inside one of them (made with them). */
  inNoOnes?: (f: AnonFinding) => boolean;
  /** Whether the note writes a word that names an account (`snap`, `brukernavnet`): where usernames are looked for after one. */
  namesAccounts: boolean;
  /** Whether the note writes a word for a piece of the literature (`typology`, `modellen`): where an author may be named by the work. */
  namesWorks: boolean;
  /** The surnames the note cites (made on the first check). */
  cited?: Set<string>;
  /** The names its phone keeps contacts under and the usernames it copies (made on the first check). */
  contacts?: AnonFinding[];
  /** The names a cue word stands by (`> hei even.`, `mvh yaman`, `mamma til ilhan`), made on the first check. */
  cued?: AnonFinding[];
  /** The words of its tables' short headers (`headerWords`). */
  labels?: Set<string>;
  /** The note's lower-case words that are common first names and no words (`anita`, `jonas`, `aminas`). */
  listedInLowerCase: string[];
  /** The note's capitalised words and names that it also writes in lower case (`rojin`, `rojins`). */
  mentionedInLowerCase: string[];
  /** The study's own people its front matter names (`coder: Kari Holm`), as written: no finding, here or in another note. */
  peopleNamed: string[];
  /** The groups of first names it gives for the research team's (`teamsOf`). */
  teams: string[];
  /** The persons it names in full where a researcher is named (`From: Aoife Kennelly`): the study's people with a coder's initials. */
  researchers: string[];
  people: StudyPeople;
  /** Where a finding ending there is dismissed by `<!-- anon-ok -->` after it. */
  dismissed: ReadonlySet<number>;
  /** The dimensions of the note's codes, in lower case (`kontaktvei` of `#kontaktvei/egen-henvendelse`): words, never names. */
  codeNames: ReadonlySet<string>;
  /** The note's codes' variations as phrases, in lower case (`via samarbeidspartnere`): a label the prose writes, never a name. */
  codePhrases: readonly string[];
  /** Initials that act as a person does in the note (`actingInitials`), made on first need. */
  actingInitials?: Set<string>;
  /** The study's code words the note's ids give, for the other notes (`AnonResult.codeWords`). */
  codeWords: readonly string[];
  /** The name findings left by the project's allow-list and the patterns, for the last project asked. */
  candidates?: { project: AnonProject | undefined; names: NameFinding[]; ordinaryHere: Set<NameFinding>; weakWords: Set<string> };
}

/** Kept per note by its caller (the language server, the CLI) between checks. */
export class AnonCache {
  /** Paragraph results by the paragraph's text (one per count of markup characters: the same words may be markup in one place, prose in another). */
  chunks = new Map<string, ChunkResult[]>();
  /**
   * @param keepParagraphs false for a note that is read once and not typed
   * in (a closed note): its paragraphs are then not kept or looked up.
   */
  constructor(readonly keepParagraphs = true) {}
  /** The last parse checked: checking it again (with the workspace's knowledge) reads nothing again. */
  reading: NoteReading | undefined;
}

/** A code id written in prose, read from its slash: a dimension, a slash, a variation whose words are joined by hyphens. */
const CODE_ID_AT_SLASH = /(?<![\p{L}\p{N}/.:@_-])\p{Ll}{3,}\/\p{Ll}+(?:-[\p{Ll}\p{N}]+)+(?![\p{L}\p{N}/@_-]|\.[\p{L}\p{N}])/uy;

/**
 * The code ids a note writes in its prose (not `og/eller`, a path or an address), found from the slashes themselves
 * (looked for with `indexOf`): most slashes are an annotation's, whose ids the note's segments give.
 */
function codeIdsInProse(text: string): string[] {
  const ids: string[] = [];
  for (let slash = text.indexOf('/'); slash !== -1; slash = text.indexOf('/', slash + 1)) {
    // (Back over the dimension's letters, at most a long word's length.)
    let start = slash;
    while (start > 0 && slash - start < 40 && isLowerLetter(text.charCodeAt(start - 1))) start--;
    if (slash - start < 3 || text.charCodeAt(start - 1) === 35) continue;
    CODE_ID_AT_SLASH.lastIndex = start;
    const m = CODE_ID_AT_SLASH.exec(text);
    if (m) ids.push(m[0]);
  }
  return ids;
}

/** A lower-case letter, ASCII or Norwegian (`æøå`), as code ids are written. */
const isLowerLetter = (code: number) => (code >= 97 && code <= 122) || code === 0xe6 || code === 0xf8 || code === 0xe5;

/** What separates the words of a code id. */
const CODE_ID_PARTS = /[/_.-]+/u;

/** Quotation marks around a word mentioned alone (`"stovner"`, `«sol»`, `'eik'`). */
const OPENING_QUOTES = new Set([...'"«“‘\''].map((c) => c.charCodeAt(0)));
const CLOSING_QUOTES = new Set([...'"»”’\''].map((c) => c.charCodeAt(0)));

/** A quoted line (`> …`). */
const QUOTED_LINE = /^[ \t]*>[^\n]*/gm;
/** A fenced block, from its opening fence to its closing one or the paragraph's end. */
const FENCED = /^[ \t]*(`{3,}|~{3,})[^\n]*\n[^]*?(?:^[ \t]*\1[ \t]*$|(?![^]))/gmu;

/** A word in capitals only. */
const ALL_CAPITALS = /^\p{Lu}{2,}$/u;

/** Paragraphs: a blank line ends every sentence, so each is read on its own. */
const BLANK_LINE = /\n[ \t]*\r?\n/g;

/**
 * Every identifying detail in a note: patterns (id numbers, phone numbers,
 * e-mail addresses, dates of birth), names of persons, places and
 * organisations, then every other mention of a name confirmed once
 * (`Heidi Lund` makes a later `Lund` a person too), and hints about
 * indirect identifiers. Markup (front-matter keys, code ids, placeholders)
 * is never read.
 */
export function checkAnonymity(note: ParsedNote, knowledge: NameKnowledge, options: AnonOptions = {}): AnonResult {
  const { text } = note;
  const cache = options.cache;
  const reading = cache?.reading?.note === note && cache.reading.knowledge === knowledge ? cache.reading : readNote(note, knowledge, cache);
  if (cache) cache.reading = reading;
  const { capitals, patterns, vocabulary, mentions } = reading;
  const project = options.project;
  /** Whether the project's allow-list lets a finding be. */
  const allowedByList = (f: AnonFinding) => !!project && allowedByProject(project, text, f.span.start, f.span.end);
  let candidates = reading.candidates;
  if (!candidates || candidates.project !== project) {
    // Each is a filter finding by finding, so they may run before the weak findings' (which depends on the workspace).
    const dismissed = reading.dismissed;
    const { codeNames, codePhrases } = reading;
    // (`Passer ikke i Via samarbeidspartnere`: a code's variation written out starts there.)
    const startsCodePhrase = (f: AnonFinding) => codePhrases.some((phrase) => text.slice(f.span.start, f.span.start + phrase.length).toLowerCase().replace(/\s+/gu, ' ') === phrase);
    const kept = (f: AnonFinding) =>
      !dismissed.has(f.span.end) &&
      !(codeNames.size && codeNames.has(f.text.toLowerCase())) &&
      !(codePhrases.length && startsCodePhrase(f)) &&
      !allowedByList(f);
    const allowed = project || dismissed.size || codeNames.size || codePhrases.length ? reading.raw.filter(kept) : reading.raw;
    const names = outside(allowed, patterns);
    // The weak findings the note's own words do not outweigh: only another note's words (`isWord`) can.
    const ordinaryHere = new Set<NameFinding>();
    const weakWords = new Set<string>();
    const words = reading.vocabularySet ?? new Set(vocabulary.words());
    const compounds = new CompoundEnds(words);
    for (const f of names) {
      if (!f.weak) continue;
      if (ordinary(f, words, compounds)) ordinaryHere.add(f);
      else weakWords.add(f.text.toLowerCase());
    }
    reading.candidates = candidates = { project, names, ordinaryHere, weakWords };
    reading.vocabularySet = undefined;
  }
  const isWord = options.isWord;
  const { ordinaryHere } = candidates;
  // Reference lists, titles of works after their year or number, public figures named in full in the note with their later
  // mentions by surname, and places named only as a broad area or a publisher's city hold no one to hide.
  const listed = (reading.listedNoOnes ??= [...referenceEntries(text), ...titles(text), ...publicFigures(text, mentions), ...broadPlaces(text, capitals, (name) => knowledge.isCounty(name))]);
  // The literature's authors, cited in the note (`Lipsky (1980)`), are the literature's where the note names them again
  // (`bare Lipsky som ramme`), unless a title or role says this one is someone else (`Mrs Hansen`).
  const cited = (reading.cited ??= citedAuthors(text, capitals, listed, (name) => knowledge.isFirstName(name) || knowledge.isPlace(name), reading.namesWorks));
  // (And an author cited with the first name before the surname: `Einar Niemi sine arbeid`, `Michael Lipsky (1980)`.)
  const references = (reading.noOnesSpans ??= cited.size ? [...listed, ...authorsInFull(text, capitals, cited, (name) => knowledge.isFirstName(name))] : listed);
  const inReference = (reading.inNoOnes ??= containedIn(references));
  // (Not a surname the note gives a person in full: `Synne Lie … Lie lovet` beside `(Berg, Lie og Moe, 2019)`.)
  const namedInFull = fullNameParts(references.length ? candidates.names.filter((f) => !inReference(f)) : candidates.names);
  const literature = namedInFull.size ? new Set([...cited].filter((name) => !namedInFull.has(name))) : cited;
  const anAuthor = (f: NameFinding) => literature.size > 0 && f.parts.length === 1 && isCitedAuthor(f.parts[0]!, f.evidence, literature);
  // A table's column named in prose (`slette alle kolonner unntatt Kode og Status`, `Created By: MT`), where no context says name.
  const labels = (reading.labels ??= headerWords(text));
  const aColumn = (f: NameFinding) => labels.size > 0 && labels.has(f.text) && !f.evidence.some((e) => e.kind === 'context' || e.kind === 'chat');
  const found = fullNamesFirst(
    candidates.names.filter(
      (f) => !(f.weak && (ordinaryHere.has(f) || (isWord && writtenAsWord(f.text.toLowerCase(), isWord)))) && !(references.length && inReference(f)) && !anAuthor(f) && !aColumn(f),
    ),
    options.known,
  );
  // A transcript's speakers named by their names, beside what the words show; they confirm the name like any finding.
  const speakers = outside(reading.speakers, found);
  const names = speakers.length ? [...found, ...speakers].sort((a, b) => a.span.start - b.span.start) : found;
  const confirmed = new Map<string, AnonType>();
  const people = reading.people;
  for (const name of names) {
    if (people.covers(name.text, name.evidence)) continue;
    // A list's word at a sentence start (`Sol skinte`) stands here, but is too little to make the word a name elsewhere. A word
    // answered alone (`Rojda.`) or capitalised inside a sentence that no note writes in lower case still is.
    if ((name.type !== 'person' && name.type !== 'place') || (name.weak && name.evidence.every((e) => e.kind === 'list'))) continue;
    // (A word in capitals is confirmed only as a person's initials alone, `YA`, for the notes that write them again: in a
    // longer name it is more often an acronym run into it, `Dawit's PPS`.)
    for (const part of name.parts) if (!confirmed.has(part) && !(name.parts.length > 1 && ALL_CAPITALS.test(part))) confirmed.set(part, name.type);
  }
  // Initials that act as a person does, twice or more (`KB thinks`, `KB wants`): a person's, here and in the other notes.
  const acting = reading.uppers.length ? (reading.actingInitials ??= actingInitials(text, reading.uppers)) : undefined;
  if (acting?.size) for (const word of acting) if (!people.covers(word) && !confirmed.has(word)) confirmed.set(word, 'person');
  // A name another note confirms is no name here where this note or another writes the word in lower case (`storm`).
  const ordinaryWord = (name: string) => writtenAsWord(name.toLowerCase(), (w) => vocabulary.has(w) || (isWord?.(w) ?? false));
  const again = consistency(text, capitals, patterns, names, confirmed, options.known, ordinaryWord, references, knowledge, literature).filter(
    (f) => !allowedByList(f),
  );
  const why = new Map<string, LowerCaseName>();
  // Names in lower case: a known first name (`tlf fra anita`) no other note writes as a word, or a person named here with a
  // capital (`hei det er rojin`); never one that is also a word, a surname or a place (`tone`, `strøm`, `berg`).
  for (const word of reading.listedInLowerCase) if (!(isWord?.(word) ?? false)) why.set(word, 'listed');
  const writtenInLowerCase = new Set(reading.mentionedInLowerCase);
  for (const [name, type] of confirmed) {
    if (type !== 'person' || !writtenInLowerCase.size) continue;
    const lower = name.toLowerCase();
    // (The lists are asked last: few names the note confirms are written in lower case too.)
    const asWritten = writtenInLowerCase.has(lower);
    const genitive = writtenInLowerCase.has(lower + 's');
    if ((!asWritten && !genitive) || lower === name || lower.length < 3 || isWordOrPlainName(lower, knowledge)) continue;
    // The name as written, and its genitive (`aminas`) where that is no word (`this`, not Thi's).
    if (asWritten) why.set(lower, 'confirmed');
    if (genitive && !isWordOrPlainName(lower + 's', knowledge)) why.set(lower + 's', 'confirmed');
  }
  // A chat's senders (`> juanca: Buenas!`) are persons in the note's prose too (`"juanca" is Juan Camilo's handle`).
  // Only a sender's first word: the rest may be what the phone adds (`sindre fotball`).
  for (const { sender } of reading.chat) {
    const first = /\p{L}[\p{L}\p{M}-]*/u.exec(text.slice(sender.start, sender.end))?.[0]?.toLowerCase();
    if (!first || first.length < 3 || isAnonymousSender(first)) continue;
    // As written, and in the genitive (`yasmin's question`, `kacpers mor`).
    const forms = [first, `${first}'s`, `${first}’s`, `${first}s`].filter((form) => vocabulary.has(form) || reading.quoted.has(form));
    if (forms.length && !isWordOrPlainName(first, knowledge)) for (const form of forms) why.set(form, 'confirmed');
  }
  // The markup, made again only where a pass below needs it (the reading does not keep it), and then once.
  let mask: Uint8Array | undefined;
  const markup = () => (mask ??= markupMask(note).mask);
  // The names a greeting, a closing or kin stands by (`> hei even.`, `mvh yaman`, `mamma til ilhan`), whatever the word is otherwise.
  const cued = (reading.cued ??= cuedNames(
    text,
    (word) => knowledge.isFirstName(word),
    (lower) => isWordOrPlainName(lower, knowledge),
    markup,
    (lower) => vocabulary.has(lower),
    (word) => knowledge.isFirstName(word) || knowledge.isSurname(word),
  ));
  // Its other places in the note, in lower case too (`mamma til ilhan` … `ilhan er 16`).
  for (const f of cued) if (f.text === f.text.toLowerCase() && !why.has(f.text) && !isWordOrPlainName(f.text, knowledge)) why.set(f.text, 'confirmed');
  const inLowerCase = why.size ? lowerCaseNames(text, why, markup) : [];
  const cuedAt = new Set(cued.map((f) => f.span.start));
  const inLowerCaseAll = cued.length ? [...inLowerCase.filter((f) => !cuedAt.has(f.span.start)), ...cued].sort((a, b) => a.span.start - b.span.start) : inLowerCase;
  const lowerCase = outside(inLowerCaseAll, [...patterns, ...names, ...again]).filter((f) => !allowedByList(f));
  const senders = reading.chat.length ? new Set(senderWords(text, reading.chat)) : undefined;
  // In a message, a known first name written in lower case is the name, unless it is also a word: a common one, an English
  // one, or one the study writes in lower case outside messages (`tone`).
  const listedName = (word: string) =>
    knowledge.isFirstName(word) && !AMBIGUOUS.has(word) && !NEVER_NAMES.has(word) && !knowledge.isEnglishWord?.(word.toLowerCase()) && !ordinaryWord(word) && !isPeopleOrLanguage(word) && !isCalendar(word);
  const isPerson = (word: string) => confirmed.get(word) === 'person' || options.known?.get(word) === 'person' || !!senders?.has(word.toLowerCase()) || listedName(word);
  // A place in a message's lower case (`isPlaceInLowerCase`: `i ørsta`, not `i moss`).
  const isPlaceInMessage = (word: string) => isPlaceInLowerCase(word, knowledge);
  // The names come in text order: one sweep leaves out those another finding already covers.
  // (A phone's contacts and the accounts' usernames name persons as a chat's senders do.)
  // (Not a placeholder's username, `[@venn1]`: markup, as every placeholder is.)
  const contacts = (reading.contacts ??= [...contactNames(text), ...handleNames(text, (name) => knowledge.isFirstName(name), reading.namesAccounts)].filter((f) => !markup()[f.span.start]));
  const senderAndHandles = reading.chat.length || contacts.length ? [...chatNames(text, reading.chat, isPerson, isPlaceInMessage, (lower) => isWordOrPlainName(lower, knowledge), senders), ...contacts] : [];
  // (A username stands for its owner wherever the note writes it: `sniperbaba04 is Farid`.)
  const handles = senderAndHandles.length ? handlesAgain(text, senderAndHandles) : [];
  const chat = senderAndHandles.length ? outside(outside(handles, senderAndHandles).concat(senderAndHandles).sort((a, b) => a.span.start - b.span.start), [...patterns, ...names, ...again]) : [];
  // Persons named here, written in capitals elsewhere: initials in a table (`TEH`), a name in a shouted line (`HAUGLAND`).
  // (Not a code in a table's column of countries: `| DK |` beside `Daryna Kovalenko` is Denmark.)
  const inCapitals =
    (names.length || options.known?.size || acting?.size) && reading.uppers.length
      ? outside(personsInCapitals(text, reading.uppers, names, (name) => confirmed.get(name) === 'person', options.known?.size || acting?.size ? (initials) => !!acting?.has(initials) || options.known?.get(initials) === 'person' : undefined), [...patterns, ...names, ...again, ...chat, ...countryCells(text)])
      : [];
  // A person named here, shortened to the first initial elsewhere in the note (`W. asks Mike`, `N.'s consent`).
  const initialsAlone = names.length
    ? outside(initialsOfNamed(text, markup, people.size ? names.filter((f) => !people.covers(f.text, f.evidence)) : names), [...patterns, ...names, ...again, ...chat, ...inCapitals])
    : [];
  // A note that writes names in lower case writes its places and workplaces so too (`far bur i florø`, `kiwi linderud`).
  const placesLower = lowerCase.some((f) => f.type === 'person' && !f.weak)
    ? outside(placesInLowerCase(text, knowledge, markup), [...patterns, ...names, ...again, ...lowerCase, ...chat]).filter(
        // (Not a word other notes write: `i runde` is a round, though Runde is an island.)
        (f) => !(isWord?.(f.text.split(/\s/u).pop()!) ?? false) && !allowedByList(f),
      )
    : [];
  const nameFindings = [...names.map(withoutParts), ...again, ...lowerCase, ...placesLower, ...chat, ...inCapitals, ...initialsAlone].filter(
    (f) => !(references.length && inReference(f)) && !(people.size && people.covers(f.text, f.evidence)),
  );
  // The study's people's e-mail addresses (`kari.holm@uib.no`) are theirs, as their names are.
  // (Also an address in brackets after one of their names: `Jonathan Hughes <jh@ungnav-prosjekt.no>`.)
  const studysPatterns = people.size ? patterns.filter((f) => f.type !== 'email' || !(people.covers(f.text) || people.covers(nameBeforeAddress(text, f.span.start)))) : patterns;
  // (And a date right after a person named in full, years before the note's own: their birth, `Kasia Nowak 14.09.2006`.)
  const inFull = nameFindings.filter((f) => f.type === 'person' && f.text.includes(' '));
  const ownPatterns = inFull.length ? [...studysPatterns, ...birthDatesAfterNames(text, inFull, noteYear(note), studysPatterns)] : studysPatterns;
  // (A region the front matter gives the case, `fylke: Viken`, is the study's own word: `studyPeople.ts`, `frontMatterRegions`.)
  const findings = [...ownPatterns, ...nameFindings, ...reading.hints].filter(notDismissed(reading)).sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  // A first name found only by the lists in lower case is weak: whether another note writes it as a word is asked too.
  const weakInLowerCase = lowerCase.filter((f) => f.weak).map((f) => f.text);
  const weakWords = weakInLowerCase.length ? new Set([...candidates.weakWords, ...weakInLowerCase]) : candidates.weakWords;
  // Names this note writes in lower case are not words it writes: other notes must not take `sigrid` for a word.
  const namesInLowerCase = new Set(lowerCase.map((f) => f.text));
  const words = namesInLowerCase.size ? WordList.of(vocabulary.words().filter((w) => !namesInLowerCase.has(w))) : vocabulary;
  return { findings: dropNested(findings), confirmed, vocabulary: words, mentions, weakWords, people: reading.peopleNamed, researchers: reading.researchers, teams: reading.teams, cited: [...literature], namedInFull, codeWords: reading.codeWords };
}


/** A name right before an address in angle brackets (`Jonathan Hughes <jh@…>`), or '' where none stands there. */
function nameBeforeAddress(text: string, at: number): string {
  return ADDRESSEE.exec(text.slice(Math.max(0, at - 60), at))?.[1] ?? '';
}
const ADDRESSEE = /(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){1,3})[ \t]*<$/u;

/**
 * Whether a finding stands despite the note's `<!-- anon-ok -->` markers:
 * not one that ends at a marker, however it was found (a pattern, another
 * note's name, a chat sender), nor a part of a dismissed name (`Storm` of
 * `Storm Hansen<!-- anon-ok -->`, which another `Storm` would flag again).
 */
function notDismissed(reading: NoteReading): (f: AnonFinding) => boolean {
  const ends = reading.dismissed;
  if (!ends.size) return () => true;
  const spans = [...reading.raw, ...reading.patterns].filter((f) => ends.has(f.span.end)).map((f) => f.span);
  return (f) => !ends.has(f.span.end) && !spans.some((s) => f.span.start >= s.start && f.span.end <= s.end);
}

/** The note paragraph by paragraph, each from the cache when its text and markup are as they were. */
function readNote(note: ParsedNote, knowledge: NameKnowledge, cache: AnonCache | undefined): NoteReading {
  const { text } = note;
  const markup = markupMask(note);
  const previous = cache?.chunks;
  const current = cache?.keepParagraphs === false ? undefined : new Map<string, ChunkResult[]>();
  const capitals: number[] = [];
  const uppers: number[] = [];
  const mentions = new Set<string>();
  const patterns: AnonFinding[] = [];
  const raw: NameFinding[] = [];
  const hints: AnonFinding[] = [];
  const vocabulary = new Set<string>();
  const quoted = new Set<string>();
  const chat: ChatMessage[] = [];
  // Messages under senders in capitals, a paragraph each: the note's chat where two or more stand in it.
  const oversAt: ChatMessage[] = [];
  const { starts } = markup;
  // A paragraph whose words do not tell its language (a heading, a short answer) is read in the one the front matter
  // declares, else in that of the last paragraph that told, else in Norwegian, as most of the study's notes are.
  const declared = frontMatterLanguage(note);
  let language: NoteLanguage = declared ?? 'no';
  const fits = (c: ChunkResult) => c.decided || c.language === language;
  let nextStart = 0;
  let start = 0;
  BLANK_LINE.lastIndex = 0;
  for (;;) {
    const blank = BLANK_LINE.exec(text);
    const end = blank ? blank.index + 1 : text.length;
    if (end > start) {
      const mask = markup.mask.subarray(start, end);
      const masked = maskedCount(mask);
      const paragraph = text.slice(start, end);
      const here = current?.get(paragraph);
      let chunk = here?.find((c) => c.masked === masked && fits(c)) ?? previous?.get(paragraph)?.find((c) => c.masked === masked && fits(c));
      if (!chunk) {
        while (nextStart < starts.length && starts[nextStart]! < start) nextStart++;
        const chunkStarts: number[] = [];
        for (let s = nextStart; s < starts.length && starts[s]! < end; s++) chunkStarts.push(starts[s]! - start);
        chunk = readChunk(paragraph, { mask, starts: chunkStarts }, knowledge, masked, language);
      }
      if (!declared && chunk.decided) language = chunk.language;
      if (!here) current?.set(paragraph, [chunk]);
      else if (!here.includes(chunk)) here.push(chunk);
      for (const word of chunk.upper) {
        uppers.push(start + word.start, start + word.end);
        // (Short capitals are mentions too: initials another note gives a person, `YA`, reach this note so.)
        if (word.text.length <= 4) mentions.add(word.text);
      }
      for (const word of chunk.capitalised) {
        const part = namePart(word);
        capitals.push(start + word.start, start + part.end, word.sentenceStart ? 1 : 0);
        mentions.add(part.text);
      }
      for (const f of chunk.patterns) patterns.push(shift(f, start));
      for (const f of chunk.names) raw.push(shiftName(f, start));
      for (const f of chunk.hints) hints.push(shift(f, start));
      for (const word of chunk.vocabulary) vocabulary.add(word);
      for (const word of chunk.quoted) quoted.add(word);
      for (const message of chunk.chat) chat.push({ sender: shiftSpan(message.sender, start), body: shiftSpan(message.body, start) });
      const over = chunk.chat.length ? undefined : senderOverMessage(paragraph);
      if (over) oversAt.push({ sender: shiftSpan(over.sender, start), body: shiftSpan(over.body, start) });
      start = end;
    }
    if (!blank) break;
  }
  if (cache && current) cache.chunks = current;
  // A date of birth in one paragraph, written again in another (`born 8 Nov 2006` … `08.11.06`).
  for (const f of birthDatesAnswered(text)) if (!markup.mask[f.span.start] && !patterns.some((p) => p.span.start <= f.span.start && p.span.end > f.span.start)) patterns.push(f);
  for (const f of idNumbersOfBirthDates(text, patterns)) if (!markup.mask[f.span.start]) patterns.push(f);
  for (const f of birthDatesAgain(text, patterns)) if (!markup.mask[f.span.start] && !patterns.some((p) => p.span.start <= f.span.start && p.span.end > f.span.start)) patterns.push(f);
  for (const f of idNumbersAgain(text, patterns)) if (!markup.mask[f.span.start]) patterns.push(f);
  for (const name of raw) for (const part of name.parts) mentions.add(part);
  if (oversAt.length >= 2) {
    chat.push(...oversAt);
    chat.sort((a, b) => a.sender.start - b.sender.start);
  }
  // The study's own words, as its codes write them (`kontaktvei/via-samarbeidspartnere`): a label written in prose with a
  // capital (`Kontaktvei`) is then a word the study writes in lower case, even where no codebook is at hand; and a
  // dimension's name is never a name, whatever stands before it (`på Kontaktvei`).
  const codeNames = new Set<string>();
  const codePhrases = new Set<string>();
  // (And the code ids a memo writes in its prose, `Eg flyttar det til forebygging/generell-veiledning`: a dimension, a slash,
  // a variation of words joined by hyphens.)
  const inProse = codeIdsInProse(text);
  const ids = [...note.segments.flatMap((segment) => segment.annotation.body.codes.map((code) => code.id)), ...inProse];
  // (A code's id stands at each of its segments: each id is read once.)
  const idWords = new Set<string>();
  for (const written of new Set(ids)) {
    const id = written.toLowerCase();
    for (const word of id.split(CODE_ID_PARTS)) {
      if (word.length > 1) vocabulary.add(word);
      if (word.length >= 4) idWords.add(word);
    }
    codeNames.add(id.split('/', 1)[0]!);
    const variation = id.split('/')[1]?.split(/[-_]+/u).filter(Boolean);
    if (variation && variation.length > 1) codePhrases.add(variation.join(' '));
  }
  // (The quoted lines' words are asked beside the rest rather than copied in with them: most notes write thousands of words.)
  const inLowerCase = (word: string) => vocabulary.has(word) || quoted.has(word);
  // The capitalised words and names the note also writes in lower case, and their genitives: where a person it names may be.
  const mentionedInLowerCase: string[] = [];
  for (const mention of mentions) {
    const lower = mention.toLowerCase();
    if (lower === mention) continue;
    if (inLowerCase(lower)) mentionedInLowerCase.push(lower);
    if (inLowerCase(lower + 's')) mentionedInLowerCase.push(lower + 's');
  }
  const listedInLowerCase = firstNamesAmong(vocabulary, knowledge);
  // (A memo in a quote block names its reading too: `> Merk at Thøgersen sine kategoriar …`.)
  const namesWorks = mayNameWorks({ has: (word) => vocabulary.has(word) || quoted.has(word) }, mentions);
  const namesAccounts = mayNameAccounts(vocabulary, mentions);
  if (quoted.size) for (const word of firstNamesAmong(quoted, knowledge)) if (!vocabulary.has(word)) listedInLowerCase.push(word);
  const fullNames = raw.filter((f) => f.type === 'person' && f.parts.length >= 2);
  const researchers = researchersNamed(note, fullNames, mentions);
  // (A review's quote settles pseudonyms as prose does: `> Seren is a lovely pseudonym`.)
  const peopleNamed = [
    ...studyPeopleOf(note, (word) => knowledge.isFirstName(word), researchers, mayDeclarePseudonyms({ has: (word) => vocabulary.has(word) || quoted.has(word) })),
    ...academicsNamed(note, fullNames),
  ];
  const teams = teamsOf(text, chat, (word) => vocabulary.has(word) || quoted.has(word) || mentions.has(word));
  // (And the words of the ids, `generell` of `generell-veiledning`, but for those that are names or places too.)
  const codeWords = new Set([...codeNames, ...codePhrases]);
  for (const word of idWords) {
    const name = capitalised(word);
    if (!knowledge.isFirstName(name) && !knowledge.isSurname(name) && !knowledge.isPlace(name)) codeWords.add(word);
  }
  return { note, knowledge, namesWorks, namesAccounts, peopleNamed, researchers, teams, people: new StudyPeople(peopleNamed), listedInLowerCase, mentionedInLowerCase, capitals: Int32Array.from(capitals), patterns, raw, hints, vocabulary: WordList.of(vocabulary), vocabularySet: vocabulary, quoted, mentions: WordList.of(mentions), dismissed: dismissedEnds(text), codeNames, codePhrases: [...codePhrases], codeWords: [...codeWords], chat, uppers: Int32Array.from(uppers), speakers: speakerNames(note, isPersonCue, (lower) => isWordOrPlainName(lower, knowledge)).map((f) => ({ ...f, parts: [capitalised(f.text)] })) };
}

/** How many characters are markup: counted run by run (markup is a few short runs in long prose). */
function maskedCount(mask: Uint8Array): number {
  let count = 0;
  for (let start = mask.indexOf(1); start !== -1; ) {
    const end = mask.indexOf(0, start);
    if (end === -1) return count + mask.length - start;
    count += end - start;
    start = mask.indexOf(1, end);
  }
  return count;
}

const shiftSpan = (span: { start: number; end: number }, by: number) => ({ start: span.start + by, end: span.end + by });
/** A finding moved by `by`, built field by field: every finding then has one shape, which a spread of varied objects does not give. */
function shift(f: AnonFinding, by: number): AnonFinding {
  const moved: AnonFinding = { type: f.type, span: shiftSpan(f.span, by), text: f.text, score: f.score, evidence: f.evidence };
  if (f.weak) moved.weak = true;
  return moved;
}

function shiftName(f: NameFinding, by: number): NameFinding {
  return Object.assign(shift(f, by), { parts: f.parts });
}

function readChunk(text: string, markup: Markup, knowledge: NameKnowledge, masked: number, fallback: NoteLanguage): ChunkResult {
  const words = wordsOf(text, markup);
  const own = languageOfWords(words);
  const language = own ?? fallback;
  const patterns = findPatterns(text).filter((f) => !markup.mask[f.span.start]);
  const vocabulary: string[] = [];
  const capitalised: Word[] = [];
  const upper: Word[] = [];
  // The words of an e-mail address (`adaeze.okafor@…`) are a name's, not words the note writes.
  // Nor are a chat message's: chats write everything in lower case (`hei sara`, a sender `yara`), so there a lower-case
  // word says nothing of whether it is a name.
  const chat = chatMessages(text);
  // Most paragraphs have neither: then no word is asked about them.
  const inPattern = patterns.length ? insideOf(patterns.map((f) => f.span)) : undefined;
  const inChat = chat.length ? insideOf(chat.flatMap((m) => [m.sender, m.body])) : undefined;
  // Nor are a quoted line's (`> hei det er mustafe`): messages and speech quoted so write names in lower case too. They are
  // kept apart, where names written in lower case are looked for.
  // So are a fenced block's (a chat or a log retyped as it was: `[snap] semhar: my uncle maybe`).
  const quotedSpans = text.includes('>') ? [...text.matchAll(QUOTED_LINE)].map((m) => ({ start: m.index, end: m.index + m[0].length })) : [];
  const fenced = text.includes('```') || text.includes('~~~') ? [...text.matchAll(FENCED)].map((m) => ({ start: m.index, end: m.index + m[0].length })) : [];
  // (`insideOf` sweeps spans that do not nest: a quoted line inside a block is the block's.)
  const spans = fenced.length ? [...fenced, ...quotedSpans.filter((q) => !fenced.some((f) => f.start <= q.start && q.end <= f.end))] : quotedSpans;
  const inQuote = spans.length ? insideOf(spans) : undefined;
  const quoted: string[] = [];
  for (const word of words) {
    if (!word.capitalised) {
      // All three are asked of every lower-case word, in text order.
      if (inPattern?.(word.start) || inChat?.(word.start)) continue;
      // A word quoted alone is mentioned, not used (`"stovner" is lower case in the chat`): kept with the quoted lines'.
      if (inQuote?.(word.start) || (OPENING_QUOTES.has(text.charCodeAt(word.start - 1)) && CLOSING_QUOTES.has(text.charCodeAt(word.end)))) quoted.push(word.text);
      else vocabulary.push(word.text);
    } else if (!word.upper) capitalised.push(word);
    else if (word.text.length > 1) upper.push(word);
  }
  return {
    masked,
    language,
    quoted,
    decided: own !== undefined,
    capitalised,
    upper,
    vocabulary,
    patterns,
    chat,
    names: namesOf(text, words, markup.mask, knowledge, language),
    hints: indirectHints(text, markup.mask),
  };
}

/**
 * Whether an offset lies inside one of the spans, which do not overlap,
 * asked of offsets in increasing order: one sweep over the spans, whatever
 * their number.
 */
function insideOf(spans: { start: number; end: number }[]): (at: number) => boolean {
  const sorted = spans.sort((a, b) => a.end - b.end);
  let next = 0;
  return (at) => {
    while (next < sorted.length && sorted[next]!.end <= at) next++;
    return next < sorted.length && sorted[next]!.start <= at;
  };
}

/** A paragraph's names: from its words, its initials, and the same names written beside them in their own script. */
function namesOf(text: string, words: Word[], mask: Uint8Array, knowledge: NameKnowledge, language: NoteLanguage): NameFinding[] {
  const listed = findNames(text, words, knowledge, language).filter((f) => f.score >= THRESHOLD);
  // (A table's column of names names persons whatever the words are otherwise: it stands where the words' own finding does.)
  const inColumns = mayHoldTable(text) ? outside(namesInColumns(text, (word) => knowledge.isCountry(word) || isCountryName(word)).filter((c) => !mask[c.span.start]), listed.filter((f) => !f.weak)) : [];
  const names = inColumns.length ? [...outside(listed, inColumns), ...inColumns].sort((a, b) => a.span.start - b.span.start) : listed;
  const initials = findInitials(text, mask, words).concat(
    [...initialsInKey(text, (name) => knowledge.isPlace(name) || knowledge.isCountry(name) || isCountryName(name)), ...cuedInitials(text)].filter((f) => !mask[f.span.start]),
  );
  const all = initials.length ? names.concat(initials) : names;
  const ownScript = namesInOwnScript(text, words, all, mask);
  // Kept in text order; most paragraphs add nothing to the words' names.
  return initials.length || ownScript.length ? all.concat(ownScript).sort((a, b) => a.span.start - b.span.start) : names;
}

/**
 * A weak finding (a list match or a word standing alone, at a sentence
 * start) written as an ordinary word in this note: as it is, inflected,
 * or, for a word standing alone, as the end of a compound (`Tid.` beside
 * `kontortid`; not for names, since `tida` ends in `Ida`). Other notes'
 * words count too, as written or inflected (`isWord`).
 */
function ordinary(finding: AnonFinding, vocabulary: ReadonlySet<string>, compounds: CompoundEnds): boolean {
  const lower = finding.text.toLowerCase();
  if (writtenAsWord(lower, (w) => vocabulary.has(w))) return true;
  return finding.evidence.some((e) => e.kind === 'shape' && e.cue === 'alone') && lower.length > 2 && compounds.endsOne(lower);
}

/**
 * Whether a word ends one of the note's lower-case words as the last part
 * of a compound (`tid` in `kontortid`): the words reversed and sorted, so a
 * question is a binary search rather than a scan of the vocabulary. Built
 * on the first question; most notes never ask.
 */
class CompoundEnds {
  private reversed: string[] | undefined;
  constructor(private readonly vocabulary: ReadonlySet<string>) {}

  endsOne(word: string): boolean {
    const sorted = (this.reversed ??= [...this.vocabulary].map(reverse).sort());
    const end = reverse(word);
    for (let i = firstIndex(sorted.length, (at) => sorted[at]! >= end); i < sorted.length && sorted[i]!.startsWith(end); i++) {
      if (sorted[i]!.length > word.length + 2) return true;
    }
    return false;
  }
}

const reverse = (word: string) => [...word].reverse().join('');

/**
 * A word that is part of a person's full name in this note is that person
 * elsewhere too (`Heidi Lund` ... `fordi Lund er`), though it is also a
 * place; and the workspace's knowledge decides between person and place
 * where this note's words do not.
 */
function fullNamesFirst(names: NameFinding[], known: ReadonlyMap<string, AnonType> | undefined): NameFinding[] {
  const surnames = new Set(names.filter((n) => n.type === 'person' && n.parts.length > 1).flatMap((n) => n.parts));
  return names.map((n) => {
    if (n.parts.length !== 1) return n;
    const part = n.parts[0]!;
    // A person only by its shape (`Láhpoluoppal har …`) is the place another note says it is.
    if (n.type === 'person' && known?.get(part) === 'place' && n.evidence.every((e) => e.kind === 'shape' || e.kind === 'capitalised')) {
      return { ...n, type: 'place', evidence: [...n.evidence, { kind: 'consistency', where: 'workspace' }] };
    }
    if (n.type !== 'place') return n;
    if (surnames.has(part)) return { ...n, type: 'person', evidence: [...n.evidence, { kind: 'consistency', where: 'note' }] };
    if (known?.get(part) === 'person' && !n.evidence.some((e) => e.kind === 'context')) return { ...n, type: 'person', evidence: [...n.evidence, { kind: 'consistency', where: 'workspace' }] };
    return n;
  });
}


/** The parts of the persons a note names in full (`Synne Lie`): participants, whoever the literature shares a name with. */
function fullNameParts(names: readonly NameFinding[]): ReadonlySet<string> {
  const parts = new Set<string>();
  for (const f of names) if (f.type === 'person' && f.parts.length >= 2) for (const part of f.parts) parts.add(part);
  return parts;
}

/** Other mentions of names found once, even where they alone would not count (a sentence start). */
function consistency(
  text: string,
  capitals: Int32Array,
  patterns: AnonFinding[],
  names: AnonFinding[],
  confirmed: Map<string, AnonType>,
  known: ReadonlyMap<string, AnonType> | undefined,
  ordinaryWord: (name: string) => boolean,
  noOnes: { start: number; end: number }[],
  knowledge: NameKnowledge,
  cited: ReadonlySet<string>,
): AnonFinding[] {
  const out: AnonFinding[] = [];
  // `Богдан` for `Bohdan`: the note's persons by their Latin spelling's loose key, made once a Cyrillic word asks.
  let personKeys: Map<string, string> | undefined;
  const inLatin = (word: string): string | undefined => {
    personKeys ??= new Map([...confirmed].filter(([, type]) => type === 'person').map(([name]) => [looseLatinKey(withoutGenitive(name) ?? name), name]));
    for (const key of cyrillicNameKeys(word)) {
      const name = personKeys.get(key);
      if (name) return name;
    }
    return undefined;
  };
  // Words and findings both run in text order: one sweep tells whether a word lies inside a finding.
  // A public figure's name is no one's to hide, even where a participant shares a part of it (`Jonas`).
  const spans = [...patterns, ...names].map((f) => f.span).concat(noOnes).sort((a, b) => a.start - b.start);
  let at = 0;
  let reach = -1;
  const covered = (start: number) => {
    while (at < spans.length && spans[at]!.start <= start) reach = Math.max(reach, spans[at++]!.end);
    return start < reach;
  };
  for (let i = 0; i < capitals.length; i += 3) {
    const start = capitals[i]!;
    if (covered(start)) continue;
    const end = capitals[i + 1]!;
    const name = text.slice(start, end);
    // `Yaras`, `Callum's`, `Jonas'`: a genitive is its name's (asked only when the word itself is no name found).
    const direct = confirmed.has(name) || known?.has(name);
    const base = direct ? undefined : withoutGenitive(name);
    const key = direct ? name : base && (confirmed.has(base) || known?.has(base)) ? base : isCyrillic(name) ? inLatin(name) : undefined;
    // (A single letter is no name to carry: `D` of `Joy D.C.` is not the `D` of `D-nummer`.)
    if (!key || key.length < 2) continue;
    // (`Ungdom 12`, `Rådgiver B`: the study's pseudonym, a word the study writes in lower case and its number, though the note
    // confirms the word; not a name before a code or a number, `Hodan K11`, `K. Mensah 27010360116`, nor English's `I`.)
    if (text.charCodeAt(end) === 32 && ROLE_NUMBER_AFTER.test(text.slice(end, end + 8)) && !text.startsWith(' I ', end) && ordinaryWord(key) && !(knowledge.isFirstName(key) || knowledge.isSurname(key) || knowledge.isPlace(key))) continue;
    // `May` confirmed as a person is not the month of `in May`.
    if (isCalendar(name) && inDateContext(text, start, end)) continue;
    if (isCitation(text, start, end) || inPublicBody(text, start, end) || cited.has(key)) continue;
    // `Will they call me?`, `Mark my words`: a name that is also an English word, used as one at a sentence start.
    if (capitals[i + 2] === 1 && knowledge.isEnglishWord?.(name.toLowerCase()) && englishWordAfter(text, end, knowledge.isEnglishWord, name)) continue;
    // `His caseworker …` at a sentence start, where `His` (Hisøy) is a place elsewhere in the note.
    if (capitals[i + 2] === 1 && isEnglishFunctionWord(name) && !knowledge.isFirstName(name) && !speaksHere(text, end)) continue;
    const local = confirmed.has(key);
    // A task's first word is its verb (`- [ ] Mark transcripts`, `- [ ] Bill the car`), where the name is also a word.
    // (Not the note's person before a Norwegian verb in the present: `- Moe tilbyr to økter`.)
    if (capitals[i + 2] === 1 && opensListItem(text, start) && (AMBIGUOUS.has(name) || knowledge.isEnglishWord?.(name.toLowerCase())) && !speaksHere(text, end) && !/^ \p{Lu}/u.test(text.slice(end, end + 2)) && !(local && PRESENT_TENSE_AFTER.test(text.slice(end, end + 20)))) continue;
    // A sentence-opening pronoun (`Vår tanke er`) is no one, though a note names a `Vår`, unless it speaks or stands by a person.
    if (capitals[i + 2] === 1 && NEVER_NAMES.has(key) && !speaksHere(text, end)) continue;
    // A word the study writes in lower case is a name elsewhere only where nothing makes it a word: another note's name
    // never; this note's name, if it is also a common Norwegian word, not at a sentence start (`Sommer og jul er verst`),
    // unless it is a speaker's label or says something.
    if (ordinaryWord(key) && (!local || (capitals[i + 2] === 1 && AMBIGUOUS.has(key) && !speaksHere(text, end)))) continue;
    out.push({
      type: (confirmed.get(key) ?? known!.get(key))!,
      span: { start, end },
      text: text.slice(start, end),
      score: 0.85,
      evidence: [{ kind: 'consistency', where: local ? 'note' : 'workspace' }],
    });
  }
  return out;
}

/** A Norwegian verb in the present right after a word (`tilbyr`, `kommer`, `seier`): the word is its subject. */
const PRESENT_TENSE_AFTER = /^ \p{Ll}{2,}(?:er|ar|ir|yr|år)(?![\p{L}])/u;

/**
 * A speaker's label (`**Storm:**`, `Storm:`), a verb of saying after the
 * word (`Storm sa`, `Hope said`), or a person beside it (`Sol og jeg`): the
 * word is a person here.
 */
function speaksHere(text: string, end: number): boolean {
  const after = text.slice(end, end + 24);
  if (/^\*{0,2}[ \t]*:/u.test(after) || WITH_A_PERSON.test(after)) return true;
  // `Ask, en gutt fra …`, `Kofi er lillebroren`, `Frank books him`: a person said of the word just after it.
  if (personSaidAfter(text.slice(end, end + 48))) return true;
  const verb = /^ (\p{L}+)/u.exec(after)?.[1];
  return verb !== undefined && HUMAN_VERBS.has(verb);
}

const WITH_A_PERSON = /^,? (?:og|and|&) (?:jeg|eg|meg|hun|han|ho|vi|me|I|he|she|we|\p{Lu}\p{Ll}+)(?!\p{L})/u;

const NUMBER = '(?:\\d{1,2}|elleve|tolv|tretten|fjorten|femten|seksten|sytten|atten|nitten|tjue|tjueen|tjueto|tjuetre|tjuefire|tjuefem|tretti|førti|femti|seksti|sytti|åtti)';
/** An age said of someone: `hun var sytten`, `en gutt på 16 år`, `15-åringen`. */
const AGE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:han|hun|gutten|jenta|jenten|eleven|sønnen|datteren|ungdommen|moren|mora|faren|broren|søsteren) (?:er|var|ble|blir|fyller|fylte) ${NUMBER}(?: år(?: gammel| gamle)?)?|(?:gutt|jente|elev|ungdom|sønn|datter)\\p{L}* på ${NUMBER}(?: år)?|${NUMBER}-åring(?:en)?)(?![\\p{L}\\p{N}])`,
  'giu',
);
const ONLY_ONE = /(?<![\p{L}\p{N}])(den|det|de) eneste \p{L}+/giu;
/**
 * What every match of each holds, looked for first: a paragraph without it
 * is not searched (the full expressions are slow to run over every
 * character). The same flags, so the same letters match.
 */
const MAY_HOLD_AGE = new RegExp(` (?:er|var|ble|blir|fyller|fylte|på) ${NUMBER}|-åring`, 'iu');
const MAY_HOLD_ONLY_ONE = /eneste/iu;

/** An exact age, `the only ... in the municipality`: not identifying alone, but worth a reviewer's look. */
function indirectHints(text: string, mask: Uint8Array): AnonFinding[] {
  const hints: AnonFinding[] = [];
  for (const pattern of [AGE, ONLY_ONE]) {
    if (!(pattern === AGE ? MAY_HOLD_AGE : MAY_HOLD_ONLY_ONE).test(text)) continue;
    for (const match of text.matchAll(pattern)) {
      if (mask[match.index]) continue;
      const span = { start: match.index, end: match.index + match[0].length };
      hints.push({ type: 'indirect', span, text: match[0], score: 0.5, evidence: [{ kind: 'indirect', cue: pattern === AGE ? 'age' : 'only-one' }] });
    }
  }
  return hints;
}

/** The findings that overlap none of `others` (both in text order: one sweep). */
function outside<T extends AnonFinding>(findings: T[], others: AnonFinding[]): T[] {
  const spans = others.map((o) => o.span).sort((a, b) => a.start - b.start);
  let at = 0;
  return findings.filter((f) => {
    while (at < spans.length && spans[at]!.end <= f.span.start) at++;
    // Spans are short and rarely nest, so the few that start before this finding ends are checked one by one.
    for (let i = at; i < spans.length && spans[i]!.start < f.span.end; i++) if (spans[i]!.end > f.span.start) return false;
    return true;
  });
}

/** A table's column of countries (`| country |`, `| land |`): its cells hold country codes, not initials. */
const COUNTRY_COLUMN = /^(?:country|countries|land|nation|nasjon|country code|landkode)$/iu;

/** The cells of a table's column of countries, as findings' spans to leave out. */
function countryCells(text: string): AnonFinding[] {
  if (!text.includes('|')) return [];
  return columnCells(text, COUNTRY_COLUMN).map((c) => ({ type: 'place', span: { start: c.start, end: c.start + c.text.length }, text: c.text, score: 0, evidence: [] }));
}

/**
 * Whether a finding lies wholly inside one of the spans, asked in any order: the spans sorted by start with the furthest
 * end reached so far, and a binary search per finding (a note that names a public figure 20,000 times is not read
 * 20,000 times per finding).
 */
function containedIn(spans: readonly { start: number; end: number }[]): (f: AnonFinding) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts = sorted.map((s) => s.start);
  const reach: number[] = [];
  for (const s of sorted) reach.push(Math.max(s.end, reach.length ? reach[reach.length - 1]! : -1));
  return (f) => {
    let low = 0;
    let high = starts.length - 1;
    let last = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! <= f.span.start) {
        last = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return last >= 0 && reach[last]! >= f.span.end;
  };
}

function withoutParts(finding: NameFinding): AnonFinding {
  const { parts: _parts, ...rest } = finding;
  return rest;
}

/** Where two findings overlap, the one that starts first and reaches furthest stands (hints never hide findings). */
function dropNested(sorted: AnonFinding[]): AnonFinding[] {
  const out: AnonFinding[] = [];
  let reach = -1;
  for (const finding of sorted) {
    if (finding.type !== 'indirect' && finding.span.start < reach) continue;
    out.push(finding);
    if (finding.type !== 'indirect') reach = Math.max(reach, finding.span.end);
  }
  return out;
}

/** The year of the note's own date in its front matter (`date: 2024-03-12`), if it has one. */
function noteYear(note: ParsedNote): number | undefined {
  if (!note.frontMatter) return undefined;
  const m = /^date[ \t]*:[ \t]*["']?(\d{4})-\d{2}-\d{2}/mu.exec(note.text.slice(note.frontMatter.valueSpan.start, note.frontMatter.valueSpan.end));
  return m ? Number(m[1]) : undefined;
}
