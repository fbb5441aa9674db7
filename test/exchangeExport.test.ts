import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, cpSync, writeFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { SaxesParser } from 'saxes';
import { loadCodebook } from '../server/src/core/codebook/codebook.js';
import { buildNoteModel } from '../server/src/core/checks/noteModel.js';
import { NoteParser } from '../server/src/core/dialect/note.js';
import { messagesFor } from '../server/src/core/i18n/messages.js';
import { exportCodebook } from '../server/src/core/exchange/exportCodebook.js';
import { exportProject, type ExportedNote } from '../server/src/core/exchange/exportProject.js';
import { segmentsCsv } from '../server/src/core/exchange/segmentsCsv.js';
import { importQdpx } from '../server/src/core/exchange/importProject.js';
import { stableGuid } from '../server/src/core/exchange/refi.js';
import { fieldnotes } from './support/cli.js';
import { ROOT, SAMPLES, SAMPLE_CODEBOOK } from './support/paths.js';
import { REFI_SCHEMAS, schemaErrors } from './support/xmllint.js';

const en = messagesFor('en');
const codebook = loadCodebook(readFileSync(SAMPLE_CODEBOOK, 'utf8'), 'codebook.yaml', en).codebook;
const note = (name: string, text: string): ExportedNote => ({ name, model: buildNoteModel(new NoteParser(en).parse(text), codebook, en) });
const sampleNotes = () =>
  readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.fn.md'))
    .map((f) => note(f, readFileSync(path.join(SAMPLES, f), 'utf8')));

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** The XML as a tree (the test reads what the export wrote the way another tool would). */
function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlNode[] = [{ name: '#document', attributes: {}, children: [], text: '' }];
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.local, attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value])), children: [], text: '' };
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  });
  parser.on('text', (text) => (stack[stack.length - 1]!.text += text));
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return stack[0]!.children[0]!;
}

const all = (node: XmlNode, name: string): XmlNode[] => [...(node.name === name ? [node] : []), ...node.children.flatMap((c) => all(c, name))];
const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);

/** The words between two positions counted in code points, as REFI-QDA counts them. */
const byCodePoints = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

function sourceOf(archive: Uint8Array, source: XmlNode): string {
  const files = unzipSync(archive);
  const file = source.attributes.plainTextPath!.replace('internal://', 'sources/');
  return strFromU8(files[file]!);
}

