import { URI, Utils } from 'vscode-uri';
import { loadCodebook, type LoadedCodebook } from '../core/codebook/codebook.js';
import type { Diagnostic } from '../core/checks/diagnostic.js';
import { readFrontMatter } from '../core/checks/frontMatter.js';
import { buildNoteModel, type NoteModel } from '../core/checks/noteModel.js';
import { copyFields } from '../core/coders/copies.js';
import type { ParsedNote } from '../core/dialect/model.js';
import { NoteParser, parseWhole } from '../core/dialect/note.js';
import type { Messages } from '../core/i18n/messages.js';
import { LineIndex } from '../core/text/lineIndex.js';
import { CODEBOOK_FILE, NOTE_SUFFIX } from '../core/workspace/discover.js';
import type { ServiceFileSystem } from './fileSystem.js';
import { candidatesAbove, nearestUriAbove } from './uriPaths.js';

export const isNoteUri = (uri: string) => uri.endsWith(NOTE_SUFFIX);
export const isCodebookUri = (uri: string) => uri.endsWith('/' + CODEBOOK_FILE);

interface NoteState {
  text: string;
  version: number;
  /** Open in the editor (its text comes from the client, not the disk). */
  open: boolean;
  /** Open notes only: the parser that keeps the last parse's blocks, so typing re-reads one block. A closed note is read whole, once. */
  parser: NoteParser | undefined;
  /** Derived from `text`; cleared when it changes. */
  read: { lines: LineIndex; parsed: ParsedNote; frontMatter: ReturnType<typeof readFrontMatter> } | undefined;
  model: { codebookGeneration: number; model: NoteModel } | undefined;
  /** What groups the note with other coders' copies of its transcript (its codebook and `copyFields`), as of its last view. */
  grouping: string | undefined;
  /** The last view made, while its version, parse and codebook generation hold. */
  lastView?: { codebookGeneration: number; view: NoteView };
  /** The note's codebook, found again only when the codebooks or the front matter's `codebook:` change. */
  located: { codebookGeneration: number; declared: string | undefined; codebookUri: string | undefined; problem: Diagnostic | undefined } | undefined;
}

interface CodebookState {
  text: string;
  open: boolean;
  loaded: LoadedCodebook;
}

/** Files read at once while scanning a folder: enough to keep the disk busy, few enough to hold little. */
const READ_AHEAD = 32;
/** How long the scan reads before it hands the work back, when it is asked to. */
const SCAN_SLICE_MS = 20;

/** A note analysed against its codebook, with what the server needs to answer about it. */
export interface NoteView {
  uri: string;
  version: number;
  model: NoteModel;
  lines: LineIndex;
  codebookUri: string | undefined;
  /** A problem finding the codebook, reported on the note. */
  codebookProblem: Diagnostic | undefined;
}

/**
 * Every note and codebook of the workspace, kept current from the editor
 * (open documents) and the disk (the rest). Analysis is lazy and cached per
 * document version and codebook generation: a keystroke re-analyses one
 * note, and only the blocks the keystroke touched.
 */
export class WorkspaceIndex {
  private readonly notes = new Map<string, NoteState>();
  private readonly codebooks = new Map<string, CodebookState>();
  /** Bumped whenever any codebook changes: every cached model is then stale. */
  private codebookGeneration = 0;

  /** Changes whenever a codebook does (for what is kept per codebook elsewhere). */
  get codebooksGeneration(): number {
    return this.codebookGeneration;
  }
  /** The nearest codebook for notes in each folder (by the folder's URI), for the codebooks of one generation. */
  private nearestCodebooks = { generation: -1, byFolder: new Map<string, string | undefined>() };
  /** A codebook for every note (from the settings), instead of looking for one. */
  private codebookOverride: string | undefined;
  /** Notes the settings leave out. */
  private excluded: (uri: string) => boolean = () => false;
  /** Bumped when a note comes or goes, or what groups a note with its copies changes. */
  private groupingGeneration = 0;
  /** Notes changed since they were last viewed: their grouping is not known yet. */
  private readonly unviewed = new Set<string>();
  /** Told of every note whose text came, changed or went, so that what is kept across notes is updated for those alone. */
  private readonly noteListeners: ((uri: string) => void)[] = [];

  constructor(
    private readonly fs: ServiceFileSystem,
    private readonly msg: Messages,
    /** How a note's messages name its codebook. */
    private readonly codebookName: (noteUri: string, codebookUri: string) => string = relativeName,
  ) {}

