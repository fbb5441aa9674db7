import type { Codebook } from '../codebook/codebook.js';
import type { TranscriptCopies } from '../coders/copies.js';
import { frontMatterAttributes, frontMatterText } from '../checks/frontMatter.js';
import type { NoteModel } from '../checks/noteModel.js';
import type { Span } from '../text/range.js';

/**
 * A study analysed across its cases, as the article's Tables 1 and 2 do
 * by hand: per case and dimension the lean of the coded evidence, per case
 * the approach, and what every verdict rests on. Poles are the codebook's
 * (proactive and reactive in the NAV study; strengths, weaknesses, ... in
 * another), so a lean is a pole id, `mixed` or `none`, and an approach a
 * pole id, `hybrid` or `uncoded`.
 */
export interface StudyAnalysis {
  /** The codebook's file, as the caller names it. */
  codebook: string;
  poles: { id: string; label: string; color: string | undefined }[];
  dimensions: { id: string; label: string }[];
  cases: CaseAnalysis[];
  /** Every attribute key any case has, in first-seen order: the columns of Table 1. */
  attributeKeys: string[];
  /** Table 2: per dimension and pole, the distinct variations found and how many segments carry each. */
  dimensionPoles: { dimension: string; pole: string; variations: { code: string; label: string; count: number }[] }[];
  codeFrequencies: { code: string; label: string; dimension: string; pole: string | undefined; segments: number; notes: number; cases: number }[];
  /** Segments per code and case (rows: codes in codebook order; columns: `cases` order). */
  codeByCase: { code: string; counts: Record<string, number> }[];
  /** Codes given to the same segment, or to segments that overlap, and how often. */
  cooccurrence: { a: string; b: string; count: number }[];
  /** What the analysis could not use, and why: never silently dropped. */
  leftOut: LeftOut[];
  /** Whose reading this is: undefined for the study (one copy of each transcript counts), a coder for that coder's notes alone. */
  coder: string | undefined;
  /** Transcripts that several coders coded: which copy counts, and the others (docs/coders.md). */
  copies: TranscriptCopies[];
}

export type Lean = string; // a pole id, 'mixed' or 'none'
export type Approach = string; // a pole id, 'hybrid' or 'uncoded'

export interface CaseAnalysis {
  case: string;
  approach: Approach;
  dimensions: Record<string, DimensionVerdict>;
  attributes: Record<string, string>;
  notes: string[];
  coders: string[];
}

export interface DimensionVerdict {
  lean: Lean;
  /** Segments per pole. */
  counts: Record<string, number>;
  evidence: Evidence[];
}

/** One coded segment counted in a verdict. */
export interface Evidence {
  note: string;
  span: Span;
  /** 1-based line, for people and reports. */
  line: number;
  text: string;
  code: string;
  pole: string;
}

export interface LeftOut {
  note: string;
  line: number | undefined;
  reason: 'no-case' | 'no-codebook' | 'other-codebook' | 'unknown-code' | 'no-reading' | 'attribute-conflict' | 'unreadable';
  /** The code, the attribute, or the case concerned. */
  detail: string;
}

/** A note as the analysis takes it: its model against the study's codebook, and how to name it. */
export interface AnalysedNote {
  name: string;
  model: NoteModel;
  /** 1-based line of an offset in the note. */
  lineOf(offset: number): number;
}

/** The lean of a dimension from its segments per pole. */
export function leanOf(counts: Record<string, number>): Lean {
  const poles = Object.keys(counts).filter((pole) => counts[pole]! > 0);
  return poles.length === 0 ? 'none' : poles.length === 1 ? poles[0]! : 'mixed';
}

/** A case's approach from its dimensions' leans: one pole only, several (`hybrid`), or none. */
export function approachOf(verdicts: DimensionVerdict[]): Approach {
  const poles = new Set(verdicts.flatMap((v) => Object.keys(v.counts).filter((pole) => v.counts[pole]! > 0)));
  return poles.size === 0 ? 'uncoded' : poles.size === 1 ? [...poles][0]! : 'hybrid';
}

/** Which reading of a study an analysis is (the notes given are already chosen for it), and the study's copies. */
export interface StudyView {
  coder?: string;
  copies?: TranscriptCopies[];
}

/**
 * Analyses the notes coded with one codebook. Notes with another codebook
 * or none, notes without a case, codes missing from the codebook and
 * segments without a reading are listed in `leftOut` with the reason.
 * The caller gives one copy of each transcript (or one coder's notes):
 * the analysis counts every note it is given.
 */
