import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Position } from 'vscode-languageserver-protocol/node';
import { codedNote, codedWords, comparePair, compareTranscript, firstDifference, NONE, Reliability } from '../server/src/core/agreement/agreement.js';
import { loadCodebook } from '../server/src/core/codebook/codebook.js';
import { buildNoteModel } from '../server/src/core/checks/noteModel.js';
import { NoteParser } from '../server/src/core/dialect/note.js';
import { en } from '../server/src/core/i18n/messages.js';
import { CoderCopiesRequest, CompareCoderRequest, type CoderCopiesResult, type CompareCoderResult, type PairFigures } from '../server/src/protocol/requests.js';
import { LineIndex } from '../server/src/core/text/lineIndex.js';
import { fieldnotes } from './support/cli.js';
import { fileUri, serverForSuite } from './support/lspClient.js';
import { FLEISS_1971, KRIPPENDORFF_2011 } from './support/literatureExamples.js';
import { SAMPLES } from './support/paths.js';

const close = (actual: number | undefined | null, expected: number, what: string) => assert.ok(typeof actual === 'number' && Math.abs(actual - expected) < 0.0005, `${what}: ${actual} ≠ ${expected}`);
const parse = (text: string) => new NoteParser(en).parse(text);
const words = (text: string) => codedWords(parse(text));

/** Units given as counts of alike units: [values per coder, how many]. */
function variable(coders: number, units: [(string | undefined)[], number][]): Reliability {
  const r = new Reliability(coders);
  for (const [values, n] of units) r.add(values, n);
  return r;
}

describe('agreement: the formulas on worked examples from the literature', () => {
  it('Cohen’s kappa: 50 items, yes/yes 20, yes/no 5, no/yes 10, no/no 15 gives 0.4 (Cohen 1960, as worked on Wikipedia)', () => {
    const x = variable(2, [
      [['yes', 'yes'], 20],
      [['yes', 'no'], 5],
      [['no', 'yes'], 10],
      [['no', 'no'], 15],
    ]).pair(0, 1);
    close(x.percent, 0.7, 'percentage agreement');
    close(x.kappa, 0.4, 'kappa');
  });

  it('Krippendorff’s alpha: the binary example of Krippendorff (2011), ten units, gives 0.095', () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const r = variable(
      2,
      a.map((x, i) => [[String(x), String(b[i])], 1]),
    );
    close(r.pair(0, 1).alpha, 0.095, 'alpha of the pair');
    close(r.all().alpha, 0.095, 'alpha over all coders');
    close(r.pair(0, 1).percent, 0.6, 'percentage agreement');
  });

  it('Krippendorff’s alpha with missing values: four observers, twelve units, nominal, gives 0.743 (Krippendorff 2011)', () => {
    const observers = KRIPPENDORFF_2011;
    const r = variable(
      4,
      observers[0]!.map((_, unit) => [observers.map((o) => (o[unit] === undefined ? undefined : String(o[unit]))), 1]),
    );
    close(r.all().alpha, 0.743, 'alpha');
    assert.equal(r.all().units, 11, 'unit 12 has one value and cannot be paired');
    assert.equal(r.all().fleiss, undefined, 'Fleiss’ kappa needs the same number of values per unit');
    assert.equal(r.all().fleissUnequal, true);
  });

  it('Fleiss’ kappa: fourteen raters, ten subjects, five categories gives 0.210 (Fleiss 1971, as worked on Wikipedia)', () => {
    const table = FLEISS_1971;
    const r = variable(
      14,
      table.map((counts) => [counts.flatMap((n, category) => Array<string>(n).fill(`c${category + 1}`)), 1]),
    );
    close(r.all().fleiss, 0.21, 'Fleiss’ kappa');
    // P̄ of the worked example: the mean share of agreeing pairs of raters per subject.
    close(r.all().percent, 0.378, 'agreement');
  });

  it('gives no figure, never 1, where nothing was coded or the formulas divide by zero', () => {
    const nothing = variable(2, [[[NONE, NONE], 12]]);
    assert.deepEqual([nothing.pair(0, 1).percent, nothing.pair(0, 1).kappa, nothing.pair(0, 1).alpha], [undefined, undefined, undefined]);
    assert.deepEqual([nothing.all().percent, nothing.all().alpha, nothing.all().fleiss], [undefined, undefined, undefined]);
    const everything = variable(2, [[['=', '='], 12]]).pair(0, 1);
    assert.equal(everything.percent, 1, 'both coded every word alike: that agreement is real');
    assert.equal(everything.kappa, undefined);
    assert.equal(everything.alpha, undefined);
  });
});

