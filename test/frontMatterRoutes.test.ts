import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readFlatFrontMatter, readFrontMatter, readFrontMatterByYaml } from '../server/src/core/checks/frontMatter.js';
import { parseWhole } from '../server/src/core/dialect/note.js';
import { en } from '../server/src/core/i18n/messages.js';
import { FIXTURES, SAMPLES } from './support/paths.js';
import { realisticStudy } from './support/realisticNotes.js';

/**
 * Flat front matter is read without the yaml package (checks/frontMatter.ts);
 * whatever that route reads must equal the full parse, data, spans and
 * diagnostics alike.
 */
function assertSameAsYaml(text: string, label: string): boolean {
  const parsed = parseWhole(text, en);
  if (!parsed.frontMatter) return false;
  assert.deepStrictEqual(readFrontMatter(text, parsed.frontMatter, en), readFrontMatterByYaml(text, parsed.frontMatter, en), label);
  return readFlatFrontMatter(text, parsed.frontMatter) !== undefined;
}

const notesIn = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'));

describe('front matter is read alike by the flat route and the yaml package', () => {
  it('on every note of a realistic study, and the flat route reads them all', () => {
    const notes = realisticStudy(1000, 1, { secondCoder: true }).filter((f) => f.name.endsWith('.fn.md'));
    let flat = 0;
    for (const note of notes) if (assertSameAsYaml(note.text, note.name)) flat++;
    assert.equal(flat, notes.length);
  });

  it('on the samples and the test fixtures', () => {
    const texts = [...notesIn(SAMPLES), ...notesIn(FIXTURES)];
    const withFrontMatter = texts.filter((t, i) => assertSameAsYaml(t, `text ${i}`) || parseWhole(t, en).frontMatter);
    assert.ok(withFrontMatter.length > 5, `${withFrontMatter.length}`);
  });

  it('on near-misses: quotes, colons, anchors, multi-line values, comments, flow maps, numbers, nulls and invalid values', () => {
    const values = [
      'id: a', 'id: "a"', "id: 'a'", 'id: a: b', 'id: a:b', 'id: a #c', 'id: a#c', '# kommentar', 'id: &x a', 'id: *x', 'id: !!str 5',
      'id: a\n  b', 'id: |\n  a', 'id: >\n  a', 'id:', 'id: ', 'id:  a', 'id: a ', 'id:\ta', 'id: ~', 'id: null', 'id: Null', 'id: true', 'id: yes', 'id: no',
      'case: 8', 'case: 08', 'case: -8', 'case: +8', 'case: 8.5', 'case: 1e3', 'case: .inf', 'case: 0x1F', 'case: 0o7', 'case: 1_000', 'case: 12345678901234567890',
      'date: 2015-01-10', 'date: 2015-02-30', 'date: 2015-1-10', 'date: 10.01.2015', 'kind: interview', 'kind: intervju', 'kind: feltnotat', 'kind: novel',
      'attributes: { landsdel: Midt, ansatte: 67 }', 'attributes: {landsdel: Midt}', 'attributes: { }', 'attributes: {}', 'attributes: { a: b, a: c }',
      'attributes: { a: "b" }', 'attributes: { a: b, }', 'attributes: { a: [b] }', 'attributes: { a: { b: c } }', 'attributes: { a: b }  ', 'attributes: { a: b } # c',
      'attributes: { a:b }', 'attributes: { a: b\n  , c: d }', 'attributes:\n  a: b', 'attributes: [a, b]', 'attributes: { true: b }', 'attributes: { a: null }',
      'informant: NAV-leder 14', 'informant: Åse Ødegård', 'informant: a  b', 'informant: a/b', 'informant: -a', 'informant: a-', 'informant: _a',
      'id: a\nid: b', 'true: a', 'null: a', 'ukjent: a', 'id: a\r', 'id: a\u2028b', 'id: [a, b]', 'coder: MT', 'coder: 5',
    ];
    const lines = ['id: intervju-01', 'kind: interview', 'case: kommune-alta-1', 'coder: MT', 'date: 2015-01-10'];
    let cases = 0;
    for (const value of values) {
      for (const at of [0, 2, 5]) {
        const body = [...lines.slice(0, at), value, ...lines.slice(at)].join('\n');
        for (const eol of ['\n', '\r\n']) {
          const text = `---\n${body}\n---\n\nTekst.\n`.replace(/\n/g, eol);
          assertSameAsYaml(text, JSON.stringify(text));
          cases++;
        }
      }
    }
    assert.equal(cases, values.length * 6);
  });
});
