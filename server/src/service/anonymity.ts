import { AnonCache, checkAnonymity, type AnonResult } from '../core/anon/check.js';
import { lexicon } from '../core/anon/lexicon.js';
import type { NameKnowledge } from '../core/anon/names.js';
import type { AnonFinding, AnonType } from '../core/anon/types.js';
import { WorkspaceNames } from '../core/anon/workspaceNames.js';
import { codebookTerms, type CodebookTerms } from '../core/anon/codebookTerms.js';
import { StudyPeople } from '../core/anon/studyPeople.js';
import { isCitedAuthor, withoutGenitive } from '../core/anon/literature.js';
import type { ParsedNote } from '../core/dialect/model.js';
import type { AnonProject } from '../core/anon/anonSettings.js';
import type { ProjectFiles } from './projectFiles.js';
import type { WorkspaceIndex } from './workspace.js';

/**
 * The anonymization findings of every note, with the workspace's
 * consistency pass: a name confirmed in one note is flagged in the
 * others. Each note is checked on its own once per parse; what the notes
 * confirm is kept in `WorkspaceNames`, updated for the notes that changed
 * (the index says which), so a note's findings cost the note, not the
 * workspace.
 */
/** The findings that are names (patterns and hints are never a codebook's words). */
const NAME_TYPES: ReadonlySet<string> = new Set(['person', 'place', 'org']);
/** The findings the study's people may stand in: their names, and their e-mail addresses. */
const PEOPLE_TYPES: ReadonlySet<string> = new Set(['person', 'email']);

