import assert from 'node:assert/strict';
import markdownit, { type MarkdownIt } from 'markdown-it';
import { parseFragment, type DefaultTreeAdapterMap, type ParserError } from 'parse5';
import { previewPlugin, type NoteLookup, type PreviewCodebook } from '../client/src/preview.js';
import { NoteParser } from '../server/src/core/dialect/note.js';
import { en } from '../server/src/core/i18n/messages.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** A small codebook: two poles, a code of each, an `either` code (no pole of its own). */
const PROACTIVE = 'kontaktvei/tilgjengelig-på-arenaer';
const REACTIVE = 'kontaktvei/egen-henvendelse';
const EITHER = 'kontaktvei/via-samarbeidspartnere';
const PROACTIVE_TOO = 'målgruppe/fra-ungdomsskolen';
const CODEBOOK: PreviewCodebook = {
  codes: new Map([
    [PROACTIVE, { label: 'Tilgjengelig på arenaer', pole: 'proactive' }],
    [REACTIVE, { label: 'Egen henvendelse', pole: 'reactive' }],
    [EITHER, { label: 'Via samarbeidspartnere', pole: undefined }],
    [PROACTIVE_TOO, { label: 'Fra ungdomsskolen', pole: 'proactive' }],
  ]),
  poles: new Map([
    ['proactive', { label: 'Proaktiv', color: '#2e7d32' }],
    ['reactive', { label: 'Reaktiv', color: '#c62828' }],
  ]),
};

interface RenderOptions {
  codebook?: PreviewCodebook | undefined;
  lookup?: NoteLookup;
  html?: boolean;
  env?: Record<string, unknown>;
  /** Extra plugins applied after ours, as VS Code applies its own after the contributed ones. */
  after?: (md: MarkdownIt) => void;
}

function markdownIt(options: RenderOptions = {}): MarkdownIt {
  const codebook = 'codebook' in options ? options.codebook : CODEBOOK;
  const md = previewPlugin(markdownit({ html: options.html ?? false }), options.lookup ?? (() => ({ codebook })));
  options.after?.(md);
  return md;
}

const render = (text: string, options: RenderOptions = {}): string => markdownIt(options).render(text, options.env ?? {});
const plain = (text: string, html = false): string => markdownit({ html }).render(text);

/** The rendered HTML as the preview's browser will read it; any HTML parse error (a duplicate attribute, say) fails the test. */
function dom(html: string): DefaultTreeAdapterMap['documentFragment'] {
  const errors: ParserError[] = [];
  const fragment = parseFragment(html, { onParseError: (error) => errors.push(error) });
  assert.deepEqual(
    errors.map((e) => `${e.code} at ${e.startOffset}`),
    [],
    `HTML parse errors in:\n${html}`,
  );
  return fragment;
}

const isElement = (node: Node): node is Element => 'tagName' in node;
const childrenOf = (node: Node): Node[] => ('childNodes' in node ? node.childNodes : []);

/** Every element under `root`, in document order. */
function elements(root: Node): Element[] {
  return childrenOf(root).flatMap((child) => (isElement(child) ? [child, ...elements(child)] : []));
}

function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return childrenOf(node).map(text).join('');
}

const attr = (element: Element, name: string): string | undefined => element.attrs.find((a) => a.name === name)?.value;
const classes = (element: Element): string[] => (attr(element, 'class') ?? '').split(/\s+/).filter(Boolean);
const withClass = (root: Node, name: string): Element[] => elements(root).filter((e) => classes(e).includes(name));
const byTag = (root: Node, tag: string): Element[] => elements(root).filter((e) => e.tagName === tag);

/** The element right after `element` among its parent's children (text in between is skipped). */
function nextElement(element: Element): Element | undefined {
  const siblings = element.parentNode ? childrenOf(element.parentNode) : [];
  return siblings.slice(siblings.indexOf(element) + 1).find(isElement);
}

/** The code chips after a segment span: one `#code` per code, with its label as title. */
function chipsAfter(element: Element): { code: string; title: string | undefined }[] {
  const sup = nextElement(element);
  assert.ok(sup && sup.tagName === 'sup' && classes(sup).includes('fn-codes'), 'code chips right after the segment');
  return withClass(sup, 'fn-code').map((chip) => ({ code: text(chip), title: attr(chip, 'title') }));
}

/** The single coded segment of a rendered text. */
function onlySegment(root: Node): Element {
  const segments = withClass(root, 'fn-segment');
  assert.equal(segments.length, 1, `one segment, got ${segments.length}`);
  return segments[0]!;
}

