import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { loadCodebook } from '../server/src/core/codebook/codebook.js';
import { readFrontMatter } from '../server/src/core/checks/frontMatter.js';
import { buildNoteModel } from '../server/src/core/checks/noteModel.js';
import { NoteParser } from '../server/src/core/dialect/note.js';
import { en } from '../server/src/core/i18n/messages.js';
import { codedWords, firstDifference } from '../server/src/core/agreement/agreement.js';
import { exportCodebook } from '../server/src/core/exchange/exportCodebook.js';
import { exportProject } from '../server/src/core/exchange/exportProject.js';
import { importCodebook } from '../server/src/core/exchange/importCodebook.js';
import { importProjectXml, importQdpx, type ProjectImport } from '../server/src/core/exchange/importProject.js';
import type { ImportProblem } from '../server/src/core/exchange/importProblems.js';
import { ROOT, SAMPLES, SAMPLE_CODEBOOK } from './support/paths.js';
import { g, NS, project } from './support/refiFixtures.js';

/*
 * Fixtures are hand-written the way each tool writes REFI-QDA 1.0, zipped
 * in memory. Every note an import writes is parsed and checked against the
 * codebook it wrote: none may have a diagnostic.
 */


/** `startPosition`/`endPosition` of the first `words` at or after `from` in `text`, counted in code points as REFI-QDA counts. */
function at(text: string, words: string, from = 0): string {
  const index = text.indexOf(words, from);
  assert.ok(index >= 0, `fixture: ${JSON.stringify(words)} not in text`);
  return `startPosition="${[...text.slice(0, index)].length}" endPosition="${[...text.slice(0, index + words.length)].length}"`;
}

function qdpx(qde: string, files: Record<string, string> = {}, qdeName = 'project.qde'): Uint8Array {
  return zipSync({ [qdeName]: strToU8(qde), ...Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])) });
}

const run = (bytes: Uint8Array, locale: 'en' | 'nb' = 'en') => importQdpx(bytes, { fileName: 'study.qdpx', locale });

interface ReadNote {
  text: string;
  frontMatter: Record<string, unknown>;
  /** `words → #codes evidence=… memo=…` per segment, in note order. */
  segments: string[];
  callouts: string[];
}

/** Every note of an import, read back with the dialect; asserts that the codebook and each note have no diagnostics. */
function readBack(result: ProjectImport): Map<string, ReadNote> {
  const codebookFile = result.files.find((f) => f.path === 'codebook.yaml');
  assert.ok(codebookFile, 'codebook.yaml is written');
  const loaded = loadCodebook(codebookFile.text, 'codebook.yaml', en);
  assert.deepEqual(loaded.diagnostics.map((d) => d.message), [], 'codebook.yaml loads without diagnostics');
  const notes = new Map<string, ReadNote>();
  for (const file of result.files.filter((f) => f.path.endsWith('.fn.md'))) {
    const parsed = new NoteParser(en).parse(file.text);
    const frontMatter = readFrontMatter(file.text, parsed.frontMatter, en);
    const model = buildNoteModel(parsed, loaded.codebook, en, { frontMatter });
    assert.deepEqual(model.diagnostics.map((d) => `${d.code}: ${d.message}`), [], `${file.path} has no diagnostics:\n${file.text}`);
    notes.set(file.path, {
      text: file.text,
      frontMatter: frontMatter.frontMatter.data,
      segments: model.segments.map(({ segment, evidence, memo }) =>
        [segment.text, '→', ...segment.annotation.body.codes.map((c) => `#${c.id}`), ...(evidence ? [`evidence=${evidence}`] : []), ...(memo ? [`memo=${memo}`] : [])].join(' '),
      ),
      callouts: parsed.callouts.map((c) => `${c.kind}${c.title ? ` ${c.title}` : ''}: ${c.body}`),
    });
  }
  return notes;
}

const elements = (problems: ImportProblem[]) => problems.map((p) => p.element);

// ---------------------------------------------------------------- NVivo

/** An NVivo interview: CRLF line ends, æøå, an emoji; two coders; overlapping codings; a coding across paragraphs; an annotation. */
const NVIVO_TEXT =
  'I: Hvordan når dere ungdommene?\r\nNAV-leder: Vi er på skolen 🙂 hver uke, og vi møter foreldrene.\r\n\r\nI: Og ellers?\r\nNAV-leder: Ungdommene kommer selv til kontoret når de trenger det.\r\n';

const NVIVO = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="${NS}" name="Ungdom i NAV" origin="NVivo 14.23.0" creatingUserGUID="${g(1)}">
  <Users>
    <User guid="${g(1)}" name="Kari Hansen" id="KH"/>
    <User guid="${g(2)}" name="Ola Nordmann" id="ON"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="${g(10)}" name="Kontaktvei" isCodable="false" color="#2E7D32">
        <Description>Hvordan NAV møter ungdommene.</Description>
        <Code guid="${g(11)}" name="Oppsøkende" isCodable="true" color="#2E7D32"/>
        <Code guid="${g(12)}" name="Venter" isCodable="true">
          <Code guid="${g(13)}" name="På kontoret" isCodable="true"/>
        </Code>
      </Code>
      <Code guid="${g(20)}" name="Foreldre" isCodable="true"/>
    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid="${g(30)}" name="Fylke" typeOfVariable="Text"/>
    <Variable guid="${g(31)}" name="Ansatte" typeOfVariable="Integer"/>
    <Variable guid="${g(32)}" name="Skole i nærheten" typeOfVariable="Boolean"/>
    <Variable guid="${g(33)}" name="Intervjuet" typeOfVariable="Date"/>
  </Variables>
  <Cases>
    <Case guid="${g(40)}" name="Kontor 8">
      <VariableValue><VariableRef targetGUID="${g(30)}"/><TextValue>Vestland</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${g(31)}"/><IntegerValue>40</IntegerValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${g(32)}"/><BooleanValue>true</BooleanValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${g(33)}"/><DateValue>2021-04-12</DateValue></VariableValue>
      <SourceRef targetGUID="${g(50)}"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="${g(50)}" name="Intervju 8" plainTextPath="internal://${g(50)}.txt" creatingUser="${g(1)}">
      <PlainTextSelection guid="${g(60)}" name="Vi er på skolen 🙂 hver uke" ${at(NVIVO_TEXT, 'Vi er på skolen 🙂 hver uke')} creatingUser="${g(1)}">
        <Coding guid="${g(61)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(11)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${g(62)}" name="hver uke, og vi møter foreldrene" ${at(NVIVO_TEXT, 'hver uke, og vi møter foreldrene')} creatingUser="${g(1)}">
        <Coding guid="${g(63)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(20)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${g(64)}" name="møter foreldrene. I: Og ellers?" ${at(NVIVO_TEXT, 'møter foreldrene.\r\n\r\nI: Og ellers?')} creatingUser="${g(1)}">
        <Coding guid="${g(65)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(13)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${g(66)}" name="Og ellers?" ${at(NVIVO_TEXT, 'Og ellers?')} creatingUser="${g(1)}">
        <NoteRef targetGUID="${g(90)}"/>
      </PlainTextSelection>
      <PlainTextSelection guid="${g(67)}" name="Ungdommene kommer selv til kontoret" ${at(NVIVO_TEXT, 'Ungdommene kommer selv til kontoret')} creatingUser="${g(2)}">
        <Coding guid="${g(68)}" creatingUser="${g(2)}"><CodeRef targetGUID="${g(12)}"/></Coding>
        <Coding guid="${g(69)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(13)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${g(70)}" name="past the end" startPosition="170" endPosition="400" creatingUser="${g(1)}">
        <Coding guid="${g(71)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(11)}"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <TextSource guid="${g(51)}" name="Intervju 9" plainTextPath="internal://${g(51)}.txt" creatingUser="${g(1)}"/>
    <PictureSource guid="${g(52)}" name="Oppslagstavle" path="internal://${g(52)}.jpg"/>
  </Sources>
  <Notes>
    <Note guid="${g(90)}" name="Annotation" creatingUser="${g(1)}"><PlainTextContent>Spør om *skolen* her.</PlainTextContent></Note>
    <Note guid="${g(91)}" name="Prosjektlogg" creatingUser="${g(1)}"><PlainTextContent>Startet koding i april.</PlainTextContent></Note>
  </Notes>
  <Graphs>
    <Graph guid="${g(95)}" name="Kart over koder"/>
  </Graphs>
