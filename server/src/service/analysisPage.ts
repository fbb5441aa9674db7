import { URI, Utils } from 'vscode-uri';
import { analyseStudy, type AnalysedNote } from '../core/analysis/analysis.js';
import { toHtml } from '../core/analysis/reportHtml.js';
import type { Codebook } from '../core/codebook/codebook.js';
import type { Locale } from '../core/i18n/messages.js';
import type { AnalysisPageParams, AnalysisPageResult } from '../protocol/requests.js';
import type { WorkspaceIndex } from './workspace.js';

/**
 * The workspace's analysis as the webview's page: every note analysed with
 * its codebook (one study per codebook), notes named by their path in the
 * workspace, and each note's URI so a click can open it.
 */
export function provideAnalysisPage(index: WorkspaceIndex, folders: string[], params: AnalysisPageParams, libraries: string[], locale: Locale): AnalysisPageResult {
  const studies = new Map<Codebook, { name: string; notes: AnalysedNote[] }>();
  const noteUris: Record<string, string> = {};
  for (const uri of index.noteUris()) {
    const view = index.view(uri);
    const codebook = view?.model.codebook;
    if (!view || !codebook || !view.codebookUri) continue;
    const name = workspacePath(uri, folders);
    noteUris[name] = uri;
    const study = studies.get(codebook) ?? { name: workspacePath(view.codebookUri, folders), notes: [] };
    studies.set(codebook, study);
    study.notes.push({ name, model: view.model, lineOf: (offset) => view.lines.position(offset).line + 1 });
  }
  const report = { studies: [...studies].map(([codebook, study]) => analyseStudy(codebook, study.name, study.notes)), leftOut: [] };
  return { html: toHtml(report, locale, { libraries, webview: { nonce: params.nonce, cspSource: params.cspSource }, noteUris }) };
}

/** A file's path inside the workspace folder that holds it, or its whole path. */
function workspacePath(uri: string, folders: string[]): string {
  const path = URI.parse(uri).path;
  for (const folder of folders) {
    const base = URI.parse(folder).path.replace(/\/?$/, '/');
    if (path.startsWith(base)) return `${Utils.basename(URI.parse(folder))}/${path.slice(base.length)}`;
  }
  return URI.parse(uri).fsPath;
}