describe('preview plugin: coded segments', () => {
  it('renders a segment as a span tinted by its pole, with its code chips after it', () => {
    const root = dom(render(`**I:** Før [vi ringer skolen]{#${PROACTIVE}} etter.`));
    const segment = onlySegment(root);
    assert.equal(segment.tagName, 'span');
    assert.deepEqual(classes(segment), ['fn-segment', 'fn-pole-proactive']);
    assert.equal(attr(segment, 'style'), '--fn-pole: #2e7d32');
    assert.equal(attr(segment, 'title'), 'Proaktiv');
    assert.equal(attr(segment, 'data-codes'), PROACTIVE);
    assert.equal(text(segment), 'vi ringer skolen');
    assert.deepEqual(chipsAfter(segment), [{ code: `#${PROACTIVE}`, title: 'Tilgjengelig på arenaer' }]);
    // The brackets and braces are gone; the Markdown around the segment is rendered as usual.
    const [paragraph] = byTag(root, 'p');
    assert.equal(text(paragraph!), `I: Før vi ringer skolen#${PROACTIVE} etter.`);
    assert.equal(byTag(root, 'strong').length, 1);
  });

  it('renders the exact markup the stylesheet expects', () => {
    assert.equal(
      render(`[ord]{#${REACTIVE}}`),
      `<p><span class="fn-segment fn-pole-reactive" data-codes="${REACTIVE}" style="--fn-pole: #c62828" title="Reaktiv">ord</span>` +
        `<sup class="fn-codes"><span class="fn-code" title="Egen henvendelse">#${REACTIVE}</span></sup></p>\n`,
    );
  });

  it('gives each pole its own class and colour', () => {
    const root = dom(render(`[kommer selv]{#${REACTIVE}} og [vi oppsøker]{#${PROACTIVE}}`));
    const segments = withClass(root, 'fn-segment');
    assert.deepEqual(segments.map(text), ['kommer selv', 'vi oppsøker']);
    assert.deepEqual(segments.map((s) => classes(s)[1]), ['fn-pole-reactive', 'fn-pole-proactive']);
    assert.deepEqual(segments.map((s) => attr(s, 'style')), ['--fn-pole: #c62828', '--fn-pole: #2e7d32']);
  });

  it('shows one chip per code, in order, and colours a segment whose codes share a pole', () => {
    const segment = onlySegment(dom(render(`[Vi har en ungdomsveileder på skolen]{#${PROACTIVE} #${PROACTIVE_TOO}}`)));
    assert.equal(attr(segment, 'data-codes'), `${PROACTIVE} ${PROACTIVE_TOO}`);
    assert.deepEqual(chipsAfter(segment), [
      { code: `#${PROACTIVE}`, title: 'Tilgjengelig på arenaer' },
      { code: `#${PROACTIVE_TOO}`, title: 'Fra ungdomsskolen' },
    ]);
    assert.ok(classes(segment).includes('fn-pole-proactive'));
    assert.equal(attr(segment, 'style'), '--fn-pole: #2e7d32');
  });

  it('leaves a segment uncoloured when its codes point to different poles', () => {
    const segment = onlySegment(dom(render(`[begge deler]{#${PROACTIVE} #${REACTIVE}}`)));
    assert.deepEqual(classes(segment), ['fn-segment']);
    assert.equal(attr(segment, 'style'), undefined);
    assert.equal(attr(segment, 'title'), undefined);
    assert.deepEqual(
      chipsAfter(segment).map((c) => c.code),
      [`#${PROACTIVE}`, `#${REACTIVE}`],
    );
  });

  it('renders nested segments as nested spans, each with its own pole and chips', () => {
    const root = dom(render(`[De fleste kommer [etter at de har sluttet]{#${PROACTIVE}}, og *da* er det sent]{#${REACTIVE}}`));
    const [outer, inner, ...rest] = withClass(root, 'fn-segment');
    assert.ok(outer && inner, 'two segments');
    assert.equal(rest.length, 0);
    assert.equal(inner.parentNode, outer, 'the inner span sits inside the outer one');
    assert.ok(classes(outer).includes('fn-pole-reactive'));
    assert.ok(classes(inner).includes('fn-pole-proactive'));
    assert.equal(text(inner), 'etter at de har sluttet');
    assert.deepEqual(chipsAfter(inner).map((c) => c.code), [`#${PROACTIVE}`]);
    assert.deepEqual(chipsAfter(outer).map((c) => c.code), [`#${REACTIVE}`]);
    // The outer words hold the inner segment, its chips and the emphasis; no bracket or brace is left.
    assert.equal(text(outer), `De fleste kommer etter at de har sluttet#${PROACTIVE}, og da er det sent`);
    assert.equal(byTag(outer, 'em').length, 1);
  });

  it('nests three deep', () => {
    const root = dom(render(`[a [b [c]{#${PROACTIVE}} d]{#${REACTIVE}} e]{#${PROACTIVE_TOO}}`));
    const segments = withClass(root, 'fn-segment');
    assert.deepEqual(segments.map((s) => attr(s, 'data-codes')), [PROACTIVE_TOO, REACTIVE, PROACTIVE]);
    assert.equal(segments[1]!.parentNode, segments[0]);
    assert.equal(segments[2]!.parentNode, segments[1]);
  });

  it('renders links, emphasis and code spans inside a segment', () => {
    const segment = onlySegment(dom(render(`[Se *her* og [rapporten](https://example.org/r) med \`kode\`]{#${PROACTIVE}}`)));
    const [link] = byTag(segment, 'a');
    assert.ok(link, 'the link inside the segment is a link');
    assert.equal(attr(link, 'href'), 'https://example.org/r');
    assert.equal(text(link), 'rapporten');
    assert.equal(byTag(segment, 'em').length, 1);
    assert.equal(text(byTag(segment, 'code')[0]!), 'kode');
    assert.equal(text(segment), 'Se her og rapporten med kode');
  });

  it('reads a segment that spans lines, with a memo that wraps, and shows the memo as its title', () => {
    const segment = onlySegment(dom(render(`[Vi tar det\nnår det kommer]{#${REACTIVE}\nmemo="Leder er \\"selvkritisk\\"\nher."}`)));
    assert.equal(text(segment), 'Vi tar det\nnår det kommer');
    assert.equal(attr(segment, 'title'), 'Reaktiv — Leder er "selvkritisk" her.');
  });

  it('asks the lookup for the codebook with the env the document is rendered with', () => {
    const seen: unknown[] = [];
    const env = { currentDocument: 'file:///notes/intervju-08.fn.md' };
    const html = render(`[ord]{#${PROACTIVE}}`, {
      env,
      lookup: (given) => {
        seen.push(given);
        return given === env ? { codebook: CODEBOOK } : undefined;
      },
    });
    assert.ok(seen.length > 0 && seen.every((given) => given === env));
    assert.ok(classes(onlySegment(dom(html))).includes('fn-pole-proactive'));
  });

  it('decides at render time, as VS Code parses without naming the document and renders cached tokens for it', () => {
    const source = `Tekst [ord]{#${PROACTIVE}}.\nAvsnitt.\n{#${REACTIVE}}\n\n> [!REVIEW] veileder\n> Hvorfor?\n`;
    const note = { currentDocument: 'file:///notes/a.fn.md' };
    const md = markdownIt({ lookup: (env) => ((env as typeof note | undefined)?.currentDocument?.endsWith('.fn.md') ? { codebook: CODEBOOK } : undefined) });
    const tokens = md.parse(source, {});
    const asNote = dom(md.renderer.render(tokens, md.options, note));
    assert.deepEqual(withClass(asNote, 'fn-segment').map((s) => attr(s, 'data-codes')), [PROACTIVE]);
    assert.equal(withClass(asNote, 'fn-callout-title').length, 1);
    assert.equal(md.renderer.render(tokens, md.options, { currentDocument: 'file:///README.md' }), markdownit().render(source));
  });

  it('leaves Markdown that is not a note exactly as plain markdown-it renders it', () => {
    const source = `# README\n\nPandoc: [tekst]{#id .klasse}, [ord]{#${PROACTIVE}}.\nAvsnitt.\n{#${REACTIVE}}\n\n> [!MEMO] tittel\n> tekst\n`;
    assert.equal(render(source, { lookup: () => undefined }), markdownit().render(source));
  });
});

