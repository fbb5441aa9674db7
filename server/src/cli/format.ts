import type { Severity } from '../core/checks/diagnostic.js';
import { LineIndex, type PositionRange } from '../core/text/lineIndex.js';
import type { FileReport } from '../core/workspace/checkFiles.js';

/** One finding in the stable, documented JSON format (docs/cli.md). */
export interface JsonDiagnostic {
  file: string;
  range: PositionRange;
  severity: Severity;
  code: string;
  message: string;
}

export function toJsonDiagnostics(reports: FileReport[], displayPath: (p: string) => string): JsonDiagnostic[] {
  const out: JsonDiagnostic[] = [];
  for (const report of reports) {
    const lines = new LineIndex(report.text ?? '');
    for (const d of report.diagnostics) {
      out.push({ file: displayPath(report.path), range: lines.range(d.span), severity: d.severity, code: d.code, message: d.message });
    }
  }
  return out;
}

/** `file:line:col severity code message`, 1-based line and column (UTF-16 units), as linters print. */
export function formatText(items: JsonDiagnostic[]): string {
  return items
    .map((d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`)
    .join('\n');
}

export function countBySeverity(items: JsonDiagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of items) counts[d.severity]++;
  return counts;
}