describe('REFI-QDA export', () => {
  it('the schemas in test/fixtures are the reference copies', function () {
    const reference = path.join(ROOT, '..', 'shared', 'reference', 'refi-qda');
    if (!existsSync(reference)) this.skip();
    for (const schema of ['Project.xsd', 'Codebook.xsd']) assert.equal(readFileSync(path.join(REFI_SCHEMAS, schema), 'utf8'), readFileSync(path.join(reference, schema), 'utf8'));
  });

  it('writes the codebook as a .qdc that validates: dimensions as parents, variations codable, coloured by pole, ids in the descriptions', () => {
    const qdc = exportCodebook(codebook, '0.0.0');
    assert.deepEqual(schemaErrors(qdc, 'Codebook.xsd'), []);
    const root = parseXml(qdc);
    const dimensions = child(root, 'Codes')!.children;
    assert.deepEqual(
      dimensions.map((d) => [d.attributes.name, d.attributes.isCodable]),
      codebook.dimensions.map((d) => [d.label, 'false']),
    );
    const first = codebook.dimensions[0]!.variations[0]!;
    const code = dimensions[0]!.children.find((c) => c.name === 'Code')!;
    assert.equal(code.attributes.name, first.label);
    assert.equal(code.attributes.isCodable, 'true');
    assert.equal(code.attributes.guid, stableGuid('code', first.code));
    assert.match(child(code, 'Description')!.text, new RegExp(`\\{#${first.code} evidence=${first.evidence}\\}$`, 'u'));
    const colours = new Map(codebook.dimensions.flatMap((d) => d.variations).map((v) => [v.evidence, new Set<string>()]));
    for (const v of all(root, 'Code').filter((c) => c.attributes.isCodable === 'true')) {
      const evidence = /evidence=(\S+)\}$/u.exec(child(v, 'Description')!.text)![1]!;
      colours.get(evidence)!.add(v.attributes.color!);
    }
    for (const [pole, set] of colours) assert.equal(set.size, 1, `one colour for ${pole}`);
    assert.notEqual([...colours.get('proactive')!][0], [...colours.get('reactive')!][0]);
    const sets = all(root, 'Set');
    assert.deepEqual(
      sets.map((s) => s.attributes.name),
      codebook.poles.map((p) => p.label),
    );
  });

  it('writes the samples as a .qdpx whose project validates, with a source per note and a selection per coded segment', () => {
    const notes = sampleNotes();
    const project = exportProject(codebook, notes, { version: '0.0.0' });
    assert.deepEqual(schemaErrors(project.xml, 'Project.xsd'), []);
    const root = parseXml(project.xml);
    const sources = all(root, 'TextSource');
    assert.equal(sources.length, notes.length);
    const segments = notes.reduce((n, x) => n + x.model.segments.length, 0);
    const coded = all(root, 'PlainTextSelection').filter((s) => s.children.some((c) => c.name === 'Coding'));
    assert.equal(coded.length, segments);
    assert.equal(project.selections, segments);
    assert.deepEqual(project.extraCodes, []);
    const files = unzipSync(project.archive);
    assert.deepEqual(Object.keys(files).sort(), ['project.qde', ...sources.map((s) => s.attributes.plainTextPath!.replace('internal://', 'sources/'))].sort());
    // Users are the coders; cases carry their attributes.
    const coders = new Set(notes.map((n) => String(n.model.frontMatter.data.coder)));
    assert.deepEqual(new Set(all(root, 'User').map((u) => u.attributes.name)), coders);
    const cases = new Set(notes.map((n) => n.model.frontMatter.data.case).filter(Boolean).map(String));
    assert.deepEqual(new Set(all(root, 'Case').map((c) => c.attributes.name)), cases);
  });

  it('puts every inline segment at its exact words, counting code points, with æøå, emoji and CRLF line ends', () => {
    const text = [
      '---',
      'id: t-1',
      'case: kommune-01',
      'coder: MT',
      'attributes: { bakgrunn: Jurist, ansatte: 40, pilot: true }',
      'opptak: lyd',
      'varighet: 45',
      '---',
      '',
      '**I:** 🙂 Hvordan når dere ungdommene? 👩🏽‍💼',
      '',
      '**Leder:** [Vi går på skolen hver uke 🏫]{#kontaktvei/tilgjengelig-på-arenaer} og [vi ser dem [før de slutter]{#forebygging/hindre-at-unge-kommer-til-nav}, æøå ÆØÅ]{#målgruppe/fra-ungdomsskolen memo="Tidlig 🙂 innsats"}.',
      'Andre linje med 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 og [det siste ordet]{#kontaktvei/via-foreldre evidence=proactive}',
      '',
      '> [!MEMO] Første inntrykk',
      '> Proaktiv, men 🙂 usikker.',
      '',
      'Slutt.',
    ].join('\r\n');
    const model = note('t.fn.md', text);
    assert.deepEqual(model.model.diagnostics, []);
    const project = exportProject(codebook, [model], { version: '0.0.0' });
    assert.deepEqual(schemaErrors(project.xml, 'Project.xsd'), []);
    const root = parseXml(project.xml);
    const source = all(root, 'TextSource')[0]!;
    const plain = sourceOf(project.archive, source);
    assert.ok(!plain.includes('\r'), 'line ends are \\n');
    assert.ok(!plain.includes('{#') && !plain.includes('[!MEMO]') && !plain.includes('coder:'));
    const selections = all(source, 'PlainTextSelection').filter((s) => s.children.some((c) => c.name === 'Coding'));
    const words = selections.map((s) => byCodePoints(plain, Number(s.attributes.startPosition), Number(s.attributes.endPosition)));
    assert.deepEqual(words, ['Vi går på skolen hver uke 🏫', 'vi ser dem før de slutter, æøå ÆØÅ', 'før de slutter', 'det siste ordet']);
    // The same positions in UTF-16 units would differ: the emoji before them count twice there.
    assert.notEqual(plain.indexOf('Vi går'), [...plain.slice(0, plain.indexOf('Vi går'))].length);
    // evidence= in the description, the memo as a note, the callout as a note on the paragraph before it.
    assert.equal(child(selections[3]!, 'Description')!.text, 'evidence=proactive');
    const notes = all(root, 'Note');
    assert.deepEqual(
      notes.map((n) => [n.attributes.name, child(n, 'PlainTextContent')!.text]),
      [
        ['memo', 'Tidlig 🙂 innsats'],
        ['[!MEMO] Første inntrykk', 'Proaktiv, men 🙂 usikker.'],
      ],
    );
    const anchor = all(source, 'PlainTextSelection').find((s) => !s.children.some((c) => c.name === 'Coding'))!;
    assert.equal(byCodePoints(plain, Number(anchor.attributes.startPosition), Number(anchor.attributes.endPosition)).split('\n')[1], 'Andre linje med 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 og det siste ordet');
    // Front matter as variables: the case's attributes on the case, the note's own keys (the schema's and any other) on the source.
    const values = (owner: XmlNode) =>
      Object.fromEntries(
        all(owner, 'VariableValue').map((v) => {
          const variable = all(root, 'Variable').find((x) => x.attributes.guid === child(v, 'VariableRef')!.attributes.targetGUID)!;
          const value = v.children.find((c) => c.name.endsWith('Value') && c.name !== 'VariableRef')!;
          return [variable.attributes.name, `${value.name}:${value.text}`];
        }),
      );
    assert.deepEqual(values(all(root, 'Case')[0]!), { bakgrunn: 'TextValue:Jurist', ansatte: 'IntegerValue:40', pilot: 'BooleanValue:true' });
    assert.deepEqual(values(source), { id: 'TextValue:t-1', opptak: 'TextValue:lyd', varighet: 'IntegerValue:45' });
  });

  it('brings a note back with its own front-matter keys, its memo and its CRLF-free text (notes → QDPX → notes)', () => {
    const text = '---\r\nid: r-1\r\ncase: k-1\r\ncoder: MT\r\nopptak: lyd\r\nvarighet: 45\r\n---\r\n\r\n**Leder:** [Vi går ut 🙂]{#kontaktvei/tilgjengelig-på-arenaer memo="æøå"}.\r\n\r\n> [!REVIEW] veileder\r\n> Stemmer dette?\r\n';
    const imported = importQdpx(exportProject(codebook, [note('r-1', text)], { version: '0.0.0' }).archive, { fileName: 'r.qdpx', locale: 'en' });
    assert.deepEqual(imported.problems, []);
    const back = imported.files.find((f) => f.path === 'r-1.fn.md')!;
    const model = buildNoteModel(new NoteParser(en).parse(back.text), codebook, en);
    assert.deepEqual(model.frontMatter.data, { id: 'r-1', case: 'k-1', coder: 'MT', opptak: 'lyd', varighet: 45 });
    assert.deepEqual(
      model.segments.map((s) => [s.segment.text, s.codes.map((c) => c.ref.id), s.memo, s.segment.speaker]),
      [['Vi går ut 🙂', ['kontaktvei/tilgjengelig-på-arenaer'], 'æøå', 'Leder']],
    );
    assert.deepEqual(model.parsed.callouts.map((c) => [c.kind, c.title, c.body]), [['review', 'veileder', 'Stemmer dette?']]);
    assert.ok(!back.text.includes('\r'));
  });

  it('gives back each sample note’s text as it was written, block codes and fold markers included (notes → QDPX → notes)', () => {
    for (const folder of [SAMPLES, path.join(SAMPLES, 'swot')]) {
      const book = loadCodebook(readFileSync(path.join(folder, 'codebook.yaml'), 'utf8'), 'codebook.yaml', en).codebook;
      const files = readdirSync(folder).filter((f) => f.endsWith('.fn.md'));
      const notes = files.map((f) => ({ name: f.replace(/\.fn\.md$/, ''), model: buildNoteModel(new NoteParser(en).parse(readFileSync(path.join(folder, f), 'utf8')), book, en) }));
      const imported = importQdpx(exportProject(book, notes, { version: '0.0.0' }).archive, { fileName: 'x.qdpx', locale: 'en' });
      const body = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');
      for (const file of files) {
        const original = body(readFileSync(path.join(folder, file), 'utf8'));
        const back = body(imported.files.find((f) => f.path === file)!.text);
        // A memo wrapped over lines comes back on one line; everything else is as written.
        if (/memo="[^"]*\n/.test(original)) assert.equal(back.replace(/\s+/g, ' '), original.replace(/\s+/g, ' '), file);
        else assert.equal(back, original, file);
      }
    }
  });

  it('keeps a quote’s marks and a speaker’s label in the text of a block segment, and drops only its code line', () => {
    const text = '**Leder:** Vi spør om barna.\nDa vet vi mer.\n{#forebygging/barn-i-familier evidence=proactive}\n\n> Vi venter.\n> De vet hvor vi er.\n{#kontaktvei/egen-henvendelse}\n';
    const project = exportProject(codebook, [note('b.fn.md', text)], { version: '0.0.0' });
    const source = all(parseXml(project.xml), 'TextSource')[0]!;
    const plain = sourceOf(project.archive, source);
    assert.equal(plain, '**Leder:** Vi spør om barna.\nDa vet vi mer.\n\n> Vi venter.\n> De vet hvor vi er.\n');
    const words = all(source, 'PlainTextSelection').map((s) => byCodePoints(plain, Number(s.attributes.startPosition), Number(s.attributes.endPosition)));
    assert.deepEqual(words, ['Vi spør om barna.\nDa vet vi mer.', 'Vi venter.\n> De vet hvor vi er.']);
    assert.deepEqual(all(source, 'Description').map((d) => d.text), ['evidence=proactive block', 'block']);
  });

  it('keeps a memo that swallowed a coded line in the text and lists it, rather than exporting no note without a word', () => {
    const swallowed = '**I:** Hvordan?\n\n> [!MEMO]\n> Typisk proaktivt.\n**NAV-leder 3:** [Vi ringer dem]{#kontaktvei/tilgjengelig-på-arenaer} når de faller ut.\n';
    const lazy = note('lat', swallowed);
    const project = exportProject(codebook, [lazy], { version: '0.0.0' });
    assert.deepEqual(
      project.keptCallouts.map(({ name, callout }) => [name === lazy.name, callout.kind, swallowed.slice(callout.span.start, callout.markerSpan.end)]),
      [[true, 'memo', '> [!MEMO]']],
    );
    assert.equal(all(parseXml(project.xml), 'Note').length, 0, 'no REFI note for the memo');
    const source = all(parseXml(project.xml), 'TextSource')[0]!;
    assert.match(sourceOf(project.archive, source), /^> \[!MEMO\]\n> Typisk proaktivt\.\n\*\*NAV-leder 3:\*\* Vi ringer dem/m, 'the codings keep their place in the text');

    // With the blank line the warning asks for, the memo is a note and the line the speaker's.
    const ended = exportProject(codebook, [note('lat', swallowed.replace('\n**NAV', '\n\n**NAV'))], { version: '0.0.0' });
    assert.deepEqual(ended.keptCallouts, []);
    assert.deepEqual(all(parseXml(ended.xml), 'Note').map((n) => n.attributes.name), ['[!MEMO]']);
    assert.doesNotMatch(sourceOf(ended.archive, all(parseXml(ended.xml), 'TextSource')[0]!), /MEMO/);
    // Samples code no memo's words: nothing to list.
    assert.deepEqual(exportProject(codebook, sampleNotes(), { version: '0.0.0' }).keptCallouts, []);
  });

  it('gives the same GUIDs and the same bytes when the same notes are exported again', () => {
    const first = exportProject(codebook, sampleNotes(), { version: '0.0.0' });
    const second = exportProject(codebook, sampleNotes(), { version: '0.0.0' });
    assert.deepEqual(Buffer.from(first.archive), Buffer.from(second.archive));
    assert.equal(exportCodebook(codebook, '0.0.0'), exportCodebook(codebook, '0.0.0'));
  });

  it('exports a code the codebook lacks as a code of its own, so no coding is lost', () => {
    const project = exportProject(codebook, [note('u.fn.md', '[Ord]{#kontaktvei/ukjent} og [mer]{#nytt/tema}\n')], { version: '0.0.0' });
    assert.deepEqual(project.extraCodes, ['kontaktvei/ukjent', 'nytt/tema']);
    assert.deepEqual(schemaErrors(project.xml, 'Project.xsd'), []);
    const codes = all(parseXml(project.xml), 'Code');
    assert.ok(codes.some((c) => c.attributes.guid === stableGuid('code', 'kontaktvei/ukjent') && c.attributes.isCodable === 'true'));
    assert.ok(codes.some((c) => c.attributes.guid === stableGuid('code', 'nytt/tema')));
  });

  it('writes one CSV row per code on a segment, with the columns R and pandas select by name', () => {
    const { text: csv, rows } = segmentsCsv([note('c.fn.md', '---\ncase: k-1\ncoder: MT\n---\n\n**Leder:** [Vi, "alltid", der]{#kontaktvei/tilgjengelig-på-arenaer #målgruppe/fra-ungdomsskolen memo="to koder"}\n')]);
    assert.equal(
      csv,
      'file,line,case,coder,speaker,code,dimension,variation,pole,text,memo\r\n' +
        'c.fn.md,6,k-1,MT,Leder,kontaktvei/tilgjengelig-på-arenaer,kontaktvei,tilgjengelig-på-arenaer,proactive,"Vi, ""alltid"", der",to koder\r\n' +
        'c.fn.md,6,k-1,MT,Leder,målgruppe/fra-ungdomsskolen,målgruppe,fra-ungdomsskolen,proactive,"Vi, ""alltid"", der",to koder\r\n',
    );
    assert.equal(rows, 2);
  });
});

