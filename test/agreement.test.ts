import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { agreementOf, codedWords, compareCodings, firstDifference } from '../server/src/core/agreement/agreement.js';
import { NoteParser } from '../server/src/core/dialect/note.js';
import { en } from '../server/src/core/i18n/messages.js';
import type { Position } from 'vscode-languageserver-protocol/node';
import { CompareCoderRequest, type CompareCoderResult } from '../server/src/protocol/requests.js';
import { LineIndex } from '../server/src/core/text/lineIndex.js';
import { fieldnotes } from './support/cli.js';
import { fileUri, serverForSuite } from './support/lspClient.js';

const close = (actual: number | undefined, expected: number, what: string) => assert.ok(actual !== undefined && Math.abs(actual - expected) < 0.0005, `${what}: ${actual} ≠ ${expected}`);
const words = (text: string) => codedWords(new NoteParser(en).parse(text));

describe('agreement: the formulas on worked examples from the literature', () => {
  it('Cohen’s kappa: 50 items, yes/yes 20, yes/no 5, no/yes 10, no/no 15 gives 0.4 (Cohen 1960, as worked on Wikipedia)', () => {
    const x = agreementOf({ both: 20, onlyA: 5, onlyB: 10, neither: 15 });
    close(x.percent, 0.7, 'percentage agreement');
    close(x.kappa, 0.4, 'kappa');
  });

  it('Krippendorff’s alpha: the binary example of Krippendorff (2011), ten units, gives 0.095', () => {
    // Observer A: 0 1 0 0 0 0 0 0 1 0; observer B: 1 1 1 0 0 1 0 0 0 0.
    const x = agreementOf({ both: 1, onlyA: 1, onlyB: 3, neither: 5 });
    close(x.alpha, 0.095, 'alpha');
    close(x.percent, 0.6, 'percentage agreement');
  });

  it('is undefined, not a number, where the formulas divide by zero', () => {
    const constant = agreementOf({ both: 0, onlyA: 0, onlyB: 0, neither: 12 });
    assert.equal(constant.percent, 1);
    assert.equal(constant.kappa, undefined);
    assert.equal(constant.alpha, undefined);
  });
});

describe('agreement: two codings of one transcript, word by word', () => {
  const text = (codes: [string, string]) => `---\ncoder: X\n---\n\n**NAV-leder 1:** [Vi drar ut]{#${codes[0]}} til skolen, og [vi venter]{#${codes[1]}} også.\n\n> [!MEMO]\n> Memoer teller ikke.\n`;

  it('reads the transcript’s words without front matter, codes and memos, each with the codes around it', () => {
    const read = words(text(['a/x', 'a/y']));
    assert.deepEqual(
      read.map((w) => `${w.text}${w.codes.size ? ':' + [...w.codes].join('+') : ''}`),
      ['NAV-leder', '1', 'Vi:a/x', 'drar:a/x', 'ut:a/x', 'til', 'skolen', 'og', 'vi:a/y', 'venter:a/y', 'også'],
    );
  });

  it('gives 1 everywhere for identical codings', () => {
    const a = words(text(['a/x', 'a/y']));
    const report = compareCodings(a, words(text(['a/x', 'a/y'])));
    for (const row of [...report.codes, report.overall]) {
      assert.deepEqual([row.percent, row.kappa, row.alpha], [1, 1, 1]);
    }
  });

  it('gives no agreement beyond chance for disjoint codings', () => {
    const report = compareCodings(words(text(['a/x', 'a/y'])), words(text(['b/x', 'b/y'])));
    assert.deepEqual(
      report.codes.map((c) => [c.code, c.both, c.onlyA, c.onlyB]),
      [
        ['a/x', 0, 3, 0],
        ['a/y', 0, 2, 0],
        ['b/x', 0, 0, 3],
        ['b/y', 0, 0, 2],
      ],
    );
    assert.equal(report.overall.both, 0);
    assert.ok(report.overall.kappa! < 0 && report.overall.alpha! < 0);
  });

  it('finds where two transcripts stop having the same words', () => {
    const a = words('Vi drar ut til skolen.');
    assert.equal(firstDifference(a, words('Vi drar [ut]{#a/x} til skolen.')), undefined, 'codes are not words');
    assert.equal(firstDifference(a, words('Vi dro ut til skolen.')), 1);
    assert.equal(firstDifference(a, words('Vi drar ut til skolen i dag.')), 5);
  });
});

describe('fieldnotes agree (the CLI as a process)', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-agree-'));
    writeFileSync(path.join(folder, 'a.fn.md'), '[Vi drar ut]{#k/ut} til skolen, og [vi venter]{#k/venter} også.\n');
    writeFileSync(path.join(folder, 'b.fn.md'), '[Vi drar ut til skolen]{#k/ut}, og vi venter også.\n');
    writeFileSync(path.join(folder, 'c.fn.md'), '[Vi drar ut]{#k/ut} til skolen, og\nvi ventet også.\n');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('reports per code and overall in JSON, with the counts behind each figure', () => {
    const run = fieldnotes(['agree', 'a.fn.md', 'b.fn.md', '--format', 'json'], { cwd: folder });
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.equal(json.unit, 'word');
    assert.equal(json.words, 9);
    const ut = json.codes.find((c: { code: string }) => c.code === 'k/ut');
    assert.deepEqual([ut.both, ut.onlyA, ut.onlyB, ut.neither], [3, 0, 2, 4]);
    close(ut.percent, 7 / 9, 'k/ut agreement');
    // pe = (3/9)(5/9) + (6/9)(4/9) = 13/27; kappa = (7/9 − 13/27) / (1 − 13/27) = 8/14.
    close(ut.kappa, 8 / 14, 'k/ut kappa');
    const venter = json.codes.find((c: { code: string }) => c.code === 'k/venter');
    assert.equal(venter.kappa, 0, 'B never codes it: no agreement beyond chance');
  });

  it('writes a table as text or Markdown, in Bokmål when asked', () => {
    const text = fieldnotes(['agree', 'a.fn.md', 'b.fn.md'], { cwd: folder });
    assert.match(text.stdout, /^9 words, coded in a\.fn\.md \(A\) and b\.fn\.md \(B\)\.$/m);
    assert.match(text.stdout, /^#k\/ut\s+3\s+0\s+2\s+0\.778\s+0\.571\s+0\.\d{3}$/m);
    const md = fieldnotes(['agree', 'a.fn.md', 'b.fn.md', '--format', 'md', '--lang', 'nb'], { cwd: folder });
    assert.match(md.stdout, /^\| kode \| begge \| bare A \| bare B \| enighet \| kappa \| alfa \|$/m);
  });

  it('refuses to score transcripts whose words differ, and says where', () => {
    const run = fieldnotes(['agree', 'a.fn.md', 'c.fn.md'], { cwd: folder });
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /Word 8 is “venter” at a\.fn\.md:1 but “ventet” at c\.fn\.md:2\./);
  });

  it('needs exactly two notes', () => {
    const run = fieldnotes(['agree', 'a.fn.md'], { cwd: folder });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /agree compares two notes/);
  });
});

