import path from 'node:path';
import { loadProject, NO_PROJECT, PROJECT_FILE, type LoadedProject, type Project } from '../project/projectFile.js';
import type { Messages } from '../i18n/messages.js';
import { nearestFileAbove } from './nearestFile.js';
import { readTextFile } from './readText.js';

/**
 * Finds each note's `fieldnotes.yaml` (in its folder or the nearest folder
 * above) and reads each file once.
 */
export class ProjectLocator {
  private readonly byFolder = new Map<string, Promise<string | undefined>>();
  private readonly loads = new Map<string, Promise<LoadedProject | undefined>>();

  constructor(private readonly msg: Messages) {}

  async projectFor(note: string): Promise<Project> {
    const file = await this.fileFor(path.dirname(note));
    return (file ? (await this.load(file))?.project : undefined) ?? NO_PROJECT;
  }

  /** Every project file read so far, with its problems. */
  async all(): Promise<{ path: string; text: string | undefined; loaded: LoadedProject | undefined }[]> {
    return Promise.all(
      [...this.loads.keys()].map(async (file) => {
        const read = await readTextFile(file, this.msg);
        return { path: file, text: read.ok ? read.text : undefined, loaded: await this.loads.get(file)! };
      }),
    );
  }

  private fileFor(folder: string): Promise<string | undefined> {
    let found = this.byFolder.get(folder);
    if (!found) {
      found = nearestFileAbove(folder, PROJECT_FILE, async (candidate) => (await readTextFile(candidate, this.msg)).ok);
      this.byFolder.set(folder, found);
    }
    return found;
  }

  private load(file: string): Promise<LoadedProject | undefined> {
    let loaded = this.loads.get(file);
    if (!loaded) {
      loaded = readTextFile(file, this.msg).then((read) => (read.ok ? loadProject(read.text, this.msg) : undefined));
      this.loads.set(file, loaded);
    }
    return loaded;
  }
}
