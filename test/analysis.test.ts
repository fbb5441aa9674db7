import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyseStudy, approachOf, leanOf, type AnalysedNote, type StudyAnalysis } from '../server/src/core/analysis/analysis.js';
import { loadCodebook } from '../server/src/core/codebook/codebook.js';
import { buildNoteModel } from '../server/src/core/checks/noteModel.js';
import { NoteParser } from '../server/src/core/dialect/note.js';
import { en } from '../server/src/core/i18n/messages.js';
import { LineIndex } from '../server/src/core/text/lineIndex.js';
import { fieldnotes } from './support/cli.js';
import { SMALL_CODEBOOK } from './support/smallCodebook.js';
import { SAMPLES } from './support/paths.js';

const CODEBOOK = SMALL_CODEBOOK;
const codebook = loadCodebook(CODEBOOK, 'codebook.yaml', en).codebook;

const note = (name: string, frontMatter: string, body: string): AnalysedNote => {
  const text = `---\n${frontMatter}\n---\n\n${body}\n`;
  const lines = new LineIndex(text);
  return { name, model: buildNoteModel(new NoteParser(en).parse(text), codebook, en), lineOf: (offset) => lines.position(offset).line + 1 };
};

const verdicts = (study: StudyAnalysis) => Object.fromEntries(study.cases.map((c) => [c.case, [c.approach, c.dimensions.kontakt!.lean, c.dimensions.ansvar!.lean]]));

describe('analysis: leans and approaches', () => {
  it('gives a dimension one pole, mixed (a tie too) or none, and a case one pole, hybrid or uncoded', () => {
    assert.equal(leanOf({ proactive: 3, reactive: 0 }), 'proactive');
    assert.equal(leanOf({ proactive: 1, reactive: 1 }), 'mixed', 'a tie is mixed, not a win');
    assert.equal(leanOf({ proactive: 0, reactive: 0 }), 'none');
    const v = (counts: Record<string, number>) => ({ lean: leanOf(counts), counts, evidence: [] });
    assert.equal(approachOf([v({ proactive: 2 }), v({ proactive: 0 })]), 'proactive');
    assert.equal(approachOf([v({ reactive: 1 }), v({})]), 'reactive');
    assert.equal(approachOf([v({ proactive: 1 }), v({ reactive: 1 })]), 'hybrid', 'different poles on different dimensions');
    assert.equal(approachOf([v({ proactive: 1, reactive: 1 })]), 'hybrid', 'one mixed dimension');
    assert.equal(approachOf([v({}), v({})]), 'uncoded');
  });

  it('classifies hand-made cases, keeping the segments each verdict rests on', () => {
    const study = analyseStudy(codebook, 'codebook.yaml', [
      note('a.fn.md', 'case: k-1', '[Vi drar ut]{#kontakt/oppsøkende} og [tar alt]{#ansvar/bredt}.'),
      note('b.fn.md', 'case: k-2', '[Vi venter]{#kontakt/venter}, [bare vårt]{#ansvar/smalt}.'),
      note('c.fn.md', 'case: k-3', '[Vi drar ut]{#kontakt/oppsøkende}, men [vi venter]{#kontakt/venter}.'),
      note('d.fn.md', 'case: k-4', '[Skolen ringer]{#kontakt/samarbeid evidence=reactive} og [vi tar alt]{#ansvar/bredt}.'),
      note('e.fn.md', 'case: k-5', 'Ingen koder her.'),
    ]);
    assert.deepEqual(verdicts(study), {
      'k-1': ['proactive', 'proactive', 'proactive'],
      'k-2': ['reactive', 'reactive', 'reactive'],
      'k-3': ['hybrid', 'mixed', 'none'],
      'k-4': ['hybrid', 'reactive', 'proactive'],
      'k-5': ['uncoded', 'none', 'none'],
    });
    const evidence = study.cases.find((c) => c.case === 'k-4')!.dimensions.kontakt!.evidence;
    assert.deepEqual(
      evidence.map((e) => [e.note, e.line, e.text, e.code, e.pole]),
      [['d.fn.md', 5, 'Skolen ringer', 'kontakt/samarbeid', 'reactive']],
    );
    assert.deepEqual(study.leftOut, []);
  });

  it('joins a case spread over notes, with its attributes, and says when they disagree', () => {
    const study = analyseStudy(codebook, 'codebook.yaml', [
      note('intervju.fn.md', 'case: k-1\ncoder: MT\nattributes: { landsdel: Vest, størrelse: liten }', '[Vi drar ut]{#kontakt/oppsøkende}.'),
      note('felt.fn.md', 'case: k-1\ncoder: AK\nattributes: { landsdel: Nord }', '[Vi venter]{#ansvar/smalt}.'),
    ]);
    const [k1] = study.cases;
    assert.deepEqual([k1!.approach, k1!.notes, k1!.coders, k1!.attributes], ['hybrid', ['felt.fn.md', 'intervju.fn.md'], ['AK', 'MT'], { landsdel: 'Nord', størrelse: 'liten' }]);
    assert.deepEqual(study.attributeKeys, ['landsdel', 'størrelse']);
    assert.deepEqual(study.leftOut, [{ note: 'intervju.fn.md', line: undefined, reason: 'attribute-conflict', detail: 'k-1: landsdel = Nord / Vest' }]);
  });

  it('lists what it leaves out and why: no case, no reading, a code not in the codebook', () => {
    const study = analyseStudy(codebook, 'codebook.yaml', [
      note('memo.fn.md', 'kind: memo', '[Vi drar ut]{#kontakt/oppsøkende}.'),
      note('k.fn.md', 'case: k-1', '[Skolen ringer]{#kontakt/samarbeid}.\n\n[Gammel kode]{#kontakt/fjernet}.\n\n[Vi drar ut]{#kontakt/oppsøkende}.'),
    ]);
    assert.deepEqual(
      study.leftOut.map((l) => [l.note, l.line, l.reason, l.detail]),
      [
        ['k.fn.md', 5, 'no-reading', 'kontakt/samarbeid'],
        ['k.fn.md', 7, 'unknown-code', 'kontakt/fjernet'],
        ['memo.fn.md', undefined, 'no-case', '1'],
      ],
    );
    assert.deepEqual(verdicts(study), { 'k-1': ['proactive', 'proactive', 'none'] }, 'only the readable evidence counts');
    // The segment without a reading is still a use of its code.
    assert.equal(study.codeFrequencies.find((f) => f.code === 'kontakt/samarbeid')!.segments, 1);
  });
});

