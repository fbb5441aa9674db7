import type { ImportCatalog } from './importMessages.js';
import { decodeText } from './textBytes.js';
import { readZipDirectory, readZipEntry, type ArchiveBytes, type ZipEntry } from './zipArchive.js';

/**
 * A `.qdpx` as the import reads it: the project file and the texts it
 * names, nothing else (an archive may carry gigabytes of audio and video
 * the import leaves out), each within a size limit checked on the sizes
 * the archive declares before anything is unpacked, and again while
 * unpacking.
 */

/** The most one file may unpack to: a transcript of 256 MiB is some 50,000 pages. */
export const ENTRY_LIMIT = 256 * 2 ** 20;
/** The most the files one import reads may unpack to together; the import holds them all, and the notes made of them, in memory. */
export const TOTAL_LIMIT = 512 * 2 ** 20;

/** Nothing is imported: the archive is too large or damaged where the project needs it; the message says which file and what to do. */
export class ArchiveRefusal extends Error {}

export class ProjectArchive {
  private readonly read = new Map<string, Uint8Array>();
  private unpacked = 0;

  private constructor(
    private readonly bytes: ArchiveBytes,
    private readonly entries: Map<string, ZipEntry>,
    private readonly fileName: string,
    private readonly say: ImportCatalog,
  ) {}

  /** Undefined when the bytes are no zip archive. */
  static open(bytes: ArchiveBytes, fileName: string, say: ImportCatalog): ProjectArchive | undefined {
    const entries = readZipDirectory(bytes);
    return entries && new ProjectArchive(bytes, entries, fileName, say);
  }

  /** The project files (`*.qde`) at the archive's top level, sorted. */
  projectFiles(): string[] {
    return [...this.entries.keys()].filter((name) => !name.includes('/') && name.toLowerCase().endsWith('.qde')).sort();
  }

  /** The entry a `plainTextPath` names: `internal://x.txt` is `sources/x.txt`, whatever the case of `sources`. */
  entryFor(plainTextPath: string): string | undefined {
    const name = plainTextPath.replace(/^[a-z]+:\/\//i, '').replace(/\\/g, '/');
    const candidates = [...this.entries.keys()];
    return (
      candidates.find((path) => path === name) ??
      candidates.find((path) => /^sources\//i.test(path) && path.slice('sources/'.length) === name) ??
      candidates.find((path) => /^sources\//i.test(path) && path.slice('sources/'.length).toLowerCase() === name.toLowerCase())
    );
  }

  /**
   * Why `names` (entries of this archive) cannot be imported together,
   * from their declared sizes, before any is unpacked; undefined when
   * they can.
   */
  sizeRefusal(names: Iterable<string>): string | undefined {
    let total = 0;
    for (const name of new Set(names)) {
      const { size } = this.entries.get(name)!;
      if (size > ENTRY_LIMIT) return this.say.entryTooLarge(this.fileName, name, size, ENTRY_LIMIT);
      total += size;
      if (total > TOTAL_LIMIT) return this.say.archiveTooLarge(this.fileName, name, total, TOTAL_LIMIT);
    }
    return undefined;
  }

  /** The entry's bytes, unpacked once; throws `ArchiveRefusal` when it unpacks to more than it declares, or than the limits allow, or cannot be unpacked. */
  bytesOf(name: string): Uint8Array {
    const known = this.read.get(name);
    if (known) return known;
    const entry = this.entries.get(name)!;
    // Declared sizes were checked before; this holds when a caller reads an entry it did not check.
    const refusal = this.sizeRefusal([name]) ?? (this.unpacked + entry.size > TOTAL_LIMIT ? this.say.archiveTooLarge(this.fileName, name, this.unpacked + entry.size, TOTAL_LIMIT) : undefined);
    if (refusal) throw new ArchiveRefusal(refusal);
    const result = readZipEntry(this.bytes, entry);
    if (!result.ok) {
      throw new ArchiveRefusal(result.reason === 'larger-than-declared' ? this.say.entryLargerThanDeclared(this.fileName, name, entry.size) : this.say.entryUnreadable(this.fileName, name));
    }
    this.unpacked += result.data.length;
    this.read.set(name, result.data);
    return result.data;
  }

  /** The text a `plainTextPath` names, or undefined when the archive has no such file. */
  text(plainTextPath: string): string | undefined {
    const name = this.entryFor(plainTextPath);
    return name === undefined ? undefined : decodeText(this.bytesOf(name));
  }
}
