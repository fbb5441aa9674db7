import type { Report } from '../core/analysis/reportFormats.js';
import { toHtml } from '../core/analysis/reportHtml.js';
import type { Locale } from '../core/i18n/messages.js';
import type { AnalysisPageParams, AnalysisPageResult } from '../protocol/requests.js';
import { analyseStudies, gatherStudies } from './studies.js';
import type { StudyCopies } from './studyCopies.js';
import { workspacePath } from './uriPaths.js';
import type { WorkspaceIndex } from './workspace.js';

/**
 * The analysis the page draws: every note analysed with its codebook (one
 * study per codebook), one copy of each transcript or one coder's notes,
 * notes and codebooks named by their path in the workspace; the same
 * analysis `fieldnotes report` makes (`studies.ts`).
 */
export function analysisPageReport(index: WorkspaceIndex, copies: StudyCopies, folders: string[], coder: string | undefined): { report: Report; coders: string[]; noteUris: Record<string, string> } {
  const name = (uri: string) => workspacePath(uri, folders);
  const studies = gatherStudies(index, copies, { note: name, codebook: name });
  const noteUris: Record<string, string> = {};
  for (const study of studies.studies) for (const note of study.notes) noteUris[note.name] = note.uri;
  const { coders, ...report } = analyseStudies(studies, coder);
  return { report, coders, noteUris };
}

/**
 * The workspace's analysis as the webview's page, with each note's URI so
 * that a click can open it.
 */
export function provideAnalysisPage(index: WorkspaceIndex, copies: StudyCopies, folders: string[], params: AnalysisPageParams, libraries: string[], locale: Locale): AnalysisPageResult {
  const { report, coders, noteUris } = analysisPageReport(index, copies, folders, params.coder);
  return { html: toHtml(report, locale, { libraries, webview: { nonce: params.nonce, cspSource: params.cspSource, coders }, noteUris }) };
}
