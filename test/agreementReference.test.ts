import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { referenceFigures, type ReferencePair, type ReferenceFigures, type ReferenceVariable } from './support/agreementReference.js';
import { fieldnotes } from './support/cli.js';
import { random } from './support/generateNotes.js';
import { FLEISS_1971, KRIPPENDORFF_2011 } from './support/literatureExamples.js';

/**
 * `fieldnotes agree --format json` against independent implementations.
 * The test decides each coder's decision on each word (a reliability
 * matrix), writes the notes from it, and derives the variables of
 * docs/agreement.md from the same matrix, without our parser: scikit-learn
 * (Cohen's kappa), statsmodels (Fleiss' kappa) and NLTK (Krippendorff's
 * alpha, missing values allowed) compute the figures from them, and every
 * figure the CLI prints must match.
 */

const CODEBOOK = `title: Testbok
poles:
  proactive: { label: Proaktiv }
  reactive: { label: Reaktiv }
dimensions:
  - id: kontakt
    label: Kontakt
    variations:
      - { id: arena, label: Arena, evidence: proactive }
      - { id: henvendelse, label: Henvendelse, evidence: reactive }
      - { id: partner, label: Partner, evidence: either }
  - id: ansvar
    label: Ansvar
    variations:
      - { id: bredt, label: Bredt, evidence: proactive }
      - { id: sammenheng, label: Sammenheng, evidence: either }
`;
const FIXED: Record<string, string> = { 'kontakt/arena': 'proactive', 'kontakt/henvendelse': 'reactive', 'ansvar/bredt': 'proactive' };
const EITHER = ['kontakt/partner', 'ansvar/sammenheng'];
const CODES = [...Object.keys(FIXED), ...EITHER].sort();
const WORDS = 'vi har jobbet med ungdommene lenge og det er mange som trenger hjelp tidlig skolen ringer oss når noen faller fra'.split(' ');

/** A coder's decision on a word: code → reading (the pole; '' when an `either` code has none). */
type Decision = Map<string, string>;

interface Transcript {
  id: string;
  words: string[];
  /** Per coder, a decision per word. */
  coders: Record<string, Decision[]>;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Coders who mostly follow a shared reading of each word, with their own omissions, switches and other readings. */
function transcript(id: string, words: number, coders: string[], seed: number): Transcript {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const reading = (code: string) => FIXED[code] ?? (rand() < 0.12 ? '' : pick(['proactive', 'reactive']));
  const truth: Decision[] = [];
  for (let i = 0; i < words; i++) {
    // Codes run over several words, as segments do.
    if (i && rand() < 0.6) truth.push(truth[i - 1]!);
    else if (rand() < 0.45) truth.push(new Map());
    else {
      const d: Decision = new Map();
      for (let n = rand() < 0.15 ? 2 : 1; n > 0; n--) {
        const code = pick(CODES);
        d.set(code, reading(code));
      }
      truth.push(d);
    }
  }
  const copies: Record<string, Decision[]> = {};
  coders.forEach((coder, k) => {
    const skill = 0.7 + 0.08 * k;
    copies[coder] = truth.map((t) => {
      const d: Decision = new Map();
      for (const [code, value] of t) {
        const r = rand();
        if (r < skill) d.set(code, value);
        else if (r < skill + 0.1) continue;
        else if (r < skill + 0.2) {
          const other = pick(CODES.filter((c) => c.split('/')[0] === code.split('/')[0]));
          d.set(other, reading(other));
        } else d.set(code, EITHER.includes(code) ? pick(['proactive', 'reactive', '']) : value);
      }
      if (rand() < 0.05) {
        const extra = pick(CODES);
        d.set(extra, reading(extra));
      }
      return d;
    });
  });
  return { id, words: Array.from({ length: words }, (_, i) => WORDS[i % WORDS.length]!), coders: copies };
}

/** The note a coder writes, and where each word is (1-based line and column), counted here, not by our parser. */
function writeNote(t: Transcript, coder: string): { text: string; places: { line: number; column: number }[] } {
  let text = `---\nid: ${t.id}\ncoder: ${coder}\n---\n\n`;
  const places: { line: number; column: number }[] = [];
  t.words.forEach((word, i) => {
    if (i) text += i % 10 === 0 ? '\n' : ' ';
    const decision = [...t.coders[coder]![i]!].sort(([a], [b]) => byCodePoint(a, b));
    // One segment per code, nested around the word: [[word]{#a}]{#b evidence=reactive}.
    const lines = text.split('\n');
    places.push({ line: lines.length, column: lines.at(-1)!.length + decision.length + 1 });
    text += '['.repeat(decision.length) + word;
    for (const [code, reading] of decision) text += `]{#${code}${EITHER.includes(code) && reading ? ` evidence=${reading}` : ''}}`;
  });
  return { text: text + '\n', places };
}

/* The variables of docs/agreement.md, from the matrix. */

const codeValue = (d: Decision | undefined, code: string) => (d === undefined ? null : d.has(code) ? `coded:${d.get(code)}` : 'none');
const readingValue = (d: Decision | undefined, code: string) => (d?.has(code) ? `reading:${d.get(code)}` : null);
function dimensionValue(d: Decision | undefined, dimension: string): string | null {
  if (d === undefined) return null;
  const parts = [...d]
    .filter(([code]) => code.split('/')[0] === dimension)
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([code, reading]) => (FIXED[code] || !reading ? code : `${code}=${reading}`));
  return parts.length ? parts.join('+') : 'none';
}

