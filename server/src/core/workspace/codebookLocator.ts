import path from 'node:path';
import { loadCodebook, type LoadedCodebook } from '../codebook/codebook.js';
import type { Diagnostic } from '../checks/diagnostic.js';
import type { Messages } from '../i18n/messages.js';
import { isFile } from './fileKind.js';
import { nearestFileAbove } from './nearestFile.js';
import { readTextFile } from './readText.js';

export const CODEBOOK_FILE = 'codebook.yaml';

export interface CodebookLoad {
  path: string;
  loaded: LoadedCodebook | undefined;
  /** Problems of the codebook file itself (unreadable, invalid), reported once against it. */
  diagnostics: Diagnostic[];
}

/**
 * Finds and loads the codebook of each note, once per codebook file:
 * an explicit override, else the note's front matter `codebook:` (relative
 * to the note), else `codebook.yaml` in the note's folder or the nearest
 * folder above it.
 */
export class CodebookLocator {
  private readonly loads = new Map<string, Promise<CodebookLoad>>();

  constructor(
    private readonly msg: Messages,
    private readonly override?: string,
  ) {}

  /** The codebook path for a note, or undefined when there is none. */
  async pathFor(notePath: string, declared: string | undefined): Promise<{ path: string | undefined; declaredMissing: boolean }> {
    if (this.override) return { path: this.override, declaredMissing: false };
    if (declared) {
      const candidate = path.resolve(path.dirname(notePath), declared);
      return (await isFile(candidate)) ? { path: candidate, declaredMissing: false } : { path: undefined, declaredMissing: true };
    }
    return { path: await nearestFileAbove(path.dirname(notePath), CODEBOOK_FILE, isFile), declaredMissing: false };
  }

  load(codebookPath: string): Promise<CodebookLoad> {
    let load = this.loads.get(codebookPath);
    if (!load) {
      load = this.read(codebookPath);
      this.loads.set(codebookPath, load);
    }
    return load;
  }

  /** Every codebook loaded so far. */
  all(): Promise<CodebookLoad[]> {
    return Promise.all(this.loads.values());
  }

  private async read(codebookPath: string): Promise<CodebookLoad> {
    const read = await readTextFile(codebookPath, this.msg);
    if (!read.ok) return { path: codebookPath, loaded: undefined, diagnostics: [read.diagnostic] };
    const loaded = loadCodebook(read.text, codebookPath, this.msg);
    return { path: codebookPath, loaded, diagnostics: loaded.diagnostics };
  }
}

