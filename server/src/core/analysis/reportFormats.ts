import type { Locale } from '../i18n/messages.js';
import type { DimensionVerdict, LeftOut, StudyAnalysis } from './analysis.js';
import type { CountReason } from '../coders/codersMessages.js';
import { toCsvRows } from '../text/csv.js';

export interface Report {
  studies: StudyAnalysis[];
  leftOut: LeftOut[];
}

/** The tables a CSV can hold, one per file. */
export const CSV_TABLES = ['cases', 'variations', 'codes', 'matrix', 'cooccurrence', 'evidence', 'copies', 'left-out'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

interface Words {
  study: string;
  cases: string;
  case: string;
  approach: string;
  notes: string;
  coders: string;
  coder: string;
  dimension: string;
  pole: string;
  variations: string;
  code: string;
  label: string;
  segments: string;
  segment: string;
  codeA: string;
  codeB: string;
  together: string;
  note: string;
  line: string;
  words: string;
  reason: string;
  detail: string;
  mixed: string;
  none: string;
  hybrid: string;
  uncoded: string;
  either: string;
  table1: string;
  table2: string;
  frequencies: string;
  matrix: string;
  cooccurrence: string;
  leftOutTitle: string;
  nothingLeftOut: string;
  noStudy: string;
  pageTitle: string;
  clickCell: string;
  reasons: Record<LeftOut['reason'], string>;
  copiesTitle: string;
  transcript: string;
  counted: string;
  counts: string;
  why: string;
  copies: string;
  countReasons: Record<CountReason, string>;
  coderView(coder: string): string;
  copiesNote(n: number): string;
  reading: string;
  studyReading: string;
}

const en: Words = {
  study: 'study',
  cases: 'cases',
  case: 'case',
  approach: 'approach',
  notes: 'notes',
  coders: 'coders',
  coder: 'coder',
  dimension: 'dimension',
  pole: 'pole',
  variations: 'variations found',
  code: 'code',
  label: 'label',
  segments: 'segments',
  segment: 'segment',
  codeA: 'code',
  codeB: 'with code',
  together: 'segments together',
  note: 'note',
  line: 'line',
  words: 'words',
  reason: 'reason',
  detail: 'detail',
  mixed: 'mixed',
  none: 'none',
  hybrid: 'hybrid',
  uncoded: 'uncoded',
  either: 'either way',
  table1: 'Cases and their approach',
  table2: 'Dimensions and poles: the variations found',
  frequencies: 'Code frequencies',
  matrix: 'Codes by case',
  cooccurrence: 'Codes that occur together (same or overlapping segments)',
  leftOutTitle: 'Left out of the analysis',
  nothingLeftOut: 'Nothing was left out.',
  noStudy: 'No coded notes with a codebook were found.',
  pageTitle: 'Analysis across cases',
  clickCell: 'Click a cell to see the segments its verdict rests on.',
  reasons: {
    'no-case': 'the note has no `case` in its front matter; its segments belong to no case',
    'no-codebook': 'no codebook was found for the note',
    'other-codebook': 'the note uses another codebook',
    'unknown-code': 'the code is not in the codebook (changed after coding?)',
    'no-reading': 'the code can be read either way and the segment has no `evidence=`',
    'attribute-conflict': 'notes of the case give the attribute different values; the first is used',
    unreadable: 'the file could not be read',
  },
  copiesTitle: 'Transcripts coded by several coders',
  transcript: 'transcript',
  counted: 'counted copy',
  counts: 'counts',
  why: 'why',
  copies: 'copies',
  countReasons: {
    consensus: 'the consensus copy',
    reviewed: 'the one reviewed copy',
    primary: 'the first primary coder’s (fieldnotes.yaml)',
    undecided: 'nothing decides: first by name (see `fieldnotes check`)',
  },
  reading: 'Reading:',
  studyReading: 'The study (one copy of each transcript)',
  coderView: (coder) => `The reading of coder ${coder}: only the notes ${coder} coded, copies included.`,
  copiesNote: (n) => `${n === 1 ? 'One transcript was' : `${n} transcripts were`} coded by several coders: one copy of each counts (see the last table; \`--coder\` shows one coder’s reading).`,
};

const nb: Words = {
  study: 'studie',
  cases: 'caser',
  case: 'case',
  approach: 'tilnærming',
  notes: 'notater',
  coders: 'kodere',
  coder: 'koder',
  dimension: 'dimensjon',
  pole: 'pol',
  variations: 'variasjoner funnet',
  code: 'kode',
  label: 'navn',
  segments: 'segmenter',
  segment: 'segment',
  codeA: 'kode',
  codeB: 'med kode',
  together: 'segmenter sammen',
  note: 'notat',
  line: 'linje',
  words: 'ord',
  reason: 'grunn',
  detail: 'detalj',
  mixed: 'blandet',
  none: 'ingen',
  hybrid: 'hybrid',
  uncoded: 'ikke kodet',
  either: 'begge veier',
  table1: 'Casene og tilnærmingen deres',
  table2: 'Dimensjoner og poler: variasjonene som ble funnet',
  frequencies: 'Kodefrekvenser',
  matrix: 'Koder per case',
  cooccurrence: 'Koder som opptrer sammen (samme eller overlappende segmenter)',
  leftOutTitle: 'Utelatt fra analysen',
  nothingLeftOut: 'Ingenting ble utelatt.',
  noStudy: 'Fant ingen kodede notater med kodebok.',
  pageTitle: 'Analyse på tvers av caser',
  clickCell: 'Klikk på en rute for å se segmentene vurderingen bygger på.',
  reasons: {
    'no-case': 'notatet har ingen `case` i front matter; segmentene hører ikke til noen case',
    'no-codebook': 'fant ingen kodebok for notatet',
    'other-codebook': 'notatet bruker en annen kodebok',
    'unknown-code': 'koden finnes ikke i kodeboken (endret etter kodingen?)',
    'no-reading': 'koden kan leses begge veier, og segmentet mangler `evidence=`',
    'attribute-conflict': 'notatene for casen gir attributtet ulike verdier; den første brukes',
    unreadable: 'filen kunne ikke leses',
  },
  copiesTitle: 'Transkripsjoner kodet av flere kodere',
  transcript: 'transkripsjon',
  counted: 'kopien som telles',
  counts: 'telles',
  why: 'hvorfor',
  copies: 'kopier',
  countReasons: {
    consensus: 'den omforente kopien',
    reviewed: 'den ene gjennomgåtte kopien',
    primary: 'den første hovedkoderens (fieldnotes.yaml)',
    undecided: 'ingenting avgjør: den første etter navn (se `fieldnotes check`)',
  },
  reading: 'Lesning:',
  studyReading: 'Studien (én kopi av hver transkripsjon)',
  coderView: (coder) => `Lesningen til koderen ${coder}: bare notatene ${coder} kodet, kopiene medregnet.`,
  copiesNote: (n) => `${n === 1 ? 'Én transkripsjon ble' : `${n} transkripsjoner ble`} kodet av flere kodere: én kopi av hver telles (se den siste tabellen; \`--coder\` viser én koders lesning).`,
};

const wordsFor = (locale: Locale) => (locale === 'nb' ? nb : en);

/** A lean or approach as people read it: the pole's label, or mixed, none, hybrid, uncoded. */
function verdictLabel(study: StudyAnalysis, value: string, w: Words): string {
  const pole = study.poles.find((p) => p.id === value);
  if (pole) return pole.label;
  return ({ mixed: w.mixed, none: w.none, hybrid: w.hybrid, uncoded: w.uncoded, either: w.either } as Record<string, string>)[value] ?? value;
}

/** A dimension's cell: `Proaktiv (5)`, or `blandet (Proaktiv 1, Reaktiv 2)`, or `–`. */
function verdictCell(study: StudyAnalysis, verdict: DimensionVerdict, w: Words): string {
  if (verdict.lean === 'none') return '–';
  const counts = study.poles.filter((p) => (verdict.counts[p.id] ?? 0) > 0);
  if (counts.length === 1) return `${counts[0]!.label} (${verdict.counts[counts[0]!.id]})`;
  return `${w.mixed} (${counts.map((p) => `${p.label} ${verdict.counts[p.id]}`).join(', ')})`;
}

/** The JSON report: `cases` across studies (lean and approach as ids), then every study in full, then what was left out. */
export function toJson(report: Report): string {
  const cases = report.studies.flatMap((study) =>
    study.cases.map((c) => ({
      case: c.case,
      study: study.codebook,
      approach: c.approach,
      dimensions: Object.fromEntries(Object.entries(c.dimensions).map(([id, v]) => [id, v.lean])),
      attributes: c.attributes,
      notes: c.notes,
      coders: c.coders,
    })),
  );
  // `coder: null` is the study's reading (one copy of each transcript), kept so scripts can rely on the key.
  const studies = report.studies.map((study) => ({ ...study, coder: study.coder ?? null }));
  return JSON.stringify({ cases, studies, leftOut: [...report.leftOut, ...report.studies.flatMap((s) => s.leftOut)] }, null, 2);
}

/** A table as the Markdown and HTML reports show it: labels, not ids. */
export interface ShownTable {
  heading: string;
  head: string[];
  rows: string[][];
}

/** Each study's tables, in reading order, and what was left out. */
export function shownTables(
  report: Report,
  locale: Locale,
): { studies: { codebook: string; note: string | undefined; tables: ShownTable[] }[]; leftOut: ShownTable | undefined; empty: string | undefined; nothingLeftOut: string } {
  const w = wordsFor(locale);
  const studies = report.studies.map((study) => ({
    codebook: study.codebook,
    note: study.coder !== undefined ? w.coderView(study.coder) : study.copies.length ? w.copiesNote(study.copies.length) : undefined,
    tables: [
      {
        heading: w.table1,
        head: [w.case, ...study.attributeKeys, w.approach, ...study.dimensions.map((d) => d.label)],
        rows: study.cases.map((c) => [
          c.case,
          ...study.attributeKeys.map((k) => c.attributes[k] ?? ''),
          verdictLabel(study, c.approach, w),
          ...study.dimensions.map((d) => verdictCell(study, c.dimensions[d.id]!, w)),
        ]),
      },
      {
        heading: w.table2,
        head: [w.dimension, ...study.poles.map((p) => p.label)],
        rows: study.dimensions.map((d) => [
          d.label,
          ...study.poles.map((p) =>
            study.dimensionPoles
              .find((x) => x.dimension === d.id && x.pole === p.id)!
              .variations.map((v) => `${v.label} (${v.count})`)
              .join(', '),
          ),
        ]),
      },
      {
        heading: w.frequencies,
        head: [w.code, w.label, w.pole, w.segments, w.notes, w.cases],
        rows: study.codeFrequencies.map((f) => [`#${f.code}`, f.label, f.pole ? verdictLabel(study, f.pole, w) : '', String(f.segments), String(f.notes), String(f.cases)]),
      },
      { heading: w.matrix, head: [w.code, ...study.cases.map((c) => c.case)], rows: study.codeByCase.map((row) => [`#${row.code}`, ...study.cases.map((c) => String(row.counts[c.case] ?? 0))]) },
      { heading: w.cooccurrence, head: [w.codeA, w.codeB, w.together], rows: study.cooccurrence.map((p) => [`#${p.a}`, `#${p.b}`, String(p.count)]) },
      ...(study.copies.length
        ? [
            {
              heading: w.copiesTitle,
              head: [w.transcript, w.counted, w.why, w.copies],
              rows: study.copies.map((t) => [t.id, t.counted, w.countReasons[t.reason], t.copies.map((c) => `${c.note} (${c.coder ?? '–'})`).join(', ')]),
            },
          ]
        : []),
    ],
  }));
  const all = [...report.leftOut, ...report.studies.flatMap((s) => s.leftOut)];
  const leftOut = all.length
    ? {
        heading: w.leftOutTitle,
        head: [w.note, w.line, w.reason, w.detail],
        rows: all.map((l) => [l.note, l.line === undefined ? '' : String(l.line), w.reasons[l.reason], l.reason === 'no-case' ? `${l.detail} ${w.segments}` : l.detail]),
      }
    : undefined;
  return { studies, leftOut, empty: report.studies.length ? undefined : w.noStudy, nothingLeftOut: w.nothingLeftOut };
}

/** The words the analysis page needs beside the tables. */
export function pageWords(locale: Locale): {
  title: string;
  leftOutTitle: string;
  clickCell: string;
  segment: string;
  segments: string;
  mixed: string;
  none: string;
  hybrid: string;
  uncoded: string;
  reading: string;
  studyReading: string;
} {
  const w = wordsFor(locale);
  return {
    reading: w.reading,
    studyReading: w.studyReading,
    title: w.pageTitle,
    leftOutTitle: w.leftOutTitle,
    clickCell: w.clickCell,
    segment: w.segment,
    segments: w.segments,
    mixed: w.mixed,
    none: w.none,
    hybrid: w.hybrid,
    uncoded: w.uncoded,
  };
}

/** The Markdown report: the tables of each study, then what was left out. */
export function toMarkdown(report: Report, locale: Locale): string {
  const shown = shownTables(report, locale);
  const out: string[] = [];
  const table = ({ heading, head, rows }: ShownTable) => {
    const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    out.push(`## ${heading}`, '', `| ${head.map(cell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`), '');
  };
  if (shown.empty) out.push(shown.empty, '');
  for (const study of shown.studies) {
    out.push(`# ${study.codebook}`, '');
    if (study.note) out.push(study.note, '');
    study.tables.forEach(table);
  }
  if (shown.leftOut) table(shown.leftOut);
  else out.push(`## ${wordsFor(locale).leftOutTitle}`, '', shown.nothingLeftOut, '');
  return out.join('\n');
}

