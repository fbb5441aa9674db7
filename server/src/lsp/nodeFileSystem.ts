import { URI } from 'vscode-uri';
import { en } from '../core/i18n/messages.js';
import { discoverWorkspaceFiles } from '../core/workspace/discover.js';
import { readTextFile } from '../core/workspace/readText.js';
import { writeFilesAtomically } from '../core/workspace/writeFiles.js';
import type { ServiceFileSystem } from '../service/fileSystem.js';

/** The language service's file system on the local disk (file: URIs only). */
export const nodeFileSystem: ServiceFileSystem = {
  async readText(uri) {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    const read = await readTextFile(parsed.fsPath, en);
    return read.ok ? read.text : undefined;
  },
  async findFiles(folderUri) {
    const parsed = URI.parse(folderUri);
    if (parsed.scheme !== 'file') return [];
    return (await discoverWorkspaceFiles(parsed.fsPath)).map((file) => URI.file(file).toString());
  },
  async writeFiles(files) {
    const notLocal = files.find((file) => URI.parse(file.uri).scheme !== 'file');
    if (notLocal) return { ok: false, uri: notLocal.uri, detail: `${URI.parse(notLocal.uri).scheme}: is not a file on this computer` };
    const result = await writeFilesAtomically(
      files.map((file) => ({ path: URI.parse(file.uri).fsPath, data: file.data })),
      { force: true },
    );
    if (result.ok) return result;
    // With force, nothing is refused for existing; a failure names its file.
    return result.reason === 'failed' ? { ok: false, uri: URI.file(result.file).toString(), detail: result.detail } : { ok: false, uri: URI.file(result.files[0]!).toString(), detail: 'EEXIST' };
  },
};
