/**
 * The anonymisation evaluation script (bench/anonEval.ts) as a process,
 * against a fake CLI that prints a fixed result: this tests the scoring,
 * not the checker. Every expected figure is worked out by hand below.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './support/paths.js';

const SCRIPT = path.join(ROOT, 'out', 'bench', 'anonEval.js');

// Note a: \n line breaks, and an emoji (two UTF-16 units) before the spans on its line.
const A = '---\ncase: kommune-1\n---\n\nEli Sunde 😀 bor i Molde og jobber i Nordvik AS.\n';
// Note b: \r\n line breaks, and a front matter that says the note is in English (whatever its words say).
const B = '---\r\ncase: kommune-2\r\nlanguage: en\r\n---\r\n\r\nRing 912 34 567 på mandag, sa Kari til NAV.\r\n';
const NOTES: Record<string, string> = { 'a.fn.md': A, 'b.fn.md': B };

/** Offsets of the `nth` occurrence of `text` in a note, end exclusive. */
function at(file: string, text: string, nth = 0): { file: string; start: number; end: number; text: string } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = NOTES[file]!.indexOf(text, start + 1);
  assert.ok(start >= 0, `${text} in ${file}`);
  return { file, start, end: start + text.length, text };
}

/** The `length` characters just before a span. */
const justBefore = (span: { file: string; start: number }, length: number) => ({ file: span.file, start: span.start - length, end: span.start });

/** 0-based line and UTF-16 character, worked out independently of the script's LineIndex. */
function position(file: string, offset: number) {
  const head = NOTES[file]!.slice(0, offset);
  return { line: head.split('\n').length - 1, character: offset - (head.lastIndexOf('\n') + 1) };
}

function diagnostic(span: { file: string; start: number; end: number }, code: string, severity = 'warning') {
  return {
    file: span.file,
    range: { start: position(span.file, span.start), end: position(span.file, span.end) },
    severity,
    code,
    message: `message for ${code}`,
  };
}

const GOLD = [
  { ...at('a.fn.md', 'Eli Sunde'), type: 'person' }, // G1
  { ...at('a.fn.md', 'Molde'), type: 'place' }, // G2
  { ...at('a.fn.md', 'Nordvik AS'), type: 'org' }, // G3
  { ...at('b.fn.md', '912 34 567'), type: 'phone' }, // G4
  { ...at('b.fn.md', 'Kari'), type: 'person' }, // G5
];
const TRAPS = [
  { ...at('a.fn.md', 'kommune-1'), why: 'pseudonym' },
  { ...at('b.fn.md', 'mandag'), why: 'weekday' },
  { ...at('b.fn.md', 'NAV'), why: 'institution' },
];
const DIAGNOSTICS = [
  diagnostic(at('a.fn.md', 'Eli Sunde'), 'anon/person'), // F1: hit of the right type (G1)
  diagnostic(at('a.fn.md', 'Sunde'), 'anon/person'), // F2: a second hit on G1
  diagnostic(at('a.fn.md', 'Molde'), 'anon/person'), // F3: hit of the wrong type (G2 is a place)
  diagnostic(justBefore(at('a.fn.md', 'Nordvik AS'), 2), 'anon/org'), // F4: "i " ending where G3 starts: overlaps nothing, wrong
  diagnostic(at('a.fn.md', 'Nordvik AS'), 'anon/indirect', 'hint'), // hint on G3: not scored, G3 stays missed
  diagnostic(at('b.fn.md', '34 567 på'), 'anon/phone'), // F5: partial overlap with G4, a hit
  diagnostic(at('b.fn.md', 'mandag'), 'anon/place'), // F6: flags a trap, overlaps no gold span: wrong
  diagnostic(at('b.fn.md', 'NAV'), 'anon/indirect', 'hint'), // hint on a trap: does not flag it
  diagnostic(at('b.fn.md', 'Kari'), 'code/unknown', 'error'), // not anon: ignored, G5 stays missed
];

function writeCorpus(dir: string, gold: unknown[] = GOLD): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(NOTES)) writeFileSync(path.join(dir, name), text);
  writeFileSync(path.join(dir, 'gold.json'), JSON.stringify(gold, null, 1));
  writeFileSync(path.join(dir, 'traps.json'), JSON.stringify(TRAPS, null, 1));
  return dir;
}

/**
 * A fake `fieldnotes` that insists on the documented invocation, leaves a
 * mark that it ran, prints `stdout` (file paths made relative to its working
 * folder, as the real CLI does) and exits with `status`.
 */
function writeFakeCli(dir: string, stdout: unknown[] | string, status = 1): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'fake-fieldnotes.mjs');
  writeFileSync(
    file,
    `import { writeFileSync } from 'node:fs';
import path from 'node:path';
const args = process.argv.slice(2);
const corpus = args.at(-1);
if (args.slice(0, 4).join(' ') !== 'check --anon-only --format json' || args.length !== 5) {
  console.error('fake CLI: unexpected arguments ' + args.join(' '));
  process.exit(2);
}
writeFileSync(${JSON.stringify(path.join(dir, 'ran'))}, 'yes');
const stdout = ${JSON.stringify(stdout)};
console.log(typeof stdout === 'string' ? stdout : JSON.stringify(stdout.map((d) => ({ ...d, file: path.relative(process.cwd(), path.resolve(corpus, d.file)).split(path.sep).join('/') })), null, 2));
process.exit(${status});
`,
  );
  return file;
}

