import { AnonCache, checkAnonymity, type AnonResult } from '../core/anon/check.js';
import { lexicon } from '../core/anon/lexicon.js';
import { writtenAsWord, type NameKnowledge } from '../core/anon/names.js';
import type { AnonFinding, AnonType } from '../core/anon/types.js';
import type { ParsedNote } from '../core/dialect/model.js';
import type { AnonProject } from '../core/anon/projectConfig.js';
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
    const project = this.projects.projectFor(uri);
    const own = this.ownResult(uri, parsed, project);
    const known = this.known(uri);
    const relevant = [...known].filter(([name]) => !own.confirmed.has(name) && parsed.text.includes(name));
    const others = this.others(uri).map((other) => this.ownResult(other.uri, other.parsed, other.project).vocabulary);
    const isWord = (word: string) => others.some((vocabulary) => vocabulary.has(word));
    const words = own.findings.filter((f) => f.weak && writtenAsWord(f.text.toLowerCase(), isWord)).map((f) => f.text.toLowerCase());
    if (!relevant.length && !words.length) return own.findings;
    const key = [...relevant.map(([name, type]) => `${name}:${type}`), ...words].join('\n');
    const cached = this.withWorkspace.get(parsed);
    if (cached?.known === key && cached.project === project) return cached.findings;
    const findings = checkAnonymity(parsed, this.knowledge, { known: new Map(relevant), isWord, project, cache: this.cacheOf(uri) }).findings;
    this.withWorkspace.set(parsed, { known: key, project, findings });
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

  /** The other notes, parsed, with their projects. */
  private others(except: string): { uri: string; parsed: ParsedNote; project: AnonProject }[] {
    const others: { uri: string; parsed: ParsedNote; project: AnonProject }[] = [];
    for (const uri of this.index.noteUris()) {
      const parsed = uri === except ? undefined : this.index.view(uri)?.model.parsed;
      if (parsed) others.push({ uri, parsed, project: this.projects.projectFor(uri) });
    }
    return others;
  }

  /** Names the other notes confirm. */
  private known(except: string): Map<string, AnonType> {
    const known = new Map<string, AnonType>();
    for (const { uri, parsed, project } of this.others(except)) {
      for (const [name, type] of this.ownResult(uri, parsed, project).confirmed) if (!known.has(name)) known.set(name, type);
    }
    return known;
  }
}
