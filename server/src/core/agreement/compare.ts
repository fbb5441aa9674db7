import { LineIndex } from '../text/lineIndex.js';
import { codeValue, codings, decisionKey, dimensionOf, dimensionValue, type Coding } from './decisions.js';
import { NONE, Reliability, type AllFigures, type PairFigures } from './reliability.js';
import type { CodedNote } from './words.js';

/**
 * Agreement of several coders on one transcript, and across the
 * transcripts of a study: the decisions (word × code, with its reading)
 * as nominal variables per code, per dimension, pooled, and the readings
 * where coders both coded; and where two coders' decisions differ.
 */

/**
 * Landis & Koch (1977) call a kappa below 0.20 "slight" agreement at
 * best. Next to it, a percentage of 0.75 or more says more about how much
 * text nobody coded than about the coders.
 */
export const INFLATED_PERCENT = 0.75;
export const SLIGHT_KAPPA = 0.2;

export function inflatedByUncoded(percent: number | undefined, kappa: number | undefined): boolean {
  return percent !== undefined && kappa !== undefined && percent >= INFLATED_PERCENT && kappa < SLIGHT_KAPPA;
}

export interface PairRow extends PairFigures {
  /** The coders, as indexes into the comparison's `coders`. */
  a: number;
  b: number;
  /** A high percentage beside a slight kappa: see `inflatedByUncoded`. */
  inflated: boolean;
}

export interface AllRow extends AllFigures {
  /** As for a pair, with Fleiss' kappa (or alpha where Fleiss' is not given). */
  inflated: boolean;
}

export interface Figures {
  pairs: PairRow[];
  all: AllRow;
}

export interface CodeFigures extends Figures {
  code: string;
}

export interface DimensionFigures extends Figures {
  dimension: string;
}

export interface Comparison {
  /** The coders' names, in order: pairs refer to them by index. */
  coders: string[];
  words: number;
  /** Per code any coder used. */
  codes: CodeFigures[];
  /** Pooled over word × code for those codes. */
  overall: Figures;
  /** Over the word × code units that coders both coded: do their readings agree? For codes whose reading coders choose. */
  readings: { codes: CodeFigures[]; pooled: Figures };
  /** Per dimension a coder used: its codes as the categories of one variable per word. */
  dimensions: DimensionFigures[];
}

/** Where a run of words lies in one coder's copy, and what the coder gave it. */
export interface RunSide {
  /** Offsets in the copy: from the run's first word to the end of its last. */
  start: number;
  end: number;
  /** 1-based line and column (UTF-16 units) of the first word. */
  line: number;
  column: number;
  codes: Coding[];
}

/** Consecutive words where two coders' decisions differ in the same way. */
export interface DisagreementRun {
  /** Word indexes, first and last. */
  from: number;
  to: number;
  /** The first words of the run. */
  text: string;
  a: RunSide;
  b: RunSide;
}

export interface PairRuns {
  a: number;
  b: number;
  runs: DisagreementRun[];
}

export interface TranscriptAgreement extends Comparison {
  disagreements: PairRuns[];
}

/** The units of one transcript, gathered per variable. */
export class TranscriptVariables {
  readonly codes = new Map<string, Reliability>();
  readonly dimensions = new Map<string, Reliability>();
  readonly readings = new Map<string, Reliability>();
  readonly fixed = new Set<string>();
  readonly either = new Set<string>();
  /** Codes on which some coder wrote a reading (for codes no codebook describes). */
  readonly readingGiven = new Set<string>();
  constructor(
    readonly coders: number,
    readonly words: number,
  ) {}

  variable(map: Map<string, Reliability>, key: string): Reliability {
    let variable = map.get(key);
    if (!variable) map.set(key, (variable = new Reliability(this.coders)));
    return variable;
  }

