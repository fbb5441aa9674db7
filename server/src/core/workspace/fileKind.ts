import { promises as fs } from 'node:fs';

/** Whether `path` is a file (following links); false when it is missing or unreadable. */
export async function isFile(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Whether `path` is a folder (following links); false when it is missing or unreadable. */
export async function isFolder(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Whether anything is at `path`, a broken link included (not followed). */
export async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}