/** One table as CSV (RFC 4180), with a `study` column when there are several studies. */
export function toCsv(report: Report, which: CsvTable, locale: Locale): string {
  const w = wordsFor(locale);
  const rows: string[][] = [];
  const many = report.studies.length > 1;
  const push = (study: StudyAnalysis | undefined, row: string[]) => rows.push(many ? [study?.codebook ?? '', ...row] : row);
  const head = (row: string[]) => rows.push(many ? [w.study, ...row] : row);
  switch (which) {
    case 'cases': {
      const keys = [...new Set(report.studies.flatMap((s) => s.attributeKeys))];
      const dimensions = [...new Set(report.studies.flatMap((s) => s.dimensions.map((d) => d.id)))];
      head([w.case, ...keys, w.approach, ...dimensions, w.notes, w.coders]);
      for (const study of report.studies) {
        for (const c of study.cases) push(study, [c.case, ...keys.map((k) => c.attributes[k] ?? ''), c.approach, ...dimensions.map((d) => c.dimensions[d]?.lean ?? ''), c.notes.join(' '), c.coders.join(' ')]);
      }
      break;
    }
    case 'variations':
      head([w.dimension, w.pole, w.code, w.label, w.segments]);
      for (const study of report.studies) for (const x of study.dimensionPoles) for (const v of x.variations) push(study, [x.dimension, x.pole, v.code, v.label, String(v.count)]);
      break;
    case 'codes':
      head([w.code, w.label, w.dimension, w.pole, w.segments, w.notes, w.cases]);
      for (const study of report.studies) for (const f of study.codeFrequencies) push(study, [f.code, f.label, f.dimension, f.pole ?? '', String(f.segments), String(f.notes), String(f.cases)]);
      break;
    case 'matrix': {
      const cases = [...new Set(report.studies.flatMap((s) => s.cases.map((c) => c.case)))];
      head([w.code, ...cases]);
      for (const study of report.studies) for (const row of study.codeByCase) push(study, [row.code, ...cases.map((c) => String(row.counts[c] ?? 0))]);
      break;
    }
    case 'cooccurrence':
      head([w.codeA, w.codeB, w.together]);
      for (const study of report.studies) for (const p of study.cooccurrence) push(study, [p.a, p.b, String(p.count)]);
      break;
    case 'evidence':
      head([w.case, w.dimension, w.pole, w.code, w.note, w.line, w.words]);
      for (const study of report.studies) {
        for (const c of study.cases) for (const [dimension, v] of Object.entries(c.dimensions)) for (const e of v.evidence) push(study, [c.case, dimension, e.pole, e.code, e.note, String(e.line), e.text]);
      }
      break;
    case 'copies':
      head([w.transcript, w.note, w.coder, w.counts, w.why]);
      for (const study of report.studies) for (const t of study.copies) for (const c of t.copies) push(study, [t.id, c.note, c.coder ?? '', String(c.note === t.counted), t.reason]);
      break;
    case 'left-out':
      head([w.note, w.line, w.reason, w.detail]);
      for (const l of report.leftOut) push(undefined, [l.note, l.line === undefined ? '' : String(l.line), l.reason, l.detail]);
      for (const study of report.studies) for (const l of study.leftOut) push(study, [l.note, l.line === undefined ? '' : String(l.line), l.reason, l.detail]);
      break;
  }
  return toCsvRows(rows);
}

