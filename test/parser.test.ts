import assert from 'node:assert/strict';
import markdownit from 'markdown-it';
import { absolute } from '../server/src/core/dialect/model.js';
import { NoteParser } from '../server/src/core/dialect/note.js';
import { en } from '../server/src/core/i18n/messages.js';
import { LineIndex } from '../server/src/core/text/lineIndex.js';
import { analyse, located, slice } from './support/analyse.js';

const parse = (text: string) => new NoteParser(en).parse(text);

describe('parser: coded segments', () => {
  it('keeps exact spans for the segment, its words, each code and its parts', () => {
    const text = 'Før [vi ringer skolen]{#kontaktvei/via-samarbeidspartnere evidence=proactive} etter.\n';
    const [segment] = parse(text).segments;
    assert.ok(segment);
    assert.equal(slice(text, segment.span), '[vi ringer skolen]{#kontaktvei/via-samarbeidspartnere evidence=proactive}');
    assert.equal(slice(text, segment.contentSpan), 'vi ringer skolen');
    const at = (relative: { start: number; end: number }) => slice(text, absolute(segment.annotation, relative));
    const [code] = segment.annotation.body.codes;
    assert.ok(code);
    assert.equal(at(code.span), '#kontaktvei/via-samarbeidspartnere');
    assert.equal(at(code.idSpan), 'kontaktvei/via-samarbeidspartnere');
    assert.equal(at(code.dimensionSpan), 'kontaktvei');
    assert.equal(at(code.variationSpan!), 'via-samarbeidspartnere');
    const [evidence] = segment.annotation.body.attributes;
    assert.ok(evidence);
    assert.equal(at(evidence.keySpan), 'evidence');
    assert.equal(at(evidence.valueSpan), 'proactive');
    assert.equal(slice(text, segment.annotation.span), '{#kontaktvei/via-samarbeidspartnere evidence=proactive}');
  });

  it('reads several codes, quoted memos with escapes, and memos that wrap', () => {
    const text = '> [Vi tar det]{#a/b #c/d memo="Han sa \\"nei\\" og\n> gikk"}\n';
    const [segment] = parse(text).segments;
    assert.deepEqual(segment!.annotation.body.codes.map((c) => c.id), ['a/b', 'c/d']);
    const memo = segment!.annotation.body.attributes.find((a) => a.key === 'memo')!;
    assert.equal(memo.value, 'Han sa "nei" og gikk');
    assert.equal(slice(text, absolute(segment!.annotation, memo.valueSpan)), 'Han sa \\"nei\\" og\n> gikk');
  });

  it('nests segments and records the parent', () => {
    const text = '[a [b [c]{#x/z} d]{#x/y} e]{#x/x}\n';
    const { segments } = parse(text);
    assert.deepEqual(segments.map((s) => s.text), ['a b c d e', 'b c d', 'c']);
    assert.deepEqual(segments.map((s) => s.parent), [undefined, 0, 1]);
  });

  it('gives positions in UTF-16 code units, as LSP does, after emoji and æøå', () => {
    const text = '😀 Blåbær [ord]{#målgruppe/over-18}\n';
    const model = analyse(text);
    const code = model.segments[0]!.codes[0]!.ref;
    const position = new LineIndex(text).position(absolute(model.segments[0]!.segment.annotation, code.span).start);
    assert.deepEqual(position, { line: 0, character: 16 });
    assert.equal(model.segments[0]!.codes[0]!.variation?.code, 'målgruppe/over-18');
  });

  it('reads CRLF and lone-CR notes with the right lines', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = ['---', 'id: x', '---', '', '**I:** Hei', '', '[ord]{#finnes/ikke}', ''].join(eol);
      const model = analyse(text);
      assert.deepEqual(located(text, model), ['code/unknown@7:7'], JSON.stringify(eol));
      assert.equal(model.frontMatter.data.id, 'x');
    }
  });

  it('matches codes whatever the Unicode normalisation of æøå', () => {
    const decomposed = '[ord]{#ma\u030Algruppe/over-18}\n';
    const model = analyse(decomposed);
    assert.deepEqual(model.diagnostics, []);
    assert.equal(model.segments[0]!.codes[0]!.pole, 'reactive');
  });

  it('does not read annotations in code, HTML, autolinks or link destinations', () => {
    const text = [
      'Tekst `[a]{#x/y}` og <span>[b]{#x/y}</span> og <http://x.no/[c]{#x/y}> og [lenke](http://x.no/[d]{#x/y}).',
      '',
      '```',
      '[e]{#x/y}',
      '```',
      '',
      '<!--',
      '[f]{#x/y}',
      '-->',
      '',
    ].join('\n');
    const { segments, diagnostics, placeholders } = parse(text);
    assert.deepEqual(segments.map((s) => s.text), ['b']);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(placeholders, []);
  });

  it('reads codes in headings', () => {
    const text = '## [Samarbeid med skolen]{#ansvar/bredt-ansvar-tett-samarbeid}\n';
    const { segments, headings } = parse(text);
    assert.equal(segments[0]!.text, 'Samarbeid med skolen');
    assert.equal(headings[0]!.text, '[Samarbeid med skolen]{#ansvar/bredt-ansvar-tett-samarbeid}');
  });

  it('tells placeholders from links, images, footnote marks and citations', () => {
    const text = 'Hun heter [navn] og bor i [kommune 3]. Se [lenken](x.md), ![bilde](b.png), [1], [^2] og [ref][x].\n';
    assert.deepEqual(parse(text).placeholders.map((p) => p.text), ['navn', 'kommune 3']);
  });
});