export function analyseStudy(codebook: Codebook, codebookName: string, notes: AnalysedNote[], view: StudyView = {}): StudyAnalysis {
  const leftOut: LeftOut[] = [];
  const cases = new Map<string, CaseAnalysis>();
  const attributeKeys: string[] = [];
  const frequencies = new Map<string, { segments: number; notes: Set<string>; cases: Set<string> }>();
  const codeByCase = new Map<string, Map<string, number>>();
  const pairs = new Map<string, number>();
  const order = [...codebook.codes.keys()];
  const rank = new Map(order.map((code, i) => [code, i]));

  for (const note of [...notes].sort((a, b) => a.name.localeCompare(b.name, 'nb', { numeric: true }))) {
    const { model } = note;
    if (!model.codebook) {
      leftOut.push({ note: note.name, line: undefined, reason: 'no-codebook', detail: '' });
      continue;
    }
    if (model.codebook !== codebook) {
      leftOut.push({ note: note.name, line: undefined, reason: 'other-codebook', detail: model.codebook.path });
      continue;
    }
    const data = model.frontMatter.data;
    const name = frontMatterText(data.case);
    if (name === undefined) {
      if (model.segments.length) leftOut.push({ note: note.name, line: undefined, reason: 'no-case', detail: `${model.segments.length}` });
      continue;
    }
    let entry = cases.get(name);
    if (!entry) {
      entry = { case: name, approach: 'uncoded', dimensions: {}, attributes: {}, notes: [], coders: [] };
      for (const dimension of codebook.dimensions) entry.dimensions[dimension.id] = { lean: 'none', counts: Object.fromEntries(codebook.poles.map((p) => [p.id, 0])), evidence: [] };
      cases.set(name, entry);
    }
    entry.notes.push(note.name);
    const coder = frontMatterText(data.coder);
    if (coder !== undefined && !entry.coders.includes(coder)) entry.coders.push(coder);
    for (const [key, raw] of frontMatterAttributes(data)) {
      const value = frontMatterText(raw);
      if (value === undefined) continue;
      if (!attributeKeys.includes(key)) attributeKeys.push(key);
      const before = entry.attributes[key];
      if (before !== undefined && before !== value) leftOut.push({ note: note.name, line: undefined, reason: 'attribute-conflict', detail: `${name}: ${key} = ${before} / ${value}` });
      else entry.attributes[key] = value;
    }

    const counted: { span: Span; codes: string[] }[] = [];
    for (const coded of model.segments) {
      const line = note.lineOf(coded.segment.contentSpan.start);
      const codes: string[] = [];
      for (const code of coded.codes) {
        const variation = code.variation;
        if (!variation) {
          leftOut.push({ note: note.name, line, reason: 'unknown-code', detail: code.ref.id });
          continue;
        }
        codes.push(variation.code);
        const frequency = frequencies.get(variation.code) ?? { segments: 0, notes: new Set(), cases: new Set() };
        frequencies.set(variation.code, frequency);
        frequency.segments++;
        frequency.notes.add(note.name);
        frequency.cases.add(name);
        const row = codeByCase.get(variation.code) ?? new Map<string, number>();
        codeByCase.set(variation.code, row);
        row.set(name, (row.get(name) ?? 0) + 1);
        if (code.pole === undefined || !codebook.poles.some((p) => p.id === code.pole)) {
          leftOut.push({ note: note.name, line, reason: 'no-reading', detail: variation.code });
          continue;
        }
        const verdict = entry.dimensions[variation.dimension.id]!;
        verdict.counts[code.pole] = (verdict.counts[code.pole] ?? 0) + 1;
        verdict.evidence.push({ note: note.name, span: coded.segment.contentSpan, line, text: coded.segment.text, code: variation.code, pole: code.pole });
      }
      if (codes.length) counted.push({ span: coded.segment.span, codes });
    }
    // Codes of one segment, and of segments that overlap (nested or crossing), occur together.
    for (let i = 0; i < counted.length; i++) {
      const together = new Set(counted[i]!.codes);
      for (let j = i + 1; j < counted.length && counted[j]!.span.start < counted[i]!.span.end; j++) for (const code of counted[j]!.codes) together.add(code);
      countPairs(together, pairs, counted[i]!.codes, rank);
    }
  }

  for (const entry of cases.values()) {
    for (const verdict of Object.values(entry.dimensions)) verdict.lean = leanOf(verdict.counts);
    entry.approach = approachOf(Object.values(entry.dimensions));
  }
  const caseList = [...cases.values()].sort((a, b) => a.case.localeCompare(b.case, 'nb', { numeric: true }));
  const known = order.filter((code) => frequencies.has(code));
  const variationOf = (code: string) => codebook.codes.get(code)!;

  return {
    codebook: codebookName,
    poles: codebook.poles.map((p) => ({ id: p.id, label: p.label, color: p.color })),
    dimensions: codebook.dimensions.map((d) => ({ id: d.id, label: d.label })),
    cases: caseList,
    attributeKeys,
    dimensionPoles: codebook.dimensions.flatMap((dimension) =>
      codebook.poles.map((pole) => {
        const found = new Map<string, number>();
        for (const entry of caseList) for (const e of entry.dimensions[dimension.id]!.evidence) if (e.pole === pole.id) found.set(e.code, (found.get(e.code) ?? 0) + 1);
        return {
          dimension: dimension.id,
          pole: pole.id,
          variations: order.filter((code) => found.has(code)).map((code) => ({ code, label: variationOf(code).label, count: found.get(code)! })),
        };
      }),
    ),
    codeFrequencies: known.map((code) => {
      const f = frequencies.get(code)!;
      const variation = variationOf(code);
      return { code, label: variation.label, dimension: variation.dimension.id, pole: variation.evidence, segments: f.segments, notes: f.notes.size, cases: f.cases.size };
    }),
    codeByCase: known.map((code) => ({ code, counts: Object.fromEntries(caseList.map((c) => [c.case, codeByCase.get(code)!.get(c.case) ?? 0])) })),
    cooccurrence: [...pairs]
      .map(([key, count]) => {
        const [a, b] = key.split('\n') as [string, string];
        return { a, b, count };
      })
      .sort((x, y) => y.count - x.count || order.indexOf(x.a) - order.indexOf(y.a) || order.indexOf(x.b) - order.indexOf(y.b)),
    leftOut,
    coder: view.coder,
    copies: view.copies ?? [],
  };
}

/** Counts each pair once per segment: the segment's own codes with every code in `together`. */
function countPairs(together: Set<string>, pairs: Map<string, number>, own: string[], rank: Map<string, number>): void {
  const seen = new Set<string>();
  for (const a of own) {
    for (const b of together) {
      if (a === b) continue;
      // The pair in codebook order, whichever segment holds which.
      const key = rank.get(a)! < rank.get(b)! ? `${a}\n${b}` : `${b}\n${a}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  }
}
