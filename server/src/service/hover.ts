import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { EITHER } from '../core/codebook/codebook.js';
import type { Messages } from '../core/i18n/messages.js';
import { codeAt } from './codeAt.js';
import type { NoteView } from './workspace.js';

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