</Project>`;

describe('REFI-QDA import: an NVivo project', () => {
  const result = run(qdpx(NVIVO, { [`sources/${g(50)}.txt`]: NVIVO_TEXT }));

  it('counts positions in code points of the text as stored: the emoji once, each \\r\\n twice', () => {
    assert.equal(at(NVIVO_TEXT, 'hver uke'), 'startPosition="62" endPosition="70"');
    assert.equal(at(NVIVO_TEXT, 'Og ellers?'), 'startPosition="102" endPosition="112"');
  });

  it('writes the codebook, one note per coder of the interview, and the memos no source holds', () => {
    assert.deepEqual(
      result.files.map((f) => f.path),
      ['codebook.yaml', 'intervju-8.kari-hansen.fn.md', 'intervju-8.ola-nordmann.fn.md', 'notes.fn.md'],
    );
    readBack(result);
  });

  it('makes the code tree two levels: top-level codes with children are dimensions, codes below are variations named by their path', () => {
    assert.equal(
      result.files[0]!.text,
      [
        '# Imported by Fieldnotes from study.qdpx. Check labels and evidence before coding on.',
        '',
        'title: Ungdom i NAV',
        'dimensions:',
        '  - id: kontaktvei',
        '    label: Kontaktvei',
        '    description: Hvordan NAV møter ungdommene.',
        '    color: "#2e7d32"',
        '    variations:',
        '      - id: oppsøkende',
        '        label: Oppsøkende',
        '        color: "#2e7d32"',
        '      - id: venter',
        '        label: Venter',
        '      - id: venter-på-kontoret',
        '        label: Venter › På kontoret',
        '  - id: codes',
        '    label: Codes',
        '    variations:',
        '      - id: foreldre',
        '        label: Foreldre',
        '',
      ].join('\n'),
    );
  });

  it('writes each coder’s codings around the exact words, cutting overlaps and paragraph breaks so that segments nest', () => {
    assert.equal(
      result.files[1]!.text,
      [
        '---',
        'id: Intervju 8',
        'case: Kontor 8',
        'attributes:',
        '  Fylke: Vestland',
        '  Ansatte: 40',
        '  Skole i nærheten: true',
        '  Intervjuet: 2021-04-12',
        'coder: Kari Hansen',
        '---',
        '',
        'I: Hvordan når dere ungdommene?',
        'NAV-leder: [Vi er på skolen 🙂 [hver uke]{#codes/foreldre}]{#kontaktvei/oppsøkende}[, og vi [møter foreldrene]{#kontaktvei/venter-på-kontoret}]{#codes/foreldre}[.]{#kontaktvei/venter-på-kontoret}',
        '',
        '[I: Og ellers?]{#kontaktvei/venter-på-kontoret}',
        'NAV-leder: [Ungdommene kommer selv til kontoret]{#kontaktvei/venter-på-kontoret} når de trenger det.',
        '',
        '> [!MEMO] Annotation',
        '> Spør om \\*skolen\\* her.',
        '',
      ].join('\n'),
    );
    const kari = readBack(result).get('intervju-8.kari-hansen.fn.md')!;
    assert.deepEqual(kari.segments, [
      'Vi er på skolen 🙂 hver uke → #kontaktvei/oppsøkende',
      'hver uke → #codes/foreldre',
      ', og vi møter foreldrene → #codes/foreldre',
      'møter foreldrene → #kontaktvei/venter-på-kontoret',
      '. → #kontaktvei/venter-på-kontoret',
      'I: Og ellers? → #kontaktvei/venter-på-kontoret',
      'Ungdommene kommer selv til kontoret → #kontaktvei/venter-på-kontoret',
    ]);
    assert.deepEqual(kari.callouts, ['memo Annotation: Spør om \\*skolen\\* her.']);
  });

  it('gives the other coder a note of their own with the same id and words, so that fieldnotes agree pairs the two', () => {
    const notes = readBack(result);
    const kari = notes.get('intervju-8.kari-hansen.fn.md')!;
    const ola = notes.get('intervju-8.ola-nordmann.fn.md')!;
    assert.deepEqual(ola.segments, ['Ungdommene kommer selv til kontoret → #kontaktvei/venter']);
    assert.deepEqual([ola.frontMatter.id, ola.frontMatter.coder, kari.frontMatter.id, kari.frontMatter.coder], ['Intervju 8', 'Ola Nordmann', 'Intervju 8', 'Kari Hansen']);
    const words = (text: string) => codedWords(new NoteParser(en).parse(text));
    assert.equal(firstDifference(words(kari.text), words(ola.text)), undefined);
  });

  it('keeps memos no source refers to in notes.fn.md', () => {
    const memos = readBack(result).get('notes.fn.md')!;
    assert.deepEqual(memos.frontMatter, { id: 'notes', kind: 'memo', title: 'Ungdom i NAV' });
    assert.deepEqual(memos.callouts, ['memo Prosjektlogg: Startet koding i april.']);
  });

  it('lists what it left out or changed by element, with its GUID and line in project.qde', () => {
    assert.deepEqual(
      result.problems.map((p) => [p.element, p.guid, p.line]),
      [
        ['PlainTextSelection', g(70), 52],
        ['PlainTextSelection', g(62), 39],
        ['PlainTextSelection', g(64), 42],
        ['TextSource', g(51), 56],
        ['PictureSource', g(52), 57],
        ['Graph', g(95), 64],
        ['Notes', undefined, 59],
      ],
    );
    const [pastEnd, overlap, acrossParagraphs, missing] = result.problems.map((p) => p.message);
    assert.equal(
      pastEnd,
      `The selection ${g(70)} in “Intervju 8” (line 52 of project.qde) runs from 170 to 400, which is not a range inside the text of 182 characters: left out.`,
    );
    assert.match(overlap!, /overlaps another selection without one holding the other: it was coded as 2 segments with the same codes, on line 13 of intervju-8\.kari-hansen\.fn\.md\.$/);
    assert.match(acrossParagraphs!, /crosses a paragraph break and overlaps another selection .*: it was coded as 3 segments with the same codes, on lines 13 and 15 of intervju-8\.kari-hansen\.fn\.md\.$/);
    assert.match(missing!, /“Intervju 9” \(line 56 of project\.qde\) keeps its text in internal:\/\/.*\.txt, which is not in the archive: left out/);
  });

  it('says it in Bokmål', () => {
    const nb = run(qdpx(NVIVO, { [`sources/${g(50)}.txt`]: NVIVO_TEXT }), 'nb');
    assert.equal(nb.problems[0]!.message, `Utvalget ${g(70)} i “Intervju 8” (linje 52 i project.qde) går fra 170 til 400, som ikke er et område i teksten på 182 tegn: utelatt.`);
    assert.match(nb.files[0]!.text, /^# Importert av Fieldnotes fra study\.qdpx\./);
    assert.match(nb.files[0]!.text, /label: Koder/);
  });
});

// ---------------------------------------------------------------- MAXQDA

/** Plain text full of characters Markdown and the dialect would read as markup. */
const MAXQDA_TEXT =
  '# Ikke en overskrift\n- ikke en liste\n1. ikke nummerert\nStjerner *her* og _der_, [klammer] og {#kode}, <b>fet</b> &amp; mer\\.\n\n    Innrykket avsnitt med `kode`\n===\n\n> sitat\n+ pluss\n2) parentes\n```\n~~~\n---\n';

