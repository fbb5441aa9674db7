import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  WorkspaceSymbolRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type Range,
  type DocumentSymbol,
  type WorkspaceSymbol,
  type TextEdit,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { loadCodebook } from '../server/src/core/codebook/codebook.js';
import { en } from '../server/src/core/i18n/messages.js';
import { LineIndex } from '../server/src/core/text/lineIndex.js';
import {
  AnalysisPageRequest,
  CodebookStatusRequest,
  CodeSelectionRequest,
  CodesRequest,
  EvidenceTreeRequest,
  SegmentPolesRequest,
  type AnalysisPageResult,
  type CodebookStatus,
  type CodeSelectionResult,
  type CodesResult,
  type SegmentPolesResult,
} from '../server/src/protocol/requests.js';
import { analyse } from './support/analyse.js';
import { evidenceSegments, evidenceTop, expandedEvidence, type ExpandedTree } from './support/evidenceTree.js';
import { fileUri, LspClient } from './support/lspClient.js';

/** Applies LSP text edits (non-overlapping) to a text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const placed = edits.map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  return placed.reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}
import { SAMPLES } from './support/paths.js';

/** The language server as a process, driven over stdio by a real LSP client, on a copy of the samples. */
describe('language server (fieldnotes lsp --stdio)', () => {
  let folder: string;
  let client: LspClient;
  const uri = (name: string) => fileUri(path.join(folder, name));
  const labels = (items: CompletionItem[] | null) => (items ?? []).map((i) => i.label);

  before(async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-lsp-'));
    cpSync(SAMPLES, folder, { recursive: true });
    client = new LspClient();
    const result = await client.initialize(folder);
    assert.equal(result.capabilities.textDocumentSync, 2, 'incremental sync');
    assert.ok(result.capabilities.completionProvider?.triggerCharacters?.includes('#'));
    assert.equal(result.capabilities.hoverProvider, true);
  });

  after(async () => {
    const code = await client.stop();
    assert.equal(code, 0, client.stderr);
    rmSync(folder, { recursive: true, force: true });
  });

  it('publishes diagnostics for every note of the workspace at start-up', async () => {
    for (const name of ['intervju-03.fn.md', 'intervju-11.fn.md', 'feltnotat-nettverksmote.fn.md', 'memo-kontaktvei.fn.md', 'codebook.yaml']) {
      assert.deepEqual(await client.problems(uri(name)), [], name);
    }
  });

  it('reports a mistake in an opened note where it is, and clears it once fixed', async () => {
    const note = uri('ny.fn.md');
    const text = '**I:** Hei\n\n**NAV-leder 4:** [Vi venter]{#kontaktvei/egen-henvendlse}.\n';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: note, languageId: 'markdown', version: 1, text } });
    const [unknown] = await client.diagnostics(note, (d) => d.length > 0);
    assert.equal(unknown!.code, 'code/unknown');
    assert.deepEqual(unknown!.range, { start: { line: 2, character: 29 }, end: { line: 2, character: 56 } });
    assert.match(unknown!.message as string, /Did you mean `#kontaktvei\/egen-henvendelse`/);
    // Type the missing `e`: an incremental change, as an editor sends it.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: note, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 53 }, end: { line: 2, character: 53 } }, text: 'e' }],
    });
    assert.deepEqual(await client.diagnostics(note, (d) => d.length === 0), []);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: note } });
  });

  it('completes dimensions after {#, variations after {#dimension/, and poles after evidence=', async () => {
    const note = uri('komplett.fn.md');
    const text = 'Tekst [ord]{#\n[ord]{#målgruppe/\n[ord]{#kontaktvei/via-foreldre evidence=\n[ord]{#malg\n';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: note, languageId: 'markdown', version: 1, text } });
    const lines = text.split('\n');
    const complete = (line: number, character = lines[line]!.length) => client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: note }, position: { line, character } }) as Promise<CompletionItem[]>;

    assert.deepEqual(labels(await complete(0)), ['målgruppe', 'kontaktvei', 'ansvar', 'forebygging']);
    const variations = await complete(1);
    assert.deepEqual(labels(variations), ['fra-ungdomsskolen', 'fra-16-vgs', 'over-18']);
    assert.equal(variations[2]!.detail, 'Primært over 18 år · Reaktiv');
    assert.deepEqual(variations[0]!.textEdit, { range: { start: { line: 1, character: 17 }, end: { line: 1, character: 17 } }, newText: 'fra-ungdomsskolen' });
    assert.deepEqual(labels(await complete(2)), ['proactive', 'reactive']);
    const folded = (await complete(3)).find((i) => i.label === 'målgruppe')!;
    assert.ok(folded.filterText!.split(' ').some((f) => f.startsWith('malg')), folded.filterText);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: note } });
  });

  it('completes front-matter keys and the values of kind', async () => {
    const note = uri('forside.fn.md');
    const text = '---\nca\nkind: \n---\n';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: note, languageId: 'markdown', version: 1, text } });
    const keys = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: note }, position: { line: 1, character: 2 } })) as CompletionItem[];
    assert.ok(labels(keys).includes('case') && labels(keys).includes('coder'));
    const kinds = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: note }, position: { line: 2, character: 6 } })) as CompletionItem[];
    assert.deepEqual(labels(kinds), ['interview', 'fieldnote', 'memo']);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: note } });
  });

  it('shows a code\'s label, pole and use across the workspace on hover', async () => {
    const file = path.join(folder, 'intervju-11.fn.md');
    const text = readFileSync(file, 'utf8');
    const offset = text.indexOf('#kontaktvei/egen-henvendelse') + 3;
    const line = text.slice(0, offset).split('\n').length - 1;
    const character = offset - text.lastIndexOf('\n', offset - 1) - 1;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: fileUri(file) }, position: { line, character } });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /\*\*Etter ungdommenes egen henvendelse\*\* `#kontaktvei\/egen-henvendelse`/);
    assert.match(value, /Evidence: \*\*Reaktiv\*\*/);
    const uses = readdirSync(folder)
      .filter((f) => f.endsWith('.fn.md'))
      .reduce((n, f) => n + readFileSync(path.join(folder, f), 'utf8').split('#kontaktvei/egen-henvendelse').length - 1, 0);
    assert.ok(uses >= 2);
    assert.match(value, new RegExp(`${uses} segments in the workspace have this code`));
  });

  /** Where `needle` starts in a workspace file, plus `into` characters, as an LSP position. */
  const positionOf = (name: string, needle: string, into = 0) => {
    const text = readFileSync(path.join(folder, name), 'utf8');
    const offset = text.indexOf(needle) + into;
    assert.ok(offset >= into, `${needle} in ${name}`);
    return { line: text.slice(0, offset).split('\n').length - 1, character: offset - text.lastIndexOf('\n', offset - 1) - 1 };
  };

  it('goes from a code to its entry in the codebook', async () => {
    const location = await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: uri('intervju-11.fn.md') },
      position: positionOf('intervju-11.fn.md', '#kontaktvei/egen-henvendelse', 14),
    });
    assert.deepEqual(location, { uri: uri('codebook.yaml'), range: { start: positionOf('codebook.yaml', 'egen-henvendelse'), end: positionOf('codebook.yaml', 'egen-henvendelse', 16) } });
  });

  it('finds every segment in the workspace that carries a code', async () => {
    const position = positionOf('intervju-11.fn.md', '#kontaktvei/via-samarbeidspartnere', 5);
    const params = { textDocument: { uri: uri('intervju-11.fn.md') }, position };
    const uses = (await client.connection.sendRequest(ReferencesRequest.type, { ...params, context: { includeDeclaration: false } }))!;
    // LH's copies of two transcripts do not count (samples/fieldnotes.yaml names MT and AK the primary coders), so their places are not the study's.
    const places = (files: string[]) => files.flatMap((f) => readFileSync(path.join(folder, f), 'utf8').split('#kontaktvei/via-samarbeidspartnere').slice(1).map(() => uri(f)));
    const notes = readdirSync(folder).filter((f) => f.endsWith('.fn.md'));
    const expected = places(notes.filter((f) => !f.endsWith('.LH.fn.md')));
    assert.deepEqual(uses.map((l) => l.uri).sort(), expected.sort());
    // Asked from LH's copy, LH's notes are searched too.
    const fromCopy = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uri('intervju-03.LH.fn.md') },
      position: positionOf('intervju-03.LH.fn.md', '#kontaktvei/via-samarbeidspartnere', 5),
      context: { includeDeclaration: false },
    }))!;
    assert.deepEqual(fromCopy.map((l) => l.uri).sort(), places(notes.filter((f) => !f.endsWith('.LH.fn.md') || f.startsWith('intervju-03'))).sort());
    const withDeclaration = (await client.connection.sendRequest(ReferencesRequest.type, { ...params, context: { includeDeclaration: true } }))!;
    assert.equal(withDeclaration.length, uses.length + 1);
    assert.equal(withDeclaration[0]!.uri, uri('codebook.yaml'));
  });

  it('renames a variation in the codebook and every note, as one edit; refuses a taken or invalid name', async () => {
    const params = { textDocument: { uri: uri('intervju-11.fn.md') }, position: positionOf('intervju-11.fn.md', '#kontaktvei/via-samarbeidspartnere', 15) };
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, params);
    assert.deepEqual((prepared as { placeholder: string }).placeholder, 'via-samarbeidspartnere');
    const edit = (await client.connection.sendRequest(RenameRequest.type, { ...params, newName: 'via-partnere' }))!;
    const changes = edit.changes!;
    assert.equal(changes[uri('codebook.yaml')]!.length, 1);
    const noteEdits = Object.entries(changes).filter(([u]) => u !== uri('codebook.yaml')).reduce((n, [, e]) => n + e.length, 0);
    const uses = readdirSync(folder).filter((f) => f.endsWith('.fn.md')).reduce((n, f) => n + readFileSync(path.join(folder, f), 'utf8').split('#kontaktvei/via-samarbeidspartnere').length - 1, 0);
    assert.equal(noteEdits, uses);
    assert.ok(Object.values(changes).flat().every((e) => e.newText === 'via-partnere'));
    await assert.rejects(client.connection.sendRequest(RenameRequest.type, { ...params, newName: 'egen-henvendelse' }), /already in the codebook/);
    await assert.rejects(client.connection.sendRequest(RenameRequest.type, { ...params, newName: 'to ord' }), /cannot be an id/);
  });

  it('renames a dimension when the cursor is on it', async () => {
    const params = { textDocument: { uri: uri('intervju-11.fn.md') }, position: positionOf('intervju-11.fn.md', '#forebygging/ikke-prioritert', 3) };
    const edit = (await client.connection.sendRequest(RenameRequest.type, { ...params, newName: 'forebyggende-arbeid' }))!;
    const codebookEdit = edit.changes![uri('codebook.yaml')]!;
    assert.deepEqual(codebookEdit.map((e) => e.range.start), [positionOf('codebook.yaml', 'forebygging')]);
    const uses = readdirSync(folder).filter((f) => f.endsWith('.fn.md')).reduce((n, f) => n + readFileSync(path.join(folder, f), 'utf8').split('#forebygging/').length - 1, 0);
    assert.equal(Object.values(edit.changes!).flat().length, uses + 1);
  });

  it('offers quick fixes whose edits correct the note and grow the codebook validly', async () => {
    const note = uri('fiks.fn.md');
    const text = '[Vi venter]{#kontaktvei/egen-henvendlse}\n\n[Skolen ringer]{#kontaktvei/via-samarbeidspartnere}\n\n[Nytt]{#nytt-tema/første}\n\n[Ja]{#ansvar/avgrenset-ansvar evidens=reactive}\n';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: note, languageId: 'markdown', version: 1, text } });
    const diagnostics = await client.diagnostics(note, (d) => d.length === 4);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: note },
      range: { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } },
      context: { diagnostics },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Change to `#kontaktvei/egen-henvendelse`'), titles.join('\n'));
    assert.ok(titles.includes('Add evidence=proactive (Proaktiv)') && titles.includes('Add evidence=reactive (Reaktiv)'));
    assert.ok(titles.includes('Change to `evidence`'));
    assert.ok(titles.includes('Add `#nytt-tema/første` to the codebook'));
    assert.ok(titles.includes('Add `#kontaktvei/egen-henvendlse` to the codebook'));

    const pick = (title: string) => actions.find((a) => a.title === title)!.edit!.changes!;
    const fixed = applyEdits(text, [
      ...pick('Change to `#kontaktvei/egen-henvendelse`')[note]!,
      ...pick('Add evidence=proactive (Proaktiv)')[note]!,
      ...pick('Change to `evidence`')[note]!,
    ]);
    assert.equal(fixed, '[Vi venter]{#kontaktvei/egen-henvendelse}\n\n[Skolen ringer]{#kontaktvei/via-samarbeidspartnere evidence=proactive}\n\n[Nytt]{#nytt-tema/første}\n\n[Ja]{#ansvar/avgrenset-ansvar evidence=reactive}\n');

    // Both codebook additions, applied to the codebook, give a valid codebook holding the new codes.
    const codebookText = readFileSync(path.join(folder, 'codebook.yaml'), 'utf8');
    for (const title of ['Add `#nytt-tema/første` to the codebook', 'Add `#kontaktvei/egen-henvendlse` to the codebook']) {
      const grown = applyEdits(codebookText, pick(title)[uri('codebook.yaml')]!);
      const { codebook, diagnostics: problems } = loadCodebook(grown, 'codebook.yaml', en);
      assert.deepEqual(problems, [], title);
      assert.equal(codebook.codes.size, 15, title);
      assert.ok(grown.startsWith(codebookText.slice(0, 200)), 'comments and layout kept');
    }
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: note } });
  });

  /** This warning alone: the anonymization check has its say on these invented words too. */
  const onlyLazy = (diagnostics: { code?: number | string }[]) => diagnostics.filter((d) => d.code === 'callout/lazy-continuation') as Awaited<ReturnType<LspClient['diagnostics']>>;

  it('sets a line a memo swallows apart with a blank line, or makes it the memo\'s, each as one edit', async () => {
    const note = uri('lat.fn.md');
    const transcript = '**NAV-leder 3:** [Vi ringer dem]{#kontaktvei/tilgjengelig-på-arenaer} når de faller ut.';
    const text = ['**I:** Hvordan når dere dem?', '', '> [!MEMO]', '> Typisk proaktivt.', transcript, ''].join('\n');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: note, languageId: 'markdown', version: 1, text } });
    const diagnostics = onlyLazy(await client.diagnostics(note, (d) => onlyLazy(d).length > 0));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range]), [['callout/lazy-continuation', 2, { start: { line: 4, character: 0 }, end: { line: 4, character: transcript.length } }]]);
    const speakerOf = async () => {
      const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: note } })) as DocumentSymbol[];
      return symbols.flatMap((p) => p.children!.flatMap((d) => d.children!)).map((s) => s.name);
    };
    assert.deepEqual(await speakerOf(), ['Vi ringer dem'], 'inside the memo, the coded words have no speaker');

    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: note }, range: diagnostics[0]!.range, context: { diagnostics } })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred, a.edit!.changes![note]!.length]),
      [
        ['Insert a blank line before this line (it is not part of the memo)', 'quickfix', true, 1],
        ['Make this line part of the memo (`> `)', 'quickfix', false, 1],
      ],
    );
    const [blank, quote] = actions.map((a) => a.edit!.changes![note]!);
    assert.equal(applyEdits(text, quote!), ['**I:** Hvordan når dere dem?', '', '> [!MEMO]', '> Typisk proaktivt.', '> ' + transcript, ''].join('\n'));
    const fixed = applyEdits(text, blank!);
    assert.equal(fixed, ['**I:** Hvordan når dere dem?', '', '> [!MEMO]', '> Typisk proaktivt.', '', transcript, ''].join('\n'));

    // Applied as the editor applies it: the warning goes, and the line is the speaker's own paragraph again.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: note, version: 2 },
      contentChanges: blank!.map((e) => ({ range: e.range, text: e.newText })),
    });
    assert.deepEqual(onlyLazy(await client.diagnostics(note, (d) => onlyLazy(d).length === 0)), []);
    assert.deepEqual(await speakerOf(), ['NAV-leder 3: Vi ringer dem']);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: note } });
  });

  it('fixes a whole run of swallowed lines, keeps CRLF, and keeps the quotes and list item around the memo', async () => {
    const cases: [string, string, string, string][] = [
      // [note, title of the `>` fix, after the blank-line fix, after the `>` fix]
      ['> [!MEMO]\r\n> Lederen beskriver\r\nen reaktiv vei,\r\nmen skolen er proaktiv.\r\n', 'Make these 2 lines part of the memo (`> `)', '> [!MEMO]\r\n> Lederen beskriver\r\n\r\nen reaktiv vei,\r\nmen skolen er proaktiv.\r\n', '> [!MEMO]\r\n> Lederen beskriver\r\n> en reaktiv vei,\r\n> men skolen er proaktiv.\r\n'],
      ['> > [!REVIEW] AK\n> > Stemmer?\n> Sitatet fortsetter.\n', 'Make this line part of the review comment (`> `)', '> > [!REVIEW] AK\n> > Stemmer?\n>\n> Sitatet fortsetter.\n', '> > [!REVIEW] AK\n> > Stemmer?\n> > Sitatet fortsetter.\n'],
      ['- > [!MEMO]\n  > Typisk.\n  Videre i punktet.\n', 'Make this line part of the memo (`> `)', '- > [!MEMO]\n  > Typisk.\n\n  Videre i punktet.\n', '- > [!MEMO]\n  > Typisk.\n  > Videre i punktet.\n'],
    ];
    for (const [index, [text, title, afterBlank, afterQuote]] of cases.entries()) {
      const note = uri(`run-${index}.fn.md`);
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: note, languageId: 'markdown', version: 1, text } });
      const diagnostics = onlyLazy(await client.diagnostics(note, (d) => onlyLazy(d).length > 0));
      assert.equal(diagnostics.length, 1, text);
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: note }, range: diagnostics[0]!.range, context: { diagnostics } })) as CodeAction[];
      assert.equal(actions[1]!.title, title);
      const [blank, quote] = actions.map((a) => a.edit!.changes![note]!);
      assert.equal(applyEdits(text, blank!), afterBlank, text);
      assert.equal(applyEdits(text, quote!), afterQuote, text);
      for (const fixed of [afterBlank, afterQuote]) assert.deepEqual(analyse(fixed).diagnostics.filter((d) => d.code === 'callout/lazy-continuation'), [], fixed);
      await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: note } });
    }
  });

  it('outlines a note by evidence: poles, then dimensions, then segments named by speaker and first words', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri('intervju-11.fn.md') } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['Proaktiv', 'Reaktiv']);
    const reactive = symbols[1]!;
    assert.ok(reactive.children!.some((d) => d.name === 'Kontaktvei'));
    const contact = reactive.children!.find((d) => d.name === 'Kontaktvei')!;
    assert.match(contact.children![0]!.name, /^NAV-leder 11: Vi har åpent mottak, og de som trenger…$/);
    assert.equal(contact.children![0]!.detail, '#kontaktvei/egen-henvendelse');
    const segments = symbols.flatMap((p) => p.children!.flatMap((d) => d.children!));
    assert.equal(reactive.detail, String(reactive.children!.reduce((n, d) => n + d.children!.length, 0)));
    assert.ok(segments.length >= 8);
  });

  it('puts codes without a reading in a group of their own', async () => {
    const note = uri('uten.fn.md');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: note, languageId: 'markdown', version: 1, text: '[Skolen ringer]{#kontaktvei/via-samarbeidspartnere}\n' } });
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: note } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['Without an evidence reading']);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: note } });
  });

  it('finds codes and cases across the workspace, ignoring diacritics', async () => {
    const found = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'malgruppe' })) as WorkspaceSymbol[];
    assert.deepEqual(found.map((s) => s.name), ['#målgruppe/fra-ungdomsskolen', '#målgruppe/fra-16-vgs', '#målgruppe/over-18']);
    const cases = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'kommune-03' })) as WorkspaceSymbol[];
    assert.deepEqual(cases.map((s) => [s.name, s.location.uri, s.containerName]), [
      ['kommune-03', uri('feltnotat-nettverksmote.fn.md'), 'feltnotat-03-nettverk'],
      ['kommune-03', uri('intervju-03.LH.fn.md'), 'intervju-03 · LH'],
      ['kommune-03', uri('intervju-03.fn.md'), 'intervju-03 · MT'],
    ]);
  });

  it('lists the codes for "Code selection", with poles and which need a reading', async () => {
    const result = (await client.connection.sendRequest(CodesRequest.method, { uri: uri('intervju-03.fn.md') })) as CodesResult;
    assert.equal(result.codes.length, 14);
    assert.deepEqual(result.poles.map((p) => [p.id, p.label]), [
      ['proactive', 'Proaktiv'],
      ['reactive', 'Reaktiv'],
    ]);
    const either = result.codes.find((c) => c.code === 'kontaktvei/via-foreldre')!;
    assert.equal(either.needsReading, true);
    assert.equal(either.poleLabel, undefined);
    const fixed = result.codes.find((c) => c.code === 'målgruppe/over-18')!;
    assert.deepEqual([fixed.pole, fixed.poleLabel], ['reactive', 'Reaktiv']);
  });

  it('codes a selection, adds a code to a coded segment, and says why when it cannot', async () => {
    const note = uri('koding.fn.md');
    const text = '**NAV-leder 2:** Vi ringer skolen når noen slutter.\n\n[Vi tar det derfra]{#ansvar/avgrenset-ansvar} og mer.\n\nNytt avsnitt her.\n';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: note, languageId: 'markdown', version: 1, text } });
    const lines = new LineIndex(text);
    const rangeOf = (needle: string, extra = 0) => {
      const start = text.indexOf(needle);
      return { start: lines.position(start), end: lines.position(start + needle.length + extra) };
    };
    const code = async (range: Range, codeId: string, evidence?: string) =>
      (await client.connection.sendRequest(CodeSelectionRequest.method, { uri: note, range, code: codeId, ...(evidence ? { evidence } : {}) })) as CodeSelectionResult;

    const wrapped = await code(rangeOf(' Vi ringer skolen ', 0), 'kontaktvei/via-samarbeidspartnere', 'reactive');
    assert.ok('edits' in wrapped);
    assert.equal(applyEdits(text, wrapped.edits).split('\n')[0], '**NAV-leder 2:** [Vi ringer skolen]{#kontaktvei/via-samarbeidspartnere evidence=reactive} når noen slutter.');

    const added = await code(rangeOf('Vi tar det derfra'), 'forebygging/ikke-prioritert');
    assert.ok('edits' in added);
    const grown = applyEdits(text, added.edits);
    assert.match(grown, /\[Vi tar det derfra\]\{#ansvar\/avgrenset-ansvar #forebygging\/ikke-prioritert\}/);
    assert.deepEqual(analyse(grown).diagnostics, []);

    assert.deepEqual(await code(rangeOf('Vi tar det derfra'), 'ansvar/avgrenset-ansvar'), { message: 'This segment already has `#ansvar/avgrenset-ansvar`.' });
    assert.match(((await code({ start: rangeOf('noen slutter').start, end: rangeOf('Nytt avsnitt').end }, 'ansvar/avgrenset-ansvar')) as { message: string }).message, /within one paragraph/);
    assert.match(((await code({ start: rangeOf('tar det').start, end: rangeOf('og mer').end }, 'ansvar/avgrenset-ansvar')) as { message: string }).message, /cuts through a coded segment/);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: note } });
  });

  it('colours each segment of a note by the one pole its codes give', async () => {
    const text = readFileSync(path.join(folder, 'intervju-11.fn.md'), 'utf8');
    const result = (await client.connection.sendRequest(SegmentPolesRequest.method, { uri: uri('intervju-11.fn.md') })) as SegmentPolesResult;
    assert.deepEqual(result.poles.map((p) => [p.id, p.label]), [['proactive', 'Proaktiv'], ['reactive', 'Reaktiv']]);
    assert.ok(result.poles.every((p) => /^#[0-9a-f]{6}$/i.test(p.color)));
    const model = analyse(text);
    const expected = model.segments.filter((s) => new Set(s.codes.map((c) => c.pole)).size === 1 && s.codes[0]!.pole);
    assert.equal(result.segments.length, expected.length);
    const lines = new LineIndex(text);
    const first = result.segments[0]!;
    const span = expected[0]!.segment.contentSpan;
    assert.equal(text.slice(lines.offset(first.range.start), lines.offset(first.range.end)), text.slice(span.start, span.end));
    assert.equal(first.pole, expected[0]!.codes[0]!.pole);
  });

  it('gathers the workspace\'s evidence by pole, dimension and variation, filtered by case and coder', async () => {
    // The workspace holds both sample studies: the NAV study, and in swot/ a SWOT study with its own codebook and poles.
    const notes = (readdirSync(folder, { recursive: true }) as string[]).filter((f) => f.endsWith('.fn.md'));
    const swot = loadCodebook(readFileSync(path.join(folder, 'swot', 'codebook.yaml'), 'utf8'), 'codebook.yaml', en).codebook;
    const models = new Map(notes.map((f) => [f, analyse(readFileSync(path.join(folder, f), 'utf8'), f.startsWith('swot' + path.sep) ? swot : undefined)]));
    const codesIn = (files: string[]) => files.reduce((n, f) => n + models.get(f)!.segments.reduce((m, s) => m + s.codes.length, 0), 0);
    const segmentsOf = (tree: ExpandedTree) => tree.poles.flatMap((p) => p.dimensions.flatMap((d) => d.variations.flatMap((v) => v.segments)));
    // LH's two copies do not count (samples/fieldnotes.yaml: the primary coders are MT and AK); LH's filter shows them.
    const copies = notes.filter((f) => f.endsWith('.LH.fn.md'));
    const counted = notes.filter((f) => !copies.includes(f));
    // The top holds counts only; each variation's segments come when it is expanded, as many as counted.
    const top = await evidenceTop(client.connection);
    assert.ok(top.poles.every((p) => p.dimensions.every((d) => d.variations.every((v) => !('segments' in v)))));
    const tree = await expandedEvidence(client.connection);
    assert.deepEqual(tree.poles.map((p) => p.label), ['Proaktiv', 'Reaktiv', 'Styrke', 'Svakhet', 'Mulighet', 'Trussel']);
    assert.equal(tree.poles.reduce((n, p) => n + p.count, 0), codesIn(counted));
    assert.equal(segmentsOf(tree).length, codesIn(counted));
    assert.equal(tree.uncountedCopies, copies.length);
    for (const pole of tree.poles) {
      assert.equal(pole.count, pole.dimensions.reduce((n, d) => n + d.count, 0));
      for (const dimension of pole.dimensions) assert.equal(dimension.count, dimension.variations.reduce((n, v) => n + v.count, 0));
    }
    // Dimensions in codebook order.
    assert.deepEqual(tree.poles[0]!.dimensions.map((d) => d.id), ['målgruppe', 'kontaktvei', 'ansvar', 'forebygging'].filter((id) => tree.poles[0]!.dimensions.some((d) => d.id === id)));
    const reactiveContact = tree.poles[1]!.dimensions.find((d) => d.id === 'kontaktvei')!.variations.find((v) => v.code === 'kontaktvei/egen-henvendelse')!;
    assert.equal(reactiveContact.label, 'Etter ungdommenes egen henvendelse');
    assert.ok(reactiveContact.segments.length > 1 && reactiveContact.segments.every((s) => s.uri.endsWith('.fn.md') && s.name.length > 0));
    // A variation's segments by note, then in the note's order; each range holds the segment's words.
    const places = reactiveContact.segments.map((s) => [s.uri, s.range.start.line] as const);
    assert.deepEqual(places, [...places].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x - y)));
    for (const segment of [reactiveContact.segments[0]!, reactiveContact.segments.at(-1)!]) {
      const file = path.relative(folder, fileURLToPath(segment.uri));
      const lines = new LineIndex(readFileSync(path.join(folder, file), 'utf8'));
      const span = { start: lines.offset(segment.range.start), end: lines.offset(segment.range.end) };
      const coded = models.get(file)!.segments.find((s) => s.segment.contentSpan.start === span.start && s.segment.contentSpan.end === span.end);
      assert.ok(coded?.codes.some((c) => c.ref.id === 'kontaktvei/egen-henvendelse'), `${file}: the range is a segment coded #kontaktvei/egen-henvendelse`);
    }
    assert.deepEqual(tree.cases, [
      ...Array.from({ length: 12 }, (_, i) => `kommune-${String(i + 1).padStart(2, '0')}`),
      'samarbeid-01',
      'samarbeid-02',
      'samarbeid-03',
    ]);
    assert.deepEqual(tree.coders, ['AK', 'LH', 'MT']);

    // The filters apply at both levels.
    const lh = await expandedEvidence(client.connection, { coder: 'LH' });
    assert.equal(lh.poles.reduce((n, p) => n + p.count, 0), codesIn(copies));
    assert.deepEqual(new Set(segmentsOf(lh).map((s) => s.uri)), new Set(copies.map((f) => uri(f))));
    const caseFiles = counted.filter((f) => /^case: kommune-03$/m.test(readFileSync(path.join(folder, f), 'utf8')));
    const filtered = await expandedEvidence(client.connection, { case: 'kommune-03' });
    assert.equal(filtered.poles.reduce((n, p) => n + p.count, 0), codesIn(caseFiles));
    assert.ok(segmentsOf(filtered).length > 0 && segmentsOf(filtered).every((s) => s.case === 'kommune-03'));
    // A variation of the whole tree, asked for with a case filter, gives that case's segments only.
    const inCase = await evidenceSegments(client.connection, { case: 'kommune-03' }, tree.poles[1]!, tree.poles[1]!.dimensions.find((d) => d.id === 'kontaktvei')!, reactiveContact);
    assert.deepEqual(inCase, reactiveContact.segments.filter((s) => s.case === 'kommune-03'));
    const nobody = await expandedEvidence(client.connection, { coder: 'XY' });
    assert.deepEqual(nobody.poles, []);
    assert.deepEqual(nobody.cases, tree.cases, 'the filter lists every case, whatever is chosen');

    // A variation the tree does not hold gives no segments, not an error.
    const ask = (parent: unknown) => client.connection.sendRequest(EvidenceTreeRequest.method, { parent });
    assert.deepEqual(await ask({ pole: 'proactive', dimension: 'kontaktvei', code: 'kontaktvei/finnes-ikke' }), []);
    assert.deepEqual(await ask({ pole: 'proactive', dimension: 'kontaktvei', code: 'kontaktvei/egen-henvendelse' }), [], 'a variation under another pole');
    assert.deepEqual(await ask({ dimension: 'kontaktvei', code: 'kontaktvei/egen-henvendelse' }), [], 'a variation under the group without a reading');
    // A parent that names no variation at all is refused as invalid params (-32602), not answered.
    await assert.rejects(ask({ code: 42 }), (error: { code?: number }) => error.code === -32602);
  });

  it('tells which codebook a note is checked against, its size and its first problem, or why there is none', async () => {
    const status = (target: string) => client.connection.sendRequest(CodebookStatusRequest.method, { uri: target }) as Promise<CodebookStatus>;
    const { codebook } = loadCodebook(readFileSync(path.join(folder, 'codebook.yaml'), 'utf8'), 'codebook.yaml', en);
    await client.diagnostics(uri('intervju-03.fn.md')); // the start-up scan is done
    const loaded = await status(uri('intervju-03.fn.md'));
    assert.deepEqual(loaded, {
      state: 'loaded',
      uri: uri('codebook.yaml'),
      name: 'codebook.yaml',
      title: codebook.title,
      dimensions: codebook.dimensions.length,
      codes: codebook.codes.size,
      problems: 0,
    });

    // A codebook half-edited in the editor: notes go on being checked against what can be read.
    const codebookUri = uri('codebook.yaml');
    const text = readFileSync(path.join(folder, 'codebook.yaml'), 'utf8');
    const broken = text.replace(/^dimensions:/m, 'tittel: 3\ndimensions:');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: codebookUri, languageId: 'yaml', version: 1, text: broken } });
    await client.diagnostics(codebookUri, (d) => d.length > 0);
    const problem = await status(uri('intervju-03.fn.md'));
    assert.equal(problem.state, 'loaded');
    assert.ok(problem.state === 'loaded' && problem.problems > 0 && problem.firstProblem);
    assert.equal(problem.firstProblem.range.start.line, broken.split('\n').findIndex((l) => l.startsWith('tittel:')));
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: codebookUri } });
    await client.diagnostics(codebookUri, (d) => d.length === 0);

    const orphan = uri('annen.fn.md');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: orphan, languageId: 'markdown', version: 1, text: '---\ncodebook: mangler.yaml\n---\nTekst.\n' },
    });
    const missing = await status(orphan);
    assert.equal(missing.state, 'missing');
    assert.match(missing.state === 'missing' ? missing.message : '', /mangler\.yaml/);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: orphan } });
    assert.deepEqual(await status(uri('README.md')), { state: 'none' });
  });

  it('draws the analysis page for the webview, with its scripts under the nonce and each note openable', async () => {
    const result = (await client.connection.sendRequest(AnalysisPageRequest.method, { nonce: 'abc123', cspSource: 'vscode-webview:' })) as AnalysisPageResult;
    assert.ok('html' in result, JSON.stringify(result));
    assert.match(result.html, /script-src 'nonce-abc123'/);
    const scripts = result.html.match(/<script(?! type="application\/json")[^>]*>/g)!;
    assert.ok(scripts.length >= 3 && scripts.every((tag) => tag.includes('nonce="abc123"')), scripts.join(' '));
    const data = JSON.parse(result.html.match(/<script type="application\/json" id="fieldnotes-data">([\s\S]*?)<\/script>/)![1]!);
    const cases = new Set(readdirSync(folder).filter((f) => f.endsWith('.fn.md')).map((f) => /^case: *(.+)$/m.exec(readFileSync(path.join(folder, f), 'utf8'))?.[1]?.trim()).filter(Boolean));
    assert.deepEqual(new Set(data.grids[0].cases), cases);
    const evidence = data.grids[0].cells.flatMap((c: { evidence: { uri: string }[] }) => c.evidence);
    assert.ok(evidence.length > 0 && evidence.every((e: { uri: string }) => e.uri.startsWith(fileUri(folder) + '/')));
  });

  it('re-checks the notes when the codebook is edited, and again when the edit is abandoned', async () => {
    const codebook = uri('codebook.yaml');
    const text = readFileSync(path.join(folder, 'codebook.yaml'), 'utf8').replace('      - id: over-18\n', '      - id: over-atten\n');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: codebook, languageId: 'yaml', version: 1, text } });
    const broken = await client.problems(uri('intervju-11.fn.md'), (d) => d.length > 0);
    assert.deepEqual(broken.map((d) => d.code), ['code/unknown']);
    assert.match(broken[0]!.message as string, /#målgruppe\/over-18/);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: codebook } });
    assert.deepEqual(await client.problems(uri('intervju-11.fn.md'), (d) => d.length === 0), []);
  });
});