export class WorkspaceAnonymity {
  private readonly names = new WorkspaceNames();
  private readonly own = new Map<string, { parsed: ParsedNote; project: AnonProject; result: AnonResult }>();
  /** Per note: its paragraphs' results from the last check, so that typing re-reads one paragraph. */
  private readonly caches = new Map<string, AnonCache>();
  private readonly withWorkspace = new WeakMap<ParsedNote, { known: string; project: AnonProject; findings: AnonFinding[] }>();
  /** Notes changed since their own result was last taken into `names`. */
  private readonly changed = new Set<string>();
  /** The project files' generation every own result was made with (an allow-list change reaches every note). */
  private projectGeneration: number | undefined;
  /** The codebooks' generation what the notes share was made with (`shared`). */
  private codebookGeneration: number | undefined;
  /** Notes whose findings changed because another note changed, not yet handed to `takeConcerned`. */
  private readonly concerned = new Set<string>();
  /** The study's people (coders, interviewers, reviewers) the notes name, with how many notes name each. */
  private readonly peopleCounts = new Map<string, number>();
  /** The persons the notes name where a researcher stands, with how many notes name each: theirs where a coder's initials are. */
  private readonly researcherCounts = new Map<string, number>();
  /** The groups of first names the notes give for the team's (`team.ts`), with how many notes give each: theirs where each fits a coder. */
  private readonly teamCounts = new Map<string, number>();
  /** Their names, initials and surnames: no finding in any note (`StudyPeople`). */
  private people = new StudyPeople([]);
  /** The authors the notes cite, with how many notes cite each: the literature's in every note (`isCitedAuthor`). */
  private readonly citedCounts = new Map<string, number>();
  /** The parts of the persons the notes name in full (`Kim Eriksen`), with how many notes name each: no author's alone. */
  private readonly inFullCounts = new Map<string, number>();
  /**
   * The cited authors as the notes' findings and shared names are made with: taken from the counts when they change.
   * Not one the study also names a person in full by (`Kim (2021)` beside `Kim Eriksen`): the note that cites the
   * author knows the author's mentions; in the other notes the word is the person's.
   */
  private cited: ReadonlySet<string> = new Set();
  /** The code words the notes' code ids give (`AnonResult.codeWords`), with how many notes give each. */
  private readonly codeWordCounts = new Map<string, number>();
  /** Those words: no name in any note, the study's own (where a note has no codebook that says so, `CodebookTerms`). */
  private codeWords: ReadonlySet<string> = new Set();
  /** The counts changed during a check of every note: the study's people and cited authors are settled once, after it. */
  private studyWordsUnsettled = false;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly projects: ProjectFiles,
    private readonly knowledge: NameKnowledge = lexicon(),
  ) {
    index.onNoteChange((uri) => this.changed.add(uri));
  }

  findings(uri: string): AnonFinding[] {
    this.catchUp();
    const own = this.own.get(uri);
    if (!own) return [];
    const workspace = this.names.forNote(uri);
    if (!workspace) {
      this.forgetClosed(uri);
      return this.withoutStudyWords(uri, own.result.findings);
    }
    const cached = this.withWorkspace.get(own.parsed);
    if (cached?.known === workspace.key && cached.project === own.project) return this.withoutStudyWords(uri, cached.findings);
    const findings = checkAnonymity(own.parsed, this.knowledge, { known: workspace.known, isWord: workspace.isWord, project: own.project, cache: this.cacheOf(uri) }).findings;
    this.withWorkspace.set(own.parsed, { known: workspace.key, project: own.project, findings });
    this.forgetClosed(uri);
    return this.withoutStudyWords(uri, findings);
  }

  /**
   * The note's codebook's own words are never names (`CodebookTerms`), nor
   * are the study's own people, whichever note names them (`StudyPeople`):
   * taken out of its findings, and of what it confirms for the other
   * notes. Applied to a note's result rather than inside its check, so
   * that an edit to the codebook or to another note's front matter costs
   * no note a second reading.
   */
  private withoutStudyWords(uri: string, findings: AnonFinding[]): AnonFinding[] {
    const terms = this.termsOf(uri);
    if (!terms && !this.people.size && !this.cited.size && !this.codeWords.size) return findings;
    const namedInFull = this.own.get(uri)?.result.namedInFull;
    return findings.filter((f) => !(NAME_TYPES.has(f.type) && terms?.covers(f.text)) && !studysOwn(f, this.people, this.cited, namedInFull) && !isCodeWord(f, this.codeWords));
  }

  private termsOf(uri: string): CodebookTerms | undefined {
    const codebook = this.index.view(uri)?.model.codebook;
    return codebook && codebookTerms(codebook, this.knowledge);
  }

  /** What a note's result gives the other notes: what it confirms, less its codebook's words and the study's people. */
  private shared(uri: string, result: AnonResult): AnonResult {
    const terms = this.termsOf(uri);
    const people = this.people;
    const cited = this.cited;
    const codeWords = this.codeWords;
    const studyWord = (name: string) => !!terms?.covers(name) || people.covers(name) || (cited.has(name) && !result.namedInFull.has(name)) || isCodeText(name, codeWords);
    if ((!terms && !people.size && !cited.size && !codeWords.size) || ![...result.confirmed.keys()].some(studyWord)) return result;
    return { ...result, confirmed: new Map([...result.confirmed].filter(([name]) => !studyWord(name))) };
  }

  /**
   * Checks a note on its own if it changed, and takes what it confirms
   * into the workspace's knowledge. Start-up calls it note by note, so the
   * work can be spread between requests; `findings` does it for whatever
   * is left.
   */
  prepare(uri: string, options: { bulk?: boolean } = {}): void {
    this.noticeProjectChange();
    this.noticeCodebookChange();
    if (!this.changed.delete(uri)) return;
    const parsed = this.index.view(uri)?.model.parsed;
    if (!parsed) {
      this.own.delete(uri);
      this.caches.delete(uri);
      for (const other of this.names.delete(uri)) this.concerned.add(other);
      return;
    }
    const project = this.projectOf(uri);
    const before = this.own.get(uri);
    if (before?.parsed === parsed && before.project === project) return;
    this.record(uri, parsed, project, checkAnonymity(parsed, this.knowledge, { project, cache: this.cacheOf(uri) }), options.bulk);
  }

  /** A note's own result, and what it changes for the notes that mention its names (see `WorkspaceNames.set` for `bulk`). */
  private record(uri: string, parsed: ParsedNote, project: AnonProject, result: AnonResult, bulk = false): void {
    const before = this.own.get(uri)?.result;
    this.own.set(uri, { parsed, project, result });
    const peopleChanged = counted(this.peopleCounts, before?.people ?? [], result.people);
    const researchersChanged = counted(this.researcherCounts, before?.researchers ?? [], result.researchers);
    const teamsChanged = counted(this.teamCounts, before?.teams ?? [], result.teams);
    const citedChanged = counted(this.citedCounts, before?.cited ?? [], result.cited);
    const inFullChanged = counted(this.inFullCounts, [...(before?.namedInFull ?? [])], [...result.namedInFull], (word) => this.citedCounts.has(word));
    const codeWordsChanged = counted(this.codeWordCounts, before?.codeWords ?? [], result.codeWords);
    // (In a check of every note, once after it: each new coder or citation would otherwise look at every note read so far.)
    if (peopleChanged || researchersChanged || teamsChanged || citedChanged || inFullChanged || codeWordsChanged) {
      if (bulk) this.studyWordsUnsettled = true;
      else this.studyWordsChanged();
    }
    for (const other of this.names.set(uri, this.shared(uri, result), { bulk })) this.concerned.add(other);
  }

  /**
   * The study's people or cited authors changed (a coder named for the
   * first time, a citation taken out): the notes whose findings or
   * confirmed names they cover differently are shared and published again.
   * Rare (an edit to a front matter, a review's signature or a
   * citation), so every note's result is looked at.
   */
  private studyWordsChanged(): void {
    this.studyWordsUnsettled = false;
    const cited = new Set([...this.citedCounts.keys()].filter((name) => !this.inFullCounts.has(name)));
    const was = { people: this.people, cited: this.cited, codeWords: this.codeWords };
    this.people = StudyPeople.withResearchers(this.peopleCounts.keys(), this.researcherCounts.keys(), this.teamCounts.keys());
    this.cited = cited;
    const codeWords = (this.codeWords = new Set(this.codeWordCounts.keys()));
    // (Whether the note names the person in full is left out: it only ever keeps a finding both times.)
    const otherwise = (f: AnonFinding) =>
      studysOwn(f, was.people, was.cited, undefined) !== studysOwn(f, this.people, this.cited, undefined) || isCodeWord(f, was.codeWords) !== isCodeWord(f, codeWords);
    for (const [uri, own] of this.own) {
      if ([...own.result.confirmed.keys()].some((name) => was.people.covers(name) !== this.people.covers(name) || was.cited.has(name) !== cited.has(name) || isCodeText(name, was.codeWords) !== isCodeText(name, codeWords))) {
        for (const other of this.names.set(uri, this.shared(uri, own.result))) this.concerned.add(other);
      }
      if (own.result.findings.some(otherwise)) this.concerned.add(uri);
    }
  }

  /** After a check of every note: puts up to `count` of its notes into the indexes that say which notes a change concerns; returns how many are left. */
  indexDeferred(count: number): number {
    return this.names.indexDeferred(count);
  }

  /** Notes whose findings changed because other notes changed since the last call: they need publishing again. */
  takeConcerned(): string[] {
    this.catchUp();
    const out = [...this.concerned];
    this.concerned.clear();
    return out;
  }

  private catchUp(): void {
    this.noticeProjectChange();
    this.noticeCodebookChange();
    for (const uri of [...this.changed]) this.prepare(uri);
    if (this.studyWordsUnsettled) this.studyWordsChanged();
  }

  /** After a codebook changed, what every note confirms is shared again without the codebooks' words (no note is read again). */
  private noticeCodebookChange(): void {
    if (this.codebookGeneration === this.index.codebooksGeneration) return;
    this.codebookGeneration = this.index.codebooksGeneration;
    for (const [uri, own] of this.own) for (const other of this.names.set(uri, this.shared(uri, own.result))) this.concerned.add(other);
  }

  /** Every note is checked again after the project files change (and at first, when nothing was checked). */
  private noticeProjectChange(): void {
    if (this.projectGeneration === this.projects.generation) return;
    this.projectGeneration = this.projects.generation;
    const notes = this.index.noteUris();
    this.names.rank(notes);
    for (const uri of notes) this.changed.add(uri);
  }

  /** The allow-list and pseudonyms a note is checked with. */
  projectOf(uri: string): AnonProject {
    return this.projects.projectFor(uri).anonymization;
  }

  /**
   * A note's own result, made elsewhere (another thread) from the text the
   * index holds: taken as `prepare` would have made it. Ignored when the
   * note has changed since.
   */
  adopt(uri: string, parsed: ParsedNote, project: AnonProject, result: AnonResult): void {
    this.noticeProjectChange();
    if (this.index.view(uri)?.model.parsed !== parsed || this.projectOf(uri) !== project) return;
    this.changed.delete(uri);
    this.record(uri, parsed, project, result, true);
  }

  /** What another thread needs to check a note with the workspace: the names it mentions that notes confirm, and the words others write. */
  workspaceFor(uri: string): { known: Map<string, AnonType>; words: string[]; key: string } | undefined {
    this.catchUp();
    const workspace = this.names.forNote(uri);
    return workspace && { known: workspace.known, words: this.names.wordsFor(uri), key: workspace.key };
  }

  /** A note's findings with the workspace, made elsewhere for the `key` `workspaceFor` gave. */
  adoptWorkspace(uri: string, key: string, findings: AnonFinding[]): void {
    const own = this.own.get(uri);
    if (own) this.withWorkspace.set(own.parsed, { known: key, project: own.project, findings });
  }

  /**
   * A closed note's reading, once its findings with the workspace are
   * made: kept for every note, it would hold most of the server's memory
   * in a large study. Should other notes change what it needs, it is read
   * again.
   */
  private forgetClosed(uri: string): void {
    if (!this.index.isOpen(uri)) this.caches.delete(uri);
  }

  /** A closed note is not typed in: its paragraphs are not kept, only its reading (for the workspace's pass). */
  private cacheOf(uri: string): AnonCache {
    const open = this.index.isOpen(uri);
    let cache = this.caches.get(uri);
    if (!cache || cache.keepParagraphs !== open) this.caches.set(uri, (cache = new AnonCache(open)));
    return cache;
  }
}

