import { promises as fs } from 'node:fs';
import path from 'node:path';
import { syncFolder, writeDurably } from './durable.js';
import { cleanLeftovers, isTemporaryName, STAGED, stagingPath } from './leftovers.js';
import { reason, removeEmptyFolders } from './writeFiles.js';

export interface FolderFile {
  /** Relative POSIX path inside the folder. */
  path: string;
  data: string | Uint8Array;
}

export type FolderResult = ({ ok: true } | FolderRefusal) & {
  /** Folders an interrupted import had moved aside, put back before writing (see `leftovers.ts`). */
  restored: string[];
};

export type FolderRefusal =
  /** Without `force`: files of the folder the new one would replace. */
  | { ok: false; reason: 'exists'; files: string[] }
  /** Files in the folder the new one does not have (some, when `more`): replacing the folder would delete them. */
  | { ok: false; reason: 'others'; folder: string; files: string[]; more: boolean }
  | { ok: false; reason: 'not-folder' | 'working-folder'; folder: string }
  | { ok: false; reason: 'failed'; file: string; detail: string };

/** Names the system writes into folders people look at, nobody's work. */
const SYSTEM_FILES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini']);
/** How many of a folder's other files are enough to refuse (and to name); the rest is not looked at. */
const OTHERS_NAMED = 20;

/**
 * Writes a whole folder, all or nothing, so that whatever stops the run (a
 * full disk, a kill, a power cut) the folder is either as it was or
 * complete: the files are written into a staging folder beside it,
 * flushed to the disk, and the staging folder is renamed into place.
 *
 * An existing folder is replaced as a whole, never mixed: with `force`
 * when every file in it is one the new folder has too (its files are
 * what this write replaces), without it only when it is empty. Files of
 * the user's own (the new folder lacks them) are never deleted: then
 * nothing is written and they are named. Replacing moves the old folder
 * into the staging folder and the new one into place, two renames; a run
 * killed between them leaves the target missing for that moment, and the
 * next run in the parent folder puts the old one back (`cleanLeftovers`).
 * The folder the process works in is never replaced (a shell standing in
 * it would be left in a deleted folder).
 */
