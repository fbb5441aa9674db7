import { INFLECTIONS, writtenAsWord } from './names.js';
import type { AnonResult } from './check.js';
import type { AnonType } from './types.js';
import type { WordList } from './wordList.js';

/** What the other notes add to one note's check (see `WorkspaceNames.forNote`). */
export interface FromOtherNotes {
  /** The names this note mentions that some note confirms, with the type the first such note gives them. */
  known: Map<string, AnonType>;
  /** Whether another note writes this (lower-case) word as an ordinary word. */
  isWord: (word: string) => boolean;
  /** Tells two contributions apart, for caching. */
  key: string;
}

interface NameEntry {
  /** The notes confirming the name, with the type each gives it. */
  by: Map<string, AnonType>;
  /** The note that confirmed it first, in the workspace's order: its type is the name's type everywhere. */
  first: string;
}

/**
 * The workspace's knowledge for the anonymization's consistency pass,
 * kept as indexes updated one note at a time: which notes confirm each
 * name, how many notes write each word in lower case, and which notes
 * mention each name or have a weak finding of each word. A note's
 * contribution then costs what the note holds, not what the workspace
 * holds, and a change tells which other notes it concerns.
 */
export class WorkspaceNames {
  private readonly results = new Map<string, AnonResult>();
  /** The workspace's order: the first note to confirm a name decides its type. */
  private readonly order = new Map<string, number>();
  private nextOrder = 0;
  private readonly names = new Map<string, NameEntry>();
  private readonly wordCounts = new Map<string, number>();
  private readonly mentionedBy = new Map<string, Set<string>>();
  /** Notes by the (lower-case) text of their weak findings: another note writing the word outweighs them. */
  private readonly weakIn = new Map<string, Set<string>>();
  /** Notes a bulk took in whose mentions and weak words are not in `mentionedBy` and `weakIn` yet. */
  private readonly unindexed = new Set<string>();

  /**
   * Puts notes in the workspace's order (the first to confirm a name
   * decides its type), for notes not yet placed; a note never placed goes
   * last when its result comes. Results may then come in any order (from
   * several threads) with the same outcome.
   */
  rank(keys: Iterable<string>): void {
    for (const key of keys) if (!this.order.has(key)) this.order.set(key, this.nextOrder++);
  }

  /**
   * A note's own result, new or changed. Returns the other notes whose
   * check this changes. In a `bulk` (a check of every note, which then
   * publishes every note) a note taken in for the first time concerns no
   * other, and its mentions and weak words wait for `indexDeferred`: the
   * indexes that say which notes a change concerns are not needed until a
   * note changes again.
   */
  set(key: string, result: AnonResult, options: { bulk?: boolean } = {}): Set<string> {
    const before = this.results.get(key);
    if (options.bulk && !before) {
      this.take(key, undefined, result, false);
      this.unindexed.add(key);
      return new Set();
    }
    return this.replace(key, before, result);
  }

  /** A note left the workspace. Returns the other notes whose check this changes. */
  delete(key: string): Set<string> {
    const concerned = this.replace(key, this.results.get(key), undefined);
    this.order.delete(key);
    return concerned;
  }

  /** Puts up to `count` notes a bulk left out into the indexes; returns how many are left. */
  indexDeferred(count = Infinity): number {
    for (const key of this.unindexed) {
      if (count-- <= 0) break;
      this.unindexed.delete(key);
      const result = this.results.get(key);
      if (!result) continue;
      updateIndex(this.mentionedBy, key, result.mentions.words(), []);
      updateIndex(this.weakIn, key, [...result.weakWords], []);
    }
    return this.unindexed.size;
  }

  /** Applies the difference between a note's last result and its new one, so that a keystroke costs what it changed. */
  private replace(key: string, before: AnonResult | undefined, after: AnonResult | undefined): Set<string> {
    if (before === after) return new Set();
    // A change tells which notes it concerns from the indexes: every note must be in them first.
    this.indexDeferred();
    const { names, words } = this.take(key, before, after);
    updateIndex(this.mentionedBy, key, ...difference(before?.mentions, after?.mentions));
    const weakBefore = before?.weakWords ?? new Set<string>();
    const weakAfter = after?.weakWords ?? new Set<string>();
    updateIndex(this.weakIn, key, [...weakAfter].filter((word) => !weakBefore.has(word)), [...weakBefore].filter((word) => !weakAfter.has(word)));
    return this.concerned(key, names, words);
  }

  /**
   * Takes a note's confirmed names and words in place of its last ones.
   * Returns (when `tell`) the names whose type changed and the words whose
   * use by other notes may now say otherwise.
   */
  private take(key: string, before: AnonResult | undefined, after: AnonResult | undefined, tell = true): { names: string[]; words: string[] } {
    if (!this.order.has(key)) this.order.set(key, this.nextOrder++);
    const touched = tell ? new Set([...(before?.confirmed.keys() ?? []), ...(after?.confirmed.keys() ?? [])]) : new Set<string>();
    const typesBefore = new Map([...touched].map((name) => [name, this.typeOf(name)]));
    for (const name of before?.confirmed.keys() ?? []) {
      const entry = this.names.get(name)!;
      entry.by.delete(key);
      if (!entry.by.size) this.names.delete(name);
      else if (entry.first === key) entry.first = this.earliest(entry.by.keys());
    }
    for (const [name, type] of after?.confirmed ?? []) {
      const entry = this.names.get(name);
      if (!entry) this.names.set(name, { by: new Map([[key, type]]), first: key });
      else {
        entry.by.set(key, type);
        if (this.order.get(key)! < this.order.get(entry.first)!) entry.first = key;
      }
    }
    const names = [...touched].filter((name) => this.typeOf(name) !== typesBefore.get(name));
    // Another note's `isWord` changes only when a word's count crosses what that note's own use adds (0 or 1).
    const words: string[] = [];
    const [added, removed] = difference(before?.vocabulary, after?.vocabulary);
    for (const word of added) {
      const count = (this.wordCounts.get(word) ?? 0) + 1;
      this.wordCounts.set(word, count);
      if (tell && count <= 2) words.push(word);
    }
    for (const word of removed) {
      const count = this.wordCounts.get(word)! - 1;
      if (count) this.wordCounts.set(word, count);
      else this.wordCounts.delete(word);
      if (count <= 1) words.push(word);
    }
    if (after) this.results.set(key, after);
    else this.results.delete(key);
    return { names, words };
  }

