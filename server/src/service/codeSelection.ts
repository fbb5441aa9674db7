import type { Range, TextEdit } from 'vscode-languageserver-types';
import { EITHER } from '../core/codebook/codebook.js';
import type { Messages } from '../core/i18n/messages.js';
import type { CodeSelectionResult, CodesResult } from '../protocol/requests.js';
import { poleStyles } from './evidence.js';
import type { NoteView } from './workspace.js';

/** The codes a note can use, for the "Code selection" quick pick. */
export function pickableCodes(view: NoteView): CodesResult {
  const codebook = view.model.codebook;
  if (!codebook) return { codes: [], poles: [] };
  const poleLabel = (id: string | undefined) => codebook.poles.find((p) => p.id === id)?.label ?? id;
  return {
    codes: [...codebook.codes.values()].map((v) => ({
      code: v.code,
      label: v.label,
      dimension: v.dimension.id,
      dimensionLabel: v.dimension.label,
      description: v.description,
      pole: v.evidence === EITHER ? undefined : v.evidence,
      poleLabel: v.evidence === EITHER ? undefined : poleLabel(v.evidence),
      needsReading: v.evidence === EITHER && codebook.poles.length > 0,
    })),
    poles: poleStyles(codebook),
  };
}

/**
 * Codes a selection: a selection that is exactly a coded segment's words
 * (or lies within its annotation) gets the code added to that annotation;
 * any other selection becomes `[selection]{#code}`. The selection may not
 * cut through an annotation or cross paragraphs.
 */
export function codeSelection(view: NoteView, range: Range, code: string, evidence: string | undefined, msg: Messages): CodeSelectionResult {
  const text = view.model.parsed.text;
  let start = view.lines.offset(range.start);
  let end = view.lines.offset(range.end);
  const addition = ` #${code}${evidence ? ` evidence=${evidence}` : ''}`;
  // Coding an already coded segment: the cursor or selection is on its words or its annotation.
  const existing = view.model.segments.findLast((s) => {
    const { contentSpan, span } = s.segment;
    return (start >= contentSpan.start && end <= contentSpan.end && (start === end || (start === contentSpan.start && end === contentSpan.end))) || (start >= s.segment.annotation.span.start && end <= span.end);
  });
  if (existing) {
    if (existing.codes.some((c) => c.ref.id === code)) return { message: msg.selectionAlreadyCoded(code) };
    const close = view.lines.position(existing.segment.annotation.span.end - 1);
    const hasEvidence = existing.segment.annotation.body.attributes.some((a) => a.key === 'evidence');
    const insert = hasEvidence ? ` #${code}` : addition;
    return { edits: [{ range: { start: close, end: close }, newText: insert }] };
  }
  // Trim the selection to its words, as a coder means it.
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start === end) return { message: msg.selectionEmpty() };
  if (/\n[ \t>]*\n/.test(text.slice(start, end))) return { message: msg.selectionAcrossParagraphs() };
  const cuts = view.model.segments.some((s) => {
    const { span } = s.segment;
    const inside = (o: number) => o > span.start && o < span.end;
    return inside(start) !== inside(end) && !(start <= span.start && end >= span.end);
  });
  if (cuts) return { message: msg.selectionCutsSegment() };
  const edits: TextEdit[] = [
    { range: { start: view.lines.position(start), end: view.lines.position(start) }, newText: '[' },
    { range: { start: view.lines.position(end), end: view.lines.position(end) }, newText: `]{${addition.trimStart()}}` },
  ];
  return { edits };
}
