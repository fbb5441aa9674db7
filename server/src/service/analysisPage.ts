import { analyseStudy, type AnalysedNote } from '../core/analysis/analysis.js';
import { toHtml } from '../core/analysis/reportHtml.js';
import type { Codebook } from '../core/codebook/codebook.js';
import { frontMatterText } from '../core/checks/frontMatter.js';
import { transcriptCopies } from '../core/coders/copies.js';
import type { Locale } from '../core/i18n/messages.js';
import type { AnalysisPageParams, AnalysisPageResult } from '../protocol/requests.js';
import type { StudyCopies } from './studyCopies.js';
import { workspacePath } from './uriPaths.js';
import type { WorkspaceIndex } from './workspace.js';

/**
 * The workspace's analysis as the webview's page: every note analysed with
 * its codebook (one study per codebook), one copy of each transcript or
 * (when the page asks) one coder's notes, notes named by their path in the
 * workspace, and each note's URI so a click can open it.
 */
export function provideAnalysisPage(index: WorkspaceIndex, copies: StudyCopies, folders: string[], params: AnalysisPageParams, libraries: string[], locale: Locale): AnalysisPageResult {
  const studies = new Map<Codebook, { uri: string; name: string; notes: AnalysedNote[] }>();
  const noteUris: Record<string, string> = {};
  const coders = new Set<string>();
  const inView = copies.inView(params.coder);
  for (const uri of index.noteUris()) {
    const view = index.view(uri);
    const codebook = view?.model.codebook;
    if (!view || !codebook || !view.codebookUri) continue;
    const coder = frontMatterText(view.model.frontMatter.data.coder);
    if (coder !== undefined) coders.add(coder);
    const study = studies.get(codebook) ?? { uri: view.codebookUri, name: workspacePath(view.codebookUri, folders), notes: [] };
    studies.set(codebook, study);
    if (!inView(view)) continue;
    const name = workspacePath(uri, folders);
    noteUris[name] = uri;
    study.notes.push({ name, model: view.model, lineOf: (offset) => view.lines.position(offset).line + 1 });
  }
  const assignment = copies.assignment();
  const report = {
    studies: [...studies]
      .filter(([, study]) => study.notes.length || params.coder === undefined)
      .map(([codebook, study]) => analyseStudy(codebook, study.name, study.notes, { coder: params.coder, copies: transcriptCopies(assignment, study.uri) })),
    leftOut: [],
  };
  const byName = (a: string, b: string) => a.localeCompare(b, 'nb', { numeric: true });
  return { html: toHtml(report, locale, { libraries, webview: { nonce: params.nonce, cspSource: params.cspSource, coders: [...coders].sort(byName) }, noteUris }) };
}
