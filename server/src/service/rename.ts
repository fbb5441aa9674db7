import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { isCodebookId } from '../core/codebook/codebook.js';
import { absolute } from '../core/dialect/model.js';
import type { Messages } from '../core/i18n/messages.js';
import { codeAt } from './codeAt.js';
import type { WorkspaceIndex } from './workspace.js';

/** What a rename at a position would rename: a dimension or a variation of a known code. */
interface RenameTarget {
  kind: 'dimension' | 'variation';
  dimension: string;
  variation: string | undefined;
  codebookUri: string;
  range: Range;
  placeholder: string;
}

function targetAt(index: WorkspaceIndex, uri: string, position: Position): RenameTarget | undefined {
  const view = index.view(uri);
  if (!view?.codebookUri) return undefined;
  const offset = view.lines.offset(position);
  const found = codeAt(view, offset);
  if (!found?.code.variation) return undefined;
  const { ref } = found.code;
  const annotation = found.segment.segment.annotation;
  const dimensionSpan = absolute(annotation, ref.dimensionSpan);
  const onDimension = offset <= dimensionSpan.end;
  const span = onDimension ? dimensionSpan : absolute(annotation, ref.variationSpan!);
  return {
    kind: onDimension ? 'dimension' : 'variation',
    dimension: ref.dimension,
    variation: ref.variation,
    codebookUri: view.codebookUri,
    range: view.lines.range(span),
    placeholder: onDimension ? ref.dimension : ref.variation!,
  };
}

export function prepareRename(index: WorkspaceIndex, uri: string, position: Position): { range: Range; placeholder: string } | undefined {
  const target = targetAt(index, uri, position);
  return target && { range: target.range, placeholder: target.placeholder };
}

/**
 * Renames a dimension or a variation in the codebook and in every note that
 * uses it, as one workspace edit. Returns a message instead when the new
 * name is not a valid id or is taken.
 */
export function provideRename(index: WorkspaceIndex, uri: string, position: Position, newName: string, msg: Messages): WorkspaceEdit | string | undefined {
  const target = targetAt(index, uri, position);
  if (!target) return undefined;
  const name = newName.normalize('NFC');
  if (!isCodebookId(name)) return msg.codebookIdPattern(name);
  const codebook = index.codebook(target.codebookUri)!.codebook;
  const lines = index.codebookLines(target.codebookUri)!;
  const changes: Record<string, TextEdit[]> = {};
  const edit = (file: string, range: Range) => (changes[file] ??= []).push({ range, newText: name });

  if (target.kind === 'dimension') {
    if (name !== target.dimension && codebook.dimensionsById.has(name)) return msg.renameTaken(name);
    edit(target.codebookUri, lines.range(codebook.dimensionsById.get(target.dimension)!.span));
  } else {
    const code = `${target.dimension}/${target.variation}`;
    if (name !== target.variation && codebook.codes.has(`${target.dimension}/${name}`)) return msg.renameTaken(`${target.dimension}/${name}`);
    edit(target.codebookUri, lines.range(codebook.codes.get(code)!.span));
  }
  for (const noteUri of index.noteUris()) {
    const note = index.view(noteUri);
    if (!note || note.codebookUri !== target.codebookUri) continue;
    for (const segment of note.model.segments) {
      for (const { ref } of segment.codes) {
        if (ref.dimension !== target.dimension) continue;
        if (target.kind === 'dimension') edit(noteUri, note.lines.range(absolute(segment.segment.annotation, ref.dimensionSpan)));
        else if (ref.variation === target.variation) edit(noteUri, note.lines.range(absolute(segment.segment.annotation, ref.variationSpan!)));
      }
    }
  }
  return { changes };
}
