import { AnonCache, checkAnonymity, fromOtherNotes, type AnonResult } from '../core/anon/check.js';
import { lexicon } from '../core/anon/lexicon.js';
import type { NameKnowledge } from '../core/anon/names.js';
import type { AnonFinding } from '../core/anon/types.js';
import type { ParsedNote } from '../core/dialect/model.js';
import type { AnonProject } from '../core/anon/anonSettings.js';
import type { ProjectFiles } from './projectFiles.js';
import type { WorkspaceIndex } from './workspace.js';

/**
 * The anonymization findings of every note, with the workspace's
 * consistency pass: a name confirmed in one note is flagged in the
 * others. Each note is checked once per parse (results are kept by the
 * parsed note), and again only when another note confirms a name it holds.
 */
export class WorkspaceAnonymity {
  private readonly own = new WeakMap<ParsedNote, { project: AnonProject; result: AnonResult }>();
  /** Per note: its paragraphs' results from the last check, so that typing re-reads one paragraph. */
  private readonly caches = new Map<string, AnonCache>();
  private readonly withWorkspace = new WeakMap<ParsedNote, { known: string; project: AnonProject; findings: AnonFinding[] }>();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly projects: ProjectFiles,
    private readonly knowledge: NameKnowledge = lexicon(),
  ) {}

  findings(uri: string): AnonFinding[] {
    const parsed = this.index.view(uri)?.model.parsed;
    if (!parsed) return [];
    const project = this.projects.projectFor(uri).anonymization;
    const own = this.ownResult(uri, parsed, project);
    const workspace = fromOtherNotes(
      parsed,
      own,
      this.notes().map((note) => (note.uri === uri ? own : this.ownResult(note.uri, note.parsed, note.project))),
    );
    if (!workspace) return own.findings;
    const cached = this.withWorkspace.get(parsed);
    if (cached?.known === workspace.key && cached.project === project) return cached.findings;
    const findings = checkAnonymity(parsed, this.knowledge, { known: workspace.known, isWord: workspace.isWord, project, cache: this.cacheOf(uri) }).findings;
    this.withWorkspace.set(parsed, { known: workspace.key, project, findings });
    return findings;
  }

  private cacheOf(uri: string): AnonCache {
    let cache = this.caches.get(uri);
    if (!cache) this.caches.set(uri, (cache = new AnonCache()));
    return cache;
  }

  /** A note's own findings, without the other notes. */
  private ownResult(uri: string, parsed: ParsedNote, project: AnonProject): AnonResult {
    const cached = this.own.get(parsed);
    if (cached?.project === project) return cached.result;
    const result = checkAnonymity(parsed, this.knowledge, { project, cache: this.cacheOf(uri) });
    this.own.set(parsed, { project, result });
    return result;
  }

  /** The workspace's notes, parsed, with their projects, in the index's order. */
  private notes(): { uri: string; parsed: ParsedNote; project: AnonProject }[] {
    const notes: { uri: string; parsed: ParsedNote; project: AnonProject }[] = [];
    for (const uri of this.index.noteUris()) {
      const parsed = this.index.view(uri)?.model.parsed;
      if (parsed) notes.push({ uri, parsed, project: this.projects.projectFor(uri).anonymization });
    }
    return notes;
  }
}
