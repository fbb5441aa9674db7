/**
 * What the language service needs from the file system, by URI. The
 * server passes a Node implementation; tests pass an in-memory one.
 */
export interface ServiceFileSystem {
  /** The file's text, or undefined when it cannot be read as text. */
  readText(uri: string): Promise<string | undefined>;
  /** URIs of notes (`*.fn.md`) and codebooks (`codebook.yaml`) under a folder. */
  findFiles(folderUri: string): Promise<string[]>;
  /**
   * Writes files all or nothing, replacing any that exist (the editor has
   * asked the user already): each to a temporary file first, then renamed
   * into place, so a failure leaves no half-written file.
   */
  writeFiles(files: FileToWrite[]): Promise<WriteOutcome>;
}

export interface FileToWrite {
  uri: string;
  data: string | Uint8Array;
}

/** Written, or the file that could not be written and why (nothing was written). */
export type WriteOutcome = { ok: true } | { ok: false; uri: string; detail: string };