describe('preview plugin: agreement with the checker', () => {
  it('finds the same coded segments as the core parser, in the same order', () => {
    const source = [
      `**I:** Hvem er [målgruppen]{#${PROACTIVE}}?`,
      '',
      `**NAV-leder 8**: [De fleste kommer [etter at de har sluttet på skolen]{#${REACTIVE}}, og *da* er det sent]{#${EITHER}`,
      'memo="Leder er selvkritisk."}',
      '',
      `> [Vi tar det når det kommer]{#${REACTIVE} #${PROACTIVE_TOO}} og [a [b [c]{#x/c} d]{#x/b} e]{#x/a}`,
      '',
      `Skriv \`[ord]{#kode/x}\` for å kode; \\[dette\\]\\{#x} er bare tekst, [dette](lenke) og [navn] også.`,
      '',
      `Se [rapporten](https://example.org) og [her er [en lenke](https://example.org) inni]{#${PROACTIVE}}.`,
    ].join('\n');
    const fromParser = new NoteParser(en)
      .parse(source)
      .segments.filter((s) => s.kind !== 'block')
      .map((s) => s.annotation.body.codes.map((c) => c.id).join(' '));
    const fromPreview = withClass(dom(render(source)), 'fn-segment').map((s) => attr(s, 'data-codes'));
    assert.equal(fromParser.length, 8);
    assert.deepEqual(fromPreview, fromParser);
  });
});

