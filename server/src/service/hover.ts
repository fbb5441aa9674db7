import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { EITHER } from '../core/codebook/codebook.js';
import type { Messages } from '../core/i18n/messages.js';
import { codeAt } from './codeAt.js';
import { frontMatterText } from '../core/checks/frontMatter.js';
import type { StudyCopies } from './studyCopies.js';
import type { CodeCounts } from './codeCounts.js';
import type { NoteView } from './workspace.js';

/** How often the workspace uses each code: in the copies that count, and (in a coder's copy) in that coder's notes. */
export interface CodeUse {
  counted: Map<string, number>;
  /** Some transcripts have several copies, of which one counts. */
  copies: boolean;
  /** When the note is a copy that does not count: its coder's notes. */
  coder?: { name: string; counts: Map<string, number> };
}

/** Hover on a code: its label, description, pole and how often the workspace uses it. */
export function provideHover(view: NoteView, position: Position, use: CodeUse, msg: Messages): Hover | undefined {
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
    (use.copies ? msg.hoverCountedCount : msg.hoverCount)(use.counted.get(variation.code) ?? 0),
    use.coder ? msg.hoverCoderCount(use.coder.name, use.coder.counts.get(variation.code) ?? 0) : '',
  ].filter(Boolean);
  return { range, contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') } };
}

/** The counts hover shows for a note: the study's, and its coder's when the note is a copy that does not count. */
export function codeUse(counts: CodeCounts, copies: StudyCopies, view: NoteView): CodeUse {
  const assignment = copies.assignment();
  const use: CodeUse = { counted: counts.counts(), copies: assignment.transcripts.length > 0 };
  const coder = frontMatterText(view.model.frontMatter.data.coder);
  if (!assignment.counts(view.uri) && coder !== undefined) use.coder = { name: coder, counts: counts.counts(coder) };
  return use;
}