describe('REFI-QDA export: several coders’ copies of one transcript', () => {
  const lines = (...text: string[]) => text.join('\n') + '\n';
  const frontMatter = (coder: string, extra: string[] = []) => ['---', 'id: intervju-03', 'case: kommune-03', `coder: ${coder}`, ...extra, '---', ''];
  /** The copy that counts: MT's, with a memo at the top, a segment memo and a block code. */
  const MT = lines(
    ...frontMatter('MT', ['status: reviewed']),
    '> [!MEMO] Før intervjuet',
    '> Kontoret ligger 🏫 ved skolen.',
    '',
    '**I:** Hvordan når dere ungdommene? 🙂',
    '',
    '**Leder:** [Vi går på skolen hver uke]{#kontaktvei/tilgjengelig-på-arenaer}, og [vi ser dem før de slutter, æøå ÆØÅ]{#målgruppe/fra-ungdomsskolen memo="Tidlig 🙂 innsats"}.',
    'Andre linje med 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 og «det siste ordet».',
    '{#kontaktvei/via-foreldre evidence=proactive}',
    '',
    '**Leder:** Foreldrene ringer oss, sa hun.',
  );
  /** LH's copy: the same words, written with CRLF, spaced and wrapped otherwise (so its plain text and positions differ), a memo after a paragraph, a review. */
  const LH = lines(
    ...frontMatter('LH', ['status: draft']),
    '**I:**  Hvordan når dere ungdommene?  🙂',
    '',
    '',
    '**Leder:** Vi går på [skolen hver uke, og vi ser dem]{#kontaktvei/egen-henvendelse}',
    'før de slutter, [æøå ÆØÅ.',
    'Andre linje]{#målgruppe/over-18} med 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 og [«det siste ordet».]{#kontaktvei/via-foreldre evidence=reactive memo="Foreldrene 👩🏽‍💼 først"}',
    '',
    '> [!MEMO] Usikker',
    '> Reaktiv 🙂?',
    '',
    '**Leder:** [Foreldrene ringer oss]{#kontaktvei/via-samarbeidspartnere evidence=reactive}, sa hun.',
    '',
    '> [!REVIEW]- veileder (resolved)',
    '> Stemmer.',
  ).replace(/\n/g, '\r\n');
  /** AB's copy: the counted copy's very text once the annotations are out, a memo at the top, codes on the same words as MT's. */
  const AB = lines(
    ...frontMatter('AB'),
    '> [!MEMO] AB: første runde',
    '> Kodet uten å se MT.',
    '',
    '**I:** Hvordan når dere ungdommene? 🙂',
    '',
    '**Leder:** [Vi går på skolen hver uke]{#kontaktvei/tilgjengelig-på-arenaer #målgruppe/fra-16-vgs evidence=proactive}, og vi ser dem før de slutter, æøå ÆØÅ.',
    'Andre linje med 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 og «det siste ordet».',
    '',
    '**Leder:** Foreldrene ringer oss, sa hun.',
    '{#kontaktvei/via-foreldre evidence=reactive}',
  );
  const transcript = () => ({ ...note('intervju-03', MT), copies: [note('intervju-03.LH', LH), note('intervju-03.AB', AB)] });
  const users = (root: XmlNode) => new Map(all(root, 'User').map((u) => [u.attributes.guid!, u.attributes.name!]));
  /** Each coder's coded selections as the words at their code points, in order. */
  function codedWordsByUser(project: ReturnType<typeof exportProject>, source: XmlNode): Map<string, string[]> {
    const names = users(parseXml(project.xml));
    const plain = sourceOf(project.archive, source);
    const byUser = new Map<string, string[]>();
    for (const selection of all(source, 'PlainTextSelection').filter((s) => s.children.some((c) => c.name === 'Coding'))) {
      const user = names.get(selection.attributes.creatingUser!)!;
      for (const coding of all(selection, 'Coding')) assert.equal(coding.attributes.creatingUser, selection.attributes.creatingUser, 'a coding is by its selection’s coder');
      byUser.set(user, [...(byUser.get(user) ?? []), byCodePoints(plain, Number(selection.attributes.startPosition), Number(selection.attributes.endPosition))]);
    }
    return byUser;
  }
  const flat = (text: string) => text.replace(/\s+/g, ' ');
  const segmentWords = (text: string) => note('x', text).model.segments.map((s) => flat(s.segment.text));

  it('writes one source for the transcript, the counted copy’s text, with each coder’s selections by that coder at exactly the words they coded', () => {
    for (const text of [MT, LH, AB]) assert.deepEqual(note('x', text).model.diagnostics, [], 'the fixture notes are clean');
    const project = exportProject(codebook, [transcript()], { version: '0.0.0' });
    assert.deepEqual(schemaErrors(project.xml, 'Project.xsd'), []);
    const root = parseXml(project.xml);
    const sources = all(root, 'TextSource');
    assert.equal(sources.length, 1, 'one source per transcript');
    assert.equal(sources[0]!.attributes.name, 'intervju-03');
    assert.equal(sourceOf(project.archive, sources[0]!), exportProject(codebook, [note('intervju-03', MT)], { version: '0.0.0' }).sources.values().next().value);
    assert.deepEqual([...users(root).values()], ['MT', 'LH', 'AB']);
    const byUser = codedWordsByUser(project, sources[0]!);
    // Code points hold the coded words in every copy: emoji and mathematical letters before them, CRLF in LH's copy, lines wrapped elsewhere.
    assert.deepEqual(new Map([...byUser].map(([user, words]) => [user, words.map(flat)])), new Map([['MT', segmentWords(MT)], ['LH', segmentWords(LH)], ['AB', segmentWords(AB)]]));
    assert.deepEqual(byUser.get('LH')!.slice(0, 2), ['skolen hver uke, og vi ser dem', 'æøå ÆØÅ.\nAndre linje'], 'LH’s positions are in the counted copy’s text');
    assert.deepEqual(project.selectionsByCoder, [
      { coder: 'MT', selections: 3 },
      { coder: 'LH', selections: 4 },
      { coder: 'AB', selections: 2 },
    ]);
    assert.equal(project.selections, 9);
    assert.deepEqual(project.separateCopies, []);
    // MT and AB coded the same words: two selections, one each, so every tool shows whose coding it is.
    const same = all(sources[0]!, 'PlainTextSelection').filter((s) => s.attributes.name === 'Vi går på skolen hver uke');
    assert.deepEqual(same.map((s) => users(root).get(s.attributes.creatingUser!)), ['MT', 'AB']);
    assert.equal(new Set(same.map((s) => `${s.attributes.startPosition}-${s.attributes.endPosition}`)).size, 1);
  });

  it('gives each copy’s memos and callouts to its coder: segment memos on its selections, a memo after a paragraph on that paragraph, a memo at the top on the source', () => {
    const project = exportProject(codebook, [transcript()], { version: '0.0.0' });
    const root = parseXml(project.xml);
    const names = users(root);
    const source = all(root, 'TextSource')[0]!;
    const plain = sourceOf(project.archive, source);
    const notes = new Map(all(root, 'Note').map((n) => [n.attributes.guid!, { name: n.attributes.name!, by: names.get(n.attributes.creatingUser!)!, text: child(n, 'PlainTextContent')!.text }]));
    assert.deepEqual(
      [...notes.values()].map((n) => [n.by, n.name, n.text]),
      [
        ['MT', 'memo', 'Tidlig 🙂 innsats'],
        ['MT', '[!MEMO] Før intervjuet', 'Kontoret ligger 🏫 ved skolen.'],
        ['LH', 'memo', 'Foreldrene 👩🏽‍💼 først'],
        ['LH', '[!MEMO] Usikker', 'Reaktiv 🙂?'],
        ['LH', '[!REVIEW]- veileder (resolved)', 'Stemmer.'],
        ['AB', '[!MEMO] AB: første runde', 'Kodet uten å se MT.'],
      ],
    );
    const anchors = all(source, 'PlainTextSelection').filter((s) => !s.children.some((c) => c.name === 'Coding'));
    assert.deepEqual(
      anchors.map((s) => [names.get(s.attributes.creatingUser!), notes.get(child(s, 'NoteRef')!.attributes.targetGUID!)!.name, byCodePoints(plain, Number(s.attributes.startPosition), Number(s.attributes.endPosition)).split('\n')[0]]),
      [
        ['LH', '[!MEMO] Usikker', '**Leder:** Vi går på skolen hver uke, og vi ser dem før de slutter, æøå ÆØÅ.'],
        ['LH', '[!REVIEW]- veileder (resolved)', '**Leder:** Foreldrene ringer oss, sa hun.'],
      ],
    );
    assert.deepEqual(
      source.children.filter((c) => c.name === 'NoteRef').map((r) => notes.get(r.attributes.targetGUID!)!.name),
      ['[!MEMO] Før intervjuet', '[!MEMO] AB: første runde'],
    );
  });

  it('gives back every copy with its coder, words, segments and callouts (notes → QDPX → notes), under the names a study gives them, paired by fieldnotes agree as before', () => {
    const result = importQdpx(exportProject(codebook, [transcript()], { version: '0.0.0' }).archive, { fileName: 'studie.qdpx', locale: 'en' });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.files.map((f) => f.path), ['codebook.yaml', 'intervju-03.fn.md', 'intervju-03.LH.fn.md', 'intervju-03.AB.fn.md']);
    const imported = loadCodebook(result.files[0]!.text, 'codebook.yaml', en).codebook;
    const originals = { 'intervju-03.fn.md': MT, 'intervju-03.LH.fn.md': LH, 'intervju-03.AB.fn.md': AB };
    for (const [file, text] of Object.entries(originals)) {
      const original = note(file, text).model;
      const back = buildNoteModel(new NoteParser(en).parse(result.files.find((f) => f.path === file)!.text), imported, en);
      assert.deepEqual(back.diagnostics, [], file);
      const { status, ...transcriptKeys } = original.frontMatter.data;
      // A copy's status is its own; the project holds the counted copy's only.
      assert.deepEqual(back.frontMatter.data, file === 'intervju-03.fn.md' ? original.frontMatter.data : transcriptKeys, file);
      const segments = (model: typeof original) =>
        model.segments.map(({ segment, evidence, memo, codes }) => [flat(segment.text), codes.map((c) => c.ref.id), evidence, memo]);
      assert.deepEqual(segments(back), segments(original), file);
      const callouts = (model: typeof original) => model.parsed.callouts.map((c) => [c.kind, c.title, c.body]);
      assert.deepEqual(callouts(back), callouts(original), file);
    }
    // Agreement is the same on the copies read back as on the originals: same words, same coded words, same pairs.
    const agree = (files: Record<string, string>) => {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-copies-'));
      try {
        for (const [file, text] of Object.entries(files)) writeFileSync(path.join(folder, file), text);
        const run = fieldnotes(['agree', '.', '--format', 'json'], { cwd: folder });
        assert.equal(run.status, 0, run.stderr);
        // The figures and what each coder gave; not where in the file, since a copy comes back laid out like the counted copy's text.
        return JSON.parse(run.stdout, (key, value) => (['line', 'column', 'start', 'end'].includes(key) ? undefined : value));
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    };
    const before = agree(originals);
    assert.equal(before.transcripts.length, 1);
    assert.equal(before.transcripts[0].coders.length, 3);
    assert.equal(before.transcripts[0].overall.pairs.length, 3, 'three coders, each two of them');
    assert.deepEqual(agree(Object.fromEntries(result.files.filter((f) => f.path.endsWith('.fn.md')).map((f) => [f.path, f.text]))), before);
  });

  it('moves an end or start to the edge of its word when the characters between words differ from the counted copy’s', () => {
    const counted = note('i', 'Foreldrene ringer oss, sa «hun».\n');
    const copy = note('i.LH', '---\ncoder: LH\n---\nForeldrene [ringer oss ,]{#kontaktvei/via-foreldre evidence=reactive} sa [« hun]{#målgruppe/over-18}».\n');
    const project = exportProject(codebook, [{ ...counted, copies: [copy] }], { version: '0.0.0' });
    const source = all(parseXml(project.xml), 'TextSource')[0]!;
    assert.deepEqual(codedWordsByUser(project, source).get('LH'), ['ringer oss', 'hun']);
  });

  it('exports a copy whose words differ as a source of its own, and says where they differ, with the line in each note', () => {
    const counted = lines('---', 'id: intervju-04', 'coder: MT', '---', '', '**Leder:** [Vi venter]{#kontaktvei/egen-henvendelse} på dem.', '', 'De kommer selv.');
    const corrected = lines('---', 'id: intervju-04', 'coder: LH', 'status: draft', '---', '', '> [!MEMO] Rettet', '> Hørte feil.', '', '**Leder:** [Vi venter]{#kontaktvei/egen-henvendelse} på dem.', '', 'De kom selv.');
    const shorter = lines('---', 'id: intervju-04', 'coder: AB', '---', '', '**Leder:** [Vi venter på dem.]{#kontaktvei/egen-henvendelse}');
    const other = lines('---', 'id: intervju-04', 'coder: KL', '---', '', '**Leder:** [Ungdommene]{#målgruppe/over-18} kommer til oss.');
    const lineOf = (text: string, word: string) => text.split('\n').findIndex((l) => l.includes(word)) + 1;
    const project = exportProject(codebook, [{ ...note('intervju-04', counted), copies: [note('intervju-04.LH', corrected), note('intervju-04.AB', shorter), note('intervju-04.KL', other)] }], { version: '0.0.0' });
    assert.deepEqual(schemaErrors(project.xml, 'Project.xsd'), []);
    assert.deepEqual(project.separateCopies, [
      { name: 'intervju-04.LH', counted: 'intervju-04', reason: 'words-differ', at: { copyWord: 'kom', copyLine: lineOf(corrected, 'kom'), countedWord: 'kommer', countedLine: lineOf(counted, 'kommer') } },
      { name: 'intervju-04.AB', counted: 'intervju-04', reason: 'words-differ', at: { copyWord: undefined, copyLine: lineOf(shorter, 'dem'), countedWord: 'De', countedLine: lineOf(counted, 'De kommer') } },
      { name: 'intervju-04.KL', counted: 'intervju-04', reason: 'words-differ', at: { copyWord: 'Ungdommene', copyLine: lineOf(other, 'Ungdommene'), countedWord: 'Vi', countedLine: lineOf(counted, 'Vi venter') } },
    ]);
    // Each is exported as it would be on its own: its own source, text and selections.
    const root = parseXml(project.xml);
    const sources = all(root, 'TextSource');
    assert.deepEqual(sources.map((s) => s.attributes.name), ['intervju-04', 'intervju-04.LH', 'intervju-04.AB', 'intervju-04.KL']);
    const alone = parseXml(exportProject(codebook, [note('intervju-04.LH', corrected)], { version: '0.0.0' }).xml);
    assert.deepEqual(sources[1], all(alone, 'TextSource')[0]);
    assert.deepEqual(sources.map((s) => all(s, 'PlainTextSelection').filter((x) => x.children.some((c) => c.name === 'Coding')).map((x) => byCodePoints(sourceOf(project.archive, s), Number(x.attributes.startPosition), Number(x.attributes.endPosition)))), [
      ['Vi venter'],
      ['Vi venter'],
      ['Vi venter på dem.'],
      ['Ungdommene'],
    ]);
    assert.equal(project.selections, 4);
    // Read back, each keeps its own file name.
    const back = importQdpx(project.archive, { fileName: 'x.qdpx', locale: 'en' });
    assert.deepEqual(back.files.map((f) => f.path).slice(1), ['intervju-04.fn.md', 'intervju-04.LH.fn.md', 'intervju-04.AB.fn.md', 'intervju-04.KL.fn.md']);
  });

  it('keeps a copy apart that has no coder, the coder of another copy, or codes inside a callout where the counted copy’s text differs', () => {
    const counted = '---\ncoder: MT\n---\n\nVi går ut.\n';
    const project = exportProject(
      codebook,
      [
        {
          ...note('i', counted),
          copies: [
            note('i.none', 'Vi går ut.\n'),
            note('i.MT2', '---\ncoder: MT\n---\n\n[Vi går ut.]{#kontaktvei/tilgjengelig-på-arenaer}\n'),
            note('i.LH', '---\ncoder: LH\n---\n\n[Vi]{#kontaktvei/tilgjengelig-på-arenaer} går ut.\n'),
            note('i.LH2', '---\ncoder: LH\n---\n\nVi går ut.\n'),
            note('i.KL', '---\ncoder: KL\n---\n\nVi går ut.\n\n> [!MEMO] Sitat\n> [Ut]{#kontaktvei/egen-henvendelse} er viktig.\n'),
          ],
        },
      ],
      { version: '0.0.0' },
    );
    assert.deepEqual(project.separateCopies, [
      { name: 'i.none', counted: 'i', reason: 'no-coder' },
      { name: 'i.MT2', counted: 'i', reason: 'same-coder', coder: 'MT' },
      { name: 'i.LH2', counted: 'i', reason: 'same-coder', coder: 'LH' },
      { name: 'i.KL', counted: 'i', reason: 'coded-callout', line: 7 },
    ]);
    assert.deepEqual(all(parseXml(project.xml), 'TextSource').map((s) => s.attributes.name), ['i', 'i.none', 'i.MT2', 'i.LH2', 'i.KL']);
    assert.deepEqual(project.selectionsByCoder, [
      { coder: 'MT', selections: 1 },
      { coder: 'LH', selections: 1 },
      { coder: undefined, selections: 0 },
      { coder: 'KL', selections: 1 },
    ]);
  });

  it('keeps the counted copy’s GUIDs, derives a copy’s from its own name, and gives the same bytes again; a transcript without copies is as before', () => {
    const withCopies = exportProject(codebook, [transcript()], { version: '0.0.0' });
    const alone = exportProject(codebook, [note('intervju-03', MT)], { version: '0.0.0' });
    const guids = (xml: string, coder: string) => {
      const root = parseXml(xml);
      const user = all(root, 'User').find((u) => u.attributes.name === coder)!.attributes.guid;
      return all(root, 'PlainTextSelection').filter((s) => s.attributes.creatingUser === user).map((s) => s.attributes.guid);
    };
    assert.deepEqual(guids(withCopies.xml, 'MT'), guids(alone.xml, 'MT'));
    assert.equal(guids(withCopies.xml, 'LH')[0], stableGuid('selection', 'intervju-03.LH#0'));
    assert.deepEqual(Buffer.from(exportProject(codebook, [transcript()], { version: '0.0.0' }).archive), Buffer.from(withCopies.archive));
    assert.deepEqual(Buffer.from(exportProject(codebook, [{ ...note('intervju-03', MT), copies: [] }], { version: '0.0.0' }).archive), Buffer.from(alone.archive));
  });

  it('reads the same selections per source and user with another XML reader (Python’s xml.etree)', function () {
    const project = exportProject(codebook, [transcript()], { version: '0.0.0' });
    const script = [
      'import sys, json, xml.etree.ElementTree as ET',
      "ns = {'q': 'urn:QDA-XML:project:1.0'}",
      'root = ET.fromstring(sys.stdin.buffer.read())',
      "users = {u.get('guid'): u.get('name') for u in root.iterfind('q:Users/q:User', ns)}",
      'out = {}',
      "for s in root.iterfind('q:Sources/q:TextSource', ns):",
      "    for sel in s.iterfind('q:PlainTextSelection', ns):",
      "        if sel.find('q:Coding', ns) is None: continue",
      "        key = users[sel.get('creatingUser')]",
      "        out.setdefault(s.get('name'), {}).setdefault(key, []).append([int(sel.get('startPosition')), int(sel.get('endPosition'))])",
      'print(json.dumps(out))',
    ].join('\n');
    const run = spawnSync('python3', ['-c', script], { input: project.xml, encoding: 'utf8' });
    if (run.error) this.skip();
    assert.equal(run.status, 0, run.stderr);
    const read = JSON.parse(run.stdout) as Record<string, Record<string, [number, number][]>>;
    const plain = sourceOf(project.archive, all(parseXml(project.xml), 'TextSource')[0]!);
    const words = Object.fromEntries(Object.entries(read['intervju-03']!).map(([user, spans]) => [user, spans.map(([start, end]) => flat(byCodePoints(plain, start, end)))]));
    assert.deepEqual(Object.keys(read), ['intervju-03']);
    assert.deepEqual(words, { MT: segmentWords(MT), LH: segmentWords(LH), AB: segmentWords(AB) });
  });
});

