import type { Location, Position } from 'vscode-languageserver-types';
import { absolute } from '../core/dialect/model.js';
import { codeAt } from './codeAt.js';
import { frontMatterText } from '../core/checks/frontMatter.js';
import type { StudyCopies } from './studyCopies.js';
import type { NoteView, WorkspaceIndex } from './workspace.js';

/** Go to definition: from a code in a note to its variation in the codebook. */
export function provideDefinition(index: WorkspaceIndex, uri: string, position: Position): Location | undefined {
  const view = index.view(uri);
  const found = view && codeAt(view, view.lines.offset(position));
  if (!view || !found?.code.variation || !view.codebookUri) return undefined;
  const lines = index.codebookLines(view.codebookUri)!;
  return { uri: view.codebookUri, range: lines.range(found.code.variation.span) };
}

/**
 * Every place that carries the code under the cursor (and its codebook
 * entry, when asked), in the notes the analysis counts: one copy of each
 * transcript, so that the places match hover's count. Asked from a coder's
 * copy that does not count, that coder's notes are searched too.
 */
export function provideReferences(index: WorkspaceIndex, copies: StudyCopies, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const view = index.view(uri);
  const found = view && codeAt(view, view.lines.offset(position));
  if (!view || !found) return [];
  const coder = copies.assignment().counts(uri) ? undefined : frontMatterText(view.model.frontMatter.data.coder);
  const counted = copies.inView();
  const coders = coder === undefined ? () => false : copies.inView(coder);
  const searched = (note: NoteView) => counted(note) || coders(note) || note.uri === uri;
  const id = found.code.ref.id;
  const locations: Location[] = [];
  if (includeDeclaration && found.code.variation && view.codebookUri) {
    locations.push({ uri: view.codebookUri, range: index.codebookLines(view.codebookUri)!.range(found.code.variation.span) });
  }
  for (const noteUri of index.noteUris().sort()) {
    const note = index.view(noteUri);
    if (!note || note.codebookUri !== view.codebookUri || !searched(note)) continue;
    for (const segment of note.model.segments) {
      for (const code of segment.codes) {
        if (code.ref.id === id) locations.push({ uri: noteUri, range: note.lines.range(absolute(segment.segment.annotation, code.ref.span)) });
      }
    }
  }
  return locations;
}
