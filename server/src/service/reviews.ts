import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import { reviewsOf } from '../core/checks/reviews.js';
import type { Messages } from '../core/i18n/messages.js';
import type { ReviewItem } from '../protocol/requests.js';
import type { WorkspaceIndex } from './workspace.js';

/** Every review comment of the workspace, open ones first, then by note and place. */
export function provideReviews(index: WorkspaceIndex): ReviewItem[] {
  const items: ReviewItem[] = [];
  for (const uri of index.noteUris().sort()) {
    const view = index.view(uri);
    if (!view) continue;
    for (const review of reviewsOf(view.model.parsed)) {
      items.push({ uri, range: view.lines.range(review.span), reviewer: review.reviewer, text: review.body, resolved: review.resolved });
    }
  }
  return items.sort((a, b) => Number(a.resolved) - Number(b.resolved));
}

/** The quick fix for an open review: fold it (`-`) and add `(resolved)` to its title. */
export function provideReviewActions(index: WorkspaceIndex, uri: string, diagnostics: LspDiagnostic[], msg: Messages): CodeAction[] {
  const view = index.view(uri);
  if (!view) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'fieldnotes' || diagnostic.code !== 'review/open') continue;
    const at = view.lines.offset(diagnostic.range.end);
    const review = reviewsOf(view.model.parsed).find((r) => r.foldAt === at);
    if (!review) continue;
    const fold = review.fold ? { range: view.lines.range({ start: at, end: at + 1 }), newText: '-' } : { range: view.lines.range({ start: at, end: at }), newText: '-' };
    const end = view.lines.position(review.titleSpan.end);
    const title = { range: { start: end, end }, newText: ' (resolved)' };
    actions.push({ title: msg.fixResolveReview(), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [uri]: [fold, title] } } });
  }
  return actions;
}
