import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';
import { ROOT } from './support/paths.js';

const require = createRequire(import.meta.url);
const INJECTION = 'fieldnotes.annotations.injection';

/**
 * The injection grammar, run by the same TextMate engine VS Code uses
 * (vscode-textmate with Oniguruma) on top of VS Code's own Markdown
 * grammar, as the manifest wires them (`injectTo: text.html.markdown`).
 */
async function loadMarkdown(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const contribution = manifest.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === INJECTION);
  const grammars: Record<string, string> = {
    'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
    [INJECTION]: path.join(ROOT, contribution.path),
  };
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (grammars[scope] ? textmate.parseRawGrammar(readFileSync(grammars[scope]!, 'utf8'), grammars[scope]) : null),
    getInjections: (scope) => (contribution.injectTo.includes(scope) ? [INJECTION] : undefined),
  });
  return (await registry.loadGrammar('text.html.markdown'))!;
}

/** Each piece of text with its scopes, line by line. */
function tokenize(grammar: textmate.IGrammar, text: string): { text: string; scopes: string[] }[][] {
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

describe('TextMate injection grammar', () => {
  let grammar: textmate.IGrammar;
  before(async () => {
    grammar = await loadMarkdown();
  });

  const scopesOf = (lines: ReturnType<typeof tokenize>, piece: string) => {
    const token = lines.flat().find((t) => t.text === piece);
    assert.ok(token, `no token "${piece}" in ${JSON.stringify(lines.flat().map((t) => t.text))}`);
    return token.scopes;
  };

  it('scopes the brackets, codes and attributes of a coded segment', () => {
    const lines = tokenize(grammar, '**NAV-leder 8:** [Vi har åpent kontor]{#kontaktvei/egen-henvendelse #målgruppe/over-18 evidence=reactive memo="Sier \\"alle\\" kommer"}');
    assert.ok(scopesOf(lines, ']').includes('punctuation.definition.segment.end.fieldnotes'));
    assert.ok(scopesOf(lines, '{').includes('punctuation.definition.annotation.begin.fieldnotes'));
    assert.ok(scopesOf(lines, 'kontaktvei').includes('entity.name.namespace.dimension.fieldnotes'));
    assert.ok(scopesOf(lines, 'egen-henvendelse').includes('entity.name.type.variation.fieldnotes'));
    assert.ok(scopesOf(lines, 'målgruppe').includes('entity.name.namespace.dimension.fieldnotes'), 'letters beyond ASCII');
    assert.ok(scopesOf(lines, 'reactive').includes('constant.other.pole.fieldnotes'));
    assert.ok(scopesOf(lines, 'memo').includes('entity.other.attribute-name.fieldnotes'));
    assert.ok(scopesOf(lines, '\\"').includes('constant.character.escape.fieldnotes'));
    assert.ok(scopesOf(lines, '}').includes('punctuation.definition.annotation.end.fieldnotes'));
    // The Markdown around it keeps its own scopes.
    assert.ok(scopesOf(lines, 'NAV-leder 8:').some((s) => s.startsWith('markup.bold')));
  });

  it('recovers after a memo that wraps over lines', () => {
    // VS Code's Markdown grammar starts every line of a paragraph afresh (its
    // paragraph rule continues only for setext underlines), so a memo's
    // second line cannot be known as one: it stays plain text, and the
    // lines after it are highlighted as usual.
    const lines = tokenize(grammar, '[Vi tar det derfra]{#ansvar/avgrenset-ansvar memo="første linje\nandre linje"} og mer.\n[Neste]{#kontaktvei/egen-henvendelse}');
    assert.ok(scopesOf(lines, 'første linje').includes('string.quoted.double.fieldnotes'));
    assert.ok(!lines[1]!.some((t) => t.scopes.some((s) => s.endsWith('.fieldnotes'))), 'the wrapped line is left plain');
    assert.ok(scopesOf(lines, 'kontaktvei').includes('entity.name.namespace.dimension.fieldnotes'));
  });

  it('scopes a block code line and memo and review callouts', () => {
    const lines = tokenize(grammar, 'Vi tar det når det kommer.\n{#kontaktvei/egen-henvendelse}\n\n> [!REVIEW] veileder\n> Er dette kontaktvei?\n\n> [!MEMO]+\n> Typisk reaktiv.');
    assert.ok(scopesOf(lines, 'kontaktvei').includes('meta.annotation.block.fieldnotes'));
    assert.ok(scopesOf(lines, 'REVIEW').includes('keyword.other.callout.fieldnotes'));
    assert.ok(scopesOf(lines, 'veileder').includes('entity.name.tag.callout-title.fieldnotes'));
    assert.ok(scopesOf(lines, 'MEMO').includes('keyword.other.callout.fieldnotes'));
  });

  it('leaves code spans, fenced code and other braces alone', () => {
    const lines = tokenize(grammar, 'Skriv `[ord]{#kode}` for å kode.\n\n```\n[ord]{#kode}\n```\n\nEn {krøllparentes} og [lenke](https://example.org){x}.');
    const marked = lines.flat().filter((t) => t.scopes.some((s) => s.endsWith('.fieldnotes')));
    assert.deepEqual(marked.map((t) => t.text), []);
  });
});
