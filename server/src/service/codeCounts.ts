import { frontMatterText } from '../core/checks/frontMatter.js';
import type { CopyAssignment } from '../core/coders/copies.js';
import type { ParsedNote } from '../core/dialect/model.js';
import type { StudyCopies } from './studyCopies.js';
import type { WorkspaceIndex } from './workspace.js';

interface NoteCounts {
  parsed: ParsedNote;
  coder: string | undefined;
  counts: Map<string, number>;
}

/**
 * How many segments carry each code, in the study's view (the copies that
 * count) or in one coder's notes. Each note's counts are kept, and the
 * sums are updated by the notes that changed: a hover costs what changed
 * since the last one, not the workspace.
 */
export class CodeCounts {
  private readonly notes = new Map<string, NoteCounts>();
  private readonly changed = new Set<string>();
  private filled = false;
  /** Sums per view ('' for the study's, else the coder's name), made with `assignment`. */
  private sums = new Map<string, Map<string, number>>();
  private assignment: CopyAssignment<string> | undefined;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly copies: StudyCopies,
  ) {
    index.onNoteChange((uri) => this.changed.add(uri));
  }

  /** The counts in the study's view, or in this coder's notes. */
  counts(coder?: string): Map<string, number> {
    this.catchUp();
    const key = coder ?? '';
    let sums = this.sums.get(key);
    if (!sums) {
      sums = new Map();
      for (const [uri, note] of this.notes) if (this.inView(uri, note, coder)) add(sums, note.counts, 1);
      this.sums.set(key, sums);
    }
    return sums;
  }

  private catchUp(): void {
    if (!this.filled) {
      this.filled = true;
      for (const uri of this.index.noteUris()) this.changed.add(uri);
    }
    const updates: [string, NoteCounts | undefined][] = [];
    for (const uri of this.changed) {
      const before = this.notes.get(uri);
      const view = this.index.view(uri);
      if (before && before.parsed === view?.model.parsed) continue;
      updates.push([uri, view && { parsed: view.model.parsed, coder: frontMatterText(view.model.frontMatter.data.coder), counts: countCodes(view.model.segments) }]);
    }
    this.changed.clear();
    const assignment = this.copies.assignment();
    // Another grouping of copies changes who is in which view: the sums start again from the kept counts.
    if (assignment !== this.assignment) {
      this.assignment = assignment;
      this.sums = new Map();
    }
    for (const [uri, after] of updates) {
      const before = this.notes.get(uri);
      for (const [coder, sums] of this.sums) {
        const viewer = coder === '' ? undefined : coder;
        if (before && this.inView(uri, before, viewer)) add(sums, before.counts, -1);
        if (after && this.inView(uri, after, viewer)) add(sums, after.counts, 1);
      }
      if (after) this.notes.set(uri, after);
      else this.notes.delete(uri);
    }
  }

  private inView(uri: string, note: NoteCounts, coder: string | undefined): boolean {
    return this.assignment!.inView(uri, coder, note.coder);
  }
}

function countCodes(segments: readonly { codes: readonly { ref: { id: string } }[] }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const segment of segments) for (const code of segment.codes) counts.set(code.ref.id, (counts.get(code.ref.id) ?? 0) + 1);
  return counts;
}

function add(sums: Map<string, number>, counts: Map<string, number>, sign: 1 | -1): void {
  for (const [code, n] of counts) {
    const total = (sums.get(code) ?? 0) + sign * n;
    if (total) sums.set(code, total);
    else sums.delete(code);
  }
}