describe('preview plugin: rendering again', () => {
  it('renders the same tokens twice alike, and picks up a codebook that has become known (VS Code re-renders cached tokens on refresh)', () => {
    let codebook: PreviewCodebook | undefined;
    const md = markdownIt({ lookup: () => ({ codebook }) });
    const tokens = md.parse(`[ord]{#${PROACTIVE}}\n\nTekst.\n{#${REACTIVE}}`, {});
    const first = md.renderer.render(tokens, md.options, {});
    assert.equal(md.renderer.render(tokens, md.options, {}), first);
    assert.ok(!first.includes('fn-pole-'));
    codebook = CODEBOOK;
    const second = md.renderer.render(tokens, md.options, {});
    assert.equal(md.renderer.render(tokens, md.options, {}), second);
    const root = dom(second);
    assert.deepEqual(classes(onlySegment(root)), ['fn-segment', 'fn-pole-proactive']);
    assert.deepEqual(classes(withClass(root, 'fn-block')[0]!), ['fn-block', 'fn-pole-reactive']);
    codebook = undefined;
    assert.equal(md.renderer.render(tokens, md.options, {}), first);
  });
});

describe('preview plugin: evidence=', () => {
  const poleOf = (annotation: string) => {
    const segment = onlySegment(dom(render(`[Skolen ringer oss]{${annotation}}`)));
    return { classes: classes(segment), style: attr(segment, 'style'), title: attr(segment, 'title') };
  };

  it('chooses the pole of an either code', () => {
    assert.deepEqual(poleOf(`#${EITHER} evidence=reactive`), { classes: ['fn-segment', 'fn-pole-reactive'], style: '--fn-pole: #c62828', title: 'Reaktiv' });
    assert.deepEqual(poleOf(`#${EITHER} evidence=proactive`), { classes: ['fn-segment', 'fn-pole-proactive'], style: '--fn-pole: #2e7d32', title: 'Proaktiv' });
  });

  it('leaves an either code without evidence= uncoloured', () => {
    assert.deepEqual(poleOf(`#${EITHER}`), { classes: ['fn-segment'], style: undefined, title: undefined });
  });

  it('leaves it uncoloured when evidence= names no pole of the codebook', () => {
    assert.deepEqual(poleOf(`#${EITHER} evidence=proaktiv`), { classes: ['fn-segment'], style: undefined, title: undefined });
  });

  it("does not override a fixed code's pole", () => {
    assert.deepEqual(poleOf(`#${PROACTIVE} evidence=reactive`), { classes: ['fn-segment', 'fn-pole-proactive'], style: '--fn-pole: #2e7d32', title: 'Proaktiv' });
  });

  it('serves every either code of the annotation; the segment is coloured only when all codes then agree', () => {
    assert.deepEqual(poleOf(`#${EITHER} #${PROACTIVE} evidence=proactive`).classes, ['fn-segment', 'fn-pole-proactive']);
    assert.deepEqual(poleOf(`#${EITHER} #${PROACTIVE} evidence=reactive`).classes, ['fn-segment']);
    assert.deepEqual(poleOf(`#${EITHER} #${PROACTIVE}`).classes, ['fn-segment']);
  });

  it('shows the pole and the memo together in the title', () => {
    assert.equal(poleOf(`#${EITHER} evidence=reactive memo="Skolen tar kontakt."`).title, 'Reaktiv — Skolen tar kontakt.');
    assert.equal(poleOf(`#${EITHER} memo="Uavklart."`).title, 'Uavklart.');
  });
});

