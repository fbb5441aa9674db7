import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import { compareDiagnostics, type Diagnostic, type Severity } from '../core/checks/diagnostic.js';
import type { LineIndex } from '../core/text/lineIndex.js';
import type { NoteView } from './workspace.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Per-code severity overrides from the user's settings; `off` hides a code. */
export type SeverityOverrides = Record<string, Severity | 'off'>;

export function toLspDiagnostics(diagnostics: Diagnostic[], lines: LineIndex, overrides: SeverityOverrides = {}): LspDiagnostic[] {
  const out: LspDiagnostic[] = [];
  for (const d of diagnostics) {
    const severity = overrides[d.code] ?? d.severity;
    if (severity === 'off') continue;
    out.push({ range: lines.range(d.span), severity: SEVERITY[severity], code: d.code, source: 'fieldnotes', message: d.message, ...(d.data ? { data: d.data } : {}) });
  }
  return out;
}

/** Everything wrong with a note: its own diagnostics, a missing codebook, and what may identify someone. */
export function noteDiagnostics(view: NoteView, overrides?: SeverityOverrides, anonymity: Diagnostic[] = []): LspDiagnostic[] {
  const all = [...(view.codebookProblem ? [view.codebookProblem] : []), ...view.model.diagnostics, ...anonymity].sort(compareDiagnostics);
  return toLspDiagnostics(all, view.lines, overrides);
}
