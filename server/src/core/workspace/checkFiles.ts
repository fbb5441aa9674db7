import path from 'node:path';
import { loadCodebook } from '../codebook/codebook.js';
import type { Diagnostic } from '../checks/diagnostic.js';
import { readFrontMatter } from '../checks/frontMatter.js';
import { buildNoteModel } from '../checks/noteModel.js';
import { NoteParser } from '../dialect/note.js';
import type { Messages } from '../i18n/messages.js';
import { CodebookLocator } from './codebookLocator.js';
import { readTextFile } from './readText.js';

export interface FileReport {
  /** Absolute path. */
  path: string;
  /** The text the diagnostics' spans point into (undefined when it could not be read). */
  text: string | undefined;
  diagnostics: Diagnostic[];
}

export interface CheckOptions {
  msg: Messages;
  /** A codebook to use for every note, instead of looking for one. */
  codebook?: string;
  /** How paths appear in messages. */
  displayPath: (absolute: string) => string;
}

const isCodebookFile = (file: string) => /\.ya?ml$/i.test(file);

/**
 * Checks notes (and codebooks named directly) against their codebooks.
 * Reads files, never writes them. Codebook reports come first: a broken
 * codebook explains many note diagnostics.
 */
export async function checkFiles(files: string[], options: CheckOptions): Promise<FileReport[]> {
  const { msg } = options;
  const locator = new CodebookLocator(msg, options.codebook);
  const notes: FileReport[] = [];
  const standaloneCodebooks: FileReport[] = [];
  for (const file of files) {
    const read = await readTextFile(file, msg);
    if (!read.ok) {
      notes.push({ path: file, text: undefined, diagnostics: [read.diagnostic] });
      continue;
    }
    if (isCodebookFile(file)) {
      standaloneCodebooks.push({ path: file, text: read.text, diagnostics: loadCodebook(read.text, file, msg).diagnostics });
      continue;
    }
    const parsed = new NoteParser(msg).parse(read.text);
    const frontMatter = readFrontMatter(read.text, parsed.frontMatter, msg);
    const declared = frontMatter.frontMatter.data.codebook;
    const located = await locator.pathFor(file, typeof declared === 'string' ? declared : undefined);
    const extra: Diagnostic[] = [];
    let codebookPath = located.path;
    if (located.declaredMissing) {
      const span = frontMatter.frontMatter.valueSpans.get('codebook') ?? { start: 0, end: 0 };
      extra.push({ span, severity: 'error', code: 'frontmatter/invalid', message: msg.frontmatterCodebookMissing(String(declared)) });
    } else if (!codebookPath) {
      extra.push({ span: { start: 0, end: 0 }, severity: 'warning', code: 'codebook/not-found', message: msg.codebookNotFound() });
    }
    const load = codebookPath ? await locator.load(codebookPath) : undefined;
    const model = buildNoteModel(parsed, load?.loaded?.codebook, msg, {
      frontMatter,
      codebookName: codebookPath ? options.displayPath(codebookPath) : undefined,
    });
    notes.push({ path: file, text: read.text, diagnostics: [...extra, ...model.diagnostics] });
  }
  const named = new Set(standaloneCodebooks.map((r) => r.path));
  const codebooks: FileReport[] = (await locator.all())
    .filter((load) => load.diagnostics.length && !named.has(load.path))
    .map((load) => ({ path: load.path, text: load.loaded?.codebook.text, diagnostics: load.diagnostics }));
  return [...standaloneCodebooks, ...codebooks, ...notes];
}

/** Paths as the user sees them: relative to the working folder when inside it, with `/`. */
export function displayPathFrom(cwd: string): (absolute: string) => string {
  return (absolute) => {
    const relative = path.relative(cwd, absolute);
    const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
    return shown.split(path.sep).join('/');
  };
}
