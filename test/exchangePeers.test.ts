import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { loadCodebook, type Codebook } from '../server/src/core/codebook/codebook.js';
import { buildNoteModel } from '../server/src/core/checks/noteModel.js';
import { NoteParser } from '../server/src/core/dialect/note.js';
import { messagesFor } from '../server/src/core/i18n/messages.js';
import { exportCodebook } from '../server/src/core/exchange/exportCodebook.js';
import { exportProject, type ExportedNote } from '../server/src/core/exchange/exportProject.js';
import { importCodebook } from '../server/src/core/exchange/importCodebook.js';
import { importQdpx } from '../server/src/core/exchange/importProject.js';
import { readXml, type XmlElement } from '../server/src/core/exchange/xmlReader.js';
import { strToU8, zipSync } from 'fflate';
import { fieldnotes } from './support/cli.js';
import { ROOT, SAMPLES, SAMPLE_CODEBOOK } from './support/paths.js';
import { schemaErrors } from './support/xmllint.js';
import { g } from './support/refiFixtures.js';

/*
 * What the peers' importers need of the REFI-QDA export, and colours kept
 * on import (issue 18). The project is read back with the import's own XML
 * reader (saxes, `xmlReader.ts`), as another tool would read it.
 */

const en = messagesFor('en');
const sampleCodebook = loadCodebook(readFileSync(SAMPLE_CODEBOOK, 'utf8'), 'codebook.yaml', en).codebook;
const note = (name: string, text: string, codebook: Codebook = sampleCodebook): ExportedNote => ({ name, model: buildNoteModel(new NoteParser(en).parse(text), codebook, en) });
const sampleFiles = () => readdirSync(SAMPLES).filter((f) => f.endsWith('.fn.md'));
/** The samples as transcripts: a coder's copy (`intervju-03.LH`) joins the note named by its id. */
function sampleTranscripts(): ExportedNote[] {
  const notes = sampleFiles().map((f) => note(f.replace(/\.fn\.md$/, ''), readFileSync(path.join(SAMPLES, f), 'utf8')));
  const copies = notes.filter((n) => n.name.includes('.'));
  return notes.filter((n) => !n.name.includes('.')).map((n) => ({ ...n, copies: copies.filter((c) => c.model.frontMatter.data.id === n.model.frontMatter.data.id) }));
}

function root(xml: string): XmlElement {
  const read = readXml(xml);
  assert.ok(read.ok, 'the XML is well-formed');
  return read.root;
}
const all = (element: XmlElement, name: string): XmlElement[] => [...(element.name === name ? [element] : []), ...element.children.flatMap((c) => all(c, name))];
const kids = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);
/** A front-matter field of a sample note, as written on its own line. */
const field = (text: string, key: string) => new RegExp(`^${key}: (.*)$`, 'm').exec(text)?.[1];

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-peers-'));