interface Scope {
  name: string;
  coders: string[];
  transcripts: Transcript[];
}

/** Every variable of a scope (one transcript, or a study): per code, overall, readings, per dimension. */
function variablesOf(scope: Scope): { key: string; kind: 'code' | 'readings' | 'dimension'; variable: ReferenceVariable }[] {
  const used = new Set<string>();
  for (const t of scope.transcripts) for (const decisions of Object.values(t.coders)) for (const d of decisions) for (const code of d.keys()) used.add(code);
  const codes = [...used].sort(byCodePoint);
  const units = (value: (d: Decision | undefined) => string | null) =>
    scope.transcripts.flatMap((t) => t.words.map((_, i) => scope.coders.map((coder) => value(t.coders[coder]?.[i]))));
  const out: { key: string; kind: 'code' | 'readings' | 'dimension'; variable: ReferenceVariable }[] = [];
  const add = (key: string, kind: 'code' | 'readings' | 'dimension', rows: (string | null)[][]) => out.push({ key, kind, variable: { name: `${scope.name}|${key}`, coders: scope.coders, units: rows } });
  for (const code of codes) add(`code:${code}`, 'code', units((d) => codeValue(d, code)));
  add('overall', 'code', codes.flatMap((code) => units((d) => codeValue(d, code))));
  const read = codes.filter((c) => EITHER.includes(c));
  for (const code of read) add(`readings:${code}`, 'readings', units((d) => readingValue(d, code)));
  add('readings', 'readings', read.flatMap((code) => units((d) => readingValue(d, code))));
  for (const dimension of [...new Set(codes.map((c) => c.split('/')[0]!))].sort(byCodePoint)) add(`dimension:${dimension}`, 'dimension', units((d) => dimensionValue(d, dimension)));
  return out;
}

/* The CLI's JSON (docs/agreement.md, "JSON"). */

interface JsonPair extends ReferencePair {
  inflated?: boolean;
  same?: number;
  differentReading?: number;
  onlyA?: number;
  onlyB?: number;
  neither?: number;
  different?: number;
  confusion: { categories: (string | null)[]; counts: number[][] };
}
interface JsonAll {
  units: number;
  percent: number | null;
  alpha: number | null;
  fleissKappa: number | null;
  fleissReason: string | null;
  inflated?: boolean;
}
interface JsonFigures {
  pairs: JsonPair[];
  all: JsonAll;
}
interface JsonComparison {
  codes: (JsonFigures & { code: string })[];
  overall: JsonFigures;
  readings: { codes: (JsonFigures & { code: string })[]; pooled: JsonFigures };
  dimensions: (JsonFigures & { dimension: string })[];
}

function figuresFor(json: JsonComparison, key: string): JsonFigures | undefined {
  const [kind, name] = key.split(/:(.*)/s) as [string, string | undefined];
  if (kind === 'code') return json.codes.find((c) => c.code === name);
  if (kind === 'overall') return json.overall;
  if (kind === 'readings') return name === undefined ? json.readings.pooled : json.readings.codes.find((c) => c.code === name);
  return json.dimensions.find((d) => d.dimension === name);
}

