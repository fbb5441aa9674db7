import { URI, Utils } from 'vscode-uri';

/**
 * Where a file is relative to a folder, both as URIs: its path inside the
 * folder (`swot/intervju-01.fn.md`), `''` for the folder itself, or
 * undefined when it lies elsewhere.
 */
export function pathInFolder(uri: string, folderUri: string): string | undefined {
  const file = URI.parse(uri);
  const folder = URI.parse(folderUri);
  if (file.scheme !== folder.scheme || file.authority !== folder.authority) return undefined;
  const prefix = folder.path.replace(/\/?$/, '/');
  if (file.path.replace(/\/?$/, '/') === prefix) return '';
  return file.path.startsWith(prefix) ? file.path.slice(prefix.length) : undefined;
}

/** The file named `name` in the folder of `fileUri` and in every folder above it, nearest first. */
export function candidatesAbove(fileUri: string, name: string): string[] {
  const candidates: string[] = [];
  for (let folder = Utils.dirname(URI.parse(fileUri)); ; folder = Utils.dirname(folder)) {
    candidates.push(Utils.joinPath(folder, name).toString());
    if (Utils.dirname(folder).path === folder.path) return candidates;
  }
}

/**
 * The nearest file named `name` in the folder of `fileUri` or a folder
 * above it, among the files `has` knows: how the index finds a note's
 * `codebook.yaml` and `fieldnotes.yaml` without touching the disk.
 */
export function nearestUriAbove(fileUri: string, name: string, has: (uri: string) => boolean): string | undefined {
  return candidatesAbove(fileUri, name).find(has);
}

/** A file's path inside the workspace folder that holds it, prefixed with that folder's name (`samples/intervju-01.fn.md`), or its whole path. */
export function workspacePath(uri: string, folders: string[]): string {
  const path = URI.parse(uri).path;
  for (const folder of folders) {
    const base = URI.parse(folder).path.replace(/\/?$/, '/');
    if (path.startsWith(base)) return `${Utils.basename(URI.parse(folder))}/${path.slice(base.length)}`;
  }
  return URI.parse(uri).fsPath;
}
