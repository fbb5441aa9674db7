import { absolute } from '../core/dialect/model.js';
import type { CodedSegment, ResolvedCode } from '../core/checks/noteModel.js';
import type { NoteView } from './workspace.js';

/** The code under `offset`, with its segment and where it is in the note. */
export function codeAt(view: NoteView, offset: number): { segment: CodedSegment; code: ResolvedCode; span: { start: number; end: number } } | undefined {
  for (const segment of view.model.segments) {
    const annotation = segment.segment.annotation;
    if (offset < annotation.span.start || offset > annotation.span.end) continue;
    for (const code of segment.codes) {
      const span = absolute(annotation, code.ref.span);
      if (offset >= span.start && offset <= span.end) return { segment, code, span };
    }
  }
  return undefined;
}