function evaluate(args: string[]) {
  const run = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
  if (run.error) throw run.error;
  return run;
}

/** Asserts a ratio within float rounding (null for n/a). */
function near(actual: unknown, expected: number | null, what: string) {
  if (expected === null) assert.equal(actual, null, what);
  else assert.ok(typeof actual === 'number' && Math.abs(actual - expected) < 1e-9, `${what}: ${String(actual)}, expected ${expected}`);
}

interface Row {
  type: string;
  gold: number;
  findings: number;
  found: number;
  correct: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

describe('anonymisation evaluation (bench/anonEval.ts)', () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-anon-eval-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('scores per type, overall and traps by the overlap rules, with hints and other diagnostics left out', () => {
    const corpus = writeCorpus(path.join(tmp, 'scored'));
    const cli = writeFakeCli(path.join(tmp, 'scored-cli'), DIAGNOSTICS);
    const run = evaluate([corpus, '--json', '--cli', cli]);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout);

    // By hand, per type (findings: F1-F6; F4 and F6 overlap no gold span):
    //   person: gold G1, G5; findings F1, F2, F3. Found G1 (F1, F2); G5 only under a non-anon
    //           diagnostic. Correct F1, F2; F3 overlaps only a place. P 2/3, R 1/2, F1 4/7.
    //   place:  gold G2; finding F6 (on "mandag"). Found 0, correct 0: P 0, R 0, F1 0.
    //   org:    gold G3; finding F4, which only touches G3's start. Found 0, correct 0: 0, 0, 0.
    //   phone:  gold G4; finding F5, partly over G4. Found 1, correct 1: 1, 1, 1.
    //   idnum, email, dob: nothing either side: n/a.
    const expected: [string, number, number, number, number, number | null, number | null, number | null][] = [
      ['person', 2, 3, 1, 2, 2 / 3, 1 / 2, 4 / 7],
      ['place', 1, 1, 0, 0, 0, 0, 0],
      ['org', 1, 1, 0, 0, 0, 0, 0],
      ['idnum', 0, 0, 0, 0, null, null, null],
      ['phone', 1, 1, 1, 1, 1, 1, 1],
      ['email', 0, 0, 0, 0, null, null, null],
      ['dob', 0, 0, 0, 0, null, null, null],
    ];
    const rows = report.types as Row[];
    assert.deepEqual(
      rows.map((r) => r.type),
      expected.map((e) => e[0]),
    );
    for (const [type, gold, findings, found, correct, p, r, f1] of expected) {
      const row = rows.find((x) => x.type === type)!;
      assert.deepEqual([row.gold, row.findings, row.found, row.correct], [gold, findings, found, correct], type);
      near(row.precision, p, `${type} precision`);
      near(row.recall, r, `${type} recall`);
      near(row.f1, f1, `${type} F1`);
    }

    // Overall: 5 gold spans, 6 findings. Found G1, G2 (by F3, of another type), G4: 3.
    // Correct F1, F2, F3, F5: 4. P 4/6, R 3/5, F1 = 2(2/3)(3/5)/(2/3 + 3/5) = 12/19.
    // Type-correct: G1 and G4 only: 2/5.
    const o = report.overall;
    assert.deepEqual([o.gold, o.findings, o.found, o.correct, o.typeCorrectFound], [5, 6, 3, 4, 2]);
    near(o.precision, 4 / 6, 'overall precision');
    near(o.recall, 3 / 5, 'overall recall');
    near(o.f1, 12 / 19, 'overall F1');
    near(o.typeCorrectRecall, 2 / 5, 'type-correct recall');

    // Traps: only "mandag" (by F6); the hint on NAV does not flag it.
    assert.equal(report.traps.total, 3);
    assert.equal(report.traps.flagged, 1);
    assert.deepEqual(report.traps.byWhy, [
      { why: 'institution', total: 1, flagged: 0 },
      { why: 'pseudonym', total: 1, flagged: 0 },
      { why: 'weekday', total: 1, flagged: 1 },
    ]);
    assert.deepEqual(report.traps.list, [{ file: 'b.fn.md', line: 6, text: 'mandag', why: 'weekday', codes: ['anon/place'] }]);

    assert.equal(report.hints.count, 2);
    assert.deepEqual(
      report.hints.list.map((h: { file: string; text: string }) => `${h.file} ${h.text}`),
      ['a.fn.md Nordvik AS', 'b.fn.md NAV'],
    );
    assert.equal(report.ignoredDiagnostics, 1);

    // The lists a developer works from; the texts show the ranges were read back in UTF-16 units.
    assert.deepEqual(report.missed, [
      { file: 'a.fn.md', line: 5, type: 'org', text: 'Nordvik AS' },
      { file: 'b.fn.md', line: 6, type: 'person', text: 'Kari' },
    ]);
    assert.deepEqual(report.wrong, [
      { file: 'a.fn.md', line: 5, code: 'anon/org', text: 'i ', message: 'message for anon/org' },
      { file: 'b.fn.md', line: 6, code: 'anon/place', text: 'mandag', message: 'message for anon/place' },
    ]);
    assert.deepEqual(report.wrongType, [{ file: 'a.fn.md', line: 5, type: 'place', text: 'Molde', codes: ['anon/person'] }]);
    // By language: a (Norwegian by its words) holds G1-G3, F1-F4 and one trap; b (English by its front matter) the rest.
    assert.deepEqual(
      report.byLanguage.map((l: Record<string, unknown>) => [l.language, l.notes, l.gold, l.findings, l.found, l.correct, l.personRecall, l.traps, l.trapsFlagged]),
      [
        ['en', 1, 2, 2, 1, 1, 0, 2, 1],
        ['no', 1, 3, 4, 2, 3, 1, 1, 0],
      ],
    );
    assert.ok(Array.isArray(report.rules) && report.rules.length > 0);
    assert.equal(typeof report.checkerMs, 'number');
  });

