import type { Diagnostic } from '../checks/diagnostic.js';
import type { Locale } from '../i18n/messages.js';
import { anonMessage } from './anonMessages.js';
import type { AnonFinding } from './types.js';

export interface AnonSeverityOptions {
  /** For hand-in: findings are errors instead of warnings. */
  strict?: boolean;
}

/** Findings as diagnostics: `anon/<type>`, warnings while coding (errors when strict), indirect identifiers as information. */
export function anonDiagnostics(findings: AnonFinding[], locale: Locale, options: AnonSeverityOptions = {}): Diagnostic[] {
  return findings.map((finding) => ({
    span: finding.span,
    severity: finding.type === 'indirect' ? 'information' : options.strict ? 'error' : 'warning',
    code: `anon/${finding.type}`,
    message: anonMessage(finding, locale),
  }));
}
