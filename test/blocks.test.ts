import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { readBlocks } from '../server/src/core/dialect/blocks.js';
import { NoteParser, parseWhole } from '../server/src/core/dialect/note.js';
import { analyseUnit, analyseUnitByRemark } from '../server/src/core/dialect/unit.js';
import { cutPoints } from '../server/src/core/dialect/units.js';
import { parseMarkdown } from '../server/src/core/dialect/markdown.js';
import { en } from '../server/src/core/i18n/messages.js';
import { generateNote, random, type NoteKind } from './support/generateNotes.js';
import { FIXTURES, ROOT, SAMPLES } from './support/paths.js';
import { realisticLargeNote, realisticStudy } from './support/realisticNotes.js';

/**
 * The dialect reads plain paragraphs itself and leaves the rest to
 * remark-parse (dialect/blocks.ts). Whatever it reads must equal the
 * analysis of remark-parse's tree of the whole text, field for field, both
 * for a whole note and for every unit the block-wise parser cuts it into.
 */
function assertSameAsRemark(text: string, label: string): void {
  assert.deepStrictEqual(analyseUnit(text, true, en), analyseUnitByRemark(text, true, en), label);
  assert.deepStrictEqual(analyseUnit(text, false, en), analyseUnitByRemark(text, false, en), `${label} (not at the document's start)`);
  const cuts = cutPoints(text);
  cuts.forEach((start, i) => {
    const unit = text.slice(start, cuts[i + 1] ?? text.length);
    const atStart = start === 0;
    // Deep equality per unit is slow on large notes; compare cheaply, explain on a difference.
    const ours = analyseUnit(unit, atStart, en);
    const reference = analyseUnitByRemark(unit, atStart, en);
    if (!isDeepStrictEqual(ours, reference)) assert.deepStrictEqual(ours, reference, `${label}, unit at ${start}`);
  });
}

const notesIn = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'));

