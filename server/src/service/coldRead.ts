import type { AnonProject } from '../core/anon/anonSettings.js';
import type { AnonResult } from '../core/anon/check.js';
import type { AnonFinding, AnonType } from '../core/anon/types.js';
import type { readFrontMatter } from '../core/checks/frontMatter.js';
import type { ParsedNote } from '../core/dialect/model.js';

/** A closed note for another thread to read: its text as the index holds it, and its project's anonymization settings. */
export interface ColdNote {
  uri: string;
  text: string;
  project: AnonProject;
}

/** What another thread made of a note on its own. */
export interface ColdRead {
  uri: string;
  parsed: ParsedNote;
  frontMatter: ReturnType<typeof readFrontMatter>;
  own: AnonResult;
}

/** What the workspace adds to a note's anonymization check, sent to the thread that read it. */
export interface ColdRecheck {
  uri: string;
  known: Map<string, AnonType>;
  /** The words `isWord` says yes to. */
  words: string[];
}

/**
 * Reads many closed notes on other threads (the cold start of the server
 * and the command line's check): each note parsed and checked on its own,
 * then, once the workspace's knowledge is complete, checked with it. The
 * thread keeps what the second step needs between the two, so nothing is
 * read twice. Implemented with worker threads in `server/src/parallel`.
 */
export interface ColdReader {
  /**
   * Reads notes as long as `take` gives some (up to `count` at a time; an
   * empty list when none are left): the caller reads from the other end
   * of the same list meanwhile, so each thread reads as many as its speed
   * allows. `onRead` gets each note's result as it comes.
   */
  read(take: (count: number) => ColdNote[], onRead: (read: ColdRead) => void): Promise<void>;
  /** The findings of notes `read` read, with what the workspace adds; forgets them after. */
  recheck(notes: ColdRecheck[], onFindings: (uri: string, findings: AnonFinding[]) => void): Promise<void>;
  close(): Promise<void>;
}