  /**
   * Reads every note and codebook under the workspace folders; returns
   * every file found (project files too, for their own keeper). `pause`,
   * called about every 20 ms, hands the work back (the server answers
   * requests meanwhile: a file system that reads at once never would).
   */
  async scan(folderUris: string[], pause?: () => Promise<void>): Promise<string[]> {
    const found: string[] = [];
    for (const folder of folderUris) found.push(...(await this.fs.findFiles(folder)));
    // Read several at a time, taken in in the order found: the notes' order decides, for one, which note names a person first.
    const reads: Promise<string | undefined>[] = [];
    let next = 0;
    const readAhead = () => {
      while (reads.length < Math.min(found.length, next + READ_AHEAD)) {
        const uri = found[reads.length]!;
        reads.push(this.wanted(uri) ? this.fs.readText(uri) : Promise.resolve(undefined));
      }
    };
    let sliceStart = performance.now();
    for (; next < found.length; next++) {
      readAhead();
      const uri = found[next]!;
      if (this.wanted(uri)) this.take(uri, await reads[next]!);
      if (pause && performance.now() - sliceStart > SCAN_SLICE_MS) {
        await pause();
        sliceStart = performance.now();
      }
    }
    return found;
  }

  /** Calls `listener` with every note whose text comes, changes or goes from now on. */
  onNoteChange(listener: (uri: string) => void): void {
    this.noteListeners.push(listener);
  }

  private changed(uri: string): void {
    this.unviewed.add(uri);
    for (const listener of this.noteListeners) listener(uri);
  }

  /** Leaves out the notes this matches, from now on; returns the ones it drops. */
  exclude(excluded: (uri: string) => boolean): string[] {
    this.excluded = excluded;
    const dropped = [...this.notes.keys()].filter(excluded);
    for (const uri of dropped) this.forget(uri);
    return dropped;
  }

  /** The editor opened or changed a document. */
  update(uri: string, text: string, version: number): void {
    if (isCodebookUri(uri)) this.setCodebook(uri, text, true);
    else if (isNoteUri(uri) && !this.excluded(uri)) {
      const state = this.notes.get(uri);
      if (state?.text === text) {
        Object.assign(state, { version, open: true });
        state.parser ??= new NoteParser(this.msg);
        return;
      }
      this.changed(uri);
      if (state) Object.assign(state, { text, version, open: true, read: undefined, parser: state.parser ?? new NoteParser(this.msg) });
      else this.notes.set(uri, { text, version, open: true, parser: new NoteParser(this.msg), read: undefined, model: undefined, located: undefined, grouping: undefined });
    }
  }

  /** The editor closed a document: from now on the disk is the truth. */
  async close(uri: string): Promise<void> {
    const note = this.notes.get(uri);
    if (note) Object.assign(note, { open: false, parser: undefined });
    const codebook = this.codebooks.get(uri);
    if (codebook) codebook.open = false;
    await this.reload(uri);
  }

  /** A file changed, appeared or disappeared on disk. Open documents keep the editor's text. */
  async reload(uri: string): Promise<void> {
    if (!this.wanted(uri)) return;
    this.take(uri, await this.fs.readText(uri));
  }

  /** A note or codebook the disk is the truth for: not excluded, not open in the editor. */
  private wanted(uri: string): boolean {
    if (!isNoteUri(uri) && !isCodebookUri(uri)) return false;
    if (isNoteUri(uri) && this.excluded(uri)) return false;
    return !(this.notes.get(uri)?.open || this.codebooks.get(uri)?.open);
  }

  /** What the disk holds for a file (undefined: it is gone or unreadable). */
  private take(uri: string, text: string | undefined): void {
    // While the disk was read, the settings may have excluded the note, or the editor opened it.
    if (!this.wanted(uri)) return;
    if (text === undefined) {
      this.forget(uri);
      if (this.codebooks.delete(uri)) this.codebookGeneration++;
      return;
    }
    if (isCodebookUri(uri)) this.setCodebook(uri, text, false);
    else {
      const state = this.notes.get(uri);
      if (state?.text === text) return;
      this.changed(uri);
      if (state) Object.assign(state, { text, version: state.version + 1, read: undefined });
      else this.notes.set(uri, { text, version: 0, open: false, parser: undefined, read: undefined, model: undefined, located: undefined, grouping: undefined });
    }
  }

  private forget(uri: string): void {
    if (!this.notes.delete(uri)) return;
    this.groupingGeneration++;
    this.unviewed.delete(uri);
    for (const listener of this.noteListeners) listener(uri);
  }

