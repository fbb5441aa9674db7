import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isFolder } from './fileKind.js';
import { PROJECT_FILE } from '../project/projectFile.js';

export const NOTE_SUFFIX = '.fn.md';
export const CODEBOOK_FILE = 'codebook.yaml';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface Discovery {
  /** Absolute paths of notes, sorted. */
  notes: string[];
  /** Paths the user named that do not exist. */
  missing: string[];
}

/**
 * The notes under the given paths: a folder is searched for `*.fn.md`
 * (skipping hidden folders and node_modules); a file named directly is
 * taken whatever its name, because the user asked for it.
 */
export async function discoverNotes(paths: string[], cwd: string): Promise<Discovery> {
  const notes = new Set<string>();
  const missing: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch {
      missing.push(given);
      continue;
    }
    if (stat.isDirectory()) await walk(absolute, notes, isNote);
    else notes.add(absolute);
  }
  return { notes: [...notes].sort(), missing };
}

const isNote = (name: string) => name.endsWith(NOTE_SUFFIX);

/** Notes, codebooks and project files under a folder (for the language server's workspace index). */
export async function discoverWorkspaceFiles(folder: string): Promise<string[]> {
  const found = new Set<string>();
  await walk(folder, found, (name) => isNote(name) || name === CODEBOOK_FILE || name === PROJECT_FILE);
  return [...found].sort();
}

async function walk(folder: string, into: Set<string>, wanted: (name: string) => boolean): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch {
    // An unreadable folder holds no notes we can check; the walk goes on.
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) await walk(full, into, wanted);
    } else if (wanted(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && !(await isFolder(full))))) {
      // A link to a note is followed; a broken link is kept, so that reading it reports the problem by name.
      into.add(full);
    }
  }
}

