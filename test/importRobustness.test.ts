import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { parse } from 'yaml';
import { importProjectXml, importQdpx, type ProjectImport } from '../server/src/core/exchange/importProject.js';
import { cutToBytes } from '../server/src/core/exchange/noteFileNames.js';
import { utf8Length } from '../server/src/core/text/utf8.js';
import { ENTRY_LIMIT, TOTAL_LIMIT } from '../server/src/core/exchange/projectArchive.js';
import { deflatedZeros, NOT_DEFLATE, zipArchive } from './support/zipBuilder.js';
import { g, NS, project } from './support/refiFixtures.js';

/*
 * What a tester fed the import and what it did: sizes the archive
 * declares (and lies about), source names longer than a file name may
 * be, GUIDs two elements share.
 */

const MiB = 2 ** 20;

const run = (bytes: Uint8Array, locale: 'en' | 'nb' = 'en') => importQdpx(bytes, { fileName: 'study.qdpx', locale });
const xmlOnly = (xml: string, locale: 'en' | 'nb' = 'en') => importProjectXml(xml, () => undefined, { fileName: 'p.qdpx', locale });

/** A source coded on its first word, its text in `sources/`. */
const source = (n: number, name: string) =>
  `<TextSource guid="${g(n)}" name="${name}" plainTextPath="internal://${g(n)}.txt"><PlainTextSelection guid="${g(n + 1000)}" startPosition="0" endPosition="2"><Coding guid="${g(n + 2000)}"><CodeRef targetGUID="${g(10)}"/></Coding></PlainTextSelection></TextSource>`;
const inline = (n: number, name: string, user?: number) =>
  `<TextSource guid="${g(n)}" name="${name}"${user ? ` creatingUser="${g(user)}"` : ''}><PlainTextContent>Vi går ut.</PlainTextContent></TextSource>`;
const text = (n: number) => `sources/${g(n)}.txt`;

function refusal(result: ProjectImport): string {
  assert.deepEqual(result.files, [], 'nothing is imported');
  assert.equal(result.problems.length, 1, result.problems.map((p) => p.message).join('\n'));
  assert.equal(result.problems[0]!.element, 'Project');
  return result.problems[0]!.message;
}