describe('language server in Bokmål', () => {
  it('speaks the language the editor asks for', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-lsp-nb-'));
    cpSync(SAMPLES, folder, { recursive: true });
    const client = new LspClient();
    await client.initialize(folder, 'nb');
    const note = fileUri(path.join(folder, 'feil.fn.md'));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: note, languageId: 'markdown', version: 1, text: '[ord]{#finnes/ikke}\n' } });
    const [d] = await client.diagnostics(note, (list) => list.length > 0);
    assert.match(d!.message as string, /^Ukjent kode `#finnes\/ikke`/);
    const lazy = fileUri(path.join(folder, 'lat.fn.md'));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: lazy, languageId: 'markdown', version: 1, text: '> [!MEMO]\n> Typisk.\n**I:** Hei\n' } });
    const diagnostics = (await client.diagnostics(lazy, (list) => list.some((x) => x.code === 'callout/lazy-continuation'))).filter((x) => x.code === 'callout/lazy-continuation');
    assert.match(diagnostics[0]!.message as string, /^Denne linjen har ingen `>`, men Markdown leser den likevel som en del av memoet over/);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: lazy }, range: diagnostics[0]!.range, context: { diagnostics } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Sett inn en tom linje foran denne linjen (den hører ikke til memoet)', 'Gjør denne linjen til en del av memoet (`> `)']);
    assert.equal(await client.stop(), 0);
    rmSync(folder, { recursive: true, force: true });
  });
});