  /**
   * Changes whenever the grouping of notes into transcripts may have
   * changed (a note came or went; a note's `id`, `coder`, `consensus`,
   * `status` or codebook changed), and only then: what is derived from the
   * grouping can be kept while it stays the same.
   */
  groupingVersion(): string {
    for (const uri of [...this.unviewed]) this.view(uri);
    return `${this.groupingGeneration}:${this.codebookGeneration}`;
  }

  private setCodebook(uri: string, text: string, open: boolean): void {
    const existing = this.codebooks.get(uri);
    if (existing && existing.text === text) {
      existing.open = open;
      return;
    }
    this.codebooks.set(uri, { text, open, loaded: loadCodebook(text, uri, this.msg) });
    this.codebookGeneration++;
  }

  /**
   * Reads the codebooks an open note may use that the workspace scan did
   * not find: the one its front matter names and the nearest one above it,
   * when the note lies outside the workspace folders or names a codebook
   * elsewhere. Returns true when it read one (the note needs checking again).
   */
  async loadCodebooksFor(noteUri: string): Promise<boolean> {
    const note = this.notes.get(noteUri);
    if (!note || this.codebookOverride) return false;
    this.view(noteUri);
    const declared = note.read?.frontMatter.frontMatter.data.codebook;
    if (typeof declared !== 'string') return this.loadNearestCodebook(noteUri);
    return this.loadFirstCodebook([Utils.resolvePath(Utils.dirname(URI.parse(noteUri)), declared).toString()]);
  }

  /**
   * Reads the nearest `codebook.yaml` in a note's folder or above, if no
   * nearer one is known, without reading the note: the command line calls
   * it before its notes are read, on several threads. Returns true when it
   * read one.
   */
  async loadNearestCodebook(noteUri: string): Promise<boolean> {
    if (this.codebookOverride) return false;
    return this.loadFirstCodebook(candidatesAbove(noteUri, CODEBOOK_FILE));
  }

  /** Reads the first candidate that exists, unless one before it is known already (the nearest codebook wins). */
  private async loadFirstCodebook(candidates: string[]): Promise<boolean> {
    for (const candidate of candidates) {
      if (this.codebooks.has(candidate)) return false;
      const text = await this.fs.readText(candidate);
      if (text !== undefined) {
        this.setCodebook(candidate, text, false);
        return true;
      }
    }
    return false;
  }

  /** Use this codebook for every note (undefined: look for one per note). */
  async overrideCodebook(uri: string | undefined): Promise<void> {
    if (uri === this.codebookOverride) return;
    this.codebookOverride = uri;
    this.codebookGeneration++;
    if (uri && !this.codebooks.has(uri)) {
      const text = await this.fs.readText(uri);
      if (text !== undefined) this.setCodebook(uri, text, false);
    }
  }

  /** Open in the editor: its text comes from the client, and it is edited block by block. */
  isOpen(uri: string): boolean {
    return this.notes.get(uri)?.open === true;
  }

  noteUris(): string[] {
    return [...this.notes.keys()];
  }

  codebookUris(): string[] {
    return [...this.codebooks.keys()];
  }

  codebook(uri: string): LoadedCodebook | undefined {
    return this.codebooks.get(uri)?.loaded;
  }

  codebookLines(uri: string): LineIndex | undefined {
    const state = this.codebooks.get(uri);
    return state && new LineIndex(state.text);
  }

  /** Notes whose text is not read yet (closed notes since they came from the disk), with that text: what another thread may read. */
  unread(): { uri: string; text: string }[] {
    const out: { uri: string; text: string }[] = [];
    for (const [uri, note] of this.notes) if (!note.read && !note.parser) out.push({ uri, text: note.text });
    return out;
  }

  /** A note read elsewhere (another thread) from `text`: kept as if `view` had read it, unless the note has changed since. */
  adopt(uri: string, text: string, parsed: ParsedNote, frontMatter: ReturnType<typeof readFrontMatter>): void {
    const note = this.notes.get(uri);
    if (!note || note.read || note.text !== text) return;
    note.read = { lines: new LineIndex(text), parsed, frontMatter };
  }

