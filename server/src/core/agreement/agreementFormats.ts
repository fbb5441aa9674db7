import type { Locale } from '../i18n/messages.js';
import type { AgreementReport, ReportedTranscript } from './agreement.js';
import type { AllRow, Comparison, DisagreementRun, Figures, PairRow, RunSide, StudyAgreement } from './compare.js';
import { categoryCodes, readingOf, type Coding } from './decisions.js';
import { agreementMessagesFor, type AgreementMessages } from './agreementMessages.js';
import { NONE, type Confusion } from './reliability.js';

/**
 * `fieldnotes agree` output: aligned text for a terminal, Markdown, and
 * JSON (its shape is documented in docs/agreement.md and kept stable).
 */

const number = (value: number | undefined) => (value === undefined ? 'n/a' : value.toFixed(3));
const mark = (inflated: boolean) => (inflated ? '*' : '');

/** The cells of a code's table between two coders: what each gave a word, counted. */
export function codeCells(confusion: Confusion): { same: number; differentReading: number; onlyA: number; onlyB: number; neither: number } {
  const cells = { same: 0, differentReading: 0, onlyA: 0, onlyB: 0, neither: 0 };
  confusion.counts.forEach((row, r) =>
    row.forEach((n, c) => {
      const [a, b] = [confusion.categories[r], confusion.categories[c]];
      if (a === NONE && b === NONE) cells.neither += n;
      else if (a === NONE) cells.onlyB += n;
      else if (b === NONE) cells.onlyA += n;
      else if (a === b) cells.same += n;
      else cells.differentReading += n;
    }),
  );
  return cells;
}

function readingCells(confusion: Confusion): { same: number; different: number } {
  let same = 0;
  let different = 0;
  confusion.counts.forEach((row, r) => row.forEach((n, c) => (r === c ? (same += n) : (different += n))));
  return { same, different };
}

interface Table {
  title: string;
  head: string[];
  rows: string[][];
}

/** What the tables hold, in either output: titles, heads, rows; and which notes the reader needs under them. */
interface Section {
  heading?: string;
  lines?: string[];
  table?: Table;
}

interface Needs {
  inflated: boolean;
  unequalCoders: boolean;
  unequalReadings: boolean;
}

const variationOf = (code: string) => code.slice(code.indexOf('/') + 1);

function categoryLabel(category: string, m: AgreementMessages): string {
  if (category === NONE) return m.none;
  return categoryCodes(category)
    .map((c) => variationOf(c.code) + (c.reading ? ` (${c.reading})` : ''))
    .join(' + ');
}

function codingsLabel(codes: Coding[], m: AgreementMessages): string {
  return codes.length ? codes.map((c) => `#${c.code}${c.reading ? ` (${c.reading})` : ''}`).join(', ') : m.nothing;
}

const place = (file: string, side: { line: number; column: number }) => `${file}:${side.line}:${side.column}`;

function pairSections(t: ReportedTranscript, pair: number, m: AgreementMessages, needs: Needs): Section[] {
  const find = (f: Figures) => f.pairs.find((p) => p.a === t.disagreements[pair]!.a && p.b === t.disagreements[pair]!.b)!;
  const { a, b } = t.disagreements[pair]!;
  const [nameA, nameB] = [t.coders[a]!, t.coders[b]!];
  const sections: Section[] = [];
  const codeRow = (name: string, row: PairRow) => {
    const cells = codeCells(row.confusion);
    needs.inflated ||= row.inflated;
    return [name, cells.same, cells.differentReading, cells.onlyA, cells.onlyB, cells.neither].map(String).concat([number(row.percent), number(row.kappa), number(row.alpha), mark(row.inflated)]);
  };
  sections.push({
    table: {
      title: m.codesTitle(nameA, nameB),
      head: [m.code, m.same, m.otherReading, m.only(nameA), m.only(nameB), m.neither, m.agreement, m.kappa, m.alpha, ''],
      rows: [...t.codes.map((c) => codeRow(`#${c.code}`, find(c))), codeRow(m.allCodes, find(t.overall))],
    },
  });
  if (t.readings.codes.length) {
    const readingRow = (name: string, row: PairRow) => {
      const cells = readingCells(row.confusion);
      return [name, String(row.units), String(cells.same), String(cells.different), number(row.percent), number(row.kappa), number(row.alpha)];
    };
    sections.push({
      table: {
        title: m.readingsTitle(nameA, nameB),
        head: [m.code, m.words, m.same, m.different, m.agreement, m.kappa, m.alpha],
        rows: [...t.readings.codes.map((c) => readingRow(`#${c.code}`, find(c))), readingRow(m.pooledReadings, find(t.readings.pooled))],
      },
    });
  }
  if (t.dimensions.length) {
    sections.push({
      table: {
        title: m.dimensionsTitle(nameA, nameB),
        head: [m.dimension, m.agreement, m.kappa, m.alpha, ''],
        rows: t.dimensions.map((d) => {
          const row = find(d);
          needs.inflated ||= row.inflated;
          return [d.dimension, number(row.percent), number(row.kappa), number(row.alpha), mark(row.inflated)];
        }),
      },
    });
    for (const d of t.dimensions) {
      const { categories, counts } = find(d).confusion;
      sections.push({
        table: {
          title: m.confusionTitle(d.dimension, nameA, nameB),
          head: ['', ...categories.map((c) => categoryLabel(c, m))],
          rows: counts.map((row, r) => [categoryLabel(categories[r]!, m), ...row.map(String)]),
        },
      });
    }
  }
  const runs = t.disagreements[pair]!.runs;
  const runLine = (run: DisagreementRun) =>
    m.run(place(t.files[a]!, run.a), place(t.files[b]!, run.b), run.to - run.from + 1, run.text, { name: nameA, gave: codingsLabel(run.a.codes, m) }, { name: nameB, gave: codingsLabel(run.b.codes, m) });
  sections.push(runs.length ? { heading: m.disagreementsTitle(nameA, nameB, runs.length), lines: runs.map(runLine) } : { lines: [m.noDisagreements(nameA, nameB)] });
  return sections;
}

