import type { CodebookStatus } from '../protocol/requests.js';
import { relativeName, type NoteView, type WorkspaceIndex } from './workspace.js';

/** The codebook a note is checked against and its health, or why there is none. */
export function provideCodebookStatus(index: WorkspaceIndex, view: NoteView | undefined): CodebookStatus {
  if (!view) return { state: 'none' };
  const loaded = view.codebookUri ? index.codebook(view.codebookUri) : undefined;
  if (!view.codebookUri || !loaded) return { state: 'missing', message: view.codebookProblem?.message ?? '' };
  const problems = loaded.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  const first = problems[0];
  const lines = first && index.codebookLines(view.codebookUri);
  return {
    state: 'loaded',
    uri: view.codebookUri,
    name: relativeName(view.uri, view.codebookUri),
    title: loaded.codebook.title,
    dimensions: loaded.codebook.dimensions.length,
    codes: loaded.codebook.codes.size,
    problems: problems.length,
    firstProblem: first && lines ? { message: first.message, range: lines.range(first.span) } : undefined,
  };
}