describe('parser: syntax problems', () => {
  const cases: [string, string, string[]][] = [
    ['an unclosed annotation', '[ord]{#a/b\n', ['syntax/unclosed-annotation@1:6']],
    ['an unclosed quoted value', '[ord]{#a/b memo="tekst}\n', ['syntax/unclosed-annotation@1:17']],
    ['codes that close nothing', 'ord]{#a/b} mer\n', ['syntax/unopened-annotation@1:4']],
    ['something that is neither code nor attribute', '[ord]{#a/b hei}\n', ['syntax/invalid-attribute@1:12']],
    ['a lone #', '[ord]{# a/b}\n', ['syntax/invalid-attribute@1:7', 'syntax/invalid-attribute@1:9']],
    ['a stray code', 'Ord {#a/b} her\n', ['syntax/stray-code@1:5']],
    ['an orphan block code', 'Avsnitt.\n\n{#a/b}\n', ['syntax/orphan-block-code@3:1']],
    ['an unknown callout', '> [!MEMOO]\n> tekst\n', ['callout/unknown@1:3']],
    ['an unclosed front matter', '---\nid: x\n\nTekst\n', ['frontmatter/invalid@1:1']],
  ];
  for (const [what, text, expected] of cases) {
    it(`reports ${what} at its place`, () => {
      assert.deepEqual(located(text, parse(text)), expected);
    });
  }

  it('keeps reading the rest of the note after a broken annotation', () => {
    const text = '[ord]{#a/b\n\n[neste]{#c/d}\n';
    const { segments } = parse(text);
    assert.deepEqual(segments.map((s) => s.text), ['neste']);
  });
});

describe('parser: turns, block codes and callouts', () => {
  it('reads turn labels only at the start of top-level paragraphs', () => {
    const text = ['**I:** Spørsmål', '', 'Tekst med **fet:** midt i', '', '- **Ikke:** en tur', '', '**Informant 2**: svar', ''].join('\n');
    const { turns } = parse(text);
    assert.deepEqual(turns.map((t) => t.speaker), ['I', 'Informant 2']);
    assert.equal(slice(text, turns[1]!.labelSpan), '**Informant 2**:');
  });

  it('codes the nearest list item or block quote, not just the last paragraph', () => {
    const text = ['> Første avsnitt.', '>', '> Andre avsnitt.', '{#a/b}', '', '- punkt en', '  - underpunkt', '    {#c/d}', ''].join('\n');
    const { segments } = parse(text);
    assert.deepEqual(
      segments.map((s) => [s.kind, s.text]),
      [
        ['block', 'Første avsnitt.\n\nAndre avsnitt.'],
        ['block', 'underpunkt'],
      ],
    );
    assert.equal(slice(text, segments[0]!.span), text.slice(0, text.indexOf('{#a/b}') + 6));
  });

  it('gives memo and review callouts their title and body, and no speaker to segments in them', () => {
    const text = ['**I:** Hei', '', '> [!REVIEW]+ Veileder Hansen', '> Sjekk [dette]{#a/b}.', '', 'Mer tekst [her]{#c/d}.', ''].join('\n');
    const note = parse(text);
    assert.deepEqual(
      note.callouts.map((c) => [c.kind, c.title, c.body, slice(text, c.titleSpan)]),
      [['review', 'Veileder Hansen', 'Sjekk dette.', 'Veileder Hansen']],
    );
    assert.deepEqual(note.segments.map((s) => s.speaker), [undefined, 'I']);
  });
});