describe('agreement: the units are words', () => {
  const text = (codes: [string, string]) => `---\ncoder: X\n---\n\n**NAV-leder 1:** [Vi drar ut]{#${codes[0]}} til skolen, og [vi venter]{#${codes[1]}} også.\n\n> [!MEMO]\n> Memoer teller ikke.\n`;

  it('reads the transcript’s words without front matter, codes, memos and HTML comments, each with the codes around it', () => {
    const read = words(text(['a/x', 'a/y']) + '\n<!-- Dette er en kommentar, ikke ord. -->\n');
    assert.deepEqual(
      read.map((w) => `${w.text}${w.codes.size ? ':' + [...w.codes].join('+') : ''}`),
      ['NAV-leder', '1', 'Vi:a/x', 'drar:a/x', 'ut:a/x', 'til', 'skolen', 'og', 'vi:a/y', 'venter:a/y', 'også'],
    );
  });

  it('splits scripts written without spaces into words, wherever the coders put their brackets', () => {
    const japaneseA = words('私は[東京]{#k/x}に行きました。');
    const japaneseB = words('[私は東京に]{#k/x}行きました。');
    assert.deepEqual(
      japaneseA.map((w) => w.text),
      ['私', 'は', '東京', 'に', '行き', 'ま', 'した'],
    );
    assert.equal(firstDifference(japaneseA, japaneseB), undefined, 'the same words in both copies');
    assert.deepEqual(
      japaneseA.filter((w) => w.codes.size).map((w) => w.text),
      ['東京'],
    );
    assert.deepEqual(
      japaneseB.filter((w) => w.codes.size).map((w) => w.text),
      ['私', 'は', '東京', 'に'],
    );
    const thai = words('ผมไป[โรงเรียน]{#k/x}ทุกวัน');
    assert.deepEqual(
      thai.map((w) => `${w.text}${w.codes.size ? '*' : ''}`),
      ['ผม', 'ไป', 'โรงเรียน*', 'ทุก', 'วัน'],
    );
    assert.deepEqual(
      words('我们去[学校]{#k/x}').map((w) => w.text),
      ['我们', '去', '学校'],
    );
  });

  it('keeps the word rule of scripts written with spaces: a bracket inside a word still ends it', () => {
    assert.deepEqual(
      words('Vi [drar]{#k/x}ut, og ungdommene’s far-og-mor kommer.').map((w) => w.text),
      ['Vi', 'drar', 'ut', 'og', 'ungdommene’s', 'far-og-mor', 'kommer'],
    );
  });

  it('gives each code the reading: the codebook’s pole, the coder’s evidence= for either codes, as written without a codebook', () => {
    const codebook = loadCodebook(
      'poles:\n  proactive: { label: P }\n  reactive: { label: R }\ndimensions:\n  - id: k\n    label: K\n    variations:\n      - { id: fast, label: F, evidence: proactive }\n      - { id: valg, label: V, evidence: either }\n',
      'codebook.yaml',
      en,
    ).codebook;
    const note = parse('[Vi drar]{#k/fast evidence=reactive} ut, [og venter]{#k/valg evidence=reactive} [der]{#k/valg} [nå]{#k/ukjent evidence=proactive}.');
    const coded = codedNote(note, buildNoteModel(note, codebook, en));
    const readings = (n: typeof coded) => n.words.filter((w) => w.codes.size).map((w) => `${w.text}:${[...w.readings].map(([c, r]) => `${c}=${r}`).join(',')}`);
    assert.deepEqual(readings(coded), ['Vi:k/fast=proactive', 'drar:k/fast=proactive', 'og:k/valg=reactive', 'venter:k/valg=reactive', 'der:k/valg=', 'nå:k/ukjent=proactive']);
    assert.deepEqual([...coded.fixed, ...coded.either], ['k/fast', 'k/valg']);
    assert.deepEqual(readings(codedNote(note)), ['Vi:k/fast=reactive', 'drar:k/fast=reactive', 'og:k/valg=reactive', 'venter:k/valg=reactive', 'der:k/valg=', 'nå:k/ukjent=proactive']);
  });

  it('finds where two transcripts stop having the same words', () => {
    const a = words('Vi drar ut til skolen.');
    assert.equal(firstDifference(a, words('Vi drar [ut]{#a/x} til skolen.')), undefined, 'codes are not words');
    assert.equal(firstDifference(a, words('Vi dro ut til skolen.')), 1);
    assert.equal(firstDifference(a, words('Vi drar ut til skolen i dag.')), 5);
  });
});