const MAXQDA = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="${NS}" name="Markup" origin="MAXQDA 2022 (Release 22.7.0)">
  <Users><User guid="${g(1)}" name="MT"/></Users>
  <CodeBook>
    <Codes>
      <Code guid="${g(10)}" name="Form" isCodable="true" color="#ff0000">
        <Code guid="${g(11)}" name="Tegn &amp; symboler" isCodable="true" color="#ff0000"/>
        <Code guid="${g(12)}" name="Tegn &amp; symboler" isCodable="true"/>
      </Code>
    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid="${g(30)}" name="informant" typeOfVariable="Text"/>
    <Variable guid="${g(31)}" name="date" typeOfVariable="Date"/>
    <Variable guid="${g(32)}" name="kind" typeOfVariable="Text"/>
    <Variable guid="${g(33)}" name="coder" typeOfVariable="Text"/>
    <Variable guid="${g(34)}" name="Alder" typeOfVariable="Integer"/>
  </Variables>
  <Sources>
    <TextSource guid="${g(50)}" name="Dokument 1" plainTextPath="internal://${g(50)}.txt" creatingUser="${g(1)}">
      <PlainTextSelection guid="${g(60)}" ${at(MAXQDA_TEXT, '*her*')}><Coding guid="${g(61)}"><CodeRef targetGUID="${g(11)}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${g(62)}" ${at(MAXQDA_TEXT, '[klammer] og {#kode}')}><Coding guid="${g(63)}"><CodeRef targetGUID="${g(12)}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${g(64)}" ${at(MAXQDA_TEXT, 'ikke en liste\n1. ikke')}><Coding guid="${g(65)}"><CodeRef targetGUID="${g(10)}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${g(66)}" ${at(MAXQDA_TEXT, '    Innrykket avsnitt')}><Coding guid="${g(67)}"><CodeRef targetGUID="${g(10)}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${g(68)}" ${at(MAXQDA_TEXT, '\n\n> ')}><Coding guid="${g(69)}"><CodeRef targetGUID="${g(10)}"/></Coding></PlainTextSelection>
      <VariableValue><VariableRef targetGUID="${g(30)}"/><TextValue>Leder 3</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${g(31)}"/><DateValue>2022-03-01</DateValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${g(32)}"/><TextValue>Intervju</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${g(33)}"/><TextValue>MT</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${g(34)}"/><IntegerValue>52</IntegerValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${g(39)}"/><TextValue>?</TextValue></VariableValue>
    </TextSource>
  </Sources>
</Project>`;

describe('REFI-QDA import: a MAXQDA project', () => {
  const result = run(qdpx(MAXQDA, { [`Sources/${g(50)}.txt`]: MAXQDA_TEXT }));

  it('escapes what Markdown or the dialect would read as markup, keeping every line, and codes the words where they went', () => {
    assert.equal(
      result.files[1]!.text,
      [
        '---',
        'id: Dokument 1',
        'informant: Leder 3',
        'coder: MT',
        'date: 2022-03-01',
        'Alder: 52',
        '---',
        '',
        '\\# Ikke en overskrift',
        '\\- [ikke en liste',
        '1\\. ikke]{#form/form} nummerert',
        'Stjerner [\\*her\\*]{#form/tegn-symboler} og \\_der\\_, [\\[klammer\\] og \\{#kode\\}]{#form/tegn-symboler-2}, \\<b\\>fet\\</b\\> \\&amp; mer\\\\.',
        '',
        '[Innrykket avsnitt]{#form/form} med \\`kode\\`',
        '\\===',
        '',
        '[\\>]{#form/form} sitat',
        '\\+ pluss',
        '2\\) parentes',
        '\\`\\`\\`',
        '\\~~~',
        '\\---',
        '',
      ].join('\n'),
    );
    const note = readBack(result).get('dokument-1.fn.md')!;
    assert.deepEqual(note.callouts, []);
    assert.deepEqual(note.segments, [
      'ikke en liste\n1\\. ikke → #form/form',
      '\\*her\\* → #form/tegn-symboler',
      '\\[klammer\\] og \\{#kode\\} → #form/tegn-symboler-2',
      'Innrykket avsnitt → #form/form',
      '\\> → #form/form',
    ]);
  });

  it('reads the source folder whatever its case, and makes a codable parent both a dimension and a variation', () => {
    assert.match(result.files[0]!.text, /- id: form\n {4}label: Form\n {4}color: "#ff0000"\n {4}variations:\n {6}- id: form\n {8}label: Form\n {8}color: "#ff0000"\n {6}- id: tegn-symboler\n {8}label: Tegn & symboler\n {8}color: "#ff0000"\n {6}- id: tegn-symboler-2\n/);
  });

  it('takes front matter from the source’s variables when valid, keeps other variables, and reports the rest', () => {
    assert.deepEqual(readBack(result).get('dokument-1.fn.md')!.frontMatter, { id: 'Dokument 1', informant: 'Leder 3', coder: 'MT', date: '2022-03-01', Alder: 52 });
    assert.deepEqual(
      result.problems.map((p) => [p.element, p.line]),
      [
        ['Code', 6],
        ['VariableValue', 31],
        ['VariableValue', 28],
        ['VariableValue', 29],
      ],
    );
    assert.match(result.problems[0]!.message, /“Form” .* can be coded itself: it became a dimension, and its own codings went to the variation #form\/form\./);
    assert.match(result.problems[2]!.message, /`kind` of “Dokument 1” .* has the value “Intervju”, which the front matter does not allow/);
    assert.match(result.problems[3]!.message, /`coder` of “Dokument 1” .* a front-matter key the import sets itself/);
  });
});

// ---------------------------------------------------------------- ATLAS.ti

/** Positions as a tool that counts UTF-16 units writes them (an emoji counts twice). */
function atUtf16(text: string, words: string): string {
  const index = text.indexOf(words);
  return `startPosition="${index}" endPosition="${index + words.length}"`;
}

const ATLAS_TEXT = 'Jeg 😀 liker skolen.\n\nDet er 🙂 fint der, sier hun.';

const ATLAS = `<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<Project name="Trivsel" origin="ATLAS.ti 23.2.1" xmlns="${NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Users><User guid="${g(1)}" name="Anne"/></Users>
  <CodeBook>
    <Codes>
      <Code guid="${g(10)}" name="Trivsel" isCodable="true" color="#00ff00"/>
      <Code guid="${g(11)}" name="Skole" isCodable="true"/>
      <Code guid="${g(12)}" name="trivsel!" isCodable="true"/>
    </Codes>
  </CodeBook>
  <Sources>
    <TextSource guid="${g(50)}" name="Elev 1.docx" creatingUser="${g(1)}">
      <PlainTextContent>${ATLAS_TEXT}</PlainTextContent>
      <PlainTextSelection guid="${g(60)}" name="liker skolen" ${atUtf16(ATLAS_TEXT, 'liker skolen')} creatingUser="${g(1)}">
        <Coding guid="${g(61)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(10)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${g(62)}" name="liker skolen" ${atUtf16(ATLAS_TEXT, 'liker skolen')} creatingUser="${g(1)}">
        <Coding guid="${g(63)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(11)}"/></Coding>
        <Coding guid="${g(64)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(99)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${g(65)}" name="fint der" ${atUtf16(ATLAS_TEXT, 'fint der')} creatingUser="${g(1)}">
        <Coding guid="${g(66)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(12)}"/></Coding>
        <NoteRef targetGUID="${g(98)}"/>
      </PlainTextSelection>
      <NoteRef targetGUID="${g(90)}"/>
    </TextSource>
  </Sources>
  <Notes>
    <Note guid="${g(90)}" name="Memo om eleven" creatingUser="${g(1)}"><PlainTextContent>Første intervju.
Hun var nervøs.</PlainTextContent></Note>
  </Notes>
  <Links>
    <Link guid="${g(80)}" name="is associated with" originGUID="${g(10)}" targetGUID="${g(11)}"/>
  </Links>
  <Sets>
    <Set guid="${g(70)}" name="Positive koder"><MemberCode targetGUID="${g(10)}"/></Set>
  </Sets>
</Project>`;

describe('REFI-QDA import: an ATLAS.ti project', () => {
  const result = run(qdpx(ATLAS));

  it('puts top-level codes without children into one dimension, and joins selections of the same words into one segment', () => {
    assert.match(result.files[0]!.text, /dimensions:\n {2}- id: codes\n {4}label: Codes\n {4}variations:\n {6}- id: trivsel\n {8}label: Trivsel\n {8}color: "#00ff00"\n {6}- id: skole\n {8}label: Skole\n {6}- id: trivsel-2\n {8}label: trivsel!\n$/);
    assert.doesNotMatch(result.files[0]!.text, /poles/);
  });

  it('reads inline text, finds from the selections’ names that the positions count UTF-16 units, and puts the source’s memo under the front matter', () => {
    assert.equal(
      result.files[1]!.text,
      [
        '---',
        'id: Elev 1.docx',
        'coder: Anne',
        '---',
        '',
        '> [!MEMO] Memo om eleven',
        '> Første intervju.',
        '> Hun var nervøs.',
        '',
        'Jeg 😀 [liker skolen]{#codes/trivsel #codes/skole}.',
        '',
        'Det er 🙂 [fint der]{#codes/trivsel-2}, sier hun.',
        '',
      ].join('\n'),
    );
    readBack(result);
  });

  it('reports code groups, links, a coding of an unknown code, a reference to no note and the counting it used', () => {
    assert.deepEqual(elements(result.problems), ['Set', 'TextSource', 'Coding', 'NoteRef', 'Links']);
    assert.match(result.problems[1]!.message, /fit its text only when positions count UTF-16 code units/);
    assert.equal(result.problems[2]!.guid, g(64));
  });
});

