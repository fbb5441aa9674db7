import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openTestNote, positionAfter, readCodebook, type Codebook } from './support.cjs';

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const text = (content: vscode.MarkdownString | vscode.MarkedString) => (typeof content === 'string' ? content : content.value);

describe('language features from the server, through the vscode API', () => {
  let document: vscode.TextDocument;
  let codebook: Codebook;

  before(async () => {
    ({ document } = await openTestNote());
    codebook = await readCodebook();
    assert.ok(codebook.dimensions.length > 0, 'the sample codebook has dimensions');
  });

  it('completes the codebook dimensions after {#', async () => {
    const position = positionAfter(document, ']{#');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    const items = new Map(list.items.map((item) => [labelOf(item), item]));
    for (const dimension of codebook.dimensions) {
      const item = items.get(dimension.id);
      assert.ok(item, `no completion for dimension ${dimension.id}; got ${[...items.keys()].join(', ')}`);
      assert.equal(item.detail, dimension.label);
    }
  });

  it('shows a code’s label on hover', async () => {
    const variation = codebook.dimensions.find((d) => d.id === 'kontaktvei')!.variations.find((v) => v.id === 'tilgjengelig-på-arenaer')!;
    const position = positionAfter(document, '{#kontaktvei/tilgj');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const shown = hovers.flatMap((hover) => hover.contents.map(text)).join('\n---\n');
    assert.ok(shown.includes(variation.label), `hover does not show "${variation.label}": ${shown || '(no hover)'}`);
    assert.ok(shown.includes('#kontaktvei/tilgjengelig-på-arenaer'), `hover does not name the code: ${shown}`);
  });

  it('outlines the note in groups named after the codebook’s poles', async () => {
    const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const groups = new Map(symbols.filter((s): s is vscode.DocumentSymbol => 'children' in s).map((s) => [s.name, s]));
    const expected: [pole: string, dimension: string, code: string][] = [
      ['proactive', 'kontaktvei', '#kontaktvei/tilgjengelig-på-arenaer'],
      ['reactive', 'målgruppe', '#målgruppe/over-18'],
    ];
    for (const [pole, dimensionId, code] of expected) {
      const poleLabel = codebook.poles[pole]!.label;
      const group = groups.get(poleLabel);
      assert.ok(group, `no outline group "${poleLabel}"; top level: ${[...groups.keys()].join(', ')}`);
      const dimensionLabel = codebook.dimensions.find((d) => d.id === dimensionId)!.label;
      const dimension = group.children.find((child) => child.name === dimensionLabel);
      assert.ok(dimension, `no "${dimensionLabel}" under "${poleLabel}": ${group.children.map((c) => c.name).join(', ')}`);
      assert.deepEqual(dimension.children.map((segment) => segment.detail), [code]);
    }
  });
});
