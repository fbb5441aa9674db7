import type { Span } from '../text/range.js';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * A finding in one file. `code` is stable (documented in docs/diagnostics.md)
 * so that editors, CI scripts and settings can refer to it; `message` is in
 * the user's language and says what to do.
 */
export interface Diagnostic {
  span: Span;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  /** Machine-readable details for quick fixes (e.g. suggested replacements). */
  data?: DiagnosticData;
}

export interface DiagnosticData {
  suggestions?: string[];
}

export const DIAGNOSTIC_CODES = [
  'syntax/unclosed-annotation',
  'syntax/unopened-annotation',
  'syntax/invalid-attribute',
  'syntax/unknown-attribute',
  'syntax/duplicate-attribute',
  'syntax/stray-code',
  'syntax/orphan-block-code',
  'code/unknown',
  'code/missing-evidence',
  'code/invalid-evidence',
  'code/redundant-evidence',
  'code/empty-segment',
  'code/no-code',
  'code/duplicate',
  'callout/unknown',
  'callout/lazy-continuation',
  'block/too-deep',
  'frontmatter/invalid',
  'codebook/not-found',
  'codebook/invalid',
  'codebook/duplicate-id',
  'codebook/unknown-pole',
  'file/unreadable',
  'file/not-text',
  'file/too-large',
  'config/invalid',
  'coders/copy',
  'coders/undecided',
  'coders/no-coder',
  'coders/words-differ',
  'review/not-reviewed',
  'review/open',
  'anon/person',
  'anon/place',
  'anon/org',
  'anon/idnum',
  'anon/phone',
  'anon/email',
  'anon/dob',
  'anon/indirect',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code);
}