// ---------------------------------------------------------------- QualCoder

const QUALCODER_TEXT = 'Jeg er glad for skolen.\nLærerne er snille.\n\nMen bussen er sein.\n';
const QUIET_TEXT = 'Ingen koder her.\n\n   \n';

const QUALCODER = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="${NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="Skolehverdag" origin="QualCoder 3.3" creatingUserGUID="{${g(1).toUpperCase()}}">
  <Users><User guid="{${g(1).toUpperCase()}}" id="default"/></Users>
  <CodeBook>
    <Codes>
      <Code guid="${g(10)}" name="Holdninger" isCodable="false">
        <Code guid="${g(11)}" name="Positiv" isCodable="false">
          <Code guid="${g(12)}" name="Glad" isCodable="true"/>
        </Code>
        <Code guid="${g(13)}" name="Negativ" isCodable="true"/>
      </Code>
    </Codes>
  </CodeBook>
  <Sources>
    <TextSource guid="${g(50)}" name="elev_2" plainTextPath="internal://${g(50)}.txt" creatingUser="${g(1)}">
      <PlainTextSelection guid="${g(60)}" ${at(QUALCODER_TEXT, 'glad for skolen')}>
        <Description>Viktig sitat</Description>
        <Coding guid="${g(61)}"><CodeRef targetGUID="{${g(12).toUpperCase()}}"/><NoteRef targetGUID="${g(90)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${g(62)}" ${at(QUALCODER_TEXT, 'bussen er sein')}>
        <Description>evidence=reactive</Description>
        <Coding guid="${g(63)}"><CodeRef targetGUID="${g(13)}"/></Coding>
        <Coding guid="${g(64)}"><CodeRef targetGUID="${g(11)}"/></Coding>
      </PlainTextSelection>
      <Coding guid="${g(65)}"><CodeRef targetGUID="${g(13)}"/></Coding>
    </TextSource>
    <TextSource guid="${g(51)}" name="elev_3" plainTextPath="internal://${g(51)}.txt">
      <PlainTextSelection guid="${g(66)}" ${at(QUIET_TEXT, '   ')}>
        <Coding guid="${g(67)}"><CodeRef targetGUID="${g(12)}"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
  <Notes>
    <Note guid="${g(90)}" name="Kodenotat"><PlainTextContent>Hun smiler.</PlainTextContent></Note>
  </Notes>
  <Description>Prosjekt om skolehverdagen.</Description>
</Project>`;

describe('REFI-QDA import: a QualCoder project', () => {
  const result = run(qdpx(QUALCODER, { [`sources/${g(50)}.txt`]: QUALCODER_TEXT, [`sources/${g(51)}.txt`]: QUIET_TEXT }));

  it('reads braced upper-case GUIDs, gives codings without a user to the source’s creator, and a source nobody coded a note without coder', () => {
    const notes = readBack(result);
    assert.deepEqual([...notes.keys()], ['elev-2.fn.md', 'elev-3.fn.md', 'notes.fn.md']);
    assert.deepEqual(notes.get('elev-2.fn.md')!.frontMatter, { id: 'elev_2', coder: 'default' });
    assert.deepEqual(notes.get('elev-3.fn.md')!.frontMatter, { id: 'elev_3' });
  });

  it('names variations by their path below the dimension, skipping codes that cannot be coded', () => {
    assert.match(result.files[0]!.text, /variations:\n {6}- id: positiv-glad\n {8}label: Positiv › Glad\n {6}- id: negativ\n {8}label: Negativ\n$/);
  });

  it('codes each paragraph for a coding of the whole source, and keeps descriptions, notes and unknown readings as memos', () => {
    assert.equal(
      result.files[1]!.text,
      [
        '---',
        'id: elev_2',
        'coder: default',
        '---',
        '',
        '[Jeg er [glad for skolen]{#holdninger/positiv-glad memo="Viktig sitat ¶ Hun smiler."}.',
        'Lærerne er snille.]{#holdninger/negativ}',
        '',
        '[Men [bussen er sein]{#holdninger/negativ memo="evidence=reactive"}.]{#holdninger/negativ}',
        '',
      ].join('\n'),
    );
  });

  it('keeps the project’s description as a memo in notes.fn.md', () => {
    assert.deepEqual(readBack(result).get('notes.fn.md')!.callouts, ['memo Description: Prosjekt om skolehverdagen.']);
  });

  it('reports a coding of a code that cannot be coded, a reading that names no pole, the whole-source coding and a blank selection', () => {
    assert.deepEqual(
      result.problems.map((p) => [p.element, p.guid]),
      [
        ['Coding', g(64)],
        ['PlainTextSelection', g(62)],
        ['TextSource', g(50)],
        ['PlainTextSelection', g(66)],
      ],
    );
    assert.match(result.problems[0]!.message, /refers to the code “Positiv”, which cannot be coded: that coding was left out\./);
    assert.match(result.problems[3]!.message, /holds only white space: left out\./);
  });
});

// ---------------------------------------------------------------- Fieldnotes

/** A project as Fieldnotes exports it: Markdown sources, tagged codes, pole sets, memos as notes; one code added later in another tool. */
const FIELDNOTES_TEXT = '**I:** Hvordan når dere dem?\n\n**NAV-leder 3:** Vi er på skolen hver uke.\nSkolen ringer oss også.\n';

const FIELDNOTES = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="${NS}" name="Studie" origin="Fieldnotes 0.9.0">
  <Users><User guid="${g(1)}" name="MT"/></Users>
  <CodeBook>
    <Codes>
      <Code guid="${g(10)}" name="Kontaktvei" isCodable="false">
        <Description>Hvordan NAV møter dem.

{#kontakt}</Description>
        <Code guid="${g(11)}" name="Oppsøkende" isCodable="true" color="#2e7d32"><Description>{#kontakt/oppsøkende evidence=proactive}</Description></Code>
        <Code guid="${g(12)}" name="Via samarbeid" isCodable="true" color="#9e9e9e"><Description>Skolen, barnevernet.

{#kontakt/samarbeid evidence=either}</Description></Code>
        <Code guid="${g(13)}" name="Ny kode fra NVivo" isCodable="true" color="#2e7d32"/>
      </Code>
    </Codes>
  </CodeBook>
  <Sources>
    <TextSource guid="${g(50)}" name="intervju-03" plainTextPath="internal://${g(50)}.txt" creatingUser="${g(1)}">
      <PlainTextSelection guid="${g(60)}" ${at(FIELDNOTES_TEXT, 'Vi er på skolen hver uke.')} creatingUser="${g(1)}">
        <Coding guid="${g(61)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(11)}"/></Coding>
        <Coding guid="${g(62)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(13)}"/></Coding>
        <NoteRef targetGUID="${g(90)}"/>
      </PlainTextSelection>
      <PlainTextSelection guid="${g(63)}" ${at(FIELDNOTES_TEXT, 'Skolen ringer oss')} creatingUser="${g(1)}">
        <Description>evidence=reactive</Description>
        <Coding guid="${g(64)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(12)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${g(65)}" ${at(FIELDNOTES_TEXT, 'Skolen ringer oss')} creatingUser="${g(1)}">
        <Description>evidence=proactive</Description>
        <Coding guid="${g(66)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(12)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${g(67)}" ${at(FIELDNOTES_TEXT, 'Vi er på skolen hver uke.\nSkolen ringer oss også.')} creatingUser="${g(1)}">
        <NoteRef targetGUID="${g(91)}"/>
      </PlainTextSelection>
      <NoteRef targetGUID="${g(92)}"/>
      <VariableValue><VariableRef targetGUID="${g(30)}"/><TextValue>intervju-03</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${g(31)}"/><TextValue>interview</TextValue></VariableValue>
    </TextSource>
  </Sources>
  <Variables>
    <Variable guid="${g(30)}" name="id" typeOfVariable="Text"/>
    <Variable guid="${g(31)}" name="kind" typeOfVariable="Text"/>
  </Variables>
  <Notes>
    <Note guid="${g(90)}" name="memo" creatingUser="${g(1)}"><PlainTextContent>Typisk "proaktiv" \\ tydelig.</PlainTextContent></Note>
    <Note guid="${g(91)}" name="[!REVIEW] veileder (resolved)" creatingUser="${g(1)}"><PlainTextContent>Er dette *kontaktvei*?</PlainTextContent></Note>
    <Note guid="${g(92)}" name="[!MEMO] Før intervjuet" creatingUser="${g(1)}"><PlainTextContent>Kontoret ligger ved skolen.</PlainTextContent></Note>
  </Notes>
  <Sets>
    <Set guid="${g(70)}" name="Proaktiv"><Description>{pole=proactive}</Description><MemberCode targetGUID="${g(11)}"/><MemberCode targetGUID="${g(13)}"/></Set>
    <Set guid="${g(71)}" name="Reaktiv"><Description>Etter at problemet har oppstått.

{pole=reactive}</Description></Set>
  </Sets>
</Project>`;

