import { URI } from 'vscode-uri';
import { en } from '../core/i18n/messages.js';
import { discoverWorkspaceFiles } from '../core/workspace/discover.js';
import { readTextFile } from '../core/workspace/readText.js';
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
};