const close = (actual: number | null | undefined, expected: number | null, what: string) => {
  if (expected === null) assert.equal(actual, null, `${what}: expected n/a, got ${actual}`);
  else assert.ok(typeof actual === 'number' && Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected} (reference)`);
};

/** What each pair's table counts, straight from the matrix. */
function pairCounts(variable: ReferenceVariable, i: number, j: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const values of variable.units) {
    const [a, b] = [values[i], values[j]];
    if (a === null || a === undefined || b === null || b === undefined) continue;
    counts.set(`${a}\u0000${b}`, (counts.get(`${a}\u0000${b}`) ?? 0) + 1);
  }
  return counts;
}

const inflated = (percent: number | null, kappa: number | null) => percent !== null && kappa !== null && percent >= 0.75 && kappa < 0.2;

interface Checked {
  scope: Scope;
  json: JsonComparison;
  /** Whether two coders coded a transcript together (only those pairs are listed). */
  met: (a: string, b: string) => boolean;
}

/**
 * Compares every figure of each scope with the references (one Python run
 * for all); returns how many figures were compared and how many were n/a,
 * so the test knows the n/a rule was exercised.
 */
function checkScopes(checks: Checked[]): { compared: number; na: number } {
  const all = checks.flatMap((check) => variablesOf(check.scope).map((v) => ({ ...v, check })));
  const references = referenceFigures(all.map((v) => v.variable));
  let compared = 0;
  let na = 0;
  all.forEach(({ key, kind, variable, check: { scope, json, met } }, v) => {
    const ref: ReferenceFigures = references[v]!;
    const what = `${scope.name} ${key}`;
    const actual = figuresFor(json, key);
    assert.ok(actual, `${what}: missing from the CLI's JSON`);
    const decisions = kind !== 'readings';
    // Nothing coded: no figures (docs/agreement.md, "n/a").
    const nothingCoded = (labels: (string | null | undefined)[]) => decisions && labels.every((l) => l === 'none' || l === null || l === undefined);
    const expectedPairs = ref.pairs.filter((p) => met(p.a, p.b));
    assert.deepEqual(
      actual.pairs.map((p) => `${p.a}–${p.b}`),
      expectedPairs.map((p) => `${p.a}–${p.b}`),
      `${what}: pairs`,
    );
    expectedPairs.forEach((want, n) => {
      const got = actual.pairs[n]!;
      const [i, j] = [scope.coders.indexOf(want.a), scope.coders.indexOf(want.b)];
      const counts = pairCounts(variable, i, j);
      const none = nothingCoded([...counts.keys()].flatMap((k) => k.split('\u0000')));
      assert.equal(got.units, want.units, `${what} ${want.a}–${want.b}: units`);
      const expected = none ? { percent: null, kappa: null, alpha: null } : want;
      close(got.percent, expected.percent, `${what} ${want.a}–${want.b}: agreement`);
      close(got.kappa, expected.kappa, `${what} ${want.a}–${want.b}: Cohen's kappa (scikit-learn)`);
      close(got.alpha, expected.alpha, `${what} ${want.a}–${want.b}: Krippendorff's alpha (NLTK)`);
      if (decisions) assert.equal(got.inflated, inflated(expected.percent, expected.kappa), `${what} ${want.a}–${want.b}: inflated`);
      compared += 3;
      if (expected.percent === null) na++;
      // The table behind the figures, counted from the matrix.
      const table = new Map<string, number>();
      got.confusion.categories.forEach((row, r) =>
        got.confusion.categories.forEach((column, c) => {
          const label = (x: string | null) => (x === null ? 'none' : kind === 'code' ? `coded:${x}` : kind === 'readings' ? `reading:${x}` : x);
          if (got.confusion.counts[r]![c]) table.set(`${label(row)}\u0000${label(column)}`, got.confusion.counts[r]![c]!);
        }),
      );
      assert.deepEqual(new Map([...table].sort()), new Map([...counts].sort()), `${what} ${want.a}–${want.b}: confusion table`);
      if (kind === 'code') {
        const cells = { same: 0, differentReading: 0, onlyA: 0, onlyB: 0, neither: 0 };
        for (const [cell, n] of counts) {
          const [a, b] = cell.split('\u0000') as [string, string];
          if (a === 'none' && b === 'none') cells.neither += n;
          else if (a === 'none') cells.onlyB += n;
          else if (b === 'none') cells.onlyA += n;
          else if (a === b) cells.same += n;
          else cells.differentReading += n;
        }
        assert.deepEqual({ same: got.same, differentReading: got.differentReading, onlyA: got.onlyA, onlyB: got.onlyB, neither: got.neither }, cells, `${what} ${want.a}–${want.b}: cells`);
      }
    });
    const none = nothingCoded(ref.labels);
    const all = none ? { units: ref.all.units, percent: null, alpha: null, fleiss: null, equal: ref.all.equal } : ref.all;
    assert.equal(actual.all.units, all.units, `${what} all coders: units`);
    close(actual.all.percent, all.percent, `${what} all coders: agreement`);
    close(actual.all.alpha, all.alpha, `${what} all coders: Krippendorff's alpha (NLTK)`);
    close(actual.all.fleissKappa, all.fleiss, `${what} all coders: Fleiss' kappa (statsmodels)`);
    assert.equal(actual.all.fleissReason !== null, !all.equal && all.units > 0, `${what}: why Fleiss' kappa is n/a`);
    if (decisions) assert.equal(actual.all.inflated, inflated(all.percent, all.fleiss ?? all.alpha), `${what} all coders: inflated`);
    compared += 3;
  });
  return { compared, na };
}