describe('REFI-QDA import: a Fieldnotes project', () => {
  const result = run(qdpx(FIELDNOTES, { [`sources/${g(50)}.txt`]: FIELDNOTES_TEXT }));

  it('reads ids, evidence and poles back from the tags, and places a code added in another tool by its pole set', () => {
    assert.equal(
      result.files[0]!.text,
      [
        '# Imported by Fieldnotes from study.qdpx. Check labels and evidence before coding on.',
        '',
        'title: Studie',
        'poles:',
        '  proactive:',
        '    label: Proaktiv',
        '    color: "#2e7d32"',
        '  reactive:',
        '    label: Reaktiv',
        '    description: Etter at problemet har oppstått.',
        'dimensions:',
        '  - id: kontakt',
        '    label: Kontaktvei',
        '    description: Hvordan NAV møter dem.',
        '    variations:',
        '      - id: oppsøkende',
        '        label: Oppsøkende',
        '        evidence: proactive',
        '      - id: samarbeid',
        '        label: Via samarbeid',
        '        description: Skolen, barnevernet.',
        '        evidence: either',
        '      - id: ny-kode-fra-nvivo',
        '        label: Ny kode fra NVivo',
        '        evidence: proactive',
        '',
      ].join('\n'),
    );
  });

  it('inserts codings into the Markdown as it is, nests two readings of the same words, and puts memos and reviews back as callouts', () => {
    assert.equal(
      result.files[1]!.text,
      [
        '---',
        'id: intervju-03',
        'kind: interview',
        'coder: MT',
        '---',
        '',
        '> [!MEMO] Før intervjuet',
        '> Kontoret ligger ved skolen.',
        '',
        '**I:** Hvordan når dere dem?',
        '',
        '**NAV-leder 3:** [Vi er på skolen hver uke.]{#kontakt/oppsøkende #kontakt/ny-kode-fra-nvivo memo="Typisk \\"proaktiv\\" \\\\ tydelig."}',
        '[[Skolen ringer oss]{#kontakt/samarbeid evidence=proactive}]{#kontakt/samarbeid evidence=reactive} også.',
        '',
        '> [!REVIEW] veileder (resolved)',
        '> Er dette *kontaktvei*?',
        '',
      ].join('\n'),
    );
    const note = readBack(result).get('intervju-03.fn.md')!;
    assert.deepEqual(note.segments, [
      'Vi er på skolen hver uke. → #kontakt/oppsøkende #kontakt/ny-kode-fra-nvivo memo=Typisk "proaktiv" \\ tydelig.',
      'Skolen ringer oss → #kontakt/samarbeid evidence=reactive',
      'Skolen ringer oss → #kontakt/samarbeid evidence=proactive',
    ]);
    assert.deepEqual(note.callouts, ['memo Før intervjuet: Kontoret ligger ved skolen.', 'review veileder (resolved): Er dette *kontaktvei*?']);
    assert.deepEqual(result.problems, []);
  });
});

describe('REFI-QDA import: a Fieldnotes export read back (notes → QDPX → notes)', () => {
  for (const folder of [SAMPLES, path.join(SAMPLES, 'swot')]) it(`gives back every note of ${path.relative(ROOT, folder)}: its front matter, segments (words, codes, evidence, memo) and callouts`, () => {
    const codebook = loadCodebook(readFileSync(path.join(folder, 'codebook.yaml'), 'utf8'), 'codebook.yaml', en).codebook;
    const originals = readdirSync(folder)
      .filter((f) => f.endsWith('.fn.md'))
      .map((name) => ({ name: name.replace(/\.fn\.md$/, ''), model: buildNoteModel(new NoteParser(en).parse(readFileSync(path.join(folder, name), 'utf8')), codebook, en) }));
    const result = importQdpx(exportProject(codebook, originals, { version: '0.0.0' }).archive, { fileName: 'samples.qdpx', locale: 'en' });
    assert.deepEqual(result.problems, []);
    const back = readBack(result);
    assert.equal(back.size, originals.length);
    // Attributes belong to the case: every note of a case gets them all (the first note's value wins, as in the export).
    const caseAttributes = new Map<unknown, Record<string, unknown>>();
    for (const { model } of originals) {
      const { case: caseName, attributes } = model.frontMatter.data as { case?: unknown; attributes?: Record<string, unknown> };
      if (caseName !== undefined) caseAttributes.set(caseName, { ...attributes, ...caseAttributes.get(caseName) });
    }
    for (const { name, model } of originals) {
      const note = back.get(`${name}.fn.md`)!;
      assert.ok(note, name);
      const attributes = caseAttributes.get(model.frontMatter.data.case) ?? {};
      assert.deepEqual(note.frontMatter, Object.keys(attributes).length ? { ...model.frontMatter.data, attributes } : model.frontMatter.data, name);
      const segments = model.segments.map(({ segment, evidence, memo }) =>
        [segment.text, '→', ...segment.annotation.body.codes.map((c) => `#${c.id}`), ...(evidence ? [`evidence=${evidence}`] : []), ...(memo ? [`memo=${memo}`] : [])].join(' '),
      );
      assert.deepEqual(note.segments, segments, name);
      assert.deepEqual(note.callouts, model.parsed.callouts.map((c) => `${c.kind}${c.title ? ` ${c.title}` : ''}: ${c.body}`), name);
    }
  });

  it('reads a Fieldnotes codebook file (.qdc) back to the same codebook', () => {
    const original = loadCodebook(readFileSync(SAMPLE_CODEBOOK, 'utf8'), 'codebook.yaml', en).codebook;
    const imported = importCodebook(exportCodebook(original, '0.0.0'), { fileName: 'codebook.qdc', locale: 'en' });
    assert.deepEqual(imported.problems, []);
    const loaded = loadCodebook(imported.yaml, 'codebook.yaml', en);
    assert.deepEqual(loaded.diagnostics, []);
    const shape = (c: typeof original) => ({
      poles: c.poles.map((p) => [p.id, p.label, p.description]),
      dimensions: c.dimensions.map((d) => [d.id, d.label, d.description, d.variations.map((v) => [v.id, v.label, v.description, v.evidence])]),
    });
    assert.deepEqual(shape(loaded.codebook), shape(original));
  });
});

// ---------------------------------------------------------------- What cannot be imported


const coding = (n: number) => `<Coding guid="${g(n)}"><CodeRef targetGUID="${g(10)}"/></Coding>`;
const xmlOnly = (xml: string, texts: Record<string, string> = {}) => importProjectXml(xml, (p) => texts[p], { fileName: 'p.qdpx', locale: 'en' });