describe('preview plugin: unknown codes and codebooks', () => {
  it('renders the words and chip of an unknown code, without colour or label', () => {
    const segment = onlySegment(dom(render('[Vi venter til de kommer]{#kontaktvei/egen-henvendlse}')));
    assert.equal(text(segment), 'Vi venter til de kommer');
    assert.deepEqual(classes(segment), ['fn-segment']);
    assert.equal(attr(segment, 'style'), undefined);
    assert.equal(attr(segment, 'title'), undefined);
    assert.deepEqual(chipsAfter(segment), [{ code: '#kontaktvei/egen-henvendlse', title: undefined }]);
  });

  it('leaves a known code beside an unknown one uncoloured', () => {
    const segment = onlySegment(dom(render(`[ord]{#${PROACTIVE} #finnes/ikke}`)));
    assert.deepEqual(classes(segment), ['fn-segment']);
    assert.deepEqual(chipsAfter(segment), [
      { code: `#${PROACTIVE}`, title: 'Tilgjengelig på arenaer' },
      { code: '#finnes/ikke', title: undefined },
    ]);
  });

  it('takes no colour from evidence= on an unknown code', () => {
    assert.deepEqual(classes(onlySegment(dom(render('[ord]{#finnes/ikke evidence=proactive}')))), ['fn-segment']);
  });

  it('renders words, chips and block codes without colours while the codebook is not known yet', () => {
    const text_ = `[Vi oppsøker dem]{#${PROACTIVE} evidence=proactive memo="Tidlig."}\n\nSkolen ringer.\n{#${EITHER} evidence=reactive}`;
    const root = dom(render(text_, { codebook: undefined }));
    const segment = onlySegment(root);
    assert.equal(text(segment), 'Vi oppsøker dem');
    assert.deepEqual(classes(segment), ['fn-segment']);
    assert.equal(attr(segment, 'style'), undefined);
    assert.equal(attr(segment, 'title'), 'Tidlig.', 'the memo is still shown');
    assert.deepEqual(chipsAfter(segment), [{ code: `#${PROACTIVE}`, title: undefined }]);
    const [block] = withClass(root, 'fn-block');
    assert.ok(block);
    assert.deepEqual(classes(block), ['fn-block']);
    assert.equal(attr(block, 'style'), undefined);
    assert.ok(!elements(root).some((e) => (attr(e, 'class') ?? '').includes('fn-pole-')));
  });
});

