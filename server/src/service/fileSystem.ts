/**
 * What the language service needs from the file system, by URI. The
 * server passes a Node implementation; tests pass an in-memory one.
 */
export interface ServiceFileSystem {
  /** The file's text, or undefined when it cannot be read as text. */
  readText(uri: string): Promise<string | undefined>;
  /** URIs of notes (`*.fn.md`) and codebooks (`codebook.yaml`) under a folder. */
  findFiles(folderUri: string): Promise<string[]>;
}