describe('agreement: the decision is the code with its reading', () => {
  const note = (reading: string) => codedNote(parse(`[Vi venter]{#k/x evidence=${reading}} her nå.`));

  it('counts the same words and code with another reading as a disagreement (per code, and in the readings)', () => {
    const { agreement } = compareTranscript([note('proactive'), note('reactive')], ['A', 'B']);
    const code = agreement.codes[0]!.pairs[0]!;
    // Per code: none, =proactive, =reactive. A: p p – –; B: r r – –. p_o = 2/4, p_e = (2·2)/16.
    close(code.percent, 0.5, 'agreement');
    close(code.kappa, 1 / 3, 'kappa');
    // n = 8 values: 4 none, 2 proactive, 2 reactive; alpha = 1 − 7·4 / (64 − 16 − 4 − 4).
    close(code.alpha, 0.3, 'alpha');
    const readings = agreement.readings.pooled.pairs[0]!;
    assert.equal(readings.units, 2);
    close(readings.percent, 0, 'readings agree on no word');
    close(readings.alpha, -0.5, 'readings alpha');
  });

  it('treats coding the same words with another code of the dimension as a confusion between categories', () => {
    const a = codedNote(parse('[Vi venter]{#k/a} her [nå]{#k/a #k/b}.'));
    const b = codedNote(parse('[Vi venter]{#k/b} her [nå]{#k/a #k/b}.'));
    const { agreement } = compareTranscript([a, b], ['A', 'B']);
    const k = agreement.dimensions.find((d) => d.dimension === 'k')!.pairs[0]!;
    const cell = (x: string, y: string) => k.confusion.counts[k.confusion.categories.indexOf(x)]![k.confusion.categories.indexOf(y)];
    assert.deepEqual(k.confusion.categories, [NONE, 'k/a', 'k/a+k/b', 'k/b']);
    assert.equal(cell('k/a', 'k/b'), 2, '“Vi venter”: a by one coder, b by the other');
    assert.equal(cell('k/a+k/b', 'k/a+k/b'), 1, '“nå”: both codes, by both');
    assert.equal(cell(NONE, NONE), 1, '“her”');
  });

  it('gives n/a, never 1, when nobody coded anything', () => {
    const plain = codedNote(parse('Vi venter her nå.'));
    const { agreement } = compareTranscript([plain, plain], ['A', 'B']);
    assert.deepEqual(agreement.codes, []);
    const overall = agreement.overall.pairs[0]!;
    assert.deepEqual([overall.units, overall.percent, overall.kappa, overall.alpha], [0, undefined, undefined, undefined]);
  });

  it('gives the editor the pair’s figures and the runs where they differ, with offsets in each note', () => {
    const mine = '[Vi drar ut]{#k/ut evidence=proactive} til skolen, og vi venter også.';
    const theirs = '[Vi drar ut til skolen]{#k/ut evidence=reactive}, og vi venter også.';
    const result = comparePair(parse(mine), parse(theirs));
    assert.ok(result.ok);
    assert.equal(result.agreement.words, 9);
    assert.equal(result.agreement.readings.units, 3);
    close(result.agreement.readings.percent, 0, 'readings');
    const runs = result.agreement.runs.map((r) => [mine.slice(r.a.start, r.a.end), theirs.slice(r.b.start, r.b.end), r.a.codes, r.b.codes]);
    assert.deepEqual(runs, [
      ['Vi drar ut', 'Vi drar ut', [{ code: 'k/ut', reading: 'proactive' }], [{ code: 'k/ut', reading: 'reactive' }]],
      ['til skolen', 'til skolen', [], [{ code: 'k/ut', reading: 'reactive' }]],
    ]);
    const refused = comparePair(parse(mine), parse('Vi dro ut.'));
    assert.ok(!refused.ok);
    assert.equal(refused.word, 1);
    assert.equal(refused.theirs?.text, 'dro');
  });
});

