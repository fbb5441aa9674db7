import type { ParsedNote } from '../dialect/model.js';
import type { Messages } from '../i18n/messages.js';
import type { Span } from '../text/range.js';
import type { Diagnostic } from './diagnostic.js';

/** A supervisor's `> [!REVIEW] name` comment. */
export interface Review {
  reviewer: string;
  body: string;
  span: Span;
  titleSpan: Span;
  /** Where the fold marker goes (just after `[!REVIEW]`), and the one written there, if any. */
  foldAt: number;
  fold: '+' | '-' | '';
  resolved: boolean;
}

/** A review is resolved when its title ends with `resolved` or `løst` (`> [!REVIEW]- veileder (resolved)`). */
const RESOLVED = /[\s(,–—-]*\(?\s*(resolved|løst)\s*\)?\s*$/iu;

export function reviewsOf(note: ParsedNote): Review[] {
  return note.callouts
    .filter((c) => c.kind === 'review')
    .map((c) => {
      const fold = note.text[c.markerSpan.end];
      const resolved = RESOLVED.test(c.title);
      return {
        reviewer: c.title.replace(RESOLVED, '').trim(),
        body: c.body,
        span: c.span,
        titleSpan: c.titleSpan,
        foldAt: c.markerSpan.end,
        fold: fold === '+' || fold === '-' ? fold : '',
        resolved,
      };
    });
}

/** Open review comments as information, at their marker, for the reviewer's words to be answered. */
export function reviewDiagnostics(note: ParsedNote, msg: Messages): Diagnostic[] {
  return reviewsOf(note)
    .filter((r) => !r.resolved)
    .map((r) => ({
      span: { start: r.foldAt - '[!REVIEW]'.length, end: r.foldAt },
      severity: 'information',
      code: 'review/open',
      message: msg.reviewOpen(r.reviewer, shorten(r.body.replace(/\s+/g, ' ').trim())),
    }));
}

const shorten = (text: string) => (text.length > 80 ? text.slice(0, 77) + '…' : text);