describe('analysis: tables', () => {
  const study = analyseStudy(codebook, 'codebook.yaml', [
    note('a.fn.md', 'case: k-1', '[Vi drar ut [og tar alt]{#ansvar/bredt}]{#kontakt/oppsøkende}.\n\n[Både og]{#kontakt/oppsøkende #ansvar/bredt}.'),
    note('b.fn.md', 'case: k-2', '[Vi venter]{#kontakt/venter}. [Skolen ringer]{#kontakt/samarbeid evidence=proactive}.'),
  ]);

  it('lists per dimension and pole the distinct variations found, with counts (Table 2)', () => {
    const cell = (dimension: string, pole: string) => study.dimensionPoles.find((x) => x.dimension === dimension && x.pole === pole)!.variations.map((v) => `${v.code}:${v.count}`);
    assert.deepEqual(cell('kontakt', 'proactive'), ['kontakt/oppsøkende:2', 'kontakt/samarbeid:1']);
    assert.deepEqual(cell('kontakt', 'reactive'), ['kontakt/venter:1']);
    assert.deepEqual(cell('ansvar', 'reactive'), []);
  });

  it('counts codes overall and per case, in codebook order', () => {
    assert.deepEqual(
      study.codeFrequencies.map((f) => [f.code, f.segments, f.notes, f.cases]),
      [
        ['kontakt/oppsøkende', 2, 1, 1],
        ['kontakt/venter', 1, 1, 1],
        ['kontakt/samarbeid', 1, 1, 1],
        ['ansvar/bredt', 2, 1, 1],
      ],
    );
    assert.deepEqual(study.codeByCase.find((r) => r.code === 'kontakt/oppsøkende')!.counts, { 'k-1': 2, 'k-2': 0 });
  });

  it('counts codes together on one segment and on nested segments, once per segment', () => {
    assert.deepEqual(study.cooccurrence, [{ a: 'kontakt/oppsøkende', b: 'ansvar/bredt', count: 2 }]);
  });
});