describe('language server settings', () => {
  let folder: string;
  let client: LspClient;
  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-lsp-settings-'));
    cpSync(SAMPLES, folder, { recursive: true });
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('applies a severity per diagnostic code, hides codes set to off, and follows changes', async () => {
    client = new LspClient();
    await client.initialize(folder, 'en', { severity: { 'code/unknown': 'warning', 'code/missing-evidence': 'off' } });
    const note = fileUri(path.join(folder, 'innstilling.fn.md'));
    const text = '[a]{#finnes/ikke}\n\n[b]{#kontaktvei/via-foreldre}\n';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: note, languageId: 'markdown', version: 1, text } });
    const shown = await client.diagnostics(note, (d) => d.length > 0);
    assert.deepEqual(shown.map((d) => [d.code, d.severity]), [['code/unknown', 2]]);
    await client.changeSettings({});
    const all = await client.diagnostics(note, (d) => d.length === 2);
    assert.deepEqual(all.map((d) => [d.code, d.severity]), [
      ['code/unknown', 1],
      ['code/missing-evidence', 2],
    ]);
  });

  it('gives the segments without a reading under their own group, at the top and when expanded', async () => {
    const note = fileUri(path.join(folder, 'uten-lesning.fn.md'));
    const text = '[a]{#finnes/ikke}\n\n[b]{#kontaktvei/via-foreldre}\n\n[c]{#kontaktvei/via-foreldre evidence=proactive}\n';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: note, languageId: 'markdown', version: 1, text } });
    await client.diagnostics(note);
    const tree = await expandedEvidence(client.connection);
    const without = tree.poles.at(-1)!;
    assert.deepEqual([without.id, without.label], [undefined, 'Without an evidence reading'], 'the group without a reading comes last');
    const places = without.dimensions.flatMap((d) => d.variations.flatMap((v) => v.segments.filter((s) => s.uri === note).map((s) => [d.id, v.code, s.range.start.line])));
    assert.deepEqual(places, [
      ['kontaktvei', 'kontaktvei/via-foreldre', 2],
      ['finnes', 'finnes/ikke', 0],
    ]);
    const proactive = tree.poles.find((p) => p.id === 'proactive')!;
    const read = proactive.dimensions.find((d) => d.id === 'kontaktvei')!.variations.find((v) => v.code === 'kontaktvei/via-foreldre')!;
    assert.ok(read.segments.some((s) => s.uri === note && s.range.start.line === 4));
    const gone = client.nextNotification('fieldnotes/evidenceChanged');
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: note } });
    await gone;
  });

  it('leaves out the notes the exclude globs match, and takes them back when the globs change', async () => {
    const inEvidence = async (name: string) => {
      const tree = await expandedEvidence(client.connection);
      return tree.poles.some((p) => p.dimensions.some((d) => d.variations.some((v) => v.segments.some((s) => s.uri === fileUri(path.join(folder, name))))));
    };
    const status = (name: string) => client.connection.sendRequest(CodebookStatusRequest.method, { uri: fileUri(path.join(folder, name)) }) as Promise<CodebookStatus>;
    assert.equal(await inEvidence('intervju-11.fn.md'), true);
    await client.changeSettings({ exclude: ['intervju-1*.fn.md', 'utkast/**'] });
    assert.equal(await inEvidence('intervju-11.fn.md'), false);
    assert.equal(await inEvidence('intervju-03.fn.md'), true);
    // An excluded note opened in the editor is not checked either.
    const draft = fileUri(path.join(folder, 'utkast', 'mal.fn.md'));
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: draft, languageId: 'markdown', version: 1, text: '[ord]{#finnes/ikke}\n' } });
    assert.deepEqual(await status('utkast/mal.fn.md'), { state: 'none' });
    await client.changeSettings({ severity: { 'code/unknown': 'warning', 'code/missing-evidence': 'off' } });
    assert.equal(await inEvidence('intervju-11.fn.md'), true);
    const [unknown] = await client.diagnostics(draft, (d) => d.length > 0);
    assert.equal(unknown!.code, 'code/unknown');
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: draft } });
  });

  it('uses the codebook named in the settings for every note', async () => {
    writeFileSync(path.join(folder, 'smal.yaml'), 'dimensions:\n  - id: tema\n    label: Tema\n    variations: [{ id: en, label: En }]\n');
    await client.changeSettings({ codebook: 'smal.yaml' });
    const diagnostics = await client.problems(fileUri(path.join(folder, 'intervju-11.fn.md')), (d) => d.length > 0);
    // The narrow codebook knows none of the note's codes and declares no poles.
    assert.deepEqual(new Set(diagnostics.map((d) => d.code)), new Set(['code/unknown', 'code/invalid-evidence']));
    await client.changeSettings({ codebook: 'finnes-ikke.yaml' });
    const missing = await client.diagnostics(fileUri(path.join(folder, 'intervju-11.fn.md')), (d) => d.some((x) => x.code === 'codebook/not-found'));
    assert.match(missing[0]!.message as string, /finnes-ikke\.yaml.*fieldnotes\.codebook/);
    await client.changeSettings({});
    assert.deepEqual(await client.problems(fileUri(path.join(folder, 'intervju-11.fn.md')), (d) => d.length === 0), []);
    assert.equal(await client.stop(), 0);
  });
});