describe('preview plugin: block codes', () => {
  it('tints the paragraph above a code line, drops the line from the text and shows its chips', () => {
    const root = dom(render(`**NAV-leder 3:** Vi har begynt å spørre om barna.\nDa får vi vite mye tidligere.\n{#${EITHER} evidence=proactive}`));
    const paragraphs = byTag(root, 'p');
    assert.equal(paragraphs.length, 1);
    const paragraph = paragraphs[0]!;
    assert.deepEqual(classes(paragraph), ['fn-block', 'fn-pole-proactive']);
    assert.equal(attr(paragraph, 'style'), '--fn-pole: #2e7d32');
    assert.equal(attr(paragraph, 'title'), 'Proaktiv');
    assert.equal(attr(paragraph, 'data-codes'), EITHER);
    const [sup] = withClass(paragraph, 'fn-codes');
    assert.ok(sup, 'chips inside the paragraph');
    assert.equal(sup.parentNode, paragraph);
    assert.equal(childrenOf(paragraph).at(-1), sup, 'the chips come last');
    assert.deepEqual(withClass(sup, 'fn-code').map(text), [`#${EITHER}`]);
    assert.equal(text(paragraph), `NAV-leder 3: Vi har begynt å spørre om barna.\nDa får vi vite mye tidligere.#${EITHER}`);
    assert.ok(!text(root).includes('{'), 'the code line is not shown as text');
    assert.ok(!text(root).includes('evidence'));
  });

  it('reads a code line with several codes and a memo', () => {
    const [paragraph] = byTag(dom(render(`Vi har åpent kontor.\n  {#${REACTIVE} #finnes/ikke memo="To koder."}`)), 'p');
    assert.deepEqual(classes(paragraph!), ['fn-block']);
    assert.equal(attr(paragraph!, 'title'), 'To koder.');
    assert.deepEqual(withClass(paragraph!, 'fn-code').map(text), [`#${REACTIVE}`, '#finnes/ikke']);
    assert.equal(text(paragraph!), `Vi har åpent kontor.#${REACTIVE} #finnes/ikke`);
  });

  it('codes the paragraph of a block quote when the line follows the quote', () => {
    const root = dom(render(`> Vi tar det når det kommer.\n> Ungdommene vet hvor vi er.\n{#${REACTIVE}}`));
    const [quote] = byTag(root, 'blockquote');
    assert.ok(quote);
    const [block] = withClass(quote, 'fn-block');
    assert.ok(block, 'the paragraph in the quote is tinted');
    assert.ok(classes(block).includes('fn-pole-reactive'));
    assert.ok(!text(root).includes('{'));
  });

  it('keeps segments inside a block-coded paragraph', () => {
    const root = dom(render(`Vi sier at [skolen ringer]{#${EITHER} evidence=reactive} oss.\n{#${PROACTIVE}}`));
    const [block] = withClass(root, 'fn-block');
    assert.ok(block && classes(block).includes('fn-pole-proactive'));
    const segment = onlySegment(block);
    assert.ok(classes(segment).includes('fn-pole-reactive'));
    assert.deepEqual(withClass(block, 'fn-code').map(text), [`#${EITHER}`, `#${PROACTIVE}`]);
  });

  it('shows the codes of a block code under an item of a tight list', () => {
    const root = dom(render(`- Møter med skolen hver uke\n  {#${PROACTIVE}}\n- Ellers lite samarbeid`));
    const [first, second] = byTag(root, 'li');
    assert.ok(first && second);
    assert.ok(!text(first).includes('{'), 'the code line is not shown as text');
    assert.deepEqual(withClass(first, 'fn-code').map(text), [`#${PROACTIVE}`], 'the code is not lost');
    assert.equal(withClass(second, 'fn-code').length, 0);
  });

  it('leaves a code line after a blank line, or with other text on it, as text', () => {
    for (const source of [`Vi har et godt samarbeid.\n\n{#${PROACTIVE}}`, `{#${PROACTIVE}}`, `Vi følger dem opp\n{#${PROACTIVE}} sa hun`, 'Bare tekst\n{ikke kode}', 'Bare tekst\n{#']) {
      assert.equal(render(source), plain(source), JSON.stringify(source));
    }
  });

  it('keeps attributes other plugins put on the paragraph (VS Code marks every block with data-line and code-line)', () => {
    // As VS Code's Markdown preview does (markdownEngine.ts, pluginSourceMap), for scroll sync.
    const sourceMap = (md: MarkdownIt) =>
      md.core.ruler.push('source_map_data_attribute', (state) => {
        for (const token of state.tokens) {
          if (token.map && token.type !== 'inline') {
            token.attrSet('data-line', String(token.map[0]));
            token.attrJoin('class', 'code-line');
            token.attrJoin('dir', 'auto');
          }
        }
      });
    const root = dom(render(`# Intervju\n\nVi har begynt å spørre.\n{#${PROACTIVE}}`, { after: sourceMap }));
    const [paragraph] = byTag(root, 'p');
    assert.ok(paragraph);
    assert.deepEqual(classes(paragraph).sort(), ['code-line', 'fn-block', 'fn-pole-proactive']);
    assert.equal(attr(paragraph, 'data-line'), '2');
    assert.equal(attr(paragraph, 'dir'), 'auto');
    assert.equal(attr(paragraph, 'style'), '--fn-pole: #2e7d32');
    assert.equal(attr(paragraph, 'data-codes'), PROACTIVE);
  });
});

describe('preview plugin: memos and review comments', () => {
  const callout = (source: string) => {
    const root = dom(render(source));
    const [quote] = byTag(root, 'blockquote');
    assert.ok(quote);
    const [title, ...more] = withClass(quote, 'fn-callout-title');
    assert.equal(more.length, 0);
    return { classes: classes(quote), title: title && text(title), body: byTag(quote, 'p').filter((p) => p !== title).map(text) };
  };

  it('gives a memo its title and class, and keeps its body', () => {
    assert.deepEqual(callout('> [!MEMO]\n> Typisk reaktiv: NAV-leder avgrenser ansvaret.'), {
      classes: ['fn-callout', 'fn-memo'],
      title: 'Memo',
      body: ['Typisk reaktiv: NAV-leder avgrenser ansvaret.'],
    });
  });

  it("gives a review the reviewer's name", () => {
    assert.deepEqual(callout('> [!REVIEW] veileder\n> Er dette egentlig kontaktvei?'), {
      classes: ['fn-callout', 'fn-review'],
      title: 'Review: veileder',
      body: ['Er dette egentlig kontaktvei?'],
    });
  });

  it('reads a memo title, a fold marker and lower case', () => {
    assert.equal(callout('> [!MEMO]+ Om ansvar\n> Tekst.').title, 'Memo: Om ansvar');
    assert.equal(callout('> [!memo]-\n> Tekst.').title, 'Memo');
  });

  it('renders segments in a callout body', () => {
    const root = dom(render(`> [!MEMO]\n> Se [dette]{#${REACTIVE}} igjen.`));
    assert.equal(text(onlySegment(root)), 'dette');
    assert.equal(text(withClass(root, 'fn-callout-title')[0]!), 'Memo');
  });

  it("leaves GitHub's alerts, unknown types and ordinary quotes alone", () => {
    for (const source of ['> [!NOTE]\n> En vanlig merknad.', '> [!MEMOO]\n> Skrivefeil.', '> Bare et sitat.', '> Først tekst\n> [!MEMO] på andre linje', '> tekst [!MEMO]', '[!MEMO]\nikke i et sitat']) {
      assert.equal(render(source), plain(source), source);
    }
  });
});

