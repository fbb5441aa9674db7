import type { Severity } from '../core/checks/diagnostic.js';
import { LineIndex, type PositionRange } from '../core/text/lineIndex.js';
import path from 'node:path';
import type { FileReport } from './check.js';

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

/** Paths as the user sees them: relative to the working folder when inside it, with `/`. */
export function displayPathFrom(cwd: string): (absolute: string) => string {
  return (absolute) => {
    const relative = path.relative(cwd, absolute);
    const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
    return shown.split(path.sep).join('/');
  };
}