interface JsonRun {
  words: number;
  text: string;
  a: { file: string; line: number; column: number; codes: { code: string; reading: string }[] };
  b: { file: string; line: number; column: number; codes: { code: string; reading: string }[] };
}

/** The runs of words where two coders' decisions differ the same way, from the matrix. */
function expectedRuns(t: Transcript, a: string, b: string, places: Record<string, { line: number; column: number }[]>) {
  const key = (d: Decision) => [...d].sort(([x], [y]) => byCodePoint(x, y)).map(([code, reading]) => `${code}=${reading}`).join(' ');
  const runs: { from: number; words: number; keys: [string, string] }[] = [];
  t.words.forEach((_, i) => {
    const keys: [string, string] = [key(t.coders[a]![i]!), key(t.coders[b]![i]!)];
    if (keys[0] === keys[1]) return;
    const last = runs.at(-1);
    if (last && last.from + last.words === i && last.keys[0] === keys[0] && last.keys[1] === keys[1]) last.words++;
    else runs.push({ from: i, words: 1, keys });
  });
  const codes = (d: Decision) => [...d].sort(([x], [y]) => byCodePoint(x, y)).map(([code, reading]) => ({ code, reading }));
  return runs.map((r) => ({
    words: r.words,
    a: { ...places[a]![r.from]!, codes: codes(t.coders[a]![r.from]!) },
    b: { ...places[b]![r.from]!, codes: codes(t.coders[b]![r.from]!) },
  }));
}

describe('the Python references', () => {
  it('reproduce the worked examples of the literature (Cohen 1960, Krippendorff 2011, Fleiss 1971)', () => {
    const krippendorff = KRIPPENDORFF_2011;
    const fleiss = FLEISS_1971;
    const cohen = [...Array<string[]>(20).fill(['yes', 'yes']), ...Array<string[]>(5).fill(['yes', 'no']), ...Array<string[]>(10).fill(['no', 'yes']), ...Array<string[]>(15).fill(['no', 'no'])];
    const [k, f, c] = referenceFigures([
      { name: 'krippendorff', coders: ['A', 'B', 'C', 'D'], units: krippendorff[0]!.map((_, u) => krippendorff.map((o) => (o[u] === undefined ? null : String(o[u])))) },
      { name: 'fleiss', coders: Array.from({ length: 14 }, (_, i) => `r${i}`), units: fleiss.map((counts) => counts.flatMap((n, j) => Array<string>(n).fill(`c${j}`))) },
      { name: 'cohen', coders: ['A', 'B'], units: cohen },
    ]);
    assert.ok(Math.abs(k!.all.alpha! - 0.743) < 0.0005, `Krippendorff: ${k!.all.alpha}`);
    assert.ok(Math.abs(f!.all.fleiss! - 0.21) < 0.0005, `Fleiss: ${f!.all.fleiss}`);
    assert.ok(Math.abs(c!.pairs[0]!.kappa! - 0.4) < 0.0005, `Cohen: ${c!.pairs[0]!.kappa}`);
  });

  it('fail, naming the Debian packages to install, when Python lacks the modules (never a silent skip)', () => {
    assert.throws(
      () => referenceFigures([{ name: 'x', coders: ['A', 'B'], units: [['a', 'a']] }], ['-S']),
      /apt-get install python3-sklearn python3-statsmodels python3-nltk/,
    );
  });
});