describe('preview plugin: escaping', () => {
  const noScript = (html: string) => assert.equal(byTag(dom(html), 'script').length, 0, `a script element in:\n${html}`);

  for (const html of [false, true]) {
    it(`escapes a memo${html ? ' when raw HTML is on (as in VS Code)' : ''}`, () => {
      const out = render(`[ord]{#${PROACTIVE} memo="<script>alert(1)</script> & \\"sitat\\""}`, { html });
      noScript(out);
      assert.equal(attr(onlySegment(dom(out)), 'title'), 'Proaktiv — <script>alert(1)</script> & "sitat"');
    });

    it(`escapes a block code memo${html ? ' when raw HTML is on' : ''}`, () => {
      const out = render(`Tekst.\n{#${PROACTIVE} memo="<img src=x onerror=alert(1)>"}`, { html });
      assert.equal(byTag(dom(out), 'img').length, 0);
      assert.equal(attr(withClass(dom(out), 'fn-block')[0]!, 'title'), 'Proaktiv — <img src=x onerror=alert(1)>');
    });

    it(`escapes a callout title${html ? ' when raw HTML is on' : ''}`, () => {
      const out = render('> [!REVIEW] <script>alert(1)</script>\n> tekst', { html });
      noScript(out);
      assert.equal(text(withClass(dom(out), 'fn-callout-title')[0]!), 'Review: <script>alert(1)</script>');
    });
  }

  it('escapes HTML in the words of a segment', () => {
    const out = render(`[<script>alert(1)</script> & <b>fet</b>]{#${PROACTIVE}}`);
    noScript(out);
    assert.equal(byTag(dom(out), 'b').length, 0);
    assert.equal(text(onlySegment(dom(out))), '<script>alert(1)</script> & <b>fet</b>');
  });

  it('treats HTML in the words as markdown-it does outside a segment when raw HTML is on', () => {
    // With `html: true` raw HTML is the renderer's business, in a segment as anywhere else.
    const words = 'Vi <b>fet</b> &amp; <i>kursiv</i>';
    const inSegment = render(`[${words}]{#${PROACTIVE}}`, { html: true });
    const span = /<span class="fn-segment[^>]*>(.*)<\/span><sup/.exec(inSegment);
    assert.ok(span, inSegment);
    assert.equal(span[1], plain(words, true).replace(/^<p>|<\/p>\n$/g, ''));
  });

  it('keeps markup out of codes: a code ends where its letters end', () => {
    const out = render('[ord]{#a/b<script>alert(1)</script>}');
    noScript(out);
    const segment = onlySegment(dom(out));
    assert.equal(attr(segment, 'data-codes'), 'a/b');
    assert.deepEqual(chipsAfter(segment).map((c) => c.code), ['#a/b']);
  });

  it('escapes labels and pole ids from the codebook, and never writes a colour that is not #rrggbb', () => {
    const codebook: PreviewCodebook = {
      codes: new Map([
        ['a/b', { label: 'Label "<b>x</b>" & co', pole: 'p"><script>alert(1)</script>' }],
        ['a/c', { label: 'C', pole: 'bad' }],
      ]),
      poles: new Map([
        ['p"><script>alert(1)</script>', { label: 'Pole <i>x</i>', color: '#123456' }],
        ['bad', { label: 'Bad', color: 'red; background: url(https://example.org/x)' }],
      ]),
    };
    const out = render('[ord]{#a/b}\n\n[ord]{#a/c}\n\nTekst\n{#a/b}', { codebook });
    noScript(out);
    const root = dom(out);
    assert.equal(byTag(root, 'b').length + byTag(root, 'i').length, 0);
    const [first, second] = withClass(root, 'fn-segment');
    assert.equal(attr(first!, 'class'), 'fn-segment fn-pole-p"><script>alert(1)</script>');
    assert.equal(attr(first!, 'title'), 'Pole <i>x</i>');
    assert.deepEqual(chipsAfter(first!), [{ code: '#a/b', title: 'Label "<b>x</b>" & co' }]);
    assert.equal(attr(second!, 'style'), undefined, 'no style from a colour that is not #rrggbb');
    assert.equal(attr(withClass(root, 'fn-block')[0]!, 'title'), 'Pole <i>x</i>');
  });
});