describe('fieldnotes export (the CLI as a process)', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-export-'));
    cpSync(SAMPLES, path.join(tmp, 'samples'), { recursive: true });
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes the codebook, the project and the segments in one run, each valid', () => {
    const run = fieldnotes(['export', '--qdc', 'codebook.qdc', '--qdpx', 'study.qdpx', '--csv', 'segments.csv', 'samples', '--codebook', 'samples/codebook.yaml'], { cwd: tmp });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Wrote codebook\.qdc: the codebook, \d+ codes\.$/m);
    assert.match(run.stdout, /^Wrote study\.qdpx: \d+ texts \(2 of them coded by several coders\), \d+ coded segments\.$/m);
    assert.match(run.stdout, /^Wrote segments\.csv: \d+ rows, one per code on a segment\.$/m);
    assert.deepEqual(schemaErrors(readFileSync(path.join(tmp, 'codebook.qdc'), 'utf8'), 'Codebook.xsd'), []);
    const archive = unzipSync(readFileSync(path.join(tmp, 'study.qdpx')));
    assert.deepEqual(schemaErrors(strFromU8(archive['project.qde']!), 'Project.xsd'), []);
    assert.match(readFileSync(path.join(tmp, 'segments.csv'), 'utf8'), /^file,line,case,coder,speaker,code,dimension,variation,pole,text,memo\r\n/);
    assert.deepEqual(readdirSync(tmp).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left');
  });

  it('refuses notes under two codebooks for a project, naming both, and writes nothing', () => {
    const run = fieldnotes(['export', '--qdpx', 'study.qdpx', 'samples'], { cwd: tmp });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /The notes use 2 codebooks \(samples\/codebook\.yaml, samples\/swot\/codebook\.yaml\)/);
    assert.ok(!existsSync(path.join(tmp, 'study.qdpx')));
  });

  it('never replaces a file without --force, and replaces it whole with it', () => {
    writeFileSync(path.join(tmp, 'segments.csv'), 'mine\n');
    const refused = fieldnotes(['export', '--csv', 'segments.csv', 'samples/swot'], { cwd: tmp });
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /Not written, because this file exists: segments\.csv\. Choose another name, or add --force to replace it\./);
    assert.equal(readFileSync(path.join(tmp, 'segments.csv'), 'utf8'), 'mine\n');
    const forced = fieldnotes(['export', '--csv', 'segments.csv', 'samples/swot', '--force'], { cwd: tmp });
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(readFileSync(path.join(tmp, 'segments.csv'), 'utf8'), /^file,line,/);
  });

  it('counts CSV rows by segment, not by line, when coded words span lines of a CRLF note', () => {
    writeFileSync(path.join(tmp, 'samples', 'crlf.fn.md'), '[Vi drar ut\r\ntil skolen]{#kontaktvei/tilgjengelig-på-arenaer}\r\n');
    const run = fieldnotes(['export', '--csv', 'crlf.csv', 'samples/crlf.fn.md', '--codebook', 'samples/codebook.yaml'], { cwd: tmp });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Wrote crlf\.csv: 1 row, one per code on a segment\.$/m);
  });

  it('names the file and line of each memo kept in the text because it holds codes, and says what to do', () => {
    writeFileSync(path.join(tmp, 'samples', 'slukt.fn.md'), '**I:** Hvordan?\r\n\r\n> [!REVIEW] AK\r\n> Stemmer dette?\r\n**NAV-leder 3:** [Vi ringer dem]{#kontaktvei/tilgjengelig-på-arenaer}.\r\n');
    const args = ['export', '--qdpx', 'study.qdpx', 'samples/slukt.fn.md', 'samples/intervju-01.fn.md', '--codebook', 'samples/codebook.yaml'];
    const run = fieldnotes(args, { cwd: tmp });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.stderr.trimEnd().split('\n'), [
      "samples/slukt.fn.md:3: this review comment holds coded segments, so it stays in the exported text, where its codings are, and is not exported as a note. If the coded words are transcript that the review comment swallowed (no blank line under it; fieldnotes check warns there), put a blank line before them and export again; if you coded the review comment's own words, take the codes out to export it as a note.",
    ]);
    assert.match(run.stdout, /^Wrote study\.qdpx: 2 texts, \d+ coded segments\.$/m);
    assert.match(fieldnotes([...args, '--force', '--lang', 'nb'], { cwd: tmp }).stderr, /^samples\/slukt\.fn\.md:3: denne kommentaren har kodede segmenter, så den blir stående i den eksporterte teksten/m);
    assert.equal(fieldnotes(['export', '--qdpx', 'swot.qdpx', 'samples/swot'], { cwd: tmp }).stderr, '', 'nothing to say about the samples');
  });

  it('says in Bokmål what to export when nothing is asked for', () => {
    const run = fieldnotes(['export', 'samples', '--lang', 'nb'], { cwd: tmp });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /Si hva som skal eksporteres: --qdc <fil>/);
    assert.ok(statSync(tmp).isDirectory());
  });
});