describe('REFI-QDA import: file names', () => {
  it('keeps a Fieldnotes note’s name as written, gives the source’s creator the name without coder, and never writes two names that differ only in case', () => {
    const source = (n: number, name: string, creator: number, coders: number[]) =>
      `<TextSource guid="${g(n)}" name="${name}" creatingUser="${g(creator)}"><PlainTextContent>Vi går ut.</PlainTextContent>${coders
        .map((user, i) => `<PlainTextSelection guid="${g(n * 10 + i)}" startPosition="0" endPosition="2" creatingUser="${g(user)}"><Coding guid="${g(n * 10 + i + 5)}" creatingUser="${g(user)}"><CodeRef targetGUID="${g(11)}"/></Coding></PlainTextSelection>`)
        .join('')}</TextSource>`;
    const xml = `<Project xmlns="${NS}" name="N" origin="Fieldnotes 0.1.0">
  <Users><User guid="${g(1)}" name="MT"/><User guid="${g(2)}" name="LH"/><User guid="${g(3)}" name="Kari Ås"/></Users>
  <CodeBook><Codes><Code guid="${g(10)}" name="K" isCodable="false"><Description>{#k}</Description><Code guid="${g(11)}" name="A" isCodable="true"><Description>{#k/a}</Description></Code></Code></Codes></CodeBook>
  <Sources>
    ${source(5, 'swot/Intervju_01.v2', 1, [1])}
    ${source(6, 'swot/intervju_01.V2', 1, [1])}
    ${source(7, '../../Hemmelig', 1, [])}
    ${source(8, 'intervju-03', 1, [3, 1])}
    ${source(9, 'intervju-04', 1, [2, 3])}
  </Sources>
</Project>`;
    const result = xmlOnly(xml);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.files.map((f) => f.path).slice(1), [
      'swot/Intervju_01.v2.fn.md',
      'swot/intervju_01.V2-2.fn.md',
      // `..` is never a folder.
      'source/source/Hemmelig.fn.md',
      // The creator's copy keeps the name even when another coder's codings come first; a creator who coded nothing still gets their note.
      'intervju-03.Kari-Ås.fn.md',
      'intervju-03.fn.md',
      'intervju-04.fn.md',
      'intervju-04.LH.fn.md',
      'intervju-04.Kari-Ås.fn.md',
    ]);
  });
});