  private typeOf(name: string): AnonType | undefined {
    const entry = this.names.get(name);
    return entry?.by.get(entry.first);
  }

  private earliest(keys: Iterable<string>): string {
    let first: string | undefined;
    for (const key of keys) if (first === undefined || this.order.get(key)! < this.order.get(first)!) first = key;
    return first!;
  }

  /** The notes that mention a name whose confirmation changed, or have a weak finding of a word whose use elsewhere changed. */
  private concerned(changed: string, names: string[], words: string[]): Set<string> {
    const out = new Set<string>();
    for (const name of names) {
      for (const key of this.mentionedBy.get(name) ?? []) out.add(key);
      for (const key of this.mentionedBy.get(name + 's') ?? []) out.add(key);
    }
    for (const word of words) {
      for (const stem of stemsOf(word)) for (const key of this.weakIn.get(stem) ?? []) out.add(key);
    }
    out.delete(changed);
    return out;
  }

  /** Whether a note other than the one with this result writes the word in lower case. */
  private isWordFor(own: AnonResult): (word: string) => boolean {
    // The note's own list is asked only when one note writes the word: it may be this one (most words are written by none or many).
    return (word) => {
      const count = this.wordCounts.get(word) ?? 0;
      return count > 1 || (count === 1 && !own.vocabulary.has(word));
    };
  }

  /**
   * The answers `isWord` gives for every word a note's check asks about
   * (its weak findings, as written and inflected): for a check made
   * elsewhere (another thread) from a list instead of the whole index.
   */
  wordsFor(key: string): string[] {
    const own = this.results.get(key);
    if (!own) return [];
    const isWord = this.isWordFor(own);
    return [...own.weakWords, ...confirmedWords(own)].flatMap((word) => [word, ...INFLECTIONS.map((ending) => word + ending)]).filter(isWord);
  }

  /**
   * What the other notes add to this note's check: the names it mentions
   * that notes confirm (a name gets the type of the first note confirming
   * it, so it has one type everywhere), and whether other notes write its
   * weak findings as ordinary words. Undefined when they change nothing
   * here (they confirm no name it mentions and does not confirm itself,
   * and outweigh none of its weak findings), so its own result stands.
   */
  forNote(key: string): FromOtherNotes | undefined {
    const own = this.results.get(key);
    if (!own) return undefined;
    const known = new Map<string, AnonType>();
    const added: string[] = [];
    for (const mention of own.mentions.words()) {
      for (const name of mention.endsWith('s') ? [mention, mention.slice(0, -1)] : [mention]) {
        const type = this.typeOf(name);
        if (!type || known.has(name)) continue;
        known.set(name, type);
        if (!own.confirmed.has(name)) added.push(`${name}:${type}`);
      }
    }
    const isWord = this.isWordFor(own);
    const words = own.findings.filter((f) => f.weak && writtenAsWord(f.text.toLowerCase(), isWord)).map((f) => f.text.toLowerCase());
    // A name the note confirms is carried to its other mentions unless the study writes it as a word (`Sol og null vind`).
    for (const word of confirmedWords(own)) if (writtenAsWord(word, isWord)) words.push(word);
    if (!added.length && !words.length) return undefined;
    const retyped = [...own.confirmed].filter(([name, type]) => known.get(name) !== type).map(([name]) => name);
    return { known, isWord, key: [...added, ...words, ...retyped].join('\n') };
  }
}

/** The names a note confirms, in lower case: whether other notes write them as words decides where the note carries them. */
function confirmedWords(own: AnonResult): string[] {
  return [...own.confirmed.keys()].map((name) => name.toLowerCase());
}

/** The words `writtenAsWord` would take this one for (itself, or it without an inflection's ending). */
function stemsOf(word: string): string[] {
  return [word, ...INFLECTIONS.filter((ending) => word.length > ending.length && word.endsWith(ending)).map((ending) => word.slice(0, -ending.length))];
}

/** The words a list gained and the words it lost (a list that is not there has none). */
function difference(before: WordList | undefined, after: WordList | undefined): [added: string[], removed: string[]] {
  if (!before) return [after?.words() ?? [], []];
  if (!after) return [[], before.words()];
  if (before.equals(after)) return [[], []];
  const had = new Set(before.words());
  const has = new Set(after.words());
  return [[...has].filter((word) => !had.has(word)), [...had].filter((word) => !has.has(word))];
}

/** Moves a note's entries in an index from the keys it lost to the keys it gained. */
function updateIndex(index: Map<string, Set<string>>, key: string, added: string[], removed: string[]): void {
  for (const name of removed) {
    const keys = index.get(name)!;
    keys.delete(key);
    if (!keys.size) index.delete(name);
  }
  for (const name of added) {
    let keys = index.get(name);
    if (!keys) index.set(name, (keys = new Set()));
    keys.add(key);
  }
}