describe('parser: lines a memo or review swallows (lazy continuation)', () => {
  const md = markdownit('commonmark');
  const lazy = (text: string) => parse(text).diagnostics.filter((d) => d.code === 'callout/lazy-continuation');
  const where = (text: string) => located(text, { diagnostics: lazy(text) });
  /**
   * The lines (0-based) of each memo or review callout as markdown-it, a
   * CommonMark reader of its own, sees them: what a reader of the Markdown
   * gets, checked independently of remark.
   */
  function calloutLines(text: string): number[][] {
    const tokens = md.parse(text, {});
    const lines: number[][] = [];
    tokens.forEach((token, i) => {
      if (token.type !== 'blockquote_open' || tokens[i + 1]?.type !== 'paragraph_open') return;
      if (!/^\[!(?:MEMO|REVIEW)\]/i.test(tokens[i + 2]?.content ?? '')) return;
      const [from, to] = token.map!;
      lines.push(Array.from({ length: to - from }, (_, k) => from + k));
    });
    return lines;
  }
  const swallowed = (text: string, line: number) => calloutLines(text).some((lines) => lines.includes(line));

  it('reports a transcript line typed right under a memo, the whole line, and says what happened to it', () => {
    const text = ['> [!MEMO]', '> Typisk proaktivt.', '**NAV-leder 3:** [Vi ringer dem]{#kontaktvei/oppsøkende} når de faller ut.', ''].join('\n');
    assert.ok(swallowed(text, 2), 'CommonMark reads the line as part of the memo');
    const [d] = lazy(text);
    assert.equal(d!.severity, 'warning');
    assert.equal(slice(text, d!.span), '**NAV-leder 3:** [Vi ringer dem]{#kontaktvei/oppsøkende} når de faller ut.');
    assert.match(d!.message, /^This line has no `>`, yet Markdown reads it as part of the memo above/);
    assert.match(d!.message, /put a blank line before it; .* start it with `>`/);
    // What it warns about: the speaker's coded words are memo text, with no speaker.
    const note = parse(text);
    assert.deepEqual(note.segments.map((s) => s.speaker), [undefined]);
    assert.match(note.callouts[0]!.body, /NAV-leder 3/);
  });

  it('reports it after a review comment, after a fold marker and after the marker line alone', () => {
    for (const [text, expected] of [
      ['> [!REVIEW] veileder\n> Stemmer dette?\nNeste linje.\n', ['callout/lazy-continuation@3:1']],
      ['> [!MEMO]-\n> Foldet.\nNeste linje.\n', ['callout/lazy-continuation@3:1']],
      ['> [!REVIEW]+ AK\nNeste linje.\n', ['callout/lazy-continuation@2:1']],
    ] as const) {
      assert.deepEqual(where(text), expected, text);
      assert.ok(swallowed(text, Number(expected[0].split('@')[1]!.split(':')[0]) - 1), text);
    }
    assert.match(lazy('> [!REVIEW] AK\n> Ja?\nNei.\n')[0]!.message, /part of the review comment above/);
  });

  it('reports it inside a list item, indented or not', () => {
    for (const text of ['- > [!MEMO]\n  > Typisk.\n  **I:** Hei\n', '- > [!MEMO]\n  > Typisk.\n**I:** Hei\n', '1. Punkt\n\n   > [!MEMO]\n   > Typisk.\n   Videre\n']) {
      const line = text.split('\n').length - 2;
      assert.ok(swallowed(text, line), text);
      assert.deepEqual(where(text), [`callout/lazy-continuation@${line + 1}:1`], text);
    }
  });

  it('reports a hard-wrapped memo once, at its first line without `>`, and each run apart', () => {
    const wrapped = '> [!MEMO]\n> Lederen beskriver\nen reaktiv kontaktvei,\nmen skolen er proaktiv.\n';
    assert.ok(swallowed(wrapped, 3));
    assert.deepEqual(where(wrapped), ['callout/lazy-continuation@3:1']);
    assert.match(lazy(wrapped)[0]!.message, /^These 2 lines have no `>`/);
    const twoRuns = '> [!MEMO]\n> En.\nto\n> tre\nfire\n';
    assert.ok(swallowed(twoRuns, 4));
    assert.deepEqual(where(twoRuns), ['callout/lazy-continuation@3:1', 'callout/lazy-continuation@5:1']);
  });

  it('counts the `>` of the quotes around a callout, and not the quotes inside it', () => {
    const nested = '> > [!MEMO]\n> > Inni et sitat.\n> Bare det ytre sitatet.\n';
    assert.ok(swallowed(nested, 2));
    assert.deepEqual(where(nested), ['callout/lazy-continuation@3:1']);
    assert.deepEqual(where('> [!MEMO]\n> > Et sitat i memoet.\n> Memoet igjen.\n'), []);
  });

  it('reports nothing when the next line starts a block of its own: a heading, a list, a rule or a fence', () => {
    for (const next of ['## Etter intervjuet', '- punkt', '* punkt', '1. punkt', '2. punkt', '---', '```\nkode\n```', '<div>\nhtml\n</div>']) {
      const text = `> [!MEMO]\n> Typisk.\n${next}\n`;
      assert.ok(!swallowed(text, 2), `CommonMark ends the memo before ${JSON.stringify(next)}`);
      assert.deepEqual(where(text), [], next);
      assert.equal(parse(text).callouts[0]!.body, 'Typisk.', next);
    }
  });

  it('reports a line of `===` under a memo, which cannot turn it into a heading', () => {
    const text = '> [!MEMO]\n> Typisk.\n===\n';
    assert.ok(swallowed(text, 2));
    assert.deepEqual(where(text), ['callout/lazy-continuation@3:1']);
  });

  it('reports nothing after fenced code inside a memo: the fence ends the quote, open or closed', () => {
    for (const text of ['> [!MEMO]\n> ```\n> [kode]{#a/b}\n> ```\nEtter.\n', '> [!MEMO]\n> ```\n> kode\nEtter.\n']) {
      assert.ok(!swallowed(text, text.split('\n').length - 2), text);
      assert.deepEqual(where(text), [], text);
    }
  });

  it('reads CRLF and lone-CR notes the same', () => {
    const lines = ['**I:** Hei', '', '> [!MEMO]', '> Typisk.', '**NAV-leder 3:** Vi ringer.', 'Og en linje til.', '', '- > [!REVIEW] AK', '  > Ja?', '  Nei.', ''];
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = lines.join(eol);
      assert.deepEqual(where(text), ['callout/lazy-continuation@5:1', 'callout/lazy-continuation@10:1'], JSON.stringify(eol));
      assert.equal(slice(text, lazy(text)[0]!.span), '**NAV-leder 3:** Vi ringer.', JSON.stringify(eol));
    }
  });

  it('reports nothing for a callout ended by a blank line, GitHub alerts or plain quotes', () => {
    assert.deepEqual(where('> [!MEMO]\n> Typisk.\n\n**NAV-leder 3:** Vi ringer.\n'), []);
    assert.deepEqual(where('> [!MEMO]\n> Typisk.\n>\n> Mer.\n'), []);
    assert.deepEqual(where('> [!NOTE]\n> En merknad.\nNeste linje.\n'), []);
    assert.deepEqual(where('> Et sitat.\nNeste linje.\n'), []);
  });
});

describe('LineIndex', () => {
  it('turns offsets into LSP positions and back, over every kind of line break', () => {
    const text = 'a😀b\r\ncd\re\n\nf';
    const lines = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a CRLF: no position of its own
      assert.equal(lines.offset(lines.position(offset)), offset, `offset ${offset}`);
    }
    assert.deepEqual(lines.position(text.indexOf('e')), { line: 2, character: 0 });
    assert.equal(lines.offset({ line: 0, character: 99 }), 4, 'a character past the end stops at the line break');
    assert.equal(lines.offset({ line: 9, character: 0 }), text.length);
  });
});