describe('fieldnotes agree against scikit-learn, statsmodels and NLTK', () => {
  let root: string;
  const places: Record<string, Record<string, { line: number; column: number }[]>> = {};
  // Study "uneven": three, two and two coders; "even": three coders each.
  const uneven = [transcript('t1', 80, ['AK', 'MT', 'TR'], 1), transcript('t2', 60, ['AK', 'MT'], 2), transcript('t3', 70, ['MT', 'TR'], 3)];
  const even = [transcript('t4', 90, ['AK', 'MT', 'TR'], 4), transcript('t5', 50, ['AK', 'MT', 'TR'], 5)];
  // In t1 only TR uses #ansvar/bredt: for AK and MT that code has nothing coded, so no figures.
  for (const coder of ['AK', 'MT']) for (const d of uneven[0]!.coders[coder]!) d.delete('ansvar/bredt');
  uneven[0]!.coders.TR![3]!.set('ansvar/bredt', 'proactive');

  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-agree-reference-'));
    for (const [folder, transcripts] of [['uneven', uneven], ['even', even]] as const) {
      mkdirSync(path.join(root, folder));
      writeFileSync(path.join(root, folder, 'codebook.yaml'), CODEBOOK);
      for (const t of transcripts) {
        places[t.id] = {};
        for (const coder of Object.keys(t.coders)) {
          const note = writeNote(t, coder);
          places[t.id]![coder] = note.places;
          writeFileSync(path.join(root, folder, `${t.id}.${coder}.fn.md`), note.text);
        }
      }
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const run = (args: string[]) => {
    const result = fieldnotes(['agree', ...args, '--format', 'json'], { cwd: root });
    assert.equal(result.status, 0, result.stderr);
    return JSON.parse(result.stdout) as { transcripts: (JsonComparison & { id: string; coders: { name: string }[]; disagreements: { a: string; b: string; runs: JsonRun[] }[] })[]; study: JsonComparison & { coders: string[]; unequalCoders: boolean; transcripts: number } };
  };

  for (const [folder, transcripts] of [['uneven', uneven], ['even', even]] as const) {
    it(`matches every figure of each transcript and of the study totals (${folder} coders per transcript)`, () => {
      const json = run([folder]);
      const checks: Checked[] = transcripts.map((t) => {
        const got = json.transcripts.find((x) => x.id === t.id);
        assert.ok(got, `${t.id} scored`);
        const coders = Object.keys(t.coders).sort(byCodePoint);
        assert.deepEqual(got.coders.map((c) => c.name), coders);
        return { scope: { name: t.id, coders, transcripts: [t] }, json: got, met: () => true };
      });
      const coders = [...new Set(transcripts.flatMap((t) => Object.keys(t.coders)))].sort(byCodePoint);
      const met = (a: string, b: string) => transcripts.some((t) => a in t.coders && b in t.coders);
      assert.deepEqual(json.study.coders, coders);
      assert.equal(json.study.transcripts, transcripts.length);
      assert.equal(json.study.unequalCoders, folder === 'uneven');
      checks.push({ scope: { name: `${folder} study`, coders, transcripts }, json: json.study, met });
      const { compared, na } = checkScopes(checks);
      assert.ok(compared > 100, `${compared} figures compared`);
      if (folder === 'uneven') assert.ok(na > 0, 'the n/a rule was exercised');
    });
  }

  it('lists every run of words where two coders differ, at the place each copy has it', () => {
    const json = run(['uneven']);
    for (const t of uneven) {
      const got = json.transcripts.find((x) => x.id === t.id)!;
      const coders = Object.keys(t.coders).sort(byCodePoint);
      for (let i = 0; i < coders.length; i++) {
        for (let j = i + 1; j < coders.length; j++) {
          const [a, b] = [coders[i]!, coders[j]!];
          const pair = got.disagreements.find((d) => d.a === a && d.b === b)!;
          assert.deepEqual(
            pair.runs.map((r) => ({ words: r.words, a: { line: r.a.line, column: r.a.column, codes: r.a.codes }, b: { line: r.b.line, column: r.b.column, codes: r.b.codes } })),
            expectedRuns(t, a, b, places[t.id]!),
            `${t.id} ${a}–${b}`,
          );
          for (const r of pair.runs) assert.equal([r.a.file, r.b.file].join(' '), `uneven/${t.id}.${a}.fn.md uneven/${t.id}.${b}.fn.md`);
        }
      }
    }
  });

  it('scores three copies named on the command line as one transcript, coders in the order given', () => {
    const t = uneven[0]!;
    const json = run(['uneven/t1.TR.fn.md', 'uneven/t1.AK.fn.md', 'uneven/t1.MT.fn.md']);
    assert.equal(json.transcripts.length, 1);
    assert.deepEqual(json.transcripts[0]!.coders.map((c) => c.name), ['TR', 'AK', 'MT']);
    checkScopes([{ scope: { name: 't1 as files', coders: ['TR', 'AK', 'MT'], transcripts: [t] }, json: json.transcripts[0]!, met: () => true }]);
  });
});
