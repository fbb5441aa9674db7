import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCodebook } from '../server/src/core/codebook/codebook.js';
import { messagesFor } from '../server/src/core/i18n/messages.js';
import { exportCodebook } from '../server/src/core/exchange/exportCodebook.js';
import { importCodebook } from '../server/src/core/exchange/importCodebook.js';
import { importQdpx } from '../server/src/core/exchange/importProject.js';
import { readXml, type XmlElement } from '../server/src/core/exchange/xmlReader.js';
import { strToU8, zipSync } from 'fflate';
import { ROOT } from './support/paths.js';
import { schemaErrors } from './support/xmllint.js';

/*
 * Colours kept on import and export (issue 18). Files are read back with
 * the import's own XML reader (saxes, `xmlReader.ts`).
 */

const en = messagesFor('en');
function root(xml: string): XmlElement {
  const read = readXml(xml);
  assert.ok(read.ok, 'the XML is well-formed');
  return read.root;
}
const all = (element: XmlElement, name: string): XmlElement[] => [...(element.name === name ? [element] : []), ...element.children.flatMap((c) => all(c, name))];

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
    const g = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
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

