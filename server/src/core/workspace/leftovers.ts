import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { exists } from './fileKind.js';
import { syncFolder } from './durable.js';
import { MAX_NAME_BYTES, utf8Length } from '../text/utf8.js';

/**
 * What Fieldnotes writes before it is in place, named so that a later run
 * can tell it from the user's files, and the clean-up of what a killed run
 * left behind (SIGKILL, a power cut: no `finally` runs).
 *
 * - A file being written: `.NAME.fieldnotes-PID-HEX.tmp` beside its
 *   target (versions before named it `.NAME.HEX.tmp`).
 * - An import being written: the folder `.NAME.fieldnotes-import-PID-HEX`
 *   beside its target, holding `new` (the import), `target` (the target's
 *   name) and, while a folder is being replaced, `old` (the folder it
 *   replaces).
 *
 * Only a run that has ended leaves anything stale: the process id in the
 * name tells whether the run that wrote it is still going (another
 * export from the editor, say), and then it is left alone.
 */

const TEMPORARY = /^\..*\.fieldnotes-(\d+)-[0-9a-f]{12}\.tmp$/s;
/** Before process ids were part of the name; no run of those versions is still writing. */
const OLD_TEMPORARY = /^\..+\.[0-9a-f]{12}\.tmp$/s;
const STAGING = /^\..*\.fieldnotes-import-(\d+)-[0-9a-f]{12}$/s;

export const STAGED = { fresh: 'new', replaced: 'old', target: 'target' } as const;

/** Where `target` is written before it is renamed into place. */
export function temporaryPath(target: string): string {
  return path.join(path.dirname(target), ourName(path.basename(target), `.fieldnotes-${process.pid}-${randomHex()}.tmp`));
}

/** Where an import into the folder `target` is written before it is renamed into place. */
export function stagingPath(target: string): string {
  return path.join(path.dirname(target), ourName(path.basename(target), `.fieldnotes-import-${process.pid}-${randomHex()}`));
}

/** A temporary file of ours, left or being written, by its name. */
export function isTemporaryName(name: string): boolean {
  return TEMPORARY.test(name) || OLD_TEMPORARY.test(name);
}

/**
 * Removes, in `folder`, the temporary files and import folders of runs
 * that have ended. A folder an import had moved aside to replace it, when
 * the run was killed before the new one took its place, is put back
 * first. Returns the folders put back. Never throws: what cannot be
 * cleaned is left for the next run.
 */
export async function cleanLeftovers(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return [];
  }
  const restored: string[] = [];
  for (const name of names) {
    const full = path.join(folder, name);
    try {
      const temporary = TEMPORARY.exec(name);
      if (temporary ? !isRunning(Number(temporary[1])) : OLD_TEMPORARY.test(name)) {
        if ((await fs.lstat(full)).isFile()) await fs.rm(full, { force: true });
        continue;
      }
      const staging = STAGING.exec(name);
      if (staging && !isRunning(Number(staging[1])) && (await fs.lstat(full)).isDirectory()) {
        const back = await recoverStaging(full);
        if (back) restored.push(back);
      }
    } catch {
      // Gone meanwhile, or not ours to remove: left as it is.
    }
  }
  return restored;
}

/**
 * A killed import's folder: the folder it was replacing goes back where it
 * was if nothing took its place; then the rest goes. Returns the folder put
 * back. Kept whole when it holds a replaced folder whose place is taken by
 * something that is not the import (nothing of the user's is removed on a
 * guess).
 */
async function recoverStaging(staging: string): Promise<string | undefined> {
  const replaced = path.join(staging, STAGED.replaced);
  let restored: string | undefined;
  if (await exists(replaced)) {
    const name = await fs.readFile(path.join(staging, STAGED.target), 'utf8').catch(() => '');
    if (!name || name === '.' || name === '..' || /[/\\]/.test(name)) return undefined;
    const target = path.join(path.dirname(staging), name);
    if (!(await exists(target))) {
      await fs.rename(replaced, target);
      await syncFolder(path.dirname(staging));
      restored = target;
    } else if (await exists(path.join(staging, STAGED.fresh))) {
      return undefined;
    } else {
      // The new folder took its place. The old one goes first, so that the name of the target stays until it is gone.
      await fs.rm(replaced, { recursive: true, force: true });
    }
  }
  await fs.rm(staging, { recursive: true, force: true });
  return restored;
}

/** Whether the process that wrote a leftover still runs (this one included; a process of another user counts). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `.NAME` + `tail`, the name cut (between characters) so that the whole fits in one name component. */
function ourName(name: string, tail: string): string {
  const budget = MAX_NAME_BYTES - utf8Length(tail) - 1;
  let cut = '';
  let used = 0;
  for (const character of name) {
    used += utf8Length(character);
    if (used > budget) break;
    cut += character;
  }
  return `.${cut}${tail}`;
}

function randomHex(): string {
  return randomBytes(6).toString('hex');
}