  readingsVary(code: string): boolean {
    return !this.fixed.has(code) && (this.either.has(code) || this.readingGiven.has(code));
  }
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Gathers the decisions of coders' copies with the same words. Linear in words × codes given. */
export function gatherVariables(notes: readonly CodedNote[]): TranscriptVariables {
  const words = notes[0]?.words.length ?? 0;
  const v = new TranscriptVariables(notes.length, words);
  for (const note of notes) {
    for (const code of note.fixed) v.fixed.add(code);
    for (const code of note.either) v.either.add(code);
  }
  const touchedCodes = new Map<string, number>();
  const touchedDimensions = new Map<string, number>();
  const used = new Set<string>();
  const dimensions = new Set<string>();
  for (let i = 0; i < words; i++) {
    const here = notes.map((note) => note.words[i]!);
    used.clear();
    dimensions.clear();
    for (const word of here) for (const code of word.codes) used.add(code);
    if (!used.size) continue;
    for (const code of used) {
      v.variable(v.codes, code).add(here.map((word) => codeValue(word, code)));
      touchedCodes.set(code, (touchedCodes.get(code) ?? 0) + 1);
      dimensions.add(dimensionOf(code));
      if (v.fixed.has(code)) continue;
      // Listed even when no two coders coded the same word with it: its readings then have no figures (n/a).
      const variable = v.variable(v.readings, code);
      const readings = here.map((word) => (word.codes.has(code) ? codeValue(word, code) : undefined));
      if (readings.some((r) => r !== undefined && r !== '=')) v.readingGiven.add(code);
      variable.add(readings);
    }
    for (const dimension of dimensions) {
      v.variable(v.dimensions, dimension).add(here.map((word) => dimensionValue(word, dimension, v.fixed)));
      touchedDimensions.set(dimension, (touchedDimensions.get(dimension) ?? 0) + 1);
    }
  }
  // The words nobody gave the code (or any code of the dimension): agreement on "not coded", counted at once.
  const nothing = notes.map(() => NONE);
  for (const [code, touched] of touchedCodes) v.codes.get(code)!.add(nothing, words - touched);
  for (const [dimension, touched] of touchedDimensions) v.dimensions.get(dimension)!.add(nothing, words - touched);
  return v;
}

function figures(variable: Reliability, coders: number, decisions: boolean, met: (i: number, j: number) => boolean = () => true): Figures {
  const pairs: PairRow[] = [];
  for (let i = 0; i < coders; i++) {
    for (let j = i + 1; j < coders; j++) {
      if (!met(i, j)) continue;
      const pair = variable.pair(i, j);
      pairs.push({ a: i, b: j, ...pair, inflated: decisions && inflatedByUncoded(pair.percent, pair.kappa) });
    }
  }
  const all = variable.all();
  return { pairs, all: { ...all, inflated: decisions && inflatedByUncoded(all.percent, all.fleiss ?? all.alpha) } };
}

function pooled(variables: Iterable<Reliability>, coders: number): Reliability {
  const into = new Reliability(coders);
  for (const variable of variables) into.merge(variable);
  return into;
}

/** The figures of gathered variables. */
function summarise(v: TranscriptVariables, names: string[], met?: (i: number, j: number) => boolean): Comparison {
  const coders = names.length;
  const codes = [...v.codes.keys()].sort(byCodePoint);
  const read = [...v.readings.keys()].filter((code) => v.readingsVary(code)).sort(byCodePoint);
  return {
    coders: names,
    words: v.words,
    codes: codes.map((code) => ({ code, ...figures(v.codes.get(code)!, coders, true, met) })),
    overall: figures(pooled(v.codes.values(), coders), coders, true, met),
    readings: {
      codes: read.map((code) => ({ code, ...figures(v.readings.get(code)!, coders, false, met) })),
      pooled: figures(pooled(read.map((code) => v.readings.get(code)!), coders), coders, false, met),
    },
    dimensions: [...v.dimensions.keys()].sort(byCodePoint).map((dimension) => ({ dimension, ...figures(v.dimensions.get(dimension)!, coders, true, met) })),
  };
}

/** Runs of consecutive words where coder A's decision and coder B's differ, and differ in the same way. */
export function disagreementRuns(a: CodedNote, b: CodedNote): DisagreementRun[] {
  const runs: DisagreementRun[] = [];
  let open: { run: DisagreementRun; keyA: string; keyB: string } | undefined;
  let linesA: LineIndex | undefined;
  let linesB: LineIndex | undefined;
  const side = (note: CodedNote, lines: LineIndex, i: number): RunSide => {
    const word = note.words[i]!;
    const at = lines.position(word.start);
    return { start: word.start, end: word.end, line: at.line + 1, column: at.character + 1, codes: codings(word) };
  };
  const count = Math.min(a.words.length, b.words.length);
  for (let i = 0; i < count; i++) {
    const keyA = decisionKey(a.words[i]!);
    const keyB = decisionKey(b.words[i]!);
    if (keyA === keyB) {
      open = undefined;
      continue;
    }
    if (open && open.keyA === keyA && open.keyB === keyB) {
      open.run.to = i;
      open.run.a.end = a.words[i]!.end;
      open.run.b.end = b.words[i]!.end;
      continue;
    }
    linesA ??= new LineIndex(a.text);
    linesB ??= new LineIndex(b.text);
    open = { run: { from: i, to: i, text: '', a: side(a, linesA, i), b: side(b, linesB, i) }, keyA, keyB };
    runs.push(open.run);
  }
  for (const run of runs) run.text = firstWords(a, run.from, run.to);
  return runs;
}

const SHOWN_WORDS = 8;

function firstWords(note: CodedNote, from: number, to: number): string {
  const shown = note.words.slice(from, Math.min(to, from + SHOWN_WORDS - 1) + 1).map((w) => w.text);
  return shown.join(' ') + (to - from + 1 > SHOWN_WORDS ? ' …' : '');
}

/**
 * Agreement of the coders of one transcript (their copies must have the
 * same words: check `firstDifference` first), with every pair's
 * disagreements. `names` name the coders, in the order of `notes`.
 */
export function compareTranscript(notes: readonly CodedNote[], names: string[]): { agreement: TranscriptAgreement; variables: TranscriptVariables } {
  const variables = gatherVariables(notes);
  const disagreements: PairRuns[] = [];
  for (let a = 0; a < notes.length; a++) for (let b = a + 1; b < notes.length; b++) disagreements.push({ a, b, runs: disagreementRuns(notes[a]!, notes[b]!) });
  return { agreement: { ...summarise(variables, names), disagreements }, variables };
}

export interface StudyAgreement extends Comparison {
  transcripts: number;
  /** Whether the transcripts have different numbers of coders (so Fleiss' kappa is not given). */
  unequalCoders: boolean;
}

/**
 * Totals over the transcripts of a study: every unit of every transcript,
 * every coder; a coder who did not code a transcript is a missing value
 * there. Transcripts are added one at a time and not kept.
 */
export class StudyTotals {
  private readonly v: TranscriptVariables;
  private readonly index: Map<string, number>;
  /** Words of the transcripts that a set of coders coded, by that set; and of those in which a code (a dimension) was used. */
  private readonly wordsBySet = new Map<string, { coders: number[]; words: number }>();
  private readonly usedWords = new Map<string, Map<string, number>>();
  private readonly met = new Set<string>();
  private transcripts = 0;
  private words = 0;