describe('REFI-QDA export for the peers’ importers: dated notes', () => {
  it('dates every Note of the samples by its note’s date: (creation and modification alike), and gives the same bytes run after run', () => {
    const dir = tmp();
    try {
      const notes = sampleFiles().map((f) => path.join(SAMPLES, f));
      for (const file of ['a.qdpx', 'b.qdpx']) {
        const run = fieldnotes(['export', '--qdpx', path.join(dir, file), ...notes]);
        assert.equal(run.status, 0, run.stderr);
      }
      const archive = readFileSync(path.join(dir, 'a.qdpx'));
      assert.deepEqual(archive, readFileSync(path.join(dir, 'b.qdpx')), 'two runs, the same bytes');

      const project = root(strFromU8(unzipSync(archive)['project.qde']!));
      const users = new Map(all(project, 'User').map((u) => [u.attrs.guid!, u.attrs.name!]));
      // The date of the copy of a transcript (by id) that a coder wrote.
      const texts = sampleFiles().map((f) => ({ name: f.replace(/\.fn\.md$/, ''), text: readFileSync(path.join(SAMPLES, f), 'utf8') }));
      const dateOf = (source: string, coder: string) => {
        const id = field(texts.find((t) => t.name === source)!.text, 'id');
        return field(texts.find((t) => field(t.text, 'id') === id && field(t.text, 'coder') === coder)!.text, 'date');
      };
      const sourceOfNote = new Map<string, string>();
      for (const source of all(project, 'TextSource')) for (const ref of all(source, 'NoteRef')) sourceOfNote.set(ref.attrs.targetGUID!, source.attrs.name!);

      const noteElements = all(project, 'Note');
      assert.equal(noteElements.length, 30);
      for (const element of noteElements) {
        const expected = `${dateOf(sourceOfNote.get(element.attrs.guid!)!, users.get(element.attrs.creatingUser!)!)}T00:00:00Z`;
        assert.match(expected, /^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
        assert.equal(element.attrs.creationDateTime, expected, element.attrs.name);
        assert.equal(element.attrs.modifiedDateTime, expected, element.attrs.name);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('dates a note without date: by its transcript’s counted copy, else by the archive’s fixed time (and writes 30 February as text, not a date)', () => {
    const body = '\nVi spør.\n\n> [!MEMO] m\n> Et memo.\n';
    const dated = note('t', `---\nid: t\ncoder: MT\ndate: 2021-05-04\n---\n${body}`);
    const copy = note('t.LH', `---\nid: t\ncoder: LH\n---\n${body}`);
    const undated = note('u', `---\nid: u\ncoder: MT\ndate: 2021-02-30\n---\n${body}`);
    const project = exportProject(sampleCodebook, [{ ...dated, copies: [copy] }, undated], { version: '0.0.0' });
    assert.deepEqual(schemaErrors(project.xml, 'Project.xsd'), []);
    const users = new Map(all(root(project.xml), 'User').map((u) => [u.attrs.guid!, u.attrs.name!]));
    assert.deepEqual(
      all(root(project.xml), 'Note').map((n) => [users.get(n.attrs.creatingUser!), n.attrs.creationDateTime, n.attrs.modifiedDateTime]),
      [
        ['MT', '2021-05-04T00:00:00Z', '2021-05-04T00:00:00Z'],
        ['LH', '2021-05-04T00:00:00Z', '2021-05-04T00:00:00Z'],
        // 30 February is no day: the note is as undated.
        ['MT', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z'],
      ],
    );
  });
});

describe('REFI-QDA export for the peers’ importers: one selection per place and coder', () => {
  const selections = (xml: string) => all(root(xml), 'PlainTextSelection');
  const place = (s: XmlElement) => `${s.attrs.startPosition}-${s.attrs.endPosition} ${s.attrs.creatingUser}`;

  it('gives a memo and a review after one paragraph one selection with both notes, in order, and the import gives back both callouts', () => {
    const text = '---\nid: m\ncoder: MT\ndate: 2021-03-04\n---\n\nHun beskriver dette som en del av jobben.\n\n> [!MEMO] Tolkning\n> Et memo.\n\n> [!REVIEW] veileder\n> Stemmer dette?\n\nNeste avsnitt.\n';
    const project = exportProject(sampleCodebook, [note('m', text)], { version: '0.0.0' });
    assert.deepEqual(schemaErrors(project.xml, 'Project.xsd'), []);
    const [only, ...others] = selections(project.xml);
    assert.deepEqual(others, []);
    const names = new Map(all(root(project.xml), 'Note').map((n) => [n.attrs.guid!, n.attrs.name!]));
    assert.deepEqual(
      kids(only!, 'NoteRef').map((r) => names.get(r.attrs.targetGUID!)),
      ['[!MEMO] Tolkning', '[!REVIEW] veileder'],
    );
    assert.deepEqual(kids(only!, 'Coding'), []);

    const back = importQdpx(project.archive, { fileName: 'm.qdpx', locale: 'en' });
    assert.deepEqual(back.problems, []);
    assert.equal(back.files.find((f) => f.path === 'm.fn.md')!.text.replace(/^---\n[\s\S]*?\n---\n/, ''), text.replace(/^---\n[\s\S]*?\n---\n/, ''));
  });

  it('merges one coder’s segments on the same words that read alike into one selection with every coding; segments read otherwise, and a coded paragraph with a memo after it, stay apart', () => {
    const nested = note('n', '---\nid: n\ncoder: MT\n---\n\n[[Vi ringer foreldrene]{#kontaktvei/egen-henvendelse}]{#målgruppe/over-18 memo="Typisk."}, sa hun.\n\n[[Vi venter]{#kontaktvei/via-foreldre evidence=proactive}]{#kontaktvei/via-samarbeidspartnere evidence=reactive}.\n\nVi spør om barna.\n{#målgruppe/over-18}\n\n> [!MEMO] m\n> Et memo.\n');
    assert.deepEqual(nested.model.diagnostics, []);
    const project = exportProject(sampleCodebook, [nested], { version: '0.0.0' });
    assert.deepEqual(schemaErrors(project.xml, 'Project.xsd'), []);
    const codes = new Map(all(root(project.xml), 'Code').map((c) => [c.attrs.guid!, c.attrs.name!]));
    const label = (code: string) => sampleCodebook.codes.get(code)!.label;
    assert.deepEqual(
      selections(project.xml).map((s) => [s.attrs.name, kids(s, 'Description')[0]?.text, kids(s, 'Coding').map((c) => codes.get(kids(c, 'CodeRef')[0]!.attrs.targetGUID!)), kids(s, 'NoteRef').length]),
      [
        ['Vi ringer foreldrene', undefined, [label('målgruppe/over-18'), label('kontaktvei/egen-henvendelse')], 1],
        ['Vi venter', 'evidence=reactive', [label('kontaktvei/via-samarbeidspartnere')], 0],
        ['Vi venter', 'evidence=proactive', [label('kontaktvei/via-foreldre')], 0],
        ['Vi spør om barna.', 'block', [label('målgruppe/over-18')], 0],
        ['Vi spør om barna.', undefined, [], 1],
      ],
    );
    assert.equal(project.selections, 5, 'the count is of coded segments');
  });

  it('writes no two selections of one coder at the same place in the samples (two coders’ selections over the same words stay two: each tool shows whose they are)', () => {
    // intervju-03 and intervju-07 are each coded by two coders: their copies join the counted copy's source.
    const project = exportProject(sampleCodebook, sampleTranscripts(), { version: '0.0.0' });
    assert.equal(project.sourcesWithCopies, 2);
    for (const source of all(root(project.xml), 'TextSource')) {
      const places = kids(source, 'PlainTextSelection').map(place);
      assert.deepEqual(places, [...new Set(places)], source.attrs.name);
    }
  });
});

describe('REFI-QDA export for the peers’ importers: names as written', () => {
  it('writes a tab, a line feed and a carriage return in any name as character references, so an XML reader gives the name back unchanged', () => {
    const book = loadCodebook(
      ['title: "Studie\\tén"', 'dimensions:', '  - id: d', '    label: "Dimensjon\\tmed tab"', '    variations:', '      - id: v', '        label: "Variasjon\\tmed\\ntab og\\rlinjer"', ''].join('\n'),
      'codebook.yaml',
      en,
    );
    assert.deepEqual(book.diagnostics, []);
    const text = '---\nid: t\ncoder: "M\\tT"\ncase: "Kontor\\t1"\n---\n\n[Vi\tspør  om barna]{#d/v}.\n\n> [!MEMO] Et\ttab-memo\n> Tekst.\n';
    const project = exportProject(book.codebook, [note('intervju\t1', text, book.codebook)], { version: '0.0.0' });
    assert.deepEqual(schemaErrors(project.xml, 'Project.xsd'), []);
    for (const [attribute] of project.xml.matchAll(/ [\w:]+="[^"]*"/g)) assert.doesNotMatch(attribute, /[\t\n\r]/, 'no raw tab or line break in an attribute');

    const project_ = root(project.xml);
    const name = (element: string) => all(project_, element).map((e) => e.attrs.name);
    assert.deepEqual(name('Project'), ['Studie\tén']);
    assert.deepEqual(name('User'), ['M\tT']);
    assert.deepEqual(name('Case'), ['Kontor\t1']);
    assert.deepEqual(name('TextSource'), ['intervju\t1']);
    assert.deepEqual(name('Code'), ['Dimensjon\tmed tab', 'Variasjon\tmed\ntab og\rlinjer']);
    assert.deepEqual(name('Note'), ['[!MEMO] Et\ttab-memo']);
    // A selection is named by its first words on one line: a tab and two spaces stay as written.
    assert.deepEqual(name('PlainTextSelection'), ['Vi\tspør  om barna', 'Vi\tspør  om barna.']);
    const qdc = root(exportCodebook(book.codebook, '0.0.0'));
    assert.deepEqual(all(qdc, 'Code').map((c) => c.attrs.name), ['Dimensjon\tmed tab', 'Variasjon\tmed\ntab og\rlinjer']);
  });
});

const ATLAS_QDC = path.join(ROOT, '..', 'shared', 'interop', 'real', 'requal', 'atlas-23.4-codebook.qdc');

describe('REFI-QDA import: code colours kept', () => {
  const codes = (xml: string) => all(root(xml), 'Code').map((c) => [c.attrs.name, c.attrs.color]);

  it('keeps the colour of a code in ATLAS.ti’s own .qdc as the variation’s color, and exports it back', function () {
    if (!existsSync(ATLAS_QDC)) this.skip();
    const imported = importCodebook(readFileSync(ATLAS_QDC, 'utf8'), { fileName: 'atlas.qdc', locale: 'en' });
    assert.match(imported.yaml, /- id: code1\n {8}label: code1\n {8}description: description\n {8}color: "#46aa00"\n/);
    const loaded = loadCodebook(imported.yaml, 'codebook.yaml', en);
    assert.deepEqual(loaded.diagnostics, []);
    assert.equal(loaded.codebook.codes.get('codes/code1')!.color, '#46aa00');
    assert.deepEqual(codes(exportCodebook(loaded.codebook, '0.0.0')), [
      ['Codes', undefined],
      ['code1', '#46aa00'],
    ]);
  });

  it('keeps code colours from a .qdpx (a dimension’s, a code’s, #rgb written out) and a codebook’s colours survive export and import unchanged', () => {
    const text = 'Jeg liker skolen.\n';
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Farger" origin="ATLAS.ti Windows 23.2">
  <Users><User guid="${g(1)}" name="MT"/></Users>
  <CodeBook><Codes>
    <Code guid="${g(10)}" name="Trivsel" isCodable="false" color="#1565C0">
      <Code guid="${g(11)}" name="Skole" isCodable="true" color="#F0A"/>
      <Code guid="${g(12)}" name="Venner" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="${g(20)}" name="Intervju" plainTextPath="internal://${g(20)}.txt" creatingUser="${g(1)}">
      <PlainTextSelection guid="${g(30)}" startPosition="10" endPosition="16" creatingUser="${g(1)}">
        <Coding guid="${g(31)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(11)}"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>`;
    const result = importQdpx(zipSync({ 'project.qde': strToU8(qde), [`sources/${g(20)}.txt`]: strToU8(text) }), { fileName: 'farger.qdpx', locale: 'en' });
    assert.deepEqual(result.problems, []);
    const yaml = result.files.find((f) => f.path === 'codebook.yaml')!.text;
    assert.match(yaml, /- id: trivsel\n {4}label: Trivsel\n {4}color: "#1565c0"\n {4}variations:\n {6}- id: skole\n {8}label: Skole\n {8}color: "#ff00aa"\n {6}- id: venner\n {8}label: Venner\n$/);

    // A Fieldnotes codebook with a pole colour, a variation of its own colour and a dimension's colour: export, import, export.
    const book = loadCodebook(
      [
        'poles:',
        '  proactive: { label: Proaktiv, color: "#2e7d32" }',
        '  reactive: { label: Reaktiv }',
        'dimensions:',
        '  - id: kontakt',
        '    label: Kontakt',
        '    color: "#123456"',
        '    variations:',
        '      - { id: ute, label: Ute, evidence: proactive }',
        '      - { id: oppsøker, label: Oppsøker, evidence: proactive, color: "#aa00ff" }',
        '      - { id: nett, label: Nett, evidence: proactive }',
        '      - { id: venter, label: Venter, evidence: reactive }',
        '      - { id: begge, label: Begge, evidence: either }',
        '      - { id: egen, label: Egen farge, evidence: either, color: "#000000" }',
        '',
      ].join('\n'),
      'codebook.yaml',
      en,
    );
    assert.deepEqual(book.diagnostics, []);
    const qdc = exportCodebook(book.codebook, '0.0.0');
    assert.deepEqual(schemaErrors(qdc, 'Codebook.xsd'), []);
    assert.deepEqual(codes(qdc), [
      ['Kontakt', '#123456'],
      ['Ute', '#2e7d32'],
      ['Oppsøker', '#aa00ff'],
      ['Nett', '#2e7d32'],
      ['Venter', '#c62828'],
      ['Begge', '#9e9e9e'],
      ['Egen farge', '#000000'],
    ]);
    const back = importCodebook(qdc, { fileName: 'kodebok.qdc', locale: 'en' });
    assert.deepEqual(back.problems, []);
    // Only the colours the codebook set on codes come back on codes; the rest are their poles'.
    assert.deepEqual(
      back.codebook.dimensions.map((d) => [d.color, d.variations.map((v) => v.color)]),
      [['#123456', [undefined, '#aa00ff', undefined, undefined, undefined, '#000000']]],
    );
    const again = loadCodebook(back.yaml, 'codebook.yaml', en);
    assert.deepEqual(again.diagnostics, []);
    assert.equal(exportCodebook(again.codebook, '0.0.0'), qdc);
  });

  it('checks a codebook’s color: #rrggbb, in words that say so', () => {
    const text = ['dimensions:', '  - id: d', '    label: D', '    color: blue', '    variations:', '      - { id: v, label: V, color: "#abc" }', ''].join('\n');
    const loaded = loadCodebook(text, 'codebook.yaml', en);
    assert.deepEqual(
      loaded.diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end), d.message]),
      [
        ['codebook/invalid', 'blue', '`color` in the dimension `d` is `blue`, which is not a colour: write it as `#` and six hexadecimal digits, like `#2e7d32`.'],
        ['codebook/invalid', '"#abc"', '`color` in the variation `v` of `d` is `#abc`, which is not a colour: write it as `#` and six hexadecimal digits, like `#2e7d32`.'],
      ],
    );
    assert.equal(loaded.codebook.dimensions[0]!.color, undefined);
    assert.equal(loaded.codebook.codes.get('d/v')!.color, undefined);
    assert.match(loadCodebook(text, 'codebook.yaml', messagesFor('nb')).diagnostics[0]!.message, /som ikke er en farge: skriv den som `#` og seks heksadesimale sifre/);
  });

  it('lists every attribute of a code or set it cannot keep, and a colour that has no code to stay on, in English and Bokmål', () => {
    const qdc = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:QDA-XML:codebook:1.0 Codebook.xsd" origin="MAXQDA">
  <Codes>
    <Code guid="00000000-0000-4000-8000-000000000001" name="Trivsel" isCodable="false">
      <Code guid="00000000-0000-4000-8000-000000000002" name="Skole" isCodable="false" color="#00ff00">
        <Code guid="00000000-0000-4000-8000-000000000003" name="Lærere" isCodable="true" color="red"/>
      </Code>
      <Code guid="00000000-0000-4000-8000-000000000004" name="Venner" isCodable="true" weight="3" xsi:type="CodeType"/>
    </Code>
  </Codes>
  <Sets>
    <Set guid="00000000-0000-4000-8000-000000000005" name="Gruppe" color="#ffffff"/>
  </Sets>
</CodeBook>`;
    const english = importCodebook(qdc, { fileName: 'kodebok.qdc', locale: 'en' });
    assert.deepEqual(
      english.problems.map((p) => [p.element, p.name, p.line, p.message]),
      [
        ['Code', 'Lærere', 6, 'The code “Lærere” (line 6 of kodebok.qdc) has the colour “red”, which is not a colour codebook.yaml can hold (#rrggbb): left out. Give the code a `color` in codebook.yaml if it matters.'],
        ['Code', 'Venner', 8, 'The attribute `weight="3"` of <Code> “Venner” (line 8 of kodebok.qdc) has no place in codebook.yaml: left out.'],
        ['Set', 'Gruppe', 12, 'The attribute `color="#ffffff"` of <Set> “Gruppe” (line 12 of kodebok.qdc) has no place in codebook.yaml: left out.'],
        ['Set', 'Gruppe', 12, 'The set “Gruppe” (line 12 of kodebok.qdc) was left out: it is not an evidence pole, and Fieldnotes has no sets (its codes are in the codebook all the same).'],
        ['Code', 'Skole', 5, 'The code “Skole” (line 5 of kodebok.qdc) has the colour #00ff00, but it groups codes below a dimension and became no code of codebook.yaml (its codes are named by its path): its colour was left out.'],
      ],
    );
    assert.doesNotMatch(english.yaml, /color/);
    const bokmål = importCodebook(qdc, { fileName: 'kodebok.qdc', locale: 'nb' });
    assert.deepEqual(
      bokmål.problems.map((p) => p.message).filter((m) => /farge|[Aa]ttributtet/.test(m)),
      [
        'Koden “Lærere” (linje 6 i kodebok.qdc) har fargen “red”, som ikke er en farge codebook.yaml kan ha (#rrggbb): utelatt. Gi koden en `color` i codebook.yaml hvis den betyr noe.',
        'Attributtet `weight="3"` på <Code> “Venner” (linje 8 i kodebok.qdc) har ingen plass i codebook.yaml: utelatt.',
        'Attributtet `color="#ffffff"` på <Set> “Gruppe” (linje 12 i kodebok.qdc) har ingen plass i codebook.yaml: utelatt.',
        'Koden “Skole” (linje 5 i kodebok.qdc) har fargen #00ff00, men den grupperer koder under en dimensjon og ble ingen kode i codebook.yaml (kodene under den er navngitt etter stien): fargen ble utelatt.',
      ],
    );
  });
});

describe('REFI-QDA export read as QualCoder’s importer reads it (test/support/qualcoderImport.py)', () => {
  /**
   * The checker follows QualCoder's refi.py (see its header for the
   * functions and statements): a Note needs creationDateTime or
   * modifiedDateTime (parse_notes), a selection without codings is an
   * annotation, unique per source, place and owner, and a second one ends
   * the import (load_codings_for_text); codings are unique per code,
   * source, place and owner; code names are unique (sub_codes).
   */
  function readAsQualCoder(archive: Uint8Array, context: Mocha.Context): QualCoderRead {
    const dir = tmp();
    try {
      const file = path.join(dir, 'study.qdpx');
      writeFileSync(file, archive);
      const run = spawnSync('/usr/bin/python3', [path.join(ROOT, 'test', 'support', 'qualcoderImport.py'), file], { encoding: 'utf8', timeout: 120_000 });
      if (run.error) context.skip();
      assert.equal(run.status, 0, run.stderr);
      return JSON.parse(run.stdout) as QualCoderRead;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('reads every source, coding and note of the samples’ project, each coding at its words, and a memo and a review on one paragraph', function () {
    const transcripts = sampleTranscripts();
    const project = exportProject(sampleCodebook, transcripts, { version: '0.0.0' });
    const read = readAsQualCoder(project.archive, this);
    assert.equal(read.stopped, null, JSON.stringify(read.stopped));

    const xml = root(project.xml);
    const files = unzipSync(project.archive);
    const users = new Map(all(xml, 'User').map((u) => [u.attrs.guid!, u.attrs.name!]));
    const codeNames = new Map(all(xml, 'Code').map((c) => [c.attrs.guid!, c.attrs.name!]));
    const expected = all(xml, 'TextSource').flatMap((source) => {
      const text = [...strFromU8(files[source.attrs.plainTextPath!.replace('internal://', 'sources/')]!)];
      return kids(source, 'PlainTextSelection').flatMap((s) =>
        kids(s, 'Coding').map((c) => ({
          source: source.attrs.name!,
          owner: users.get(s.attrs.creatingUser!)!,
          code: codeNames.get(kids(c, 'CodeRef')[0]!.attrs.targetGUID!)!,
          start: Number(s.attrs.startPosition),
          end: Number(s.attrs.endPosition),
          words: text.slice(Number(s.attrs.startPosition), Number(s.attrs.endPosition)).join(''),
        })),
      );
    });
    assert.deepEqual(read.sources, transcripts.map((t) => t.name));
    assert.equal(read.sources.length, 15);
    assert.deepEqual(read.codeNamesTakenTwice, []);
    assert.deepEqual(read.duplicateCodings, []);
    assert.equal(read.codings.length, 95);
    assert.deepEqual(read.codings, expected);
    assert.equal(read.notes, 30);
    assert.equal(read.annotations.length, 20);
  });

  it('stops, as QualCoder does, at a Note without dates and at a second annotation at one place (what the export wrote before)', function () {
    const text = '---\nid: m\ncoder: MT\n---\n\nEt avsnitt.\n\n> [!MEMO] m\n> Et memo.\n';
    const project = exportProject(sampleCodebook, [note('m', text)], { version: '0.0.0' });
    assert.equal(readAsQualCoder(project.archive, this).stopped, null);
    const files = unzipSync(project.archive);
    const qde = strFromU8(files['project.qde']!);
    const undated = qde.replace(/ creationDateTime="[^"]*" modifiedDateTime="[^"]*"/g, '');
    assert.notEqual(undated, qde);
    assert.match(readAsQualCoder(zipSync({ ...files, 'project.qde': strToU8(undated) }), this).stopped!.reason, /neither creationDateTime nor modifiedDateTime/);
    const twice = qde.replace(/(<PlainTextSelection [^>]*>\n(?:.*\n)*?\s*<\/PlainTextSelection>\n)/, '$1$1');
    assert.match(readAsQualCoder(zipSync({ ...files, 'project.qde': strToU8(twice) }), this).stopped!.reason, /second annotation/);
  });
});

interface QualCoderRead {
  stopped: { where: string; reason: string } | null;
  sources: string[];
  codes: { name: string; color: string | null }[];
  categories: string[];
  codeNamesTakenTwice: string[];
  codings: { source: string; owner: string; code: string | null; start: number; end: number; words: string }[];
  duplicateCodings: unknown[];
  annotations: unknown[];
  notes: number;
}
