import { frontMatterText } from '../checks/frontMatter.js';
import { LineIndex } from '../text/lineIndex.js';
import { toCsvRows } from '../text/csv.js';
import type { ExportedNote } from './exportProject.js';

/**
 * Column names stay English in every locale: R and pandas scripts select
 * columns by name, and a script should run on anyone's export.
 */
export const SEGMENT_COLUMNS = ['file', 'line', 'case', 'coder', 'speaker', 'code', 'dimension', 'variation', 'pole', 'text', 'memo'] as const;

/**
 * One row per code on a coded segment (a segment with two codes is two
 * rows), in note order: the long format R's tidyverse and pandas expect.
 * `text` is the coded words as a reader sees them; `line` is 1-based.
 * Returns the CSV and its number of rows, header not counted.
 */
export function segmentsCsv(notes: ExportedNote[]): { text: string; rows: number } {
  const rows: string[][] = [[...SEGMENT_COLUMNS]];
  for (const note of notes) {
    const data = note.model.frontMatter.data;
    const lines = new LineIndex(note.model.parsed.text);
    for (const coded of note.model.segments) {
      const line = String(lines.position(coded.segment.contentSpan.start).line + 1);
      for (const { ref, pole } of coded.codes) {
        rows.push([note.name, line, frontMatterText(data.case) ?? '', frontMatterText(data.coder) ?? '', coded.segment.speaker ?? '', ref.id, ref.dimension, ref.variation ?? '', pole ?? '', coded.segment.text, coded.memo ?? '']);
      }
    }
  }
  return { text: toCsvRows(rows), rows: rows.length - 1 };
}
