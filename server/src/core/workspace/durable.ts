import { promises as fs } from 'node:fs';

/**
 * Writing so that a crash or a power cut after a rename never finds the
 * renamed file empty: the file's bytes reach the disk (fsync) before the
 * rename that makes them count, and the folder's entry after it, as git
 * and SQLite do.
 */

/** Creates `file` (never over an existing one) with `data`, flushed to the disk. */
export async function writeDurably(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Flushes a folder's entries (the names renamed or created in it) to the
 * disk, where the system can: Windows opens no folder as a file, and some
 * file systems refuse to flush one; the rename is done either way.
 */
export async function syncFolder(folder: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // Nothing to do: the entries reach the disk when the system flushes them.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