/** Rows over every coder: per code, pooled, per dimension, readings. */
function allRows(c: Comparison, m: AgreementMessages, needs: Needs, extra: (f: Figures) => string[] = () => []): string[][] {
  const row = (name: string, f: Figures, decisions: boolean) => {
    const all: AllRow = f.all;
    if (decisions) needs.inflated ||= all.inflated;
    if (all.fleissUnequal && all.units) (decisions ? (needs.unequalCoders = true) : (needs.unequalReadings = true));
    return [name, String(all.units), number(all.percent), number(all.alpha), number(all.fleiss), ...extra(f), mark(all.inflated)];
  };
  return [
    ...c.codes.map((x) => row(`#${x.code}`, x, true)),
    row(m.allCodes, c.overall, true),
    ...c.dimensions.map((x) => row(m.dimensionRow(x.dimension), x, true)),
    ...c.readings.codes.map((x) => row(m.readingsRow(x.code), x, false)),
    ...(c.readings.codes.length ? [row(m.pooledReadings, c.readings.pooled, false)] : []),
  ];
}

function transcriptSections(t: ReportedTranscript, m: AgreementMessages, needs: Needs): Section[] {
  const sections: Section[] = [{ heading: m.transcript(t.id, t.words, t.coders.map((name, i) => ({ name, file: t.files[i]! }))) }];
  t.disagreements.forEach((_, pair) => sections.push(...pairSections(t, pair, m, needs)));
  if (t.coders.length > 2) {
    sections.push({ table: { title: m.allCodersTitle(t.coders), head: [m.what, m.units, m.agreement, m.alpha, m.fleiss, ''], rows: allRows(t, m, needs) } });
  }
  return sections;
}

function studySections(s: StudyAgreement, m: AgreementMessages, needs: Needs): Section[] {
  const pairs = s.overall.pairs.map((p) => [p.a, p.b] as const);
  const pairKappas = (f: Figures) => pairs.map(([a, b]) => number(f.pairs.find((p) => p.a === a && p.b === b)?.kappa));
  if (s.unequalCoders) needs.unequalCoders = true;
  return [
    {
      table: {
        title: m.studyTitle(s.transcripts, s.words, s.coders),
        head: [m.what, m.units, m.agreement, m.alpha, m.fleiss, ...pairs.map(([a, b]) => m.pairKappa(s.coders[a]!, s.coders[b]!)), ''],
        rows: allRows(s, m, needs, pairKappas),
      },
    },
  ];
}

function sectionsOf(report: AgreementReport, m: AgreementMessages): { sections: Section[]; notes: string[] } {
  const needs: Needs = { inflated: false, unequalCoders: false, unequalReadings: false };
  const sections: Section[] = [];
  for (const t of report.transcripts) sections.push(...transcriptSections(t, m, needs));
  if (report.refused.length) sections.push({ heading: m.refusedTitle, lines: report.refused.map((r) => r.message) });
  if (report.notCompared.length) sections.push({ heading: m.notComparedTitle, lines: report.notCompared.map((n) => n.message) });
  if (report.study && report.transcripts.length > 1) sections.push(...studySections(report.study, m, needs));
  const notes = report.transcripts.length ? [m.unitNote, m.kappaNote, m.naNote] : [];
  if (needs.inflated) notes.push(m.inflatedNote);
  if (needs.unequalCoders) notes.push(m.fleissUnequalCoders);
  if (needs.unequalReadings) notes.push(m.fleissUnequalReadings);
  return { sections, notes };
}

function alignedTable(table: Table): string[] {
  const rows = [table.head, ...table.rows];
  const widths = table.head.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  const pad = (cell: string, i: number) => {
    const fill = ' '.repeat(widths[i]! - [...cell].length);
    return i === 0 ? cell + fill : fill + cell;
  };
  return [table.title, ...rows.map((r) => r.map(pad).join('  ').trimEnd())];
}

