import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface FileToWrite {
  path: string;
  data: string | Uint8Array;
}

export type WriteResult =
  | { ok: true }
  /** Files that are there already; nothing was written. */
  | { ok: false; reason: 'exists'; files: string[] }
  /** A file that could not be written, and why; nothing was left half-written. */
  | { ok: false; reason: 'failed'; file: string; detail: string };

/**
 * Writes files all or nothing: each goes to a temporary file beside its
 * target first, and only when every one is written are they renamed into
 * place, so a full disk or a refused folder leaves no half-written note.
 * Without `force`, a file that exists is never replaced: the check is done
 * for all files before anything is written, and again at the moment of
 * each rename (a hard link fails if the target appeared meanwhile).
 */
export async function writeFilesAtomically(files: FileToWrite[], options: { force: boolean }): Promise<WriteResult> {
  if (!options.force) {
    const existing = (await Promise.all(files.map(async (file) => ((await exists(file.path)) ? file.path : undefined)))).filter((f): f is string => f !== undefined);
    if (existing.length) return { ok: false, reason: 'exists', files: existing };
  }
  const temporary: { file: FileToWrite; temp: string }[] = [];
  const cleanUp = () => Promise.all(temporary.map(({ temp }) => fs.rm(temp, { force: true })));
  for (const file of files) {
    const temp = path.join(path.dirname(file.path), `.${path.basename(file.path)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await fs.mkdir(path.dirname(file.path), { recursive: true });
      temporary.push({ file, temp });
      await fs.writeFile(temp, file.data, { flag: 'wx' });
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
  return { ok: true };
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

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message}` : String(error);
}
