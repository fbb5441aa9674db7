import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { EITHER } from '../core/codebook/codebook.js';
import { absolute } from '../core/dialect/model.js';
import type { CodedSegment, ResolvedCode } from '../core/checks/noteModel.js';
import type { Messages } from '../core/i18n/messages.js';
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

/** Hover on a code: its label, description, pole and how often the workspace uses it. */
export function provideHover(view: NoteView, position: Position, counts: Map<string, number>, msg: Messages): Hover | undefined {
  const found = codeAt(view, view.lines.offset(position));
  if (!found) return undefined;
  const { code, span } = found;
  const range = view.lines.range(span);
  const variation = code.variation;
  if (!variation) return { range, contents: { kind: MarkupKind.Markdown, value: msg.hoverUnknown(code.ref.id) } };
  const codebook = view.model.codebook!;
  const poleLabel = (id: string | undefined) => (id ? (codebook.poles.find((p) => p.id === id)?.label ?? id) : undefined);
  const lines = [
    `**${variation.label}** \`#${variation.code}\``,
    `${variation.dimension.label}${variation.description ? ' — ' + variation.description : ''}`,
    variation.evidence === EITHER ? msg.hoverEither(poleLabel(code.pole)) : variation.evidence ? msg.hoverPole(poleLabel(variation.evidence)!) : '',
    msg.hoverCount(counts.get(variation.code) ?? 0),
  ].filter(Boolean);
  return { range, contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') } };
}
