import { promises as fs } from 'node:fs';
import path from 'node:path';
import { exists } from './fileKind.js';
import { syncFolder, writeDurably } from './durable.js';
import { cleanLeftovers, temporaryPath } from './leftovers.js';

export interface FileToWrite {
  path: string;
  data: string | Uint8Array;
}

export type WriteResult =
  /** `restored`: folders an interrupted import had moved aside, put back by the clean-up before writing (see `leftovers.ts`). */
  | { ok: true; restored: string[] }
  /** Files that are there already; nothing was written. */
  | { ok: false; reason: 'exists'; files: string[] }
  /** A file that could not be written, and why; nothing was left half-written. */
  | { ok: false; reason: 'failed'; file: string; detail: string };

/**
 * Writes files all or nothing: each goes to a temporary file beside its
 * target first, flushed to the disk, and only when every one is written
 * are they renamed into place, so a full disk or a refused folder leaves
 * no half-written note, and a crash no empty one. Without `force`, a file
 * that exists is never replaced: the check is done for all files before
 * anything is written, and again at the moment of each rename (a hard
 * link fails if the target appeared meanwhile). Temporary files a killed
 * run left in the folders written to are removed first; a folder this
 * run had to create is removed again when the write fails.
 */
export async function writeFilesAtomically(files: FileToWrite[], options: { force: boolean }): Promise<WriteResult> {
  if (!options.force) {
    const existing = (await Promise.all(files.map(async (file) => ((await exists(file.path)) ? file.path : undefined)))).filter((f): f is string => f !== undefined);
    if (existing.length) return { ok: false, reason: 'exists', files: existing };
  }
  const folders = [...new Set(files.map((file) => path.dirname(file.path)))];
  const restored = (await Promise.all(folders.map(cleanLeftovers))).flat();
  const temporary: { file: FileToWrite; temp: string }[] = [];
  const created: { first: string; last: string }[] = [];
  const cleanUp = async () => {
    await Promise.all(temporary.map(({ temp }) => fs.rm(temp, { force: true })));
    for (const { first, last } of created.reverse()) await removeEmptyFolders(last, first);
  };
  for (const file of files) {
    const temp = temporaryPath(file.path);
    try {
      const first = await fs.mkdir(path.dirname(file.path), { recursive: true });
      if (first) created.push({ first, last: path.dirname(file.path) });
      // A name the rename would refuse (too long for the file system) fails here, before any file is in place.
      await fs.lstat(file.path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      temporary.push({ file, temp });
      await writeDurably(temp, file.data);
    } catch (error) {
      await cleanUp();
      return { ok: false, reason: 'failed', file: file.path, detail: reason(error) };
    }
  }
  for (const { file, temp } of temporary) {
    try {
      if (options.force) await fs.rename(temp, file.path);
      else await moveWithoutReplacing(temp, file.path);
    } catch (error) {
      await cleanUp();
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { ok: false, reason: 'exists', files: [file.path] };
      return { ok: false, reason: 'failed', file: file.path, detail: reason(error) };
    }
  }
  await Promise.all(folders.map(syncFolder));
  return { ok: true, restored };
}

/** Removes `last` and the folders above it up to `first`, as long as each is empty (a folder someone else filled meanwhile stays). */
export async function removeEmptyFolders(last: string, first: string): Promise<void> {
  for (let folder = last; ; folder = path.dirname(folder)) {
    try {
      await fs.rmdir(folder);
    } catch {
      return;
    }
    if (folder === first || path.dirname(folder) === folder) return;
  }
}

async function moveWithoutReplacing(temp: string, target: string): Promise<void> {
  try {
    await fs.link(temp, target);
    await fs.rm(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Some file systems (FAT, some network shares) have no hard links: check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    if (await exists(target)) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
    await fs.rename(temp, target);
  }
}

export function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message}` : String(error);
}