describe('REFI-QDA import: what cannot be imported', () => {
  it('says so, and imports nothing, when the bytes are not a zip', () => {
    const result = run(strToU8('PK? not really'));
    assert.deepEqual(result.files, []);
    assert.deepEqual(elements(result.problems), ['Project']);
    assert.match(result.problems[0]!.message, /^study\.qdpx is not a REFI-QDA project: it is not a zip archive/);
  });

  it('says so when the archive has no project file, and takes project.qde when there are several', () => {
    const none = run(zipSync({ 'sources/a.txt': strToU8('x') }));
    assert.deepEqual([none.files, elements(none.problems)], [[], ['Project']]);
    assert.match(none.problems[0]!.message, /holds no project file \(\*\.qde\)/);
    const several = run(zipSync({ 'backup.qde': strToU8('<x/>'), 'project.qde': strToU8(project('')) }));
    assert.deepEqual(several.files.map((f) => f.path), ['codebook.yaml']);
    assert.equal(several.problems[0]!.message, 'study.qdpx holds several project files: project.qde was imported, `backup.qde` left out.');
    const otherName = run(qdpx(project(''), {}, 'Min studie.qde'));
    assert.deepEqual(otherName.files.map((f) => f.path), ['codebook.yaml']);
  });

  it('gives one problem with line and column for malformed XML', () => {
    const result = run(qdpx('<?xml version="1.0"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="P">\n  <Users>\n    <User guid="x" name="a">\n  </Users>\n</Project>'));
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.problems.map((p) => [p.element, p.line]), [['Project', 5]]);
    assert.match(result.problems[0]!.message, /^project\.qde is not well-formed XML at line 5, column \d+ \(.+\), so nothing was imported\./);
  });

  it('refuses a file that is not a project', () => {
    const result = xmlOnly(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>`);
    assert.deepEqual([result.files, elements(result.problems)], [[], ['CodeBook']]);
  });

  it('skips selections outside the text, by element, GUID and line, and imports the rest', () => {
    const text = 'Ett ord.';
    const result = xmlOnly(
      project(`    <TextSource guid="${g(50)}" name="kort" plainTextPath="internal://a.txt">
      <PlainTextSelection guid="${g(60)}" startPosition="5" endPosition="2">${coding(61)}</PlainTextSelection>
      <PlainTextSelection guid="${g(62)}" startPosition="-1" endPosition="3">${coding(63)}</PlainTextSelection>
      <PlainTextSelection guid="${g(64)}" startPosition="4" endPosition="9">${coding(65)}</PlainTextSelection>
      <PlainTextSelection guid="${g(66)}" startPosition="four" endPosition="9">${coding(67)}</PlainTextSelection>
      <PlainTextSelection guid="${g(68)}" startPosition="4" endPosition="8">${coding(69)}</PlainTextSelection>
    </TextSource>`),
      { 'internal://a.txt': text },
    );
    assert.deepEqual(readBack(result).get('kort.fn.md')!.segments, ['ord. → #codes/tema']);
    assert.deepEqual(
      result.problems.map((p) => [p.element, p.guid, p.line]),
      [
        ['PlainTextSelection', g(66), 9],
        ['PlainTextSelection', g(60), 6],
        ['PlainTextSelection', g(62), 7],
        ['PlainTextSelection', g(64), 8],
      ],
    );
    assert.match(result.problems[3]!.message, /runs from 4 to 9, which is not a range inside the text of 8 characters: left out\.$/);
    assert.match(result.problems[0]!.message, /has no readable startPosition and endPosition: left out\.$/);
  });

  it('lists unknown elements, sources that are not text, and sources without readable text', () => {
    const result = xmlOnly(
      project(
        `    <TextSource guid="${g(50)}" name="rik" richTextPath="internal://a.docx"/>
    <TextSource guid="${g(51)}" name="tom"/>
    <AudioSource guid="${g(52)}" name="Opptak" path="internal://a.mp3"/>
    <PDFSource guid="${g(53)}" name="Rapport" path="internal://r.pdf">
      <PDFSelection guid="${g(60)}" page="1" firstX="0" firstY="0" secondX="1" secondY="1"/>
      <Representation guid="${g(54)}" plainTextPath="internal://r.txt">
        <PlainTextSelection guid="${g(61)}" startPosition="0" endPosition="7">${coding(62)}</PlainTextSelection>
      </Representation>
    </PDFSource>`,
        `\n  <Extension xmlns="urn:example:other"/>\n  <Memos/>`,
      ),
      { 'internal://r.txt': 'Rapport om ungdom.' },
    );
    assert.deepEqual(readBack(result).get('rapport.fn.md')!.segments, ['Rapport → #codes/tema']);
    assert.deepEqual(
      result.problems.map((p) => [p.element, p.name ?? '', p.line]),
      [
        ['Extension', '', 15],
        ['Memos', '', 16],
        ['TextSource', 'rik', 5],
        ['TextSource', 'tom', 6],
        ['AudioSource', 'Opptak', 7],
        ['PDFSource', 'Rapport', 8],
      ],
    );
    assert.match(result.problems[0]!.message, /^<Extension> \(line 15 of project\.qde\) belongs to another format \(urn:example:other\): left out\.$/);
    assert.match(result.problems[1]!.message, /^<Memos> \(line 16 of project\.qde\) is not part of REFI-QDA 1\.0/);
    assert.match(result.problems[2]!.message, /has only rich text \(internal:\/\/a\.docx\), which Fieldnotes cannot read/);
    assert.match(result.problems[5]!.message, /its text \(its Representation\) was imported as a note/);
  });

  it('gives a source in several cases the first, and says so', () => {
    const result = xmlOnly(
      project(`    <TextSource guid="${g(50)}" name="delt"><PlainTextContent>Tekst.</PlainTextContent></TextSource>`).replace(
        '<Sources>',
        `<Cases>
    <Case guid="${g(40)}" name="A"><SourceRef targetGUID="${g(50)}"/></Case>
    <Case guid="${g(41)}" name="B"><SourceRef targetGUID="${g(50)}"/><SelectionRef targetGUID="${g(99)}"/></Case>
  </Cases>
  <Sources>`,
      ),
    );
    assert.deepEqual(readBack(result).get('delt.fn.md')!.frontMatter, { id: 'delt', case: 'A' });
    assert.deepEqual(elements(result.problems), ['Case', 'TextSource']);
    assert.match(result.problems[1]!.message, /belongs to several cases \(“A” and “B”\); a note has one, so it got “A”\./);
  });

  it('reads source files written as UTF-16 with a byte-order mark', () => {
    const text = 'Blåbær 🙂 på skolen.';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].flatMap((c) => [...c].map((_, i) => c.charCodeAt(i)))).buffer)]);
    const result = run(
      zipSync({
        'project.qde': strToU8(project(`    <TextSource guid="${g(50)}" name="bom" plainTextPath="internal://${g(50)}.txt"><PlainTextSelection guid="${g(60)}" ${at(text, 'på skolen')}>${coding(61)}</PlainTextSelection></TextSource>`)),
        [`sources/${g(50)}.txt`]: utf16,
      }),
    );
    assert.deepEqual(readBack(result).get('bom.fn.md')!.segments, ['på skolen → #codes/tema']);
  });

  it('reads a project file in the encoding its XML declaration names', () => {
    const xml = `<?xml version="1.0" encoding="windows-1252"?>\n${project('').replace('name="Tema"', 'name="Særpreg"')}`.replace(/^<\?xml version="1.0" encoding="utf-8"\?>\n/m, '');
    const latin1 = Uint8Array.from(xml, (c) => c.charCodeAt(0));
    const result = run(zipSync({ 'project.qde': latin1 }));
    assert.match(result.files[0]!.text, /- id: særpreg\n {8}label: Særpreg\n/);
  });

  it('reads positions that count \\r\\n once when the selections’ names say so', () => {
    const text = 'Første linje.\r\nAndre linje.\r\nTredje linje.';
    const once = (words: string) => {
      const flat = text.replace(/\r\n/g, '\n');
      const index = [...flat].length - [...flat.slice(flat.indexOf(words))].length;
      return `startPosition="${index}" endPosition="${index + [...words].length}"`;
    };
    const result = xmlOnly(
      project(`    <TextSource guid="${g(50)}" name="crlf" plainTextPath="internal://a.txt">
      <PlainTextSelection guid="${g(60)}" name="Andre linje." ${once('Andre linje.')}>${coding(61)}</PlainTextSelection>
      <PlainTextSelection guid="${g(62)}" name="Tredje" ${once('Tredje')}>${coding(63)}</PlainTextSelection>
    </TextSource>`),
      { 'internal://a.txt': text },
    );
    assert.deepEqual(readBack(result).get('crlf.fn.md')!.segments, ['Andre linje. → #codes/tema', 'Tredje → #codes/tema']);
    assert.deepEqual(elements(result.problems), ['TextSource']);
    assert.match(result.problems[0]!.message, /only when positions count characters with each \\r\\n line break counted once/);
  });
});

// ---------------------------------------------------------------- Codebook files

describe('REFI-QDA import: codebook files (.qdc)', () => {
  const qdc = (codes: string, sets = '') => `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="NVivo 14">
  <Codes>
${codes}
  </Codes>${sets}
</CodeBook>`;

  it('makes another tool’s tree two levels deep, with unique ids of any script', () => {
    const result = importCodebook(
      qdc(`    <Code guid="${g(1)}" name="Økonomi &amp; arbeid" isCodable="false">
      <Code guid="${g(2)}" name="Lønn" isCodable="true"><Description>Om lønn.</Description></Code>
      <Code guid="${g(3)}" name="LØNN!" isCodable="true"/>
      <Code guid="${g(4)}" name="Trygd" isCodable="false"><Code guid="${g(5)}" name="Uføre 🙂" isCodable="true"/></Code>
    </Code>
    <Code guid="${g(6)}" name="???" isCodable="true"/>
    <Code guid="${g(7)}" name="Diverse" isCodable="true"/>`),
      { fileName: 'koder.qdc', locale: 'nb' },
    );
    assert.equal(
      result.yaml,
      [
        '# Importert av Fieldnotes fra koder.qdc. Sjekk etiketter og evidens før du koder videre.',
        '',
        'dimensions:',
        '  - id: økonomi-arbeid',
        '    label: Økonomi & arbeid',
        '    variations:',
        '      - id: lønn',
        '        label: Lønn',
        '        description: Om lønn.',
        '      - id: lønn-2',
        '        label: LØNN!',
        '      - id: trygd-uføre',
        '        label: Trygd › Uføre 🙂',
        '  - id: codes',
        '    label: Koder',
        '    variations:',
        '      - id: code',
        '        label: ???',
        '      - id: diverse',
        '        label: Diverse',
        '',
      ].join('\n'),
    );
    assert.deepEqual(result.problems, []);
    assert.deepEqual(loadCodebook(result.yaml, 'codebook.yaml', en).diagnostics, []);
    assert.deepEqual(result.codebook.dimensions.map((d) => d.id), ['økonomi-arbeid', 'codes']);
  });

  it('reads Fieldnotes tags and pole sets, lets tagged ids win over names, and reports what it had to change', () => {
    const result = importCodebook(
      qdc(
        `    <Code guid="${g(1)}" name="Kontakt" isCodable="false"><Description>{#kontakt}</Description>
      <Code guid="${g(8)}" name="Ute!" isCodable="true"/>
      <Code guid="${g(2)}" name="Ute" isCodable="true" color="#2e7d32"><Description>{#kontakt/ute evidence=proactive}</Description></Code>
      <Code guid="${g(3)}" name="Ute igjen" isCodable="true" color="#2e7d32"><Description>{#kontakt/ute evidence=proactive}</Description></Code>
      <Code guid="${g(4)}" name="Inne" isCodable="true"><Description>{#kontakt/inne evidence=passive}</Description></Code>
      <Code guid="${g(5)}" name="Begge" isCodable="true"><Description>{#kontakt/-x}</Description></Code>
      <Code guid="${g(6)}" name="Flyttet" isCodable="true"><Description>{#ansvar/flyttet}</Description></Code>
      <Code guid="${g(7)}" name="I to sett" isCodable="true"/>
    </Code>`,
        `
  <Sets>
    <Set guid="${g(20)}" name="Proaktiv"><Description>{pole=proactive}</Description><MemberCode guid="${g(2)}"/><MemberCode guid="${g(3)}"/><MemberCode guid="${g(7)}"/></Set>
    <Set guid="${g(21)}" name="Reaktiv"><Description>{pole=reactive}</Description><MemberCode guid="${g(7)}"/></Set>
    <Set guid="${g(22)}" name="Begge"><Description>{pole=either}</Description></Set>
    <Set guid="${g(23)}" name="Favoritter"/>
  </Sets>`,
      ),
      { fileName: 'koder.qdc', locale: 'en' },
    );
    assert.deepEqual(loadCodebook(result.yaml, 'codebook.yaml', en).diagnostics, []);
    assert.deepEqual(result.codebook.poles, { proactive: { label: 'Proaktiv', color: '#2e7d32' }, reactive: { label: 'Reaktiv' }, passive: { label: 'passive' } });
    assert.deepEqual(
      result.codebook.dimensions[0]!.variations.map((v) => [v.id, v.evidence]),
      [
        ['ute-2', undefined],
        ['ute', 'proactive'],
        ['ute-3', 'proactive'],
        ['inne', 'passive'],
        ['begge', undefined],
        ['flyttet', undefined],
        ['i-to-sett', undefined],
      ],
    );
    assert.deepEqual(
      result.problems.map((p) => [p.element, p.name]),
      [
        ['Set', 'Begge'],
        ['Set', 'Favoritter'],
        ['Code', 'Ute igjen'],
        ['Code', 'Inne'],
        ['Code', 'Begge'],
        ['Code', 'Flyttet'],
        ['Code', 'I to sett'],
      ],
    );
    const messages = result.problems.map((p) => p.message);
    assert.match(messages[2]!, /would have the id `ute`, which another code has already: it became `ute-3`\./);
    assert.match(messages[3]!, /supports the pole `passive`, which no set of the file declares: the pole was added/);
    assert.match(messages[4]!, /is tagged with `-x`, which is not a valid Fieldnotes id: it became `begge`\./);
    assert.match(messages[5]!, /is tagged #ansvar\/flyttet but stands under another dimension: it became #kontakt\/flyttet\./);
    assert.match(messages[6]!, /is in the sets of several poles \(`proactive` and `reactive`\): it was imported without evidence\./);
  });

  it('gives no YAML and one problem with its place for malformed XML', () => {
    const result = importCodebook('<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n<Codes>\n</CodeBook>', { fileName: 'koder.qdc', locale: 'en' });
    assert.equal(result.yaml, '');
    assert.deepEqual(result.problems.map((p) => [p.element, p.line]), [['CodeBook', 3]]);
    assert.match(result.problems[0]!.message, /^koder\.qdc is not well-formed XML at line 3, column \d+/);
  });
});

describe('REFI-QDA import: readings the dialect cannot keep', () => {
  const text = 'Avsnitt med ord.\n\n```\nkode her\n```\n\nSiste avsnitt.\n';
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="${NS}" name="K" origin="Fieldnotes">
  <CodeBook><Codes>
    <Code guid="${g(10)}" name="K" isCodable="false"><Description>{#k}</Description>
      <Code guid="${g(11)}" name="Fast" isCodable="true"><Description>{#k/fast evidence=proactive}</Description></Code>
      <Code guid="${g(12)}" name="Valg" isCodable="true"><Description>{#k/valg evidence=either}</Description></Code>
    </Code>
  </Codes></CodeBook>
  <Variables><Variable guid="${g(30)}" name="ansatte" typeOfVariable="Integer"/></Variables>
  <Sources>
    <TextSource guid="${g(50)}" name="kanter" plainTextPath="internal://a.txt">
      <PlainTextSelection guid="${g(60)}" ${at(text, 'ord')} creatingUser="${g(7)}"><Description>evidence=reactive</Description>${coding(11).replace(g(10), g(11))}</PlainTextSelection>
      <PlainTextSelection guid="${g(62)}" ${at(text, 'Siste')} creatingUser="${g(7)}"><Coding guid="${g(63)}"><CodeRef targetGUID="${g(12)}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${g(64)}" ${at(text, 'kode her')} creatingUser="${g(7)}"><Coding guid="${g(65)}"><CodeRef targetGUID="${g(11)}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${g(66)}" ${at(text, 'avsnitt')} creatingUser="${g(7)}"><NoteRef targetGUID="${g(90)}"/></PlainTextSelection>
      <VariableValue><VariableRef targetGUID="${g(30)}"/><IntegerValue>mange</IntegerValue></VariableValue>
    </TextSource>
  </Sources>
  <Notes>
    <Note guid="${g(90)}" name="memo"><PlainTextContent>Kodene ble slettet i NVivo.</PlainTextContent>
      <PlainTextSelection guid="${g(91)}" startPosition="0" endPosition="3"/>
    </Note>
  </Notes>
  <Sets>
    <Set guid="${g(20)}" name="Proaktiv"><Description>{pole=proactive}</Description></Set>
    <Set guid="${g(21)}" name="Reaktiv"><Description>{pole=reactive}</Description></Set>
  </Sets>
</Project>`;
  const result = xmlOnly(xml, { 'internal://a.txt': text });

  it('drops an evidence that contradicts fixed codes, skips words in code blocks, and keeps an orphaned segment memo as an untitled memo', () => {
    const note = result.files[1]!;
    assert.equal(note.path, `kanter.fn.md`);
    assert.equal(
      note.text,
      [
        '---',
        'id: kanter',
        `coder: ${g(7)}`,
        '---',
        '',
        'Avsnitt med [ord]{#k/fast}.',
        '',
        '```',
        'kode her',
        '```',
        '',
        '[Siste]{#k/valg} avsnitt.',
        '',
        '> [!MEMO]',
        '> Kodene ble slettet i NVivo.',
        '',
      ].join('\n'),
    );
  });

  it('reports each of them, and an either code without evidence, which the checker will flag too', () => {
    assert.deepEqual(
      result.problems.map((p) => [p.element, p.guid]),
      [
        ['Note', g(90)],
        ['PlainTextSelection', g(60)],
        ['PlainTextSelection', g(60)],
        ['VariableValue', undefined],
        ['PlainTextSelection', g(62)],
        ['PlainTextSelection', g(64)],
      ],
    );
    const messages = result.problems.map((p) => p.message);
    assert.match(messages[0]!, /is coded; codings of memos are not imported/);
    assert.match(messages[1]!, new RegExp(`the user ${g(7)} is not among the project's users, so the GUID stands as the coder's name`));
    assert.match(messages[2]!, /says `evidence=reactive`, but its codes support another pole: the evidence was left out/);
    assert.match(messages[4]!, /uses #k\/valg, which is read either way, without evidence: add `evidence=` to its segment in kanter\.fn\.md\./);
    assert.match(messages[5]!, /lies where the dialect cannot code words \(a code block, or between paragraphs\): left out\./);
    assert.match(messages[3]!, /The value “mange” of the variable “ansatte” .* does not fit its type: left out\./);
  });

  it('writes an empty codebook, and says so, when the project has no codes', () => {
    const empty = xmlOnly(`<Project xmlns="${NS}" name="Tom"><Sources><TextSource guid="${g(50)}" name="t"><PlainTextContent>Ord.</PlainTextContent></TextSource></Sources></Project>`);
    assert.equal(empty.files[0]!.text, '# Imported by Fieldnotes from p.qdpx. Check labels and evidence before coding on.\n\ntitle: Tom\ndimensions: []\n');
    assert.deepEqual(elements(empty.problems), ['Codes']);
    assert.match(empty.problems[0]!.message, /has no codes, so codebook\.yaml has no dimensions yet: add them before coding\./);
  });
});

describe('REFI-QDA import: any plain text, any selections', () => {
  /** A small deterministic generator (a linear congruential one), so a failure names a case that can be run again. */
  function generator(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state / 0x7fffffff;
    };
  }
  const PIECES = ['ord', 'æøå', ' ', '  ', '\t', '\n', '\r\n', '\n\n', '\r', '    ', '#', '>', '-', '+', '*', '_', '`', '```', '~~~', '[', ']', '{', '}', '<', '&amp;', '&', '\\', '1.', '2)', '===', '---', '🙂', '!', '(', ')', ':', '"', '{#a/b}', '[!MEMO]', '**I:**', '\u00a0'];

  it('writes notes without diagnostics that keep every word of the text, whatever markup-like characters it holds', () => {
    const random = generator(20240501);
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
    for (let round = 0; round < 60; round++) {
      const text = Array.from({ length: 5 + Math.floor(random() * 50) }, () => pick(PIECES)).join('');
      const length = [...text].length;
      const selections = Array.from({ length: Math.floor(random() * 8) }, (_, i) => {
        const [start, end] = [Math.floor(random() * (length + 1)), Math.floor(random() * (length + 1))].sort((a, b) => a - b);
        const user = pick(['1', '2', '']);
        const inner = random() < 0.15 ? `<NoteRef targetGUID="${g(90)}"/>` : `<Coding guid="${g(200 + i)}"${user ? ` creatingUser="${g(Number(user))}"` : ''}><CodeRef targetGUID="${g(pick([11, 12, 13]))}"/></Coding>`;
        return `<PlainTextSelection guid="${g(100 + i)}" startPosition="${start}" endPosition="${end}">${inner}</PlainTextSelection>`;
      });
      const xml = `<Project xmlns="${NS}" name="F"><Users><User guid="${g(1)}" name="A"/><User guid="${g(2)}" name="B"/></Users>
<CodeBook><Codes><Code guid="${g(10)}" name="D" isCodable="false"><Code guid="${g(11)}" name="x" isCodable="true"/><Code guid="${g(12)}" name="y" isCodable="true"/></Code><Code guid="${g(13)}" name="z" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="${g(50)}" name="s" plainTextPath="internal://a.txt" creatingUser="${g(1)}">${selections.join('')}</TextSource></Sources>
<Notes><Note guid="${g(90)}" name="n"><PlainTextContent>${pick(PIECES).replace(/&/g, '&amp;').replace(/</g, '&lt;')} memo</PlainTextContent></Note></Notes></Project>`;
      const result = xmlOnly(xml, { 'internal://a.txt': text });
      const words = (s: string) => [...s.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)].map((m) => m[0]).join(' ');
      for (const [file, note] of [...readBack(result)].filter(([path]) => path !== 'notes.fn.md')) {
        // The note's own words: without front matter, callouts and the annotation marks around segments.
        const parsed = new NoteParser(en).parse(note.text);
        const cut = new Uint8Array(note.text.length);
        cut.fill(1, 0, parsed.frontMatter!.span.end);
        for (const callout of parsed.callouts) cut.fill(1, callout.span.start, callout.span.end);
        for (const s of parsed.segments) cut.fill(1, s.span.start, s.contentSpan.start).fill(1, s.contentSpan.end, s.span.end);
        const kept = note.text.split('').filter((_, i) => !cut[i]).join('');
        assert.equal(words(kept), words(text), `round ${round}, ${file}: ${JSON.stringify(text)}`);
      }
    }
  });
});
