import { frontMatterText } from '../core/checks/frontMatter.js';
import { assignCopies, copyFields, type CopyAssignment, type CopyCandidate } from '../core/coders/copies.js';
import type { Diagnostic } from '../core/checks/diagnostic.js';
import type { Locale } from '../core/i18n/messages.js';
import type { ProjectFiles } from './projectFiles.js';
import type { NoteView, WorkspaceIndex } from './workspace.js';

/**
 * The workspace's transcripts that several coders coded, and which copy of
 * each the analysis counts (the core's rule, `core/coders/copies.ts`). The
 * assignment is kept while no note's `id`, `coder`, `consensus`, `status`
 * or codebook and no project's coders change, so typing in a transcript
 * does not regroup the workspace.
 */
export class StudyCopies {
  private cached: { version: string; assignment: CopyAssignment<string> } | undefined;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly projects: ProjectFiles,
    /** How messages name a note (its path in the workspace). */
    private readonly nameOf: (uri: string) => string,
  ) {}

  assignment(): CopyAssignment<string> {
    const version = `${this.index.groupingVersion()}:${this.projects.generation}`;
    if (this.cached?.version === version) return this.cached.assignment;
    const candidates: CopyCandidate<string>[] = [];
    for (const uri of this.index.noteUris()) {
      const view = this.index.view(uri);
      if (!view) continue;
      const fields = copyFields(view.model.frontMatter.data);
      if (fields.id === undefined) continue;
      candidates.push(this.candidate(uri, view, { ...fields, study: view.codebookUri ?? '', settings: this.projects.projectFor(uri).coders }));
    }
    this.cached = { version, assignment: assignCopies(candidates) };
    return this.cached.assignment;
  }

  /** The `coders/*` diagnostics of a note. */
  diagnostics(uri: string, locale: Locale): Diagnostic[] {
    return this.assignment().diagnostics(uri, locale);
  }

  /**
   * Which notes belong in a view of the study: the copies that count, or
   * (given a coder) that coder's notes. Asks for the assignment once, so
   * that a pass over every note does not check the grouping note by note.
   */
  inView(coder?: string): (view: NoteView) => boolean {
    const assignment = this.assignment();
    return (view) => assignment.inView(view.uri, coder, frontMatterText(view.model.frontMatter.data.coder));
  }

  /** The notes that share a transcript with this one (its other copies). */
  peers(uri: string): string[] {
    return (this.assignment().transcriptOf(uri)?.copies ?? []).map((c) => c.key).filter((key) => key !== uri);
  }

  private candidate(uri: string, view: NoteView, known: Pick<CopyCandidate<string>, 'id' | 'coder' | 'study' | 'settings' | 'consensus' | 'reviewed'>): CopyCandidate<string> {
    const index = this.index;
    // The assignment outlives this view: the words and lines are the note's as it is when a message is made.
    const current = () => index.view(uri) ?? view;
    return {
      key: uri,
      name: this.nameOf(uri),
      ...known,
      get idSpan() {
        return current().model.frontMatter.valueSpans.get('id');
      },
      get coderSpan() {
        return current().model.frontMatter.valueSpans.get('coder');
      },
      get parsed() {
        return current().model.parsed;
      },
      lineOf: (offset) => current().lines.position(offset).line + 1,
    };
  }
}
