import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildNoteModel } from '../server/src/core/checks/noteModel.js';
import { NoteParser, parseWhole } from '../server/src/core/dialect/note.js';
import type { ParsedNote } from '../server/src/core/dialect/model.js';
import { en } from '../server/src/core/i18n/messages.js';
import { studyCodebook } from './support/analyse.js';
import { generateNote, random, randomEdit, type NoteKind } from './support/generateNotes.js';
import { SAMPLES } from './support/paths.js';

/**
 * The block-wise parser must read a note exactly as a whole-document
 * parse does: segments, codes, ranges, callouts, turns and diagnostics,
 * and the model built on them.
 */
function assertSameAsWhole(parsed: ParsedNote, text: string, label: string): void {
  const whole = parseWhole(text, en);
  assert.deepStrictEqual(parsed, whole, label);
  const codebook = studyCodebook();
  const strip = (m: ReturnType<typeof buildNoteModel>) => ({
    diagnostics: m.diagnostics,
    segments: m.segments.map((s) => ({ span: s.segment.span, codes: s.codes.map((c) => [c.ref.id, c.variation?.code, c.pole]), evidence: s.evidence, memo: s.memo })),
  });
  assert.deepStrictEqual(strip(buildNoteModel(parsed, codebook, en)), strip(buildNoteModel(whole, codebook, en)), label + ' (model)');
}

describe('block-wise parsing equals a whole-document parse', () => {
  it('on every sample note', () => {
    const notes = readdirSync(SAMPLES).filter((f) => f.endsWith('.fn.md'));
    assert.ok(notes.length > 0);
    for (const note of notes) {
      const text = readFileSync(path.join(SAMPLES, note), 'utf8');
      assertSameAsWhole(new NoteParser(en).parse(text), text, note);
    }
  });

  const kinds: NoteKind[] = ['transcript', 'listHeavy', 'tricky'];
  for (const kind of kinds) {
    it(`on generated ${kind} notes of 1 to 60 KB`, () => {
      for (let seed = 1; seed <= 24; seed++) {
        const size = [1_000, 5_000, 20_000, 60_000][seed % 4]!;
        const text = generateNote(kind, size, seed);
        assertSameAsWhole(new NoteParser(en).parse(text), text, `${kind} seed ${seed}`);
      }
    });

    it(`through a sequence of random edits to one cached parser (${kind})`, () => {
      const parser = new NoteParser(en);
      let text = generateNote(kind, 15_000, 101);
      for (let step = 0; step < 120; step++) {
        text = randomEdit(text, step * 7919 + 13);
        assertSameAsWhole(parser.parse(text), text, `${kind} after edit ${step}`);
      }
    });
  }

  it('reports a line a memo swallows the same way, whichever unit it is in and through edits that end the memo', () => {
    const memo = '> [!MEMO]\n> Typisk proaktivt.\n**NAV-leder 3:** [Vi ringer dem]{#kontaktvei/tilgjengelig-på-arenaer} når de faller ut.\n';
    const text = ['**I:** Hvordan?', memo, '- > [!REVIEW] AK', '  > Stemmer?', '  Neste linje.', '', memo].join('\n');
    const parser = new NoteParser(en);
    const lazy = (parsed: ParsedNote) => parsed.diagnostics.filter((d) => d.code === 'callout/lazy-continuation').map((d) => text.slice(0, d.span.start).split('\n').length);
    const first = parser.parse(text);
    assert.ok(parser.lastParsedUnits >= 3, `${parser.lastParsedUnits} units`);
    assertSameAsWhole(first, text, 'as written');
    assert.deepEqual(lazy(first), [4, 8, 12]);
    // Ending the first memo with a blank line, then taking it away again, through one cached parser.
    const at = text.indexOf('**NAV-leder 3:**');
    const ended = text.slice(0, at) + '\n' + text.slice(at);
    const afterEnd = parser.parse(ended);
    assertSameAsWhole(afterEnd, ended, 'memo ended');
    assert.equal(afterEnd.diagnostics.filter((d) => d.code === 'callout/lazy-continuation').length, 2);
    assertSameAsWhole(parser.parse(text), text, 'blank line taken away');
  });

  it('never throws on character soup of the dialect\'s special characters, and still agrees', () => {
    const alphabet = ['[', ']', '{', '}', '#', '"', '\\', '=', '>', '-', '*', '`', '~', '<', '!', ':', ' ', ' ', '\n', '\n\n', '\r', '\t', 'a', 'å', '😀', 'evidence=', 'memo="', '---\n', '```', '**I:**', '#ansvar/avgrenset-ansvar'];
    for (let seed = 1; seed <= 300; seed++) {
      const rand = random(seed);
      const text = Array.from({ length: 20 + Math.floor(rand() * 300) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      assertSameAsWhole(new NoteParser(en).parse(text), text, `soup ${seed}: ${JSON.stringify(text)}`);
    }
  });

  it('re-parses only the block an edit touched', () => {
    const text = generateNote('transcript', 400_000, 42);
    const parser = new NoteParser(en);
    parser.parse(text);
    const total = parser.lastParsedUnits;
    assert.ok(total > 100, `${total} units`);
    for (const fraction of [0.25, 0.5, 0.75]) {
      const at = text.indexOf(' ', Math.floor(text.length * fraction));
      const edited = text.slice(0, at) + 'x' + text.slice(at);
      parser.parse(edited);
      assert.equal(parser.lastParsedUnits, 1, `edit at ${fraction}`);
      parser.parse(text);
    }
  });

  it('keeps what it has already parsed when two distant places change at once', () => {
    const text = generateNote('transcript', 200_000, 7);
    const parser = new NoteParser(en);
    parser.parse(text);
    const a = text.indexOf(' ', 10_000);
    const b = text.indexOf(' ', 190_000);
    const edited = text.slice(0, a) + 'x' + text.slice(a, b) + 'y' + text.slice(b);
    assertSameAsWhole(parser.parse(edited), edited, 'two edits');
    assert.ok(parser.lastParsedUnits <= 2, `${parser.lastParsedUnits} units parsed`);
  });
});