describe('fieldnotes report (the CLI as a process)', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-report-'));
    mkdirSync(path.join(folder, 'notater'));
    writeFileSync(path.join(folder, 'codebook.yaml'), CODEBOOK);
    writeFileSync(path.join(folder, 'notater', 'a.fn.md'), '---\ncase: k-1\nattributes: { landsdel: Vest }\n---\n\n[Vi drar ut]{#kontakt/oppsøkende}, "sa hun", [og tar alt]{#ansvar/bredt}.\n');
    writeFileSync(path.join(folder, 'notater', 'b.fn.md'), '---\ncase: k-2\nattributes: { landsdel: Nord }\n---\n\n[Vi venter]{#kontakt/venter}.\n');
    writeFileSync(path.join(folder, 'notater', 'memo.fn.md'), '---\nkind: memo\n---\n\n[Vi drar ut]{#kontakt/oppsøkende}.\n');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('writes JSON with each case, its approach and the lean of each dimension, and what it left out', () => {
    const run = fieldnotes(['report', '--format', 'json', 'notater'], { cwd: folder });
    assert.equal(run.status, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.deepEqual(
      json.cases.map((c: { case: string; approach: string; dimensions: object; attributes: object }) => [c.case, c.approach, c.dimensions, c.attributes]),
      [
        ['k-1', 'proactive', { kontakt: 'proactive', ansvar: 'proactive' }, { landsdel: 'Vest' }],
        ['k-2', 'reactive', { kontakt: 'reactive', ansvar: 'none' }, { landsdel: 'Nord' }],
      ],
    );
    assert.deepEqual(json.leftOut, [{ note: 'notater/memo.fn.md', reason: 'no-case', detail: '1' }]);
  });

  it('writes Markdown tables, in Bokmål when asked', () => {
    const run = fieldnotes(['report', 'notater', '--lang', 'nb'], { cwd: folder });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^\| case \| landsdel \| tilnærming \| Kontaktvei \| Ansvar \|$/m);
    assert.match(run.stdout, /^\| k-1 \| Vest \| Proaktiv \| Proaktiv \(1\) \| Proaktiv \(1\) \|$/m);
    assert.match(run.stdout, /^\| k-2 \| Nord \| Reaktiv \| Reaktiv \(1\) \| – \|$/m);
    assert.match(run.stdout, /## Utelatt fra analysen[\s\S]*notater\/memo\.fn\.md .*ingen `case`.* \| 1 segmenter \|/);
  });

  it('writes one table as CSV, quoting what needs quotes', () => {
    const run = fieldnotes(['report', 'notater', '--format', 'csv', '--table', 'evidence'], { cwd: folder });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.stdout.trimEnd().split('\r\n'), [
      'case,dimension,pole,code,note,line,words',
      'k-1,kontakt,proactive,kontakt/oppsøkende,notater/a.fn.md,6,Vi drar ut',
      'k-1,ansvar,proactive,ansvar/bredt,notater/a.fn.md,6,og tar alt',
      'k-2,kontakt,reactive,kontakt/venter,notater/b.fn.md,6,Vi venter',
    ]);
    const cases = fieldnotes(['report', 'notater', '--format', 'csv'], { cwd: folder });
    assert.equal(cases.stdout.split('\r\n')[0], 'case,landsdel,approach,kontakt,ansvar,notes,coders');
  });

  it('refuses an unknown format or table with a plain message and exit status 2', () => {
    const format = fieldnotes(['report', 'notater', '--format', 'xlsx'], { cwd: folder });
    assert.equal(format.status, 2);
    assert.match(format.stderr, /--format for report must be md, csv, json or html, not 'xlsx'/);
    const table = fieldnotes(['report', 'notater', '--format', 'csv', '--table', 'alt'], { cwd: folder });
    assert.equal(table.status, 2);
    assert.match(table.stderr, /--table must be one of cases, variations/);
  });
});

describe('the sample study', () => {
  it('reports what samples/README.md tells a new user it will', () => {
    const readme = readFileSync(path.join(SAMPLES, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| (kommune-\d+) \| (\w+) \| (\w+) \| (\w+) \| (\w+) \| (\w+) \|$/gm)].map((m) => m.slice(1));
    assert.equal(rows.length, 12);
    const run = fieldnotes(['report', '--format', 'json', 'samples']);
    assert.equal(run.status, 0, run.stderr);
    const cases = JSON.parse(run.stdout).cases.filter((c: { study: string }) => c.study === 'samples/codebook.yaml');
    assert.deepEqual(
      cases.map((c: { case: string; approach: string; dimensions: Record<string, string> }) => [c.case, c.approach, c.dimensions.målgruppe, c.dimensions.kontaktvei, c.dimensions.ansvar, c.dimensions.forebygging]),
      rows,
    );
  });
});