describe('the dialect reads blocks as remark-parse does', () => {
  it('on every note of a realistic study, a second coder\'s copies included', () => {
    const notes = realisticStudy(300, 7, { secondCoder: true }).filter((f) => f.name.endsWith('.fn.md'));
    assert.ok(notes.length >= 300);
    for (const note of notes) assertSameAsRemark(note.text, note.name);
  });

  it('on a realistic 1 MB note, whole and in units', () => {
    const text = realisticLargeNote(1_000_000, 3);
    assert.ok(analyseUnit(text, true, en).segments.length > 100);
    assertSameAsRemark(text, '1 MB note');
    assert.deepStrictEqual(new NoteParser(en).parse(text), parseWhole(text, en));
  });

  const kinds: NoteKind[] = ['tricky', 'listHeavy', 'transcript'];
  for (const kind of kinds) {
    it(`on generated ${kind} notes`, () => {
      for (let seed = 1; seed <= 16; seed++) assertSameAsRemark(generateNote(kind, [2_000, 10_000, 40_000][seed % 3]!, seed), `${kind} seed ${seed}`);
    });
  }

  it('on the samples, the test fixtures and the docs\' Markdown examples', () => {
    const samples = notesIn(SAMPLES);
    const fixtures = notesIn(FIXTURES);
    const docs = readFileSync(path.join(ROOT, 'docs', 'dialect.md'), 'utf8');
    const examples = [...docs.matchAll(/```markdown[^\n]*\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
    assert.ok(samples.length > 0 && fixtures.length > 0 && examples.length >= 10);
    for (const [i, text] of [...samples, ...fixtures, ...examples, docs].entries()) assertSameAsRemark(text, `text ${i}`);
  });

  it('on paragraphs that only nearly are plain: labels, emphasis, links, lists, code and HTML after them', () => {
    const cases = [
      '**I:** Hva skjer?\n\n**Informant:** Vi ringer.\n',
      '**I**: Hva skjer?\n\n**I** : nei\n\n**I:**x\n\n** I:** nei\n\n***I:*** nei\n\n**I:** a **b**\n\n**I:** a *b*\n',
      '**I:**\u00a0x\n\n**«I»** x\n\n**I:**«x»\n\n**I:**\n\n**\n\n**I:** a\n**B:** b\n',
      '**I:** a\n- b\n\n**I:** a\n1. b\n\n**I:** a\n2. b\n\n2015. Et år\n\n**I:** a\n===\n\n**I:** a\n---\n',
      'Tekst [ord]{#a/b} og [navn].\n\n[ord]{#a/b} først.\n\n[lenke](http://x) og ![bilde](y)\n\n[ref][r] og [r]\n',
      'a\n\n[r]: http://example.org\n\n[r] er en lenke\n',
      'Kode `[ikke]{#a/b}` her\n\n<span>[x]{#a/b}</span>\n\n<div>\n```\n\n**I:** a\n\n```\nb\n',
      'a\n\n```\nkode\n\n**I:** inne i koden\n```\n\n**I:** ute\n',
      '<!--\n\n**I:** i en kommentar\n\n-->\n\n**I:** etter\n',
      '- a\n  ```\n  x\n\n**I:** b\n\n> [!MEMO]\n> notat\n\n**I:** c\n',
      '    innrykket\n\n**I:** a\n\n\tfane\n\nb\r\n\r\n**I:** c\r\nd  \r\n\r\ne\rf\r\rg\n',
      '---\nid: a\n---\n\n**I:** a\n',
      '---\nid: a\n\n- x\n\n**I:** a\n\n- y\n\n**I:** b\n',
      '--- \n\n**I:** a\n\n> x\n\n**I:** b\n',
      '\ufeff**I:** a\n\n  **I:** b\n\na \\*b\\* &amp; c\n\n**I:** a_b\n',
    ];
    for (const [i, text] of cases.entries()) assertSameAsRemark(text, `case ${i}: ${JSON.stringify(text)}`);
  });

  it('on headings, block quotes, callouts, lists and front matter that only nearly are simple', () => {
    const cases = [
      '# Tittel\n\n## Under  \n\n###### Seks\n\n####### Sju\n\n#Ingen\n\n#\ttab\n\n#\n\n# \n\n#   mange   \n',
      '# Slutt #\n\n## Slutt ##  \n\n# a#\n\n# a \\#\n\n# #\n\n# [ord]{#a/b} her\n\n# [ord]{#a/b}\n\n# *a* og _b_ **c**\n',
      '# `kode` [x]{#a/b}\n\n# <b>x</b>\n\n# [l](u) x\n\n# ![b](u)\n\n# a &amp; \\* b\\\n\n# a\ntekst rett under\n\n# a\n## b\n',
      '> [!MEMO]\n> Et notat [ord]{#a/b}.\n\n> [!REVIEW] veileder\n> Bør dette kodes?\n> {#a/b}\n\n> [!NOTE]\n> x\n\n> [!MEMOO]\n> x\n',
      '> a\nlat\n\n> a\n>\n> b\n\n> a\n>b\n\n>a\n\n> a\n>  b\n\n> a\n>     kode\n\n> a\n> - b\n\n> a\n> ===\n\n> a\n> ---\n\n> > a\n',
      '> a\n> 1. b\n\n> a\n> 2. b\n\n> # a\n\n> **I:** a\n\n> a `k`\n\n> a <b>\n\n> [l](u)\n\n> a  \n> b\t\n\n> a\r\n> b\r\n\r\n> a\rb\n\n> a\n\n> b\n',
      '- a\n- b\n\n- c\n\nx\n\n- a\n\n* b\n\n+ c\n\n1. d\n\n- a\n  b\n\n- a\nb\n\n-  a\n\n-\ta\n\n- \n- b\n\n- - a\n\n- * a\n\n- 1. a\n\n- 2015. a\n',
      '- [ ] oppgave\n- [x] ferdig\n- [ord]{#a/b}\n- a\n  {#a/b}\n\n- a {#a/b}\n- `k`\n\n- a\n- b  \n\n- a\n---\n\n- a\n- # b\n\n- a\n- > b\n\n- a\n\n\n- b\n',
      '- a\n\n**I:** b\n\n- c\n',
      '---\nid: a\n---\n\n# T\n',
      '---\nid: a\n---  \n\n- x\n',
      '---\n---\n\n> a\n',
      '---\nid: a\n---\ntekst\n\n# T\n',
      '---   \nid: a\n--- x\n---\n\n# T\n',
      '---\nid: a\n\n# T\n\n> a\n',
      '- a\n- b\n\n# T\n',
      '# T\n\n```\n# ikke\n\n> ikke\n\n- ikke\n```\n\n# T2\n\n<div>\n\n> [!MEMO]\n> i html\n\n</div>\n',
      '- a\n  ```\n  x\n\n# b\n\n> c\n\n- d\n',
    ];
    for (const [i, text] of cases.entries()) assertSameAsRemark(text, `case ${i}: ${JSON.stringify(text)}`);
  });

  it('on character soup of what starts, ends and interrupts paragraphs', () => {
    const alphabet = ['**', '*', '_', '[', ']', '](', ']:', '{#a/b}', '`', '<', '>', '-', '+', '=', '#', '~', '1.', '2)', '\\', '&amp;', '!', ':', ' ', '  ', '\t', '\n', '\n\n', '\n\n', '\r\n', '\r', '\u00a0', 'I', 'ord', 'å', '😀', '**I:** ', '**I:** ', 'tekst ', '---\n', '```', '<!--', '-->', '    ', '- ', '> '];
    for (let seed = 1; seed <= 1000; seed++) {
      const rand = random(seed);
      const text = Array.from({ length: 10 + Math.floor(rand() * 300) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      assertSameAsRemark(text, `soup ${seed}: ${JSON.stringify(text)}`);
    }
  });

  it('on character soup of headings, block quotes and lists', () => {
    const alphabet = ['**', '*', '_', '[', ']', '](', '{#a/b}', '`', '<', '>', '-', '=', '#', '1.', '2)', '\\', ' ', '  ', '\t', '\n', '\n', '\n\n', '\n\n', '\r\n', 'I', 'ord', 'å', '**I:** ', 'tekst ', '---\n', '```', '    ', '- ', '> ', '# ', '## ', '\n> ', '\n- ', '\n\n> [!MEMO]\n> ', '\n\n> [!REVIEW] a\n> ', '\n\n- ', '\n\n# ', '\n\n## ', '---\nid: a\n---\n'];
    for (let seed = 1; seed <= 1000; seed++) {
      const rand = random(seed + 10_000);
      const text = Array.from({ length: 10 + Math.floor(rand() * 300) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      assertSameAsRemark(text, `soup ${seed}: ${JSON.stringify(text)}`);
    }
  });

  it('on long lists, read in pieces (dialect/remarkRun.ts), line soup of items, sub-items, fences, quotes and lazy lines', () => {
    const lines = ['- a', '- [ord]{#a/b} b', '  - under', '    - dypere', '  1. nr', '1. en', '2. to', '2) tre', '* stjerne', '+ pluss', '-', '- ', '1.', '',
      '', '', 'lat tekst', '  innrykk', '    kode', '```', '  ```', '~~~', '> sitat', '> - i sitat', '# Overskrift', '---', '- - -', '***', '===',
      '<div>', '</div>', '<!--', '-->', '  {#a/b}', '**I:** svar', '> [!MEMO]', '> [!REVIEW] a', '\t- fane', '- a\tb', '10. ti', '123456789. ni', '1234567890. ti'];
    const outline = (nodes: readonly { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }[]): string[] => {
      const out: string[] = [];
      const stack = [...nodes].reverse().map((node) => ({ node, depth: 0 }));
      while (stack.length) {
        const { node, depth } = stack.pop()!;
        out.push(`${depth}:${node.type}@${node.position!.start.offset}-${node.position!.end.offset}`);
        const children = (node.children ?? []) as typeof nodes;
        for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: depth + 1 });
      }
      return out;
    };
    for (let seed = 1; seed <= 60; seed++) {
      const rand = random(seed + 20_000);
      const itemLike = 0.5 + rand() * 0.45;
      const count = 300 + Math.floor(rand() * 900);
      const text = Array.from({ length: count }, () => (rand() < itemLike ? lines[Math.floor(rand() * 12)] : lines[Math.floor(rand() * lines.length)])!.replace('\\t', '\t')).join(rand() < 0.2 ? '\r\n' : '\n') + '\n';
      for (const atStart of [true, false]) {
        const ours = outline(readBlocks(text, atStart));
        const reference = outline(parseMarkdown(text, atStart).children);
        if (!isDeepStrictEqual(ours, reference)) assert.deepStrictEqual(ours, reference, `lines ${seed}: ${JSON.stringify(text.slice(0, 300))}`);
      }
      assertSameAsRemark(text, `lines ${seed}`);
    }
  });

  it('reads the front matter, headings, callouts and lists of a realistic note itself', () => {
    const text = realisticStudy(5, 2).find((f) => f.name.endsWith('.fn.md'))!.text;
    const blocks = readBlocks(text, true);
    // Blocks read without remark-parse carry offsets only (line 0).
    for (const type of ['yaml', 'heading', 'blockquote', 'list']) {
      const ofType = blocks.filter((b) => b.type === type);
      const own = ofType.filter((b) => b.position!.start.line === 0);
      assert.ok(own.length > ofType.length / 2, `${type}: ${own.length} of ${ofType.length}`);
    }
  });

  it('reads most paragraphs of a realistic note itself, so the comparisons above compare something', () => {
    const text = realisticStudy(5, 2).find((f) => f.name.endsWith('.fn.md'))!.text;
    const paragraphs = readBlocks(text, true).filter((b) => b.type === 'paragraph');
    // Paragraphs read without remark-parse carry offsets only (line 0).
    const own = paragraphs.filter((p) => p.position!.start.line === 0);
    assert.ok(own.length > paragraphs.length / 2, `${own.length} of ${paragraphs.length}`);
  });
});
