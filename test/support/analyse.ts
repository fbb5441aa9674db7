import { readFileSync } from 'node:fs';
import { loadCodebook, type Codebook } from '../../server/src/core/codebook/codebook.js';
import { buildNoteModel, type NoteModel } from '../../server/src/core/checks/noteModel.js';
import { NoteParser } from '../../server/src/core/dialect/note.js';
import { en } from '../../server/src/core/i18n/messages.js';
import { LineIndex } from '../../server/src/core/text/lineIndex.js';
import { SAMPLE_CODEBOOK } from './paths.js';

let sampleCodebook: Codebook | undefined;

/** The study's codebook from samples/, loaded once. */
export function studyCodebook(): Codebook {
  sampleCodebook ??= loadCodebook(readFileSync(SAMPLE_CODEBOOK, 'utf8'), SAMPLE_CODEBOOK, en).codebook;
  return sampleCodebook;
}

/** Parses and checks a note in memory against the study's codebook. */
export function analyse(text: string, codebook: Codebook | undefined = studyCodebook()): NoteModel {
  return buildNoteModel(new NoteParser(en).parse(text), codebook, en, { codebookName: 'codebook.yaml' });
}

/** `code@line:column`, 1-based, for compact assertions on where diagnostics are. */
export function located(text: string, model: { diagnostics: { code: string; span: { start: number } }[] }): string[] {
  const lines = new LineIndex(text);
  return model.diagnostics.map((d) => {
    const p = lines.position(d.span.start);
    return `${d.code}@${p.line + 1}:${p.character + 1}`;
  });
}

export function slice(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}
