import { anonDiagnostics, type AnonSeverityOptions } from '../core/anon/anonDiagnostics.js';
import { compareDiagnostics, type Diagnostic } from '../core/checks/diagnostic.js';
import { reviewDiagnostics } from '../core/checks/reviews.js';
import type { Messages } from '../core/i18n/messages.js';
import { WorkspaceAnonymity } from './anonymity.js';
import { CodeCounts } from './codeCounts.js';
import type { ColdNote, ColdRead, ColdReader } from './coldRead.js';
import type { ServiceFileSystem } from './fileSystem.js';
import { ProjectFiles } from './projectFiles.js';
import { StudyCopies } from './studyCopies.js';
import { WorkspaceIndex, type NoteView } from './workspace.js';

/** How a whole-workspace check goes: it hands the work back between slices, and stops when a newer one starts. */
export interface CheckAllOptions {
  /** Called between slices of about `sliceMs`: the caller answers requests meanwhile. */
  pause?: () => Promise<void>;
  sliceMs?: number;
  /** True when a newer check replaced this one: it stops. */
  isStale?: () => boolean;
  /** How far it is, out of the notes' count, for a progress bar. */
  progress?: (done: number, total: number) => void;
  /** Another thread for part of the notes not yet read (made only when there are enough to pay for it). */
  reader?: () => ColdReader;
  /** Called once every note is read, before any is published (the command line reads the codebooks notes name then). */
  afterRead?: () => Promise<void>;
}

/** Fewer unread notes than this are read faster by this thread alone than with a thread to start. */
const NOTES_FOR_ANOTHER_THREAD = 64;

/**
 * The workspace model the language server and the CLI share: every note,
 * codebook and project file, the copies of transcripts several coders
 * coded, the anonymization's knowledge across notes and the code counts,
 * each kept as an index updated per changed note. A note's diagnostics
 * are made one way, whoever asks.
 */
export class WorkspaceEngine {
  readonly index: WorkspaceIndex;
  readonly projects: ProjectFiles;
  readonly anonymity: WorkspaceAnonymity;
  readonly copies: StudyCopies;
  readonly counts: CodeCounts;

  constructor(
    fs: ServiceFileSystem,
    private readonly msg: Messages,
    /** How messages name a note (its path in the workspace). */
    nameOf: (uri: string) => string,
    /** How a note's messages name its codebook (by default, the path from the note's folder). */
    codebookName?: (noteUri: string, codebookUri: string) => string,
  ) {
    this.index = new WorkspaceIndex(fs, msg, codebookName);
    this.projects = new ProjectFiles(fs, msg);
    this.anonymity = new WorkspaceAnonymity(this.index, this.projects);
    this.copies = new StudyCopies(this.index, this.projects, nameOf);
    this.counts = new CodeCounts(this.index, this.copies);
  }

  /**
   * Everything to say about a note, in text order: a codebook it cannot
   * find, its codes and front matter, what may identify someone, open
   * review comments, and its place among other coders' copies.
   */
  noteDiagnostics(uri: string, options: AnonSeverityOptions = {}): { view: NoteView; diagnostics: Diagnostic[] } | undefined {
    const view = this.index.view(uri);
    if (!view) return undefined;
    const diagnostics = [
      ...(view.codebookProblem ? [view.codebookProblem] : []),
      ...view.model.diagnostics,
      ...anonDiagnostics(this.anonymity.findings(uri), this.msg.locale, options),
      ...reviewDiagnostics(view.model.parsed, this.msg),
      ...this.copies.diagnostics(uri, this.msg.locale),
    ].sort(compareDiagnostics);
    return { view, diagnostics };
  }

  /**
   * Checks every note, handing each to `publish`: first every note read
   * and checked on its own (what a note confirms changes the others), then
   * each note's diagnostics. Linear in the notes; false when a newer check
   * replaced this one.
   */
  async checkAll(publish: (uri: string) => void, options: CheckAllOptions = {}): Promise<boolean> {
    const notes = this.index.noteUris();
    const slice = options.sliceMs ?? 20;
    let sliceStart = performance.now();
    let done = 0;
    const between = async (): Promise<boolean> => {
      if (!options.pause || performance.now() - sliceStart < slice) return !options.isStale?.();
      options.progress?.(done, notes.length * 2);
      await options.pause();
      sliceStart = performance.now();
      return !options.isStale?.();
    };
    const unread = this.index.unread();
    const reader = options.reader && unread.length >= NOTES_FOR_ANOTHER_THREAD ? options.reader() : undefined;
    /** The other thread takes unread notes from the end, this one takes notes from the start, until they meet. */
    const away = new Map<string, ColdNote>();
    const here = new Set<string>();
    let back = unread.length;
    const takeFromBack = (count: number): ColdNote[] => {
      const batch: ColdNote[] = [];
      while (batch.length < count && back > 0 && !here.has(unread[back - 1]!.uri)) {
        const note = unread[--back]!;
        const cold = { ...note, project: this.anonymity.projectOf(note.uri) };
        away.set(note.uri, cold);
        batch.push(cold);
      }
      return batch;
    };
    try {
      const readAway = reader?.read(takeFromBack, (read) => this.adopt(read, away.get(read.uri)));
      for (const uri of notes) {
        if (away.has(uri)) continue;
        here.add(uri);
        if (!(await between())) return false;
        // Read and modelled here, in slices, rather than all at once by the first pass that needs every note (the copies).
        this.index.view(uri);
        this.anonymity.prepare(uri, { bulk: true });
        done++;
      }
      await readAway;
      await options.afterRead?.();
      done = notes.length;
      // Every note's own result is in: what the workspace adds to each is known.
      const keys = new Map<string, string>();
      const rechecks = [];
      for (const uri of away.keys()) {
        const workspace = this.anonymity.workspaceFor(uri);
        if (!workspace) continue;
        keys.set(uri, workspace.key);
        rechecks.push({ uri, known: workspace.known, words: workspace.words });
      }
      const recheckedAway = reader?.recheck(rechecks, (uri, findings) => this.anonymity.adoptWorkspace(uri, keys.get(uri)!, findings));
      // Every note is published next, with what every note confirms.
      this.anonymity.takeConcerned();
      for (const uri of notes) {
        if (away.has(uri)) continue;
        if (!(await between())) return false;
        publish(uri);
        done++;
      }
      await recheckedAway;
      for (const uri of away.keys()) {
        if (!(await between())) return false;
        publish(uri);
        done++;
      }
      return true;
    } finally {
      await reader?.close();
    }
  }

  /** A note another thread read, taken in if the note is still as it was sent. */
  private adopt(read: ColdRead, sent: ColdNote | undefined): void {
    if (!sent) return;
    this.index.adopt(read.uri, sent.text, read.parsed, read.frontMatter);
    this.anonymity.adopt(read.uri, read.parsed, sent.project, read.own);
  }
}
