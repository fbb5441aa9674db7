/**
 * A set of words kept as one string, a word per line: a note's vocabulary
 * and the names it mentions, kept for as long as the workspace holds the
 * note. As a `Set` they would be a few hundred strings and a table per
 * note, most of a large study's memory and of the garbage collector's
 * work (every collection before they settle copies them). Words are
 * letters, never a line break.
 */
export class WordList {
  /** Lists longer than this answer `has` from a set made on the first question (a scan each time would cost the list's length per question). */
  private static readonly SCAN_LIMIT = 4096;
  private lookup: Set<string> | undefined;

  private constructor(
    /** `\n`, then each word followed by `\n`. */
    private readonly joined: string,
  ) {}

  static of(words: Iterable<string>): WordList {
    // `join` makes one flat string; adding word by word would make a rope that holds on to every word.
    const list = [...words];
    return new WordList(list.length ? `\n${list.join('\n')}\n` : '\n');
  }

  /** A list that came from another thread (a structured clone keeps its fields, not its class). */
  static revive(cloned: WordList): WordList {
    return new WordList((cloned as unknown as { joined: string }).joined);
  }

  has(word: string): boolean {
    if (this.joined.length <= WordList.SCAN_LIMIT) return this.joined.includes('\n' + word + '\n');
    this.lookup ??= new Set(this.words());
    return this.lookup.has(word);
  }

  /** The words, in the order they were given. */
  words(): string[] {
    return this.joined.length > 1 ? this.joined.slice(1, -1).split('\n') : [];
  }

  equals(other: WordList): boolean {
    return this.joined === other.joined;
  }
}
