import { URI, Utils } from 'vscode-uri';

/**
 * The nearest file named `name` in the folder of `fileUri` or a folder
 * above it, among the files `has` knows: how the index finds a note's
 * `codebook.yaml` and `fieldnotes.yaml` without touching the disk.
 */
export function nearestUriAbove(fileUri: string, name: string, has: (uri: string) => boolean): string | undefined {
  for (let folder = Utils.dirname(URI.parse(fileUri)); ; folder = Utils.dirname(folder)) {
    const candidate = Utils.joinPath(folder, name).toString();
    if (has(candidate)) return candidate;
    if (Utils.dirname(folder).path === folder.path) return undefined;
  }
}