  constructor(private readonly names: string[]) {
    this.v = new TranscriptVariables(names.length, 0);
    this.index = new Map(names.map((name, i) => [name, i]));
  }

  /** A transcript's gathered variables; `coders` name its coders in the order they were gathered, each named in the constructor. */
  add(variables: TranscriptVariables, coders: string[]): void {
    const order = coders.map((name) => this.index.get(name)!);
    const sorted = [...order].sort((x, y) => x - y);
    const set = sorted.join(',');
    this.transcripts++;
    this.words += variables.words;
    const entry = this.wordsBySet.get(set) ?? { coders: sorted, words: 0 };
    entry.words += variables.words;
    this.wordsBySet.set(set, entry);
    for (let x = 0; x < sorted.length; x++) for (let y = x + 1; y < sorted.length; y++) this.met.add(`${sorted[x]},${sorted[y]}`);
    const merge = (from: Map<string, Reliability>, into: Map<string, Reliability>, kind: string) => {
      for (const [key, variable] of from) {
        this.v.variable(into, key).merge(variable, order);
        if (!kind) continue;
        const used = this.usedWords.get(kind + key) ?? new Map<string, number>();
        used.set(set, (used.get(set) ?? 0) + variables.words);
        this.usedWords.set(kind + key, used);
      }
    };
    merge(variables.codes, this.v.codes, 'code:');
    merge(variables.dimensions, this.v.dimensions, 'dimension:');
    merge(variables.readings, this.v.readings, '');
    for (const code of variables.fixed) this.v.fixed.add(code);
    for (const code of variables.either) this.v.either.add(code);
    for (const code of variables.readingGiven) this.v.readingGiven.add(code);
  }

  private totals: StudyAgreement | undefined;

  /** The totals; transcripts added after this are not counted. */
  result(): StudyAgreement {
    if (this.totals) return this.totals;
    // A code (dimension) not used in a transcript: all its words are "not coded" by that transcript's coders.
    const fill = (map: Map<string, Reliability>, kind: string) => {
      for (const [key, variable] of map) {
        const used = this.usedWords.get(kind + key);
        for (const [set, { coders, words }] of this.wordsBySet) {
          const values: (string | undefined)[] = this.names.map(() => undefined);
          for (const i of coders) values[i] = NONE;
          variable.add(values, words - (used?.get(set) ?? 0));
        }
      }
    };
    fill(this.v.codes, 'code:');
    fill(this.v.dimensions, 'dimension:');
    const met = (i: number, j: number) => this.met.has(`${i},${j}`);
    const summary = summarise(this.v, this.names, met);
    const sizes = new Set([...this.wordsBySet.values()].map((entry) => entry.coders.length));
    this.totals = { ...summary, words: this.words, transcripts: this.transcripts, unequalCoders: sizes.size > 1 };
    return this.totals;
  }
}