  it('prints the same figures as a table, with the lists and the scoring rules in the footer', () => {
    const corpus = writeCorpus(path.join(tmp, 'table'));
    const cli = writeFakeCli(path.join(tmp, 'table-cli'), DIAGNOSTICS);
    const run = evaluate([corpus, '--cli', cli]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^person\s+2\s+3\s+1\s+2\s+0\.667\s+0\.500\s+0\.571$/m);
    assert.match(run.stdout, /^idnum\s+0\s+0\s+0\s+0\s+n\/a\s+n\/a\s+n\/a$/m);
    assert.match(run.stdout, /^overall\s+5\s+6\s+3\s+4\s+0\.667\s+0\.600\s+0\.632$/m);
    assert.match(run.stdout, /^type-correct recall: 2\/5 = 0\.400$/m);
    assert.match(run.stdout, /^Traps flagged: 1 of 3$/m);
    assert.match(run.stdout, /^ {2}b\.fn\.md:6 {2}"mandag" {2}\(weekday\) {2}by anon\/place$/m);
    assert.match(run.stdout, /^ {2}en {2}1 notes {2}recall 0\.500 {2}person recall 0\.000 {2}precision 0\.500 {2}traps flagged 1\/2 \(50\.0%\)$/m);
    assert.match(run.stdout, /^ {2}a\.fn\.md:5 {2}org {2}"Nordvik AS"$/m);
    assert.match(run.stdout, /^ {2}a\.fn\.md:5 {2}anon\/org {2}"i " {2}message for anon\/org$/m);
    assert.match(run.stdout, /Scoring:\n- A finding is a diagnostic whose code is anon\/<type>/);
    assert.match(run.stdout, /Checker time .*: \d+ ms\.$/m);
  });

  it('refuses a corpus whose gold text is not the file text, naming the file, before running the checker', () => {
    const gold = GOLD.map((g) => (g.text === 'Kari' ? { ...g, text: 'Karl' } : g));
    const corpus = writeCorpus(path.join(tmp, 'inconsistent'), gold);
    const cliDir = path.join(tmp, 'inconsistent-cli');
    const cli = writeFakeCli(cliDir, DIAGNOSTICS);
    const run = evaluate([corpus, '--json', '--cli', cli]);
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /inconsistent/);
    assert.match(run.stderr, /b\.fn\.md/);
    assert.match(run.stderr, /"Karl"/);
    assert.equal(run.stdout, '');
    assert.ok(!existsSync(path.join(cliDir, 'ran')), 'the checker should not have run');
  });

  it('says plainly when the corpus folder does not exist, and exits 2', () => {
    const run = evaluate([path.join(tmp, 'no-such-corpus'), '--cli', writeFakeCli(path.join(tmp, 'missing-cli'), [])]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no-such-corpus.*does not exist/);
  });

  it('fails clearly when the checker exits with a status other than 0 or 1, or prints something other than JSON', () => {
    const corpus = writeCorpus(path.join(tmp, 'failing'));
    const crashed = evaluate([corpus, '--cli', writeFakeCli(path.join(tmp, 'crash-cli'), [], 2)]);
    assert.equal(crashed.status, 1);
    assert.match(crashed.stderr, /checker failed.*exited with status 2/);
    const garbled = evaluate([corpus, '--cli', writeFakeCli(path.join(tmp, 'garbled-cli'), 'Internal error', 1)]);
    assert.equal(garbled.status, 1);
    assert.match(garbled.stderr, /not JSON/);
    assert.match(garbled.stderr, /Internal error/);
    // Exit 0 with no findings is a normal run.
    const clean = evaluate([corpus, '--json', '--cli', writeFakeCli(path.join(tmp, 'clean-cli'), [], 0)]);
    assert.equal(clean.status, 0, clean.stderr);
    assert.equal(JSON.parse(clean.stdout).overall.found, 0);
  });
});