describe('REFI-QDA import: the sizes an archive declares', () => {
  it('refuses a text that declares 1 GiB, naming the archive and the entry, without unpacking it', () => {
    const entry = text(50);
    // Really 1 GiB of zeros, about 1 MB packed: unpacking it took 1.1 GB of memory and stopped on an internal error.
    const real = run(zipArchive([{ name: 'project.qde', text: project(source(50, 'Intervju')) }, { name: entry, deflated: deflatedZeros(1024), size: 2 ** 30 }]));
    assert.equal(
      refusal(real),
      `\`${entry}\` in study.qdpx holds 1 GiB unpacked, more than Fieldnotes imports from one file (256 MiB), so nothing was unpacked or imported. A text that long is more likely a damaged or deliberately inflated archive than a transcript: export the project again from your QDA program; if the text is real, split it there into smaller sources.`,
    );
    // The same declaration over bytes no inflater reads gives the same answer: the size was read, the data never touched.
    const declared = run(zipArchive([{ name: 'project.qde', text: project(source(50, 'Intervju')) }, { name: entry, deflated: NOT_DEFLATE, size: 2 ** 30 }]));
    assert.equal(refusal(declared), refusal(real));
    assert.match(refusal(run(zipArchive([{ name: 'project.qde', text: project(source(50, 'Intervju')) }, { name: entry, deflated: NOT_DEFLATE, size: 2 ** 30 }]), 'nb')), /^`sources\/.*\.txt` i study\.qdpx er 1 GiB utpakket, mer enn Fieldnotes importerer fra én fil \(256 MiB\)/);
  });

  it('reads sizes past 4 GiB from ZIP64 fields', () => {
    const result = run(zipArchive([{ name: 'project.qde', text: project(source(50, 'Intervju')) }, { name: text(50), deflated: NOT_DEFLATE, size: 5 * 2 ** 30, zip64: true }]));
    assert.match(refusal(result), /holds 5 GiB unpacked/);
  });

  it('unpacks only the project file and the texts it names: eight unused entries of 200 MB are never unpacked', () => {
    const zeros = deflatedZeros(200);
    const media = Array.from({ length: 8 }, (_, i) => ({ name: `sources/video-${i}.mp4`, deflated: zeros, size: 200 * MiB }));
    const result = run(zipArchive([{ name: 'project.qde', text: project(source(50, 'Intervju')) }, { name: text(50), text: 'Vi går ut.' }, ...media]));
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.files.map((f) => f.path), ['codebook.yaml', 'intervju.fn.md']);
    assert.match(result.files[1]!.text, /\[Vi\]\{#codes\/tema\} går ut\./);
    // Unused entries that no inflater can read do not matter either (unpacking everything refused the whole archive as no zip).
    const damaged = media.map((m) => ({ ...m, deflated: NOT_DEFLATE }));
    const withDamaged = run(zipArchive([{ name: 'project.qde', text: project(source(50, 'Intervju')) }, { name: text(50), text: 'Vi går ut.' }, ...damaged]));
    assert.deepEqual([withDamaged.problems, withDamaged.files.map((f) => f.path)], [[], ['codebook.yaml', 'intervju.fn.md']]);
  });

  it('refuses a text that unpacks to more than it declares, and stops unpacking there', () => {
    const entry = text(50);
    const before = process.memoryUsage().arrayBuffers;
    const result = run(zipArchive([{ name: 'project.qde', text: project(source(50, 'Intervju')) }, { name: entry, deflated: deflatedZeros(1024), size: 1000 }]));
    assert.equal(
      refusal(result),
      `\`${entry}\` in study.qdpx unpacks to more than the 1,000 bytes the archive declares for it: the archive is damaged (or made to fill the memory), so nothing was imported. Export the project again from your QDA program.`,
    );
    // Not a timing: the gigabyte was never held (a generous bound; unpacking it all holds 1 GiB).
    assert.ok(process.memoryUsage().arrayBuffers - before < 256 * MiB);
  });

  it('refuses texts that pass the total limit together, naming the entry that passes it, before unpacking any', () => {
    const each = 200 * MiB;
    assert.ok(each < ENTRY_LIMIT && 2 * each < TOTAL_LIMIT && 3 * each > TOTAL_LIMIT);
    const sources = [50, 51, 52].map((n) => source(n, `Intervju ${n}`)).join('\n');
    const result = run(zipArchive([{ name: 'project.qde', text: project(sources) }, ...[50, 51, 52].map((n) => ({ name: text(n), deflated: NOT_DEFLATE, size: each }))]));
    assert.match(refusal(result), new RegExp(`^The files in study\\.qdpx that the project uses come to 600 MiB unpacked \\(with \`${text(52)}\`\\), more than Fieldnotes imports at once \\(512 MiB\\), so nothing was unpacked or imported\\. Export the project in parts`));
  });

  it('refuses a project file that declares more than the limit, and one it cannot unpack', () => {
    const big = run(zipArchive([{ name: 'project.qde', deflated: NOT_DEFLATE, size: 300 * MiB }]));
    assert.match(refusal(big), /^`project\.qde` in study\.qdpx holds 300 MiB unpacked/);
    const damaged = run(zipArchive([{ name: 'project.qde', deflated: NOT_DEFLATE, size: 100 }]));
    assert.equal(refusal(damaged), '`project.qde` in study.qdpx cannot be unpacked (its data is damaged, encrypted, or packed in a way zip readers rarely know), so nothing was imported. Export the project again from your QDA program.');
  });

  it('reads what fflate writes as before: names with ./ and \\, folders, texts in Sources/ whatever the case', () => {
    const archive = zipSync({
      './project.qde': strToU8(project(source(50, 'Intervju'))),
      'Sources/': new Uint8Array(0),
      [`Sources\\${g(50)}.TXT`]: strToU8('Vi går ut.'),
    });
    const result = run(archive);
    assert.deepEqual(result.problems, []);
    assert.match(result.files[1]!.text, /\[Vi\]\{#codes\/tema\}/);
  });
});

describe('REFI-QDA import: source names longer than a file name', () => {
  const longA = 'a'.repeat(300);
  const longAe = 'æ'.repeat(130);

  it('cuts a name of 300 characters, or of 130 æ, to 255 bytes with .fn.md, between characters, and lists each', () => {
    const result = xmlOnly(project([inline(50, longA), inline(51, longAe), inline(52, 'Kort navn')].join('\n')));
    const paths = result.files.map((f) => f.path).slice(1);
    assert.deepEqual(paths, [`${'a'.repeat(249)}.fn.md`, `${'æ'.repeat(124)}.fn.md`, 'kort-navn.fn.md']);
    for (const file of paths) assert.ok(utf8Length(file) <= 255, file);
    assert.deepEqual(
      result.problems.map((p) => [p.element, p.guid, p.message]),
      [
        ['TextSource', g(50), `The source “${longA}” (line 5 of project.qde) has a name too long for a file name (255 bytes at most), so its note was shortened to \`${paths[0]}\`.`],
        ['TextSource', g(51), `The source “${longAe}” (line 6 of project.qde) has a name too long for a file name (255 bytes at most), so its note was shortened to \`${paths[1]}\`.`],
      ],
    );
    assert.equal(
      xmlOnly(project(inline(51, longAe)), 'nb').problems[0]!.message,
      `Kilden “${longAe}” (linje 5 i project.qde) har et navn som er for langt for et filnavn (høyst 255 byte), så notatet ble forkortet til \`${paths[1]}\`.`,
    );
  });

  it('gives two names that become equal when cut names of their own', () => {
    const result = xmlOnly(project([inline(50, `${longA} første`), inline(51, `${longA} andre`)].join('\n')));
    assert.deepEqual(result.files.map((f) => f.path).slice(1), [`${'a'.repeat(249)}.fn.md`, `${'a'.repeat(247)}-2.fn.md`]);
    assert.equal(result.problems.length, 2);
  });

  it('never cuts a letter from its accents, and keeps each coder’s part', () => {
    // `ạ̈`: a with a dot below and a diaeresis, one letter of two code points (5 bytes) that NFC cannot join.
    const letter = '\u1ea1\u0308';
    assert.equal([...letter.normalize('NFC')].length, 2);
    const xml = `<Project xmlns="${NS}" name="N">
  <Users><User guid="${g(1)}" name="Kari Ås"/><User guid="${g(2)}" name="LH"/></Users>
  <CodeBook><Codes><Code guid="${g(10)}" name="Tema" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="${g(50)}" name="${letter.repeat(100)}"><PlainTextContent>Vi går ut.</PlainTextContent>
      <PlainTextSelection guid="${g(60)}" startPosition="0" endPosition="2" creatingUser="${g(1)}"><Coding guid="${g(61)}" creatingUser="${g(1)}"><CodeRef targetGUID="${g(10)}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${g(62)}" startPosition="3" endPosition="6" creatingUser="${g(2)}"><Coding guid="${g(63)}" creatingUser="${g(2)}"><CodeRef targetGUID="${g(10)}"/></Coding></PlainTextSelection>
    </TextSource>
  </Sources>
</Project>`;
    const paths = xmlOnly(xml).files.map((f) => f.path).slice(1);
    assert.equal(paths.length, 2);
    for (const [file, coder] of paths.map((p, i) => [p, ['kari-ås', 'lh'][i]!] as const)) {
      assert.ok(utf8Length(file) <= 255, file);
      const stem = file.slice(0, -`.${coder}.fn.md`.length);
      assert.ok(file.endsWith(`.${coder}.fn.md`), file);
      assert.equal(stem, letter.repeat(stem.length / letter.length), 'whole letters only');
    }
    assert.equal(cutToBytes('ab😀', 5), 'ab', 'a character of four bytes is never split');
    assert.equal(cutToBytes('intervju-03', 9), 'intervju', 'no name ends with -');
  });

  it('keeps a long folder name’s notes together, and writes a source whose folders would pass a path’s length flat', () => {
    const folder = 'b'.repeat(300);
    const deep = Array.from({ length: 40 }, (_, i) => `mappe-${i}-${'c'.repeat(20)}`).join('/');
    const result = xmlOnly(project([inline(50, `${folder}/en`), inline(51, `${folder}/to`), inline(52, `${deep}/tre`)].join('\n')));
    const [one, two, three] = result.files.map((f) => f.path).slice(1);
    assert.deepEqual([one, two], [`${'b'.repeat(255)}/en.fn.md`, `${'b'.repeat(255)}/to.fn.md`]);
    assert.ok(!three!.includes('/') && utf8Length(three!) <= 255 && three!.startsWith('mappe-0-'), three);
    assert.equal(result.problems.length, 3);
  });
});

describe('REFI-QDA import: GUIDs two elements share', () => {
  it('refuses two codes with one GUID (written two ways), naming both, rather than move codings to either', () => {
    const xml = project(inline(50, 'Intervju')).replace(
      `<Code guid="${g(10)}" name="Tema" isCodable="true"/>`,
      `<Code guid="${g(10)}" name="Tillit" isCodable="true"/>\n    <Code guid="{${g(10).toUpperCase()}}" name="Mistillit" isCodable="true"/>`,
    );
    const result = xmlOnly(xml);
    assert.deepEqual(result.files, []);
    assert.deepEqual(
      result.problems.map((p) => [p.element, p.line, p.message]),
      [
        [
          'Code',
          4,
          `2 <Code> elements share the GUID ${g(10)}: “Tillit” (line 3 of project.qde) and “Mistillit” (line 4 of project.qde). The project points to a <Code> by its GUID, so Fieldnotes cannot tell which one is meant, and imported nothing rather than merge them or guess. Export the project again from your QDA program; if the GUIDs are still shared, give all but one of them a new GUID in project.qde.`,
        ],
      ],
    );
    assert.match(xmlOnly(xml, 'nb').problems[0]!.message, /^2 <Code>-elementer har samme GUID, [0-9a-f-]+: “Tillit” \(linje 3 i project\.qde\) og “Mistillit” \(linje 4 i project\.qde\)\. Prosjektet viser til/);
  });

  it('refuses a GUID shared by two sources, users, notes, variables, or codes at different depths', () => {
    const cases: [string, string][] = [
      ['TextSource', project([inline(50, 'En'), inline(50, 'To')].join('\n'))],
      ['User', project(inline(50, 'En', 1), `<Users><User guid="${g(1)}" name="Kari"/><User guid="${g(1)}" name="Ola"/></Users>`)],
      ['Note', project(inline(50, 'En'), `<Notes><Note guid="${g(90)}" name="A"><PlainTextContent>a</PlainTextContent></Note><Note guid="${g(90)}" name="B"><PlainTextContent>b</PlainTextContent></Note></Notes>`)],
      ['Variable', project(inline(50, 'En'), `<Variables><Variable guid="${g(30)}" name="Fylke" typeOfVariable="Text"/><Variable guid="${g(30)}" name="Alder" typeOfVariable="Integer"/></Variables>`)],
      ['Code', project(inline(50, 'En')).replace(`<Code guid="${g(10)}" name="Tema" isCodable="true"/>`, `<Code guid="${g(11)}" name="Topp" isCodable="false"><Code guid="${g(10)}" name="Under" isCodable="true"/></Code><Code guid="${g(10)}" name="Tema" isCodable="true"/>`)],
    ];
    for (const [element, xml] of cases) {
      const result = xmlOnly(xml);
      assert.deepEqual([result.files, result.problems.map((p) => p.element)], [[], [element]], element);
      assert.match(result.problems[0]!.message, new RegExp(`^2 <${element}> elements share the GUID`), element);
    }
  });

  it('imports elements of different kinds that share a GUID: a reference names its kind', () => {
    const result = xmlOnly(project(inline(10, 'Intervju'), `<Notes><Note guid="${g(10)}" name="Logg"><PlainTextContent>a</PlainTextContent></Note></Notes>`));
    assert.deepEqual(result.files.map((f) => f.path), ['codebook.yaml', 'intervju.fn.md', 'notes.fn.md']);
  });
});

/** Real files of other tools, read where they are kept (never copied into the repository); see PROVENANCE.md there. */
const REAL = process.env.FIELDNOTES_REAL_REFI ?? '/work/shared/interop/real';

describe('REFI-QDA import: real ATLAS.ti projects, as before', () => {
  before(function () {
    if (!existsSync(path.join(REAL, 'ponte'))) this.skip();
  });

  it('reads both archives as fflate did, with the same codebook and the same problems', () => {
    const read = (name: string) => importQdpx(readFileSync(path.join(REAL, 'ponte', name)), { fileName: name, locale: 'en' });
    const blank = read('blank-atlas-project.qdpx');
    assert.deepEqual(blank.files.map((f) => f.path), ['codebook.yaml']);
    assert.deepEqual(parse(blank.files[0]!.text), { title: 'blank-atlas-project', dimensions: [] });
    assert.deepEqual(blank.problems.map((p) => p.message), ['project.qde has no codes, so codebook.yaml has no dimensions yet: add them before coding.']);
    const target = read('target-atlas-project.qdpx');
    assert.deepEqual(target.files.map((f) => f.path), ['codebook.yaml']);
    const codebook = parse(target.files[0]!.text) as { title: string; dimensions: { id: string; variations: { id: string; label: string }[] }[] };
    assert.equal(codebook.title, 'target-atlas-project');
    assert.deepEqual(
      codebook.dimensions.map((d) => [d.id, d.variations.map((v) => [v.id, v.label])]),
      [['commits', [['commits', 'Commits'], ['2022-05-10t02-05-59z-19e4dce', '2022-05-10T02:05:59Z 19e4dce'], ['2022-02-11t10-39-25z-cdbfd92', '2022-02-11T10:39:25Z cdbfd92']]]],
    );
    assert.deepEqual(target.problems.map((p) => p.message), ['The code “Commits” (line 9 of project.qde) has codes under it and can be coded itself: it became a dimension, and its own codings went to the variation #commits/commits.']);
  });
});