describe('fieldnotes agree on folders (pairs by id and coder)', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-agree-folder-'));
    const note = (id: string, coder: string, body: string) => `---\nid: ${id}\ncoder: ${coder}\n---\n\n${body}\n`;
    writeFileSync(path.join(folder, 'i3.MT.fn.md'), note('intervju-03', 'MT', '[Vi drar ut]{#k/ut} til skolen.'));
    writeFileSync(path.join(folder, 'i3.AK.fn.md'), note('intervju-03', 'AK', '[Vi drar ut til skolen]{#k/ut}.'));
    writeFileSync(path.join(folder, 'i4.MT.fn.md'), note('intervju-04', 'MT', '[Vi venter]{#k/venter}.'));
    writeFileSync(path.join(folder, 'i4.AK.fn.md'), note('intervju-04', 'AK', 'Vi ventet.'));
    writeFileSync(path.join(folder, 'i5.MT.fn.md'), note('intervju-05', 'MT', 'Bare én koder.'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('compares each id’s two coders, reports the pair whose words differ, and lists notes without a partner', () => {
    const run = fieldnotes(['agree', '.', '--format', 'json'], { cwd: folder });
    assert.equal(run.status, 1, 'one pair could not be scored');
    const json = JSON.parse(run.stdout);
    assert.deepEqual(
      json.pairs.map((p: { a: string; b: string; words?: number; error?: string }) => [p.a, p.b, p.words ?? null, p.error ? 'differ' : 'scored']),
      [
        ['i3.AK.fn.md', 'i3.MT.fn.md', 5, 'scored'],
        ['i4.AK.fn.md', 'i4.MT.fn.md', null, 'differ'],
      ],
    );
    assert.match(json.pairs[1].error, /Word 2 is “ventet” at i4\.AK\.fn\.md:6 but “venter” at i4\.MT\.fn\.md:6/);
    assert.deepEqual(json.unpaired, ['i5.MT.fn.md']);
  });

  it('says so when no two notes share an id', () => {
    const alone = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-agree-alone-'));
    writeFileSync(path.join(alone, 'a.fn.md'), '---\nid: x\ncoder: MT\n---\n\nTekst.\n');
    const run = fieldnotes(['agree', alone]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /No two notes in these folders share an `id` with different `coder`s/);
    rmSync(alone, { recursive: true, force: true });
  });
});

describe('language server: compare with another coder', () => {
  const server = serverForSuite('fieldnotes-lsp-compare-', (temp) => {
    writeFileSync(path.join(temp, 'mt.fn.md'), '[Vi drar ut]{#k/ut} til skolen, og vi venter også.\n');
    writeFileSync(path.join(temp, 'ak.fn.md'), '[Vi drar ut til skolen]{#k/ut}, og [vi venter]{#k/venter} også.\n');
    writeFileSync(path.join(temp, 'annen.fn.md'), 'Helt andre ord.\n');
    return temp;
  });
  const uri = (name: string) => fileUri(path.join(server.folder, name));

  it('lays the other coding over this note and finds the runs of words where they differ', async () => {
    const result = (await server.client.connection.sendRequest(CompareCoderRequest.method, { uri: uri('mt.fn.md'), otherUri: uri('ak.fn.md') })) as CompareCoderResult;
    assert.ok('theirs' in result, JSON.stringify(result));
    const text = readFileSync(path.join(server.folder, 'mt.fn.md'), 'utf8');
    const lines = new LineIndex(text);
    const words = (r: { start: Position; end: Position }) => text.slice(lines.offset(r.start), lines.offset(r.end));
    assert.deepEqual(result.theirs.map((t) => [words(t.range), t.codes]), [
      ['Vi drar ut]{#k/ut} til skolen', ['k/ut']],
      ['vi venter', ['k/venter']],
    ]);
    assert.deepEqual(result.disagreements.map((d) => [words(d.range), d.here, d.there]), [
      ['til skolen', [], ['k/ut']],
      ['vi venter', [], ['k/venter']],
    ]);
  });

  it('refuses, saying where, when the other note has other words', async () => {
    const result = (await server.client.connection.sendRequest(CompareCoderRequest.method, { uri: uri('mt.fn.md'), otherUri: uri('annen.fn.md') })) as CompareCoderResult;
    assert.ok('message' in result);
    assert.match(result.message, /annen\.fn\.md does not have the same words as this note.*word 1 is “Vi” here but “Helt” there/);
  });
});