describe('fieldnotes agree (the CLI as a process)', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-agree-'));
    writeFileSync(path.join(folder, 'a.fn.md'), '[Vi drar ut]{#k/ut} til skolen, og [vi venter]{#k/venter evidence=proactive} også.\n');
    writeFileSync(path.join(folder, 'b.fn.md'), '[Vi drar ut til skolen]{#k/ut}, og [vi venter]{#k/venter evidence=reactive} også.\n');
    writeFileSync(path.join(folder, 'c.fn.md'), '[Vi drar ut]{#k/ut} til skolen, og\nvi ventet også.\n');
    writeFileSync(path.join(folder, 'tom.fn.md'), '---\ncoder: MT\n---\n\nVi drar ut til skolen, og vi venter også.\n');
    writeFileSync(path.join(folder, 'tom2.fn.md'), '---\ncoder: AK\n---\n\nVi drar ut til skolen, og vi venter også.\n');
    // Twenty words; one coder codes two, the other one: most agreement is on words nobody coded.
    const twenty = 'en to tre fire fem seks sju åtte ni ti elleve tolv tretten fjorten femten seksten sytten atten nitten tjue'.split(' ');
    writeFileSync(path.join(folder, 'sjelden1.fn.md'), `[${twenty.slice(0, 2).join(' ')}]{#k/x} ${twenty.slice(2).join(' ')}\n`);
    writeFileSync(path.join(folder, 'sjelden2.fn.md'), `${twenty.slice(0, 2).join(' ')} [${twenty[2]}]{#k/x} ${twenty.slice(3).join(' ')}\n`);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('reports per code, readings, dimensions and where, in JSON, with the counts behind each figure', () => {
    const run = fieldnotes(['agree', 'a.fn.md', 'b.fn.md', '--format', 'json'], { cwd: folder });
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.equal(json.unit, 'word');
    const t = json.transcripts[0];
    assert.equal(t.words, 9);
    assert.deepEqual(t.coders, [
      { name: 'a.fn.md', file: 'a.fn.md' },
      { name: 'b.fn.md', file: 'b.fn.md' },
    ]);
    const ut = t.codes.find((c: { code: string }) => c.code === 'k/ut').pairs[0];
    assert.deepEqual([ut.same, ut.differentReading, ut.onlyA, ut.onlyB, ut.neither], [3, 0, 0, 2, 4]);
    close(ut.percent, 7 / 9, 'k/ut agreement');
    // pe = (3/9)(5/9) + (6/9)(4/9) = 13/27; kappa = (7/9 − 13/27) / (1 − 13/27) = 8/14.
    close(ut.kappa, 8 / 14, 'k/ut kappa');
    const venter = t.codes.find((c: { code: string }) => c.code === 'k/venter').pairs[0];
    assert.deepEqual([venter.same, venter.differentReading], [0, 2], 'the same words and code, read otherwise');
    assert.ok(venter.percent < 1);
    assert.deepEqual(
      t.readings.codes.map((c: { code: string }) => c.code),
      ['k/venter'],
    );
    assert.deepEqual([t.readings.pooled.pairs[0].units, t.readings.pooled.pairs[0].percent], [2, 0]);
    assert.deepEqual(t.dimensions[0].pairs[0].confusion.categories, [null, 'k/ut', 'k/venter=proactive', 'k/venter=reactive']);
    assert.deepEqual(
      t.disagreements[0].runs.map((r: { words: number; text: string; a: { line: number; column: number; file: string }; b: { line: number; column: number; file: string } }) => [r.words, r.text, `${r.a.file}:${r.a.line}:${r.a.column}`, `${r.b.file}:${r.b.line}:${r.b.column}`]),
      [
        [2, 'til skolen', 'a.fn.md:1:21', 'b.fn.md:1:13'],
        [2, 'vi venter', 'a.fn.md:1:37', 'b.fn.md:1:37'],
      ],
    );
  });

  it('writes aligned tables as text, Markdown, and in Bokmål when asked', () => {
    const text = fieldnotes(['agree', 'a.fn.md', 'b.fn.md'], { cwd: folder });
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^Transcript: 9 words, coded by a\.fn\.md \(a\.fn\.md\) and b\.fn\.md \(b\.fn\.md\)\.$/m);
    assert.match(text.stdout, /^code\s+same\s+other reading\s+only a\.fn\.md\s+only b\.fn\.md\s+neither\s+agreement\s+kappa\s+alpha$/m);
    assert.match(text.stdout, /^#k\/ut\s+3\s+0\s+0\s+2\s+4\s+0\.778\s+0\.571\s+-?\d\.\d{3}$/m);
    assert.match(text.stdout, /^ {2}a\.fn\.md:1:21 {2}b\.fn\.md:1:13 {2}2 words “til skolen”: a\.fn\.md nothing; b\.fn\.md #k\/ut$/m);
    const lines = text.stdout.split('\n');
    const head = lines.findIndex((l) => l.startsWith('code '));
    assert.equal(lines[head]!.indexOf('agreement') + 'agreement'.length, lines[head + 1]!.indexOf('0.778') + '0.778'.length, 'figures right-aligned under their heading');
    const md = fieldnotes(['agree', 'a.fn.md', 'b.fn.md', '--format', 'md', '--lang', 'nb'], { cwd: folder });
    assert.match(md.stdout, /^\| kode \| like \| annen lesning \| bare a\.fn\.md \| bare b\.fn\.md \| ingen \| enighet \| kappa \| alfa \| {2}\|$/m);
    assert.match(md.stdout, /^\*\*Lesninger der både a\.fn\.md og b\.fn\.md kodet\*\*$/m);
  });

  it('names coders by the front matter’s coder, and says n/a, not 1.000, when nobody coded anything', () => {
    const json = JSON.parse(fieldnotes(['agree', 'tom.fn.md', 'tom2.fn.md', '--format', 'json'], { cwd: folder }).stdout);
    assert.deepEqual(
      json.transcripts[0].coders.map((c: { name: string }) => c.name),
      ['MT', 'AK'],
    );
    assert.deepEqual(json.transcripts[0].codes, []);
    assert.deepEqual([json.transcripts[0].overall.pairs[0].percent, json.transcripts[0].overall.pairs[0].kappa, json.transcripts[0].overall.all.alpha], [null, null, null]);
    const text = fieldnotes(['agree', 'tom.fn.md', 'tom2.fn.md'], { cwd: folder }).stdout;
    assert.match(text, /^all codes\s+0\s+0\s+0\s+0\s+0\s+n\/a\s+n\/a\s+n\/a$/m);
    assert.doesNotMatch(text, /1\.000/);
  });

  it('marks a high percentage beside a slight kappa as inflated by uncoded text, and says why', () => {
    const run = fieldnotes(['agree', 'sjelden1.fn.md', 'sjelden2.fn.md'], { cwd: folder });
    // 17 of 20 words agree, all but none of them uncoded: p_e = (2·1 + 18·19)/400 = 0.86 > 0.85.
    assert.match(run.stdout, /^#k\/x\s+0\s+0\s+2\s+1\s+17\s+0\.850\s+-0\.071\s+-?\d\.\d{3}\s+\*$/m);
    assert.match(run.stdout, /^\*: agreement of 0\.75 or more beside a kappa below 0\.20 \("slight", Landis & Koch 1977\)/m);
    const json = JSON.parse(fieldnotes(['agree', 'sjelden1.fn.md', 'sjelden2.fn.md', '--format', 'json'], { cwd: folder }).stdout);
    assert.equal(json.transcripts[0].codes[0].pairs[0].inflated, true);
  });

  it('refuses to score transcripts whose words differ, and says where in each file', () => {
    const run = fieldnotes(['agree', 'a.fn.md', 'c.fn.md'], { cwd: folder });
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /Word 8 is “venter” at a\.fn\.md:1:40 but “ventet” at c\.fn\.md:2:4\./);
  });

  it('needs two notes, and names a note it cannot read', () => {
    const one = fieldnotes(['agree', 'a.fn.md'], { cwd: folder });
    assert.equal(one.status, 2);
    assert.match(one.stderr, /agree compares two or more coders' copies of one transcript/);
    const missing = fieldnotes(['agree', 'a.fn.md', 'finnes-ikke.fn.md'], { cwd: folder });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /finnes-ikke\.fn\.md: could not be read/);
    const format = fieldnotes(['agree', 'a.fn.md', 'b.fn.md', '--format', 'csv'], { cwd: folder });
    assert.equal(format.status, 2);
  });
});