/** Aligned columns for a terminal. */
export function agreementText(report: AgreementReport, locale: Locale): string {
  const m = agreementMessagesFor(locale);
  const { sections, notes } = sectionsOf(report, m);
  const blocks = sections.map((s) => [...(s.heading ? [s.heading] : []), ...(s.table ? alignedTable(s.table) : []), ...(s.lines ?? []).map((l) => (s.heading ? `  ${l}` : l))].join('\n'));
  return [...blocks, ...(notes.length ? [notes.join('\n')] : [])].join('\n\n');
}

const escapeCell = (cell: string) => cell.replace(/\|/g, '\\|');

export function agreementMarkdown(report: AgreementReport, locale: Locale): string {
  const m = agreementMessagesFor(locale);
  const { sections, notes } = sectionsOf(report, m);
  const row = (r: string[]) => `| ${r.map(escapeCell).join(' | ')} |`;
  const blocks = sections.map((s) => {
    const out: string[] = [];
    if (s.heading) out.push(`### ${s.heading}`);
    if (s.table) out.push(`**${s.table.title}**`, '', row(s.table.head), row(s.table.head.map((_, i) => (i === 0 ? '---' : '---:'))), ...s.table.rows.map(row));
    if (s.lines) out.push(...(s.heading ? ['', ...s.lines.map((l) => `- ${l}`)] : s.lines));
    return out.join('\n');
  });
  return [...blocks, ...notes].join('\n\n');
}

/* JSON */

type Kind = 'code' | 'dimension' | 'readings';

const nullable = (x: number | undefined) => x ?? null;

function confusionJson(confusion: Confusion, kind: Kind) {
  const label = (c: string) => (c === NONE ? null : kind === 'dimension' ? c : readingOf(c)!);
  return { categories: confusion.categories.map(label), counts: confusion.counts };
}

function pairJson(row: PairRow, coders: string[], kind: Kind) {
  const base = { a: coders[row.a]!, b: coders[row.b]!, units: row.units, percent: nullable(row.percent), kappa: nullable(row.kappa), alpha: nullable(row.alpha) };
  if (kind === 'readings') return { ...base, ...readingCells(row.confusion), confusion: confusionJson(row.confusion, kind) };
  const cells = kind === 'code' ? codeCells(row.confusion) : {};
  return { ...base, inflated: row.inflated, ...cells, confusion: confusionJson(row.confusion, kind) };
}

function allJson(all: AllRow, kind: Kind) {
  return {
    units: all.units,
    percent: nullable(all.percent),
    alpha: nullable(all.alpha),
    fleissKappa: nullable(all.fleiss),
    fleissReason: all.fleissUnequal && all.units ? (kind === 'readings' ? 'unequal-readings' : 'unequal-coders') : null,
    ...(kind === 'readings' ? {} : { inflated: all.inflated }),
  };
}

const figuresJson = (f: Figures, coders: string[], kind: Kind) => ({ pairs: f.pairs.map((p) => pairJson(p, coders, kind)), all: allJson(f.all, kind) });

function comparisonJson(c: Comparison) {
  return {
    codes: c.codes.map((x) => ({ code: x.code, ...figuresJson(x, c.coders, 'code') })),
    overall: figuresJson(c.overall, c.coders, 'code'),
    readings: { codes: c.readings.codes.map((x) => ({ code: x.code, ...figuresJson(x, c.coders, 'readings') })), pooled: figuresJson(c.readings.pooled, c.coders, 'readings') },
    dimensions: c.dimensions.map((x) => ({ dimension: x.dimension, ...figuresJson(x, c.coders, 'dimension') })),
  };
}

const sideJson = (file: string, side: RunSide) => ({ file, line: side.line, column: side.column, start: side.start, end: side.end, codes: side.codes });

export function agreementJson(report: AgreementReport): string {
  return JSON.stringify(
    {
      unit: 'word',
      transcripts: report.transcripts.map((t) => ({
        id: t.id ?? null,
        words: t.words,
        coders: t.coders.map((name, i) => ({ name, file: t.files[i]! })),
        ...comparisonJson(t),
        disagreements: t.disagreements.map((d) => ({
          a: t.coders[d.a]!,
          b: t.coders[d.b]!,
          runs: d.runs.map((run) => ({ words: run.to - run.from + 1, text: run.text, a: sideJson(t.files[d.a]!, run.a), b: sideJson(t.files[d.b]!, run.b) })),
        })),
      })),
      refused: report.refused.map((r) => ({ id: r.id ?? null, word: r.word, a: { ...r.a, line: r.a.line ?? null, column: r.a.column ?? null }, b: { ...r.b, line: r.b.line ?? null, column: r.b.column ?? null }, message: r.message })),
      notCompared: report.notCompared,
      study: report.study
        ? { transcripts: report.study.transcripts, words: report.study.words, coders: report.study.coders, unequalCoders: report.study.unequalCoders, ...comparisonJson(report.study) }
        : null,
    },
    null,
    2,
  );
}
