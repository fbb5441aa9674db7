import { loadProject, NO_PROJECT, PROJECT_FILE, type LoadedProject, type Project } from '../core/project/projectFile.js';
import type { Messages } from '../core/i18n/messages.js';
import { LineIndex } from '../core/text/lineIndex.js';
import type { ServiceFileSystem } from './fileSystem.js';
import { candidatesAbove, nearestUriAbove } from './uriPaths.js';

export const isProjectUri = (uri: string) => uri.endsWith('/' + PROJECT_FILE);

/**
 * The workspace's `fieldnotes.yaml` files (allow-list and pseudonyms of
 * the anonymization check), from the editor when open, else the disk.
 * Each note takes the nearest one in its folder or above.
 */
export class ProjectFiles {
  private readonly files = new Map<string, { text: string; open: boolean; loaded: LoadedProject }>();
  /** Bumped on every change: results derived from the projects are stale. */
  generation = 0;
  /** Candidates `loadFor` looked at: found or not, never again. */
  private readonly looked = new Set<string>();
  private nearest: { generation: number; byFolder: Map<string, string | undefined> } = { generation: -1, byFolder: new Map() };

  constructor(
    private readonly fs: ServiceFileSystem,
    private readonly msg: Messages,
  ) {}

  update(uri: string, text: string, open: boolean): void {
    const known = this.files.get(uri);
    if (known && known.text === text) {
      known.open = open;
      return;
    }
    this.files.set(uri, { text, open, loaded: loadProject(text, this.msg) });
    this.generation++;
  }

  /** Re-reads a file from disk (changed, created, deleted, or closed in the editor). */
  async reload(uri: string, closed = false): Promise<void> {
    const known = this.files.get(uri);
    if (known?.open && !closed) return;
    const text = await this.fs.readText(uri);
    if (text === undefined) {
      if (this.files.delete(uri)) this.generation++;
      return;
    }
    this.update(uri, text, false);
  }

  /**
   * Reads the `fieldnotes.yaml` a note takes when no workspace scan found
   * it (the command line reads only what its notes need): the nearest
   * file in the note's folder or above. Each folder is looked at once.
   */
  async loadFor(noteUri: string): Promise<void> {
    for (const candidate of candidatesAbove(noteUri, PROJECT_FILE)) {
      if (this.files.has(candidate) || this.looked.has(candidate)) return;
      this.looked.add(candidate);
      await this.reload(candidate);
      if (this.files.has(candidate)) return;
    }
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  diagnostics(uri: string): { loaded: LoadedProject; lines: LineIndex } | undefined {
    const file = this.files.get(uri);
    return file && { loaded: file.loaded, lines: new LineIndex(file.text) };
  }

  projectFor(noteUri: string): Project {
    const file = this.fileFor(noteUri);
    return file ? this.files.get(file)!.loaded.project : NO_PROJECT;
  }

  /** The nearest `fieldnotes.yaml` in the note's folder or above. */
  fileFor(noteUri: string): string | undefined {
    // Every note of a folder has the same answer, asked for every note on every check: kept per folder until a project file changes.
    const folder = noteUri.slice(0, noteUri.lastIndexOf('/'));
    if (this.nearest.generation !== this.generation) this.nearest = { generation: this.generation, byFolder: new Map() };
    if (!this.nearest.byFolder.has(folder)) this.nearest.byFolder.set(folder, nearestUriAbove(noteUri, PROJECT_FILE, (uri) => this.files.has(uri)));
    return this.nearest.byFolder.get(folder);
  }

  text(uri: string): string | undefined {
    return this.files.get(uri)?.text;
  }
}