describe('fieldnotes agree on folders (transcripts by id, coders by coder)', () => {
  let folder: string;
  const note = (id: string, coder: string | undefined, body: string) => `---\nid: ${id}\n${coder ? `coder: ${coder}\n` : ''}---\n\n${body}\n`;
  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-agree-folder-'));
    writeFileSync(path.join(folder, 'i3.MT.fn.md'), note('intervju-03', 'MT', '[Vi drar ut]{#k/ut} til skolen.'));
    writeFileSync(path.join(folder, 'i3.AK.fn.md'), note('intervju-03', 'AK', '[Vi drar ut til skolen]{#k/ut}.'));
    writeFileSync(path.join(folder, 'i3.AK2.fn.md'), note('intervju-03', 'AK', 'Vi drar ut til skolen.'));
    writeFileSync(path.join(folder, 'i3.enig.fn.md'), note('intervju-03', 'MT og AK', '[Vi drar ut]{#k/ut} til skolen.').replace('---\n\n', 'consensus: true\n---\n\n'));
    writeFileSync(path.join(folder, 'i4.MT.fn.md'), note('intervju-04', 'MT', '[Vi venter]{#k/venter}.'));
    writeFileSync(path.join(folder, 'i4.AK.fn.md'), note('intervju-04', 'AK', 'Vi ventet.'));
    writeFileSync(path.join(folder, 'i5.MT.fn.md'), note('intervju-05', 'MT', 'Bare én koder.'));
    writeFileSync(path.join(folder, 'i6.MT.fn.md'), note('intervju-06', 'MT', '[Vi ringer]{#k/ut} dem.'));
    writeFileSync(path.join(folder, 'i6.AK.fn.md'), note('intervju-06', 'AK', 'Vi ringer [dem]{#k/ut}.'));
    writeFileSync(path.join(folder, 'i6.TR.fn.md'), note('intervju-06', 'TR', 'Vi ringte dem.'));
    writeFileSync(path.join(folder, 'i6.x.fn.md'), note('intervju-06', undefined, 'Vi ringer dem.'));
    mkdirSync(path.join(folder, 'ødelagt'));
    writeFileSync(path.join(folder, 'ødelagt', 'binær.fn.md'), Buffer.from([0x56, 0x69, 0x00, 0xc3, 0x28]));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('scores every transcript it can, refuses the copies whose words differ, names what it left out and why', () => {
    const run = fieldnotes(['agree', '.', '--format', 'json'], { cwd: folder });
    assert.equal(run.status, 1, 'some copies could not be scored');
    const json = JSON.parse(run.stdout);
    assert.deepEqual(
      json.transcripts.map((t: { id: string; coders: { name: string }[] }) => [t.id, t.coders.map((c) => c.name)]),
      [
        ['intervju-03', ['AK', 'MT']],
        ['intervju-06', ['AK', 'MT']],
      ],
    );
    assert.deepEqual(
      json.refused.map((r: { id: string; a: { file: string; line: number; column: number }; b: { file: string; line: number; column: number } }) => [r.id, `${r.a.file}:${r.a.line}:${r.a.column}`, `${r.b.file}:${r.b.line}:${r.b.column}`]),
      [
        ['intervju-04', 'i4.AK.fn.md:6:4', 'i4.MT.fn.md:6:5'],
        ['intervju-06', 'i6.AK.fn.md:6:4', 'i6.TR.fn.md:6:4'],
      ],
    );
    assert.match(json.refused[0].message, /Word 2 is “ventet” at i4\.AK\.fn\.md:6:4 but “venter” at i4\.MT\.fn\.md:6:5/);
    const left = Object.fromEntries(json.notCompared.map((n: { file: string; reason: string }) => [n.file, n.reason]));
    assert.deepEqual(left, { 'ødelagt/binær.fn.md': 'unreadable', 'i3.AK2.fn.md': 'same-coder', 'i3.enig.fn.md': 'consensus', 'i5.MT.fn.md': 'alone', 'i6.x.fn.md': 'no-coder' });
    assert.match(json.notCompared.find((n: { reason: string }) => n.reason === 'same-coder').message, /^i3\.AK2\.fn\.md: i3\.AK\.fn\.md has the same `id` and the same `coder` \(AK\)/);
    const noCoder = json.notCompared.find((n: { reason: string }) => n.reason === 'no-coder');
    assert.match(noCoder.message, /^i6\.x\.fn\.md: has the same `id` \(intervju-06\) as .* but no `coder`.*Add `coder:` with the coder's initials/);
    assert.equal(json.study.transcripts, 2);
    assert.deepEqual(json.study.coders, ['AK', 'MT']);
  });

  it('in text, prints the refusals and unreadable notes as errors, and the tables, totals and notes left out as output', () => {
    const run = fieldnotes(['agree', '.'], { cwd: folder });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^ødelagt\/binær\.fn\.md: could not be read/m);
    assert.match(run.stderr, /Word 2 is “ringer” at i6\.AK\.fn\.md:6:4 but “ringte” at i6\.TR\.fn\.md:6:4/);
    assert.match(run.stdout, /^intervju-03: 5 words, coded by AK \(i3\.AK\.fn\.md\) and MT \(i3\.MT\.fn\.md\)\.$/m);
    assert.match(run.stdout, /^Study totals: 2 transcripts, 8 words, coders AK and MT$/m);
    assert.match(run.stdout, /^what\s+units\s+agreement\s+alpha\s+Fleiss kappa\s+kappa AK–MT$/m);
    assert.match(run.stdout, /^Not compared\n(?: {2}.*\n)* {2}i5\.MT\.fn\.md: no other coder's copy/m);
  });

  it('says so when no two notes share an id', () => {
    const alone = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-agree-alone-'));
    writeFileSync(path.join(alone, 'a.fn.md'), '---\nid: x\ncoder: MT\n---\n\nTekst.\n');
    const run = fieldnotes(['agree', alone]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /No two notes in these folders share an `id` with different `coder`s/);
    rmSync(alone, { recursive: true, force: true });
  });

  it('resolves readings with the codebook `check` would use (here --codebook): a fixed pole is the same whatever evidence= says', () => {
    const study = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-agree-codebook-'));
    writeFileSync(path.join(study, 'bok.yaml'), 'poles:\n  proactive: { label: P }\n  reactive: { label: R }\ndimensions:\n  - id: k\n    label: K\n    variations:\n      - { id: ut, label: U, evidence: proactive }\n');
    writeFileSync(path.join(study, 'a.fn.md'), '[Vi drar ut]{#k/ut} nå.\n');
    writeFileSync(path.join(study, 'b.fn.md'), '[Vi drar ut]{#k/ut evidence=reactive} nå.\n');
    const withBook = JSON.parse(fieldnotes(['agree', 'a.fn.md', 'b.fn.md', '--codebook', 'bok.yaml', '--format', 'json'], { cwd: study }).stdout);
    assert.deepEqual([withBook.transcripts[0].codes[0].pairs[0].same, withBook.transcripts[0].codes[0].pairs[0].percent], [3, 1]);
    assert.deepEqual(withBook.transcripts[0].readings.codes, [], 'the codebook fixes the pole: no reading to agree on');
    const asWritten = JSON.parse(fieldnotes(['agree', 'a.fn.md', 'b.fn.md', '--format', 'json'], { cwd: study }).stdout);
    assert.deepEqual([asWritten.transcripts[0].codes[0].pairs[0].same, asWritten.transcripts[0].codes[0].pairs[0].differentReading], [0, 3]);
    rmSync(study, { recursive: true, force: true });
  });
});

describe('language server: compare with another coder', () => {
  const server = serverForSuite('fieldnotes-lsp-compare-', (temp) => {
    writeFileSync(path.join(temp, 'mt.fn.md'), '[Vi drar ut]{#k/ut} til skolen, og vi venter også.\n');
    writeFileSync(path.join(temp, 'ak.fn.md'), '[Vi drar ut til skolen]{#k/ut}, og [vi venter]{#k/venter} også.\n');
    writeFileSync(path.join(temp, 'annen.fn.md'), 'Helt andre ord.\n');
    writeFileSync(path.join(temp, 'lesning-a.fn.md'), '---\ncoder: A\n---\n\n[Skolen ringer oss]{#k/partner evidence=proactive} når noen slutter.\n');
    writeFileSync(path.join(temp, 'lesning-b.fn.md'), '---\ncoder: B\n---\n\n[Skolen ringer oss]{#k/partner evidence=reactive} når noen slutter.\n');
    return temp;
  });
  const uri = (name: string) => fileUri(path.join(server.folder, name));
  const compare = (a: string, b: string) => server.client.connection.sendRequest(CompareCoderRequest.method, { uri: uri(a), otherUri: uri(b) }) as Promise<CompareCoderResult>;
  const wordsOf = (name: string) => {
    const text = readFileSync(path.join(server.folder, name), 'utf8');
    const lines = new LineIndex(text);
    return (r: { start: Position; end: Position }) => text.slice(lines.offset(r.start), lines.offset(r.end));
  };

  it('lays the other coding over this note and finds the runs of words where they differ', async () => {
    const result = await compare('mt.fn.md', 'ak.fn.md');
    assert.ok('theirs' in result, JSON.stringify(result));
    const words = wordsOf('mt.fn.md');
    assert.deepEqual(result.theirs.map((t) => [words(t.range), t.codes]), [
      ['Vi drar ut]{#k/ut} til skolen', [{ code: 'k/ut', reading: '' }]],
      ['vi venter', [{ code: 'k/venter', reading: '' }]],
    ]);
    assert.deepEqual(result.disagreements.map((d) => [words(d.range), d.words, d.text, d.here, d.there]), [
      ['til skolen', 2, 'til skolen', [], [{ code: 'k/ut', reading: '' }]],
      ['vi venter', 2, 'vi venter', [], [{ code: 'k/venter', reading: '' }]],
    ]);
    assert.deepEqual([result.coders.here, result.coders.there], [undefined, undefined], 'neither note has a coder');
  });

  it('counts the same words with the same code and another evidence= reading as a disagreement', async () => {
    const result = await compare('lesning-a.fn.md', 'lesning-b.fn.md');
    assert.ok('theirs' in result, JSON.stringify(result));
    assert.deepEqual(result.coders, { here: 'A', there: 'B' });
    assert.deepEqual(result.disagreements.map((d) => [wordsOf('lesning-a.fn.md')(d.range), d.here, d.there]), [
      ['Skolen ringer oss', [{ code: 'k/partner', reading: 'proactive' }], [{ code: 'k/partner', reading: 'reactive' }]],
    ]);
    // Three words both coded, proactive against reactive: pₒ = 0 and pₑ = 0, so κ = 0; o(p,r) = o(r,p) = 3, n = 6, α = 1 − 5 · 6 / (2 · 3 · 3) = −2/3.
    const { readings } = result.figures;
    assert.deepEqual([readings.units, readings.percent, readings.kappa], [3, 0, 0]);
    close(readings.alpha, -2 / 3, 'alpha of the readings');
  });

  it('refuses, saying where, when the other note has other words', async () => {
    const result = await compare('mt.fn.md', 'annen.fn.md');
    assert.ok('message' in result);
    assert.match(result.message, /annen\.fn\.md does not have the same words as this note.*word 1 is “Vi” here but “Helt” there/);
    assert.equal(result.at && wordsOf('mt.fn.md')(result.at), 'Vi');
  });
});

describe('language server: compare with another coder, on the samples\' copies', () => {
  const server = serverForSuite('fieldnotes-lsp-compare-samples-', (root) => {
    cpSync(SAMPLES, path.join(root, 'samples'), { recursive: true });
    return path.join(root, 'samples');
  });
  const uri = (name: string) => fileUri(path.join(server.folder, name));
  const copies = (name: string) => server.client.connection.sendRequest(CoderCopiesRequest.method, { uri: uri(name) }) as Promise<CoderCopiesResult>;

  it('lists the other coder\'s copy of intervju-03 with its coder and which copy counts, both ways', async () => {
    assert.deepEqual(await copies('intervju-03.fn.md'), {
      id: 'intervju-03',
      coder: 'MT',
      counts: true,
      copies: [{ uri: uri('intervju-03.LH.fn.md'), name: 'samples/intervju-03.LH.fn.md', coder: 'LH', counts: false }],
    });
    assert.deepEqual(await copies('intervju-03.LH.fn.md'), {
      id: 'intervju-03',
      coder: 'LH',
      counts: false,
      copies: [{ uri: uri('intervju-03.fn.md'), name: 'samples/intervju-03.fn.md', coder: 'MT', counts: true }],
    });
  });

  it('lists no copies for a note that is the only copy of its transcript', async () => {
    const result = await copies('intervju-01.fn.md');
    assert.deepEqual([result.id, result.counts, result.copies], [undefined, true, []]);
  });

  it('gives the figures `fieldnotes agree` gives for the pair, and a run for the reading they differ on', async () => {
    const result = (await server.client.connection.sendRequest(CompareCoderRequest.method, { uri: uri('intervju-03.fn.md'), otherUri: uri('intervju-03.LH.fn.md') })) as CompareCoderResult;
    assert.ok('figures' in result, JSON.stringify(result));
    const run = fieldnotes(['agree', 'samples/intervju-03.fn.md', 'samples/intervju-03.LH.fn.md', '--format', 'json'], { cwd: server.root });
    assert.equal(run.status, 0, run.stderr);
    const cli = JSON.parse(run.stdout) as {
      transcripts: {
        words: number;
        coders: { name: string }[];
        overall: { pairs: (PairFigures & { inflated: boolean })[] };
        readings: { pooled: { pairs: PairFigures[] } };
        codes: { code: string; pairs: PairFigures[] }[];
        disagreements: { runs: { words: number; text: string; a: { start: number; end: number; codes: unknown }; b: { codes: unknown } }[] }[];
      }[];
    };
    assert.equal(cli.transcripts.length, 1);
    const [transcript] = cli.transcripts;
    const pair = ({ units, percent, kappa, alpha }: PairFigures) => ({ units, percent, kappa, alpha });
    assert.deepEqual(result.coders, { here: transcript!.coders[0]!.name, there: transcript!.coders[1]!.name });
    assert.deepEqual(result.figures, {
      words: transcript!.words,
      decisions: { ...pair(transcript!.overall.pairs[0]!), inflated: transcript!.overall.pairs[0]!.inflated },
      readings: pair(transcript!.readings.pooled.pairs[0]!),
      codes: transcript!.codes.map((c) => ({ code: c.code, ...pair(c.pairs[0]!) })),
    });
    const text = readFileSync(path.join(server.folder, 'intervju-03.fn.md'), 'utf8');
    const lines = new LineIndex(text);
    const runs = transcript!.disagreements[0]!.runs;
    assert.ok(runs.length > 0);
    assert.deepEqual(
      result.disagreements.map((d) => ({ start: lines.offset(d.range.start), end: lines.offset(d.range.end), words: d.words, text: d.text, here: d.here, there: d.there })),
      runs.map((r) => ({ start: r.a.start, end: r.a.end, words: r.words, text: r.text, here: r.a.codes, there: r.b.codes })),
    );
    const reading = result.disagreements.find((d) =>
      d.here.some((c) => c.code === 'kontaktvei/via-samarbeidspartnere' && c.reading === 'proactive') && d.there.some((c) => c.code === 'kontaktvei/via-samarbeidspartnere' && c.reading === 'reactive'),
    );
    assert.ok(reading, 'a run where MT read #kontaktvei/via-samarbeidspartnere as proactive and LH as reactive');
    assert.deepEqual(
      reading.here.map((c) => c.code),
      reading.there.map((c) => c.code),
      'the same codes: only the reading differs',
    );
  });
});