describe('fieldnotes import (the CLI as a process)', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-import-'));
    cpSync(path.join(SAMPLES, 'swot'), path.join(tmp, 'swot'), { recursive: true });
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('turns an exported project back into notes that check clean, in a folder named after the file', () => {
    assert.equal(fieldnotes(['export', '--qdpx', 'swot.qdpx', 'swot'], { cwd: tmp }).status, 0);
    rmSync(path.join(tmp, 'swot'), { recursive: true });
    const run = fieldnotes(['import', 'swot.qdpx'], { cwd: tmp });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Wrote swot: codebook\.yaml and 4 notes\.$/m);
    assert.equal(run.stderr, '');
    const notes = readdirSync(path.join(tmp, 'swot')).filter((f) => f.endsWith('.fn.md'));
    assert.deepEqual(notes.sort(), readdirSync(path.join(SAMPLES, 'swot')).filter((f) => f.endsWith('.fn.md')).sort());
    const check = fieldnotes(['check', 'swot'], { cwd: tmp });
    assert.equal(check.status, 0, check.stdout);
  });

  it('writes a .qdc as codebook.yaml, or where --out says', () => {
    assert.equal(fieldnotes(['export', '--qdc', 'swot.qdc', 'swot'], { cwd: tmp }).status, 0);
    const run = fieldnotes(['import', '--qdc', 'swot.qdc', '--out', 'back/codebook.yaml'], { cwd: tmp });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Wrote back\/codebook\.yaml: \d+ codes\.$/m);
    assert.equal(fieldnotes(['check', path.join('back', 'codebook.yaml')], { cwd: tmp }).status, 0);
  });

  it('writes nothing over an existing file without --force, and says which; with it, replaces the earlier import whole', () => {
    assert.equal(fieldnotes(['export', '--qdpx', 'swot.qdpx', 'swot'], { cwd: tmp }).status, 0);
    assert.equal(fieldnotes(['import', '--qdpx', 'swot.qdpx', '--out', 'imported'], { cwd: tmp }).status, 0);
    const before = readFileSync(path.join(tmp, 'imported', 'intervju-samarbeid-01.fn.md'), 'utf8');
    writeFileSync(path.join(tmp, 'imported', 'intervju-samarbeid-01.fn.md'), before + '\nMy own edit.\n');
    const refused = fieldnotes(['import', '--qdpx', 'swot.qdpx', '--out', 'imported'], { cwd: tmp });
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /Not written, because these files exist: .*imported\/intervju-samarbeid-01\.fn\.md/);
    assert.equal(readFileSync(path.join(tmp, 'imported', 'intervju-samarbeid-01.fn.md'), 'utf8'), before + '\nMy own edit.\n');
    const forced = fieldnotes(['import', '--qdpx', 'swot.qdpx', '--out', 'imported', '--force'], { cwd: tmp });
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(fieldnotes(['import', '--qdpx', 'swot.qdpx', '--out', 'fresh'], { cwd: tmp }).status, 0);
    assert.equal(readFileSync(path.join(tmp, 'imported', 'intervju-samarbeid-01.fn.md'), 'utf8'), readFileSync(path.join(tmp, 'fresh', 'intervju-samarbeid-01.fn.md'), 'utf8'));
  });

  it('never writes into a folder holding files the import does not write (the notes it came from), with or without --force, and names them', () => {
    assert.equal(fieldnotes(['export', '--qdpx', 'swot.qdpx', 'swot'], { cwd: tmp }).status, 0);
    for (const force of [[], ['--force']]) {
      const refused = fieldnotes(['import', '--qdpx', 'swot.qdpx', '--out', 'swot', ...force], { cwd: tmp });
      assert.equal(refused.status, 1);
      assert.equal(
        refused.stderr,
        'Not written: swot holds files this import does not write (swot/README.md). An import replaces its folder as a whole, so it would delete them: import into a new folder with --out, or move those files out of swot first.\n',
      );
      assert.deepEqual(readdirSync(path.join(tmp, 'swot')).sort(), readdirSync(path.join(SAMPLES, 'swot')).sort());
    }
  });

  it('lists by element what it cannot import, and writes nothing from a file that is no project', () => {
    writeFileSync(path.join(tmp, 'broken.qdpx'), 'this is not a zip');
    const run = fieldnotes(['import', 'broken.qdpx'], { cwd: tmp });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /^broken\.qdpx: broken\.qdpx is not a REFI-QDA project: it is not a zip archive/m);
    assert.match(run.stderr, /Nothing could be imported from broken\.qdpx; nothing was written\./);
    assert.ok(!existsSync(path.join(tmp, 'broken')));
    writeFileSync(path.join(tmp, 'broken.qdc'), '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="x" name="A"');
    const qdc = fieldnotes(['import', 'broken.qdc', '--lang', 'nb'], { cwd: tmp });
    assert.equal(qdc.status, 1);
    assert.match(qdc.stderr, /linje 1/);
    assert.ok(!existsSync(path.join(tmp, 'codebook.yaml')));
  });
});