/** Counts a note's words in place of its last ones; whether a word (one that `matters`) came into the study or left it. */
function counted(counts: Map<string, number>, before: readonly string[], after: readonly string[], matters: (word: string) => boolean = () => true): boolean {
  if (!before.length && !after.length) return false;
  const touched = new Set([...before, ...after]);
  const had = new Map([...touched].map((word) => [word, counts.has(word)]));
  for (const word of after) counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const word of before) {
    const count = counts.get(word)! - 1;
    if (count) counts.set(word, count);
    else counts.delete(word);
  }
  return [...touched].some((word) => had.get(word) !== counts.has(word) && matters(word));
}

/**
 * Whether a finding is one of the study's people, or an author the study cites, not one the note names a person of in full
 * (`namedInFull`).
 */
function studysOwn(f: AnonFinding, people: StudyPeople, cited: ReadonlySet<string>, namedInFull: ReadonlySet<string> | undefined): boolean {
  // (And a place no list knows, found by the preposition before it alone: `til Cillian` names a person too.)
  const placeByCue = f.type === 'place' && !f.evidence.some((e) => e.kind === 'list');
  if ((PEOPLE_TYPES.has(f.type) || placeByCue) && people.covers(f.text, f.evidence)) return true;
  // (A place the study names on purpose, its declared site or its cases' region, `Toronto`, `Vestland`: as written.)
  if (f.type === 'place' && (people.covers(f.text) || people.covers(f.text.replace(COUNTY_WORD, '')))) return true;
  return citedHere(f, cited) && !namedInFull?.has(withoutGenitive(f.text) ?? f.text) && !namedInFull?.has(f.text);
}

/** The word for a county around its name (`County Cork`, `Co. Limerick`, `Summit County`): the declared site is the name. */
const COUNTY_WORD = /^(?:County|Co\.)[ \t]+|[ \t]+County$/u;

/** Whether a finding's words are a code word another note's code ids give (`Generell veiledning`, `Kontaktvei`), as written. */
function isCodeWord(f: AnonFinding, codeWords: ReadonlySet<string>): boolean {
  return NAME_TYPES.has(f.type) && isCodeText(f.text, codeWords);
}

/** Whether words (a finding's, or a name a note confirms) are one of the code words, in any case and spacing. */
function isCodeText(text: string, codeWords: ReadonlySet<string>): boolean {
  return codeWords.size > 0 && codeWords.has(text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' '));
}

/**
 * Whether a finding is an author the study cites: a person, or a place in the genitive after a preposition (`på
 * Thøgersens måte`, `in Thøgersen's terms`), which a place's name rarely is.
 */
function citedHere(f: AnonFinding, cited: ReadonlySet<string>): boolean {
  if (f.type === 'person') return isCitedAuthor(f.text, f.evidence, cited);
  return f.type === 'place' && withoutGenitive(f.text) !== undefined && isCitedAuthor(f.text, [], cited);
}