export async function writeFolderAtomically(folder: string, files: FolderFile[], options: { force: boolean; workingFolder: string }): Promise<FolderResult> {
  let target = path.resolve(folder);
  // A link to a folder: the folder it points to is replaced, and the link keeps pointing there.
  if ((await lstatOrUndefined(target))?.isSymbolicLink()) target = await fs.realpath(target).catch(() => target);
  const parent = path.dirname(target);
  let madeParent: string | undefined;
  try {
    madeParent = await fs.mkdir(parent, { recursive: true });
  } catch (error) {
    return { ok: false, reason: 'failed', file: target, detail: reason(error), restored: [] };
  }
  const restored = await cleanLeftovers(parent);
  const refused = (refusal: FolderRefusal): FolderResult => ({ ...refusal, restored });
  const writing = new Set(files.map((file) => fileKey(file.path)));

  let before: Look;
  try {
    before = await look(target, writing);
  } catch (error) {
    return refused({ ok: false, reason: 'failed', file: target, detail: reason(error) });
  }
  if (before.kind === 'not-folder') return refused({ ok: false, reason: 'not-folder', folder: target });
  if (before.kind === 'folder') {
    if (isWithin(path.resolve(options.workingFolder), target)) return refused({ ok: false, reason: 'working-folder', folder: target });
    const refusal = refusalFor(before, target, options.force);
    if (refusal) return refused(refusal);
  }

  const staging = stagingPath(target);
  const fresh = path.join(staging, STAGED.fresh);
  const aside = path.join(staging, STAGED.replaced);
  // Never with the old folder inside: if it could not be put back, the staging folder keeps it for the next run to restore.
  const abandon = async () => {
    await fs.rm(fresh, { recursive: true, force: true }).catch(() => undefined);
    if (!(await lstatOrUndefined(aside))) await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    if (madeParent) await removeEmptyFolders(parent, madeParent);
  };
  let current = target;
  try {
    await fs.mkdir(staging);
    // Written before the old folder is moved in, so that a later run knows where to put it back.
    await writeDurably(path.join(staging, STAGED.target), path.basename(target));
    await fs.mkdir(fresh);
    const folders = new Set<string>([fresh]);
    for (const file of files) {
      current = path.join(target, ...file.path.split('/'));
      const written = path.join(fresh, ...file.path.split('/'));
      for (let dir = path.dirname(written); !folders.has(dir); dir = path.dirname(dir)) folders.add(dir);
      await fs.mkdir(path.dirname(written), { recursive: true });
      await writeDurably(written, file.data);
    }
    current = target;
    // Deepest first: each folder's entries, then the entry naming it.
    for (const dir of [...folders].sort((a, b) => b.length - a.length)) await syncFolder(dir);
    await syncFolder(staging);
  } catch (error) {
    await abandon();
    return refused({ ok: false, reason: 'failed', file: current, detail: reason(error) });
  }

  if (before.kind === 'folder') {
    try {
      await fs.rename(target, aside);
    } catch (error) {
      await abandon();
      return refused({ ok: false, reason: 'failed', file: target, detail: reason(error) });
    }
    // A file put into the folder since it was looked at would go with it; now nobody can write there by its path, so look again.
    const again = await look(aside, writing).catch(() => before);
    const refusal = again.kind === 'folder' ? refusalFor(again, target, options.force) : undefined;
    if (refusal) {
      await fs.rename(aside, target).catch(() => undefined);
      await abandon();
      return refused(refusal);
    }
  }
  try {
    await fs.rename(fresh, target);
  } catch (error) {
    if (before.kind === 'folder') await fs.rename(aside, target).catch(() => undefined);
    await abandon();
    const code = (error as NodeJS.ErrnoException).code;
    // Without `force`, a folder that appeared meanwhile is not replaced.
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return refused({ ok: false, reason: 'exists', files: [target] });
    return refused({ ok: false, reason: 'failed', file: target, detail: reason(error) });
  }
  await syncFolder(parent);
  // The old folder first: a run killed while removing it leaves the name of the target, which tells the next run the rest can go.
  await fs.rm(aside, { recursive: true, force: true }).catch(() => undefined);
  await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
  return { ok: true, restored };
}

type Look = { kind: 'absent' } | { kind: 'not-folder' } | { kind: 'folder'; replaced: string[]; others: string[]; more: boolean };

/**
 * What is in the folder: the files the new folder has too (`replaced`,
 * relative) and the others, up to `OTHERS_NAMED`. Empty folders, system
 * files and temporary files of ours count as nothing.
 */
async function look(folder: string, writing: Set<string>): Promise<Look> {
  const stat = await lstatOrUndefined(folder);
  if (!stat) return { kind: 'absent' };
  if (!stat.isDirectory()) return { kind: 'not-folder' };
  const found: Look & { kind: 'folder' } = { kind: 'folder', replaced: [], others: [], more: false };
  const walk = async (dir: string, relative: string): Promise<void> => {
    // In name order, so that the files a refusal names are the same on every system.
    const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (found.others.length >= OTHERS_NAMED) {
        found.more = true;
        return;
      }
      const inside = relative ? `${relative}/${entry.name}` : entry.name;
      // A link to a folder is a file here: its target is never looked into, nor removed.
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), inside);
      else if (SYSTEM_FILES.has(entry.name.toLowerCase()) || isTemporaryName(entry.name)) continue;
      else if (writing.has(fileKey(inside))) found.replaced.push(inside);
      else found.others.push(inside);
    }
  };
  await walk(folder, '');
  return found;
}

function refusalFor(found: Look & { kind: 'folder' }, target: string, force: boolean): FolderRefusal | undefined {
  if (found.others.length) return { ok: false, reason: 'others', folder: target, files: found.others.map((f) => path.join(target, ...f.split('/'))), more: found.more };
  if (!force && found.replaced.length) return { ok: false, reason: 'exists', files: found.replaced.map((f) => path.join(target, ...f.split('/'))) };
  return undefined;
}

/** As macOS and Windows compare names: one file whatever the case. */
function fileKey(relative: string): string {
  return relative.normalize('NFC').toLowerCase();
}

function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

async function lstatOrUndefined(file: string) {
  try {
    return await fs.lstat(file);
  } catch {
    return undefined;
  }
}