describe('preview plugin: what it leaves alone', () => {
  const unchanged = (source: string, html = false) => assert.equal(render(source, { html }), plain(source, html), JSON.stringify(source));

  it('leaves code spans, fenced and indented code alone', () => {
    unchanged(`Skriv \`[ord]{#${PROACTIVE}}\` for å kode.`);
    unchanged(`\`\`\`markdown\n[ord]{#${PROACTIVE}}\nTekst\n{#${PROACTIVE}}\n\`\`\``);
    unchanged(`~~~\n> [!MEMO]\n> ikke en memo\n~~~`);
    unchanged(`    [Innrykket kode]{#${PROACTIVE}}`);
    const root = dom(render(`Skriv \`[ord]{#${PROACTIVE}}\` for å kode.`));
    assert.equal(text(byTag(root, 'code')[0]!), `[ord]{#${PROACTIVE}}`);
  });

  it('leaves escaped brackets and braces as text', () => {
    unchanged('\\[dette\\]\\{#x/y} er bare tekst.');
    unchanged('[dette\\]{#x/y} er bare tekst.');
  });

  it('leaves links, reference links, images, placeholders and plain braces alone', () => {
    unchanged('Se [rapporten](https://example.org/r "Tittel") og [a](b).');
    unchanged('Se [rapporten][r].\n\n[r]: https://example.org/r');
    unchanged('![et bilde](bilde.png)');
    unchanged('**NAV-leder 2:** [navn] fra [skole] ringte.');
    unchanged('Et sett {braces}, {#ikke-etter-klammer} og [a]{braces} og [a] {#x/y}.');
    unchanged('- [x] sendt til veileder');
  });

  it('leaves raw HTML alone when raw HTML is on', () => {
    unchanged('<div>[ord]{#x/y}</div>', true);
    unchanged('Tekst <span title="[ord]{#x/y}">her</span>.', true);
  });

  it('leaves the link destination alone when a segment-like text sits in it', () => {
    unchanged('[lenke](https://example.org/[ord]{#x/y})');
    unchanged('<https://example.org/[ord]{#x/y}>');
  });
});

describe('preview plugin: broken and half-typed annotations', () => {
  const broken = [
    '[words]{#a/',
    '[words]{#',
    '[words]{',
    '[words]{}',
    '[words]{#}',
    '[words]{memo="ikke lukket}',
    `[words]{#${PROACTIVE} memo="ikke lukket}`,
    `[words]{#${PROACTIVE}`,
    `[words]{#${PROACTIVE}\n\nNeste avsnitt}`,
    '[words',
    `[words]{#${PROACTIVE} evidence=`,
    `]{#${PROACTIVE}}`,
    `[[words]{#${PROACTIVE}`,
    'Tekst\n{#a/',
    `Tekst\n{#${PROACTIVE} memo="`,
    '> [!MEMO',
    '> [!REVIEW]',
  ];

  for (const source of broken) {
    it(`renders ${JSON.stringify(source)} as plain Markdown, without throwing`, () => {
      const out = render(source);
      dom(out);
      if (source === '> [!REVIEW]') {
        // A callout with no body is still a callout.
        assert.equal(text(withClass(dom(out), 'fn-callout-title')[0]!), 'Review');
        return;
      }
      assert.equal(out, plain(source));
    });
  }

  it('renders the segments before a half-typed one', () => {
    const root = dom(render(`[god]{#${PROACTIVE}} og [god igjen]{#${REACTIVE}} og [halv]{#a/`));
    assert.deepEqual(withClass(root, 'fn-segment').map(text), ['god', 'god igjen']);
    assert.ok(text(root).trimEnd().endsWith(' og [halv]{#a/'));
  });

  it("reads a half-typed annotation on to the next '}' of its paragraph, as the checker does", () => {
    // The core's reader takes `{#a/ og [neste]{#…}` as one annotation (with invalid attributes, which the checker reports).
    const source = `[halv]{#a/ og [neste]{#${REACTIVE}}`;
    const root = dom(render(source));
    assert.deepEqual(withClass(root, 'fn-segment').map((s) => attr(s, 'data-codes')), ['a']);
    assert.deepEqual(new NoteParser(en).parse(source).segments.map((s) => s.annotation.body.codes.map((c) => c.id).join(' ')), ['a']);
  });

  it('renders an empty segment as an empty span with its chips', () => {
    const segment = onlySegment(dom(render(`[]{#${PROACTIVE}}`)));
    assert.equal(text(segment), '');
    assert.deepEqual(chipsAfter(segment).map((c) => c.code), [`#${PROACTIVE}`]);
  });
});