  /** The note analysed against its codebook (cached per version and codebook generation). */
  view(uri: string): NoteView | undefined {
    const note = this.notes.get(uri);
    if (!note) return undefined;
    // Asked of every note by every pass over the workspace: nothing is worked out again while nothing changed.
    const last = note.lastView;
    if (last && last.codebookGeneration === this.codebookGeneration && last.view.version === note.version && last.view.model.parsed === note.read?.parsed) return last.view;
    if (!note.read) {
      const parsed = note.parser ? note.parser.parse(note.text) : parseWhole(note.text, this.msg);
      note.read = { lines: new LineIndex(note.text), parsed, frontMatter: readFrontMatter(note.text, parsed.frontMatter, this.msg) };
    }
    const { lines, parsed, frontMatter } = note.read;
    const raw = frontMatter.frontMatter.data.codebook;
    const declared = typeof raw === 'string' ? raw : undefined;
    if (note.located?.codebookGeneration !== this.codebookGeneration || note.located.declared !== declared || note.model?.model.parsed !== parsed) {
      note.located = { codebookGeneration: this.codebookGeneration, declared, ...this.codebookFor(uri, declared, frontMatter.frontMatter.valueSpans.get('codebook')) };
    }
    const { codebookUri, problem } = note.located;
    if (note.model?.codebookGeneration !== this.codebookGeneration || note.model.model.parsed !== parsed) {
      const codebook = codebookUri ? this.codebooks.get(codebookUri)?.loaded.codebook : undefined;
      note.model = {
        codebookGeneration: this.codebookGeneration,
        model: buildNoteModel(parsed, codebook, this.msg, { frontMatter, codebookName: codebookUri && this.codebookName(uri, codebookUri) }),
      };
    }
    this.unviewed.delete(uri);
    const grouping = JSON.stringify([codebookUri, copyFields(frontMatter.frontMatter.data)]);
    if (grouping !== note.grouping) {
      note.grouping = grouping;
      this.groupingGeneration++;
    }
    const view = { uri, version: note.version, model: note.model.model, lines, codebookUri, codebookProblem: problem };
    note.lastView = { codebookGeneration: this.codebookGeneration, view };
    return view;
  }

  /** The codebook a note in this folder without `codebook:` in its front matter would use, if any. */
  codebookAt(folderUri: string): string | undefined {
    return this.codebookFor(Utils.joinPath(URI.parse(folderUri), 'note' + NOTE_SUFFIX).toString(), undefined, undefined).codebookUri;
  }

  /** The nearest `codebook.yaml` in a note's folder or above: the same for every note of a folder, so looked up once per folder. */
  private nearestCodebook(noteUri: string): string | undefined {
    if (this.nearestCodebooks.generation !== this.codebookGeneration) this.nearestCodebooks = { generation: this.codebookGeneration, byFolder: new Map() };
    const folder = noteUri.slice(0, noteUri.lastIndexOf('/') + 1);
    const { byFolder } = this.nearestCodebooks;
    if (byFolder.has(folder)) return byFolder.get(folder);
    const nearest = nearestUriAbove(noteUri, CODEBOOK_FILE, (candidate) => this.codebooks.has(candidate));
    byFolder.set(folder, nearest);
    return nearest;
  }

  /**
   * The codebook the front matter names (relative to the note), else the
   * nearest `codebook.yaml` in the note's folder or above it.
   */
  private codebookFor(noteUri: string, declared: string | undefined, declaredSpan: { start: number; end: number } | undefined): { codebookUri: string | undefined; problem: Diagnostic | undefined } {
    if (this.codebookOverride) {
      if (this.codebooks.has(this.codebookOverride)) return { codebookUri: this.codebookOverride, problem: undefined };
      return { codebookUri: undefined, problem: { span: { start: 0, end: 0 }, severity: 'error', code: 'codebook/not-found', message: this.msg.settingsCodebookMissing(URI.parse(this.codebookOverride).fsPath) } };
    }
    if (declared) {
      const target = Utils.resolvePath(Utils.dirname(URI.parse(noteUri)), declared).toString();
      if (this.codebooks.has(target)) return { codebookUri: target, problem: undefined };
      return {
        codebookUri: undefined,
        problem: { span: declaredSpan ?? { start: 0, end: 0 }, severity: 'error', code: 'frontmatter/invalid', message: this.msg.frontmatterCodebookMissing(declared) },
      };
    }
    const nearest = this.nearestCodebook(noteUri);
    if (nearest) return { codebookUri: nearest, problem: undefined };
    return { codebookUri: undefined, problem: { span: { start: 0, end: 0 }, severity: 'warning', code: 'codebook/not-found', message: this.msg.codebookNotFound() } };
  }
}

/** How a note's messages name its codebook: the path from the note's folder. */
export function relativeName(noteUri: string, codebookUri: string): string {
  const from = Utils.dirname(URI.parse(noteUri)).path.split('/');
  const to = URI.parse(codebookUri).path.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}
