import assert from 'node:assert/strict';
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CodeActionRequest,
  ExecuteCommandRequest,
  ShowMessageNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  type CodeAction,
  type CreateFile,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { SAMPLES } from './support/paths.js';
import { fileUri, serverForSuite } from './support/lspClient.js';

/** The anonymization check in the editor: as the researcher types, and across the workspace. */
describe('language server: anonymization', () => {
  const server = serverForSuite('fieldnotes-lsp-anon-', (temp) => {
    cpSync(SAMPLES, temp, { recursive: true });
    // A workspace without a project file yet: the allow-list's quick fix creates it.
    rmSync(path.join(temp, 'fieldnotes.yaml'));
    writeFileSync(path.join(temp, 'a.fn.md'), '**NAV-leder 4:** Gutten heter Kibrom, og han bor på Flatøy.\n');
    writeFileSync(path.join(temp, 'b.fn.md'), '**NAV-leder 4:** Vi ringte skolen.\n\nKibrom kom ikke.\n');
    writeFileSync(path.join(temp, 'd.fn.md'), '**NAV-leder 4:** Vi ringte skolen.\n\nAmbaye kom ikke.\n');
    writeFileSync(path.join(temp, 'f.fn.md'), '**NAV-leder 4:** Tove Aasen ringte meg, og TA skrev referatet.\n');
    return temp;
  });
  const uri = (name: string) => fileUri(path.join(server.folder, name));

  it('flags a name and a place where they are, and says why', async () => {
    const text = '**NAV-leder 4:** Gutten heter Kibrom, og han bor på Flatøy.\n';
    const diagnostics = await server.client.diagnostics(uri('a.fn.md'));
    const at = (word: string) => [text.indexOf(word), text.indexOf(word) + word.length];
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.range.start.character, d.range.end.character]),
      [
        ['anon/person', 2, ...at('Kibrom')],
        ['anon/place', 2, ...at('Flatøy')],
      ],
    );
    assert.match(diagnostics[0]!.message as string, /“Kibrom” looks like a person's name \(.*after “heter”.*\)\. Replace it with a pseudonym or \[navn\]\./);
  });

  it('flags a name confirmed in another note even where it alone would not count', async () => {
    const [name] = await server.client.diagnostics(uri('b.fn.md'), (d) => d.length > 0);
    assert.equal(name!.code, 'anon/person');
    assert.deepEqual(name!.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } });
    assert.match(name!.message as string, /another note/);
  });

  it('follows typing across notes: a name typed in one note is flagged in another read at start-up, and cleared when it is taken back', async () => {
    // d.fn.md was read with every other note at start-up; the name is confirmed only once e.fn.md is typed in.
    const other = uri('d.fn.md');
    assert.deepEqual(await server.client.problems(other), []);
    const note = uri('e.fn.md');
    await server.client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: note, languageId: 'markdown', version: 1, text: 'Vi ringte skolen.\n' } });
    await server.client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: note, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 17 } }, text: 'Gutten heter Ambaye.' }],
    });
    const [name] = await server.client.problems(other, (d) => d.length > 0);
    assert.equal(name!.code, 'anon/person');
    assert.match(name!.message as string, /another note/);
    await server.client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: note, version: 3 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 20 } }, text: 'Vi ringte skolen.' }],
    });
    assert.deepEqual(await server.client.problems(other, (d) => d.length === 0), []);
  });

  it('follows typing across notes: a coder named in one note’s front matter is no finding in another, and is again once taken back', async () => {
    const other = uri('f.fn.md');
    assert.deepEqual((await server.client.problems(other, (d) => d.length === 2)).map((d) => d.code), ['anon/person', 'anon/person']);
    const note = uri('g.fn.md');
    await server.client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: note, languageId: 'markdown', version: 1, text: '---\ncoder: MT\n---\n\nVi ringte skolen.\n' } });
    await server.client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: note, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 7 }, end: { line: 1, character: 9 } }, text: 'Tove Aasen' }],
    });
    assert.deepEqual(await server.client.problems(other, (d) => d.length === 0), []);
    await server.client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: note, version: 3 },
      contentChanges: [{ range: { start: { line: 1, character: 7 }, end: { line: 1, character: 17 } }, text: 'MT' }],
    });
    assert.equal((await server.client.problems(other, (d) => d.length === 2)).length, 2);
  });

  it('follows typing: a phone number typed is flagged, and cleared when replaced by a placeholder', async () => {
    const note = uri('c.fn.md');
    await server.client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: note, languageId: 'markdown', version: 1, text: 'Ring meg på 41 52 73 84.\n' } });
    const [phone] = await server.client.diagnostics(note, (d) => d.length > 0);
    assert.equal(phone!.code, 'anon/phone');
    await server.client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: note, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 23 } }, text: '[telefon]' }],
    });
    assert.deepEqual(await server.client.diagnostics(note, (_d, version) => version === 2), []);
  });

  it('offers a placeholder, a pseudonym in every note with its key kept apart, and the allow-list; and changes no file itself', async () => {
    const diagnostics = await server.client.diagnostics(uri('a.fn.md'));
    const kibrom = diagnostics.find((d) => d.code === 'anon/person')!;
    const actions = (await server.client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri('a.fn.md') },
      range: kibrom.range,
      context: { diagnostics: [kibrom] },
    })) as CodeAction[];
    const [placeholder, pseudonym, allow, here] = actions.filter((a) => a.diagnostics?.[0]?.code === 'anon/person');
    assert.equal(placeholder!.title, 'Replace `Kibrom` with [navn]');
    assert.deepEqual(placeholder!.edit!.changes![uri('a.fn.md')], [{ range: kibrom.range, newText: '[navn]' }]);

    assert.match(pseudonym!.title, /with \[navn 1\] in every note \(the key goes in pseudonym-key\.yaml\)/);
    const changes = pseudonym!.edit!.documentChanges!;
    const edited = (changes.filter((c) => 'textDocument' in c) as TextDocumentEdit[]).map((c) => [c.textDocument.uri, c.edits.length]);
    assert.deepEqual(new Set(edited.map(([u]) => u)), new Set([uri('a.fn.md'), uri('b.fn.md'), uri('pseudonym-key.yaml'), uri('.gitignore')]));
    const created = changes.filter((c) => 'kind' in c) as CreateFile[];
    assert.deepEqual(created.map((c) => [c.kind, c.uri]), [['create', uri('pseudonym-key.yaml')], ['create', uri('.gitignore')]]);
    const written = (file: string) => ((changes.find((c) => 'textDocument' in c && c.textDocument.uri === uri(file)) as TextDocumentEdit).edits[0] as { newText: string }).newText;
    assert.match(written('pseudonym-key.yaml'), /^# .*\n# .*version control.*\nKibrom: "\[navn 1\]"\n$/);
    assert.equal(written('.gitignore'), 'pseudonym-key.yaml\n');
    // Applying the fix runs its command, which tells the user where the key is and that it stays private.
    assert.equal(pseudonym!.command!.command, 'fieldnotes.pseudonymKeyWritten');
    const shown = new Promise<{ type: number; message: string }>((resolve) => {
      const stop = server.client.onNotification(ShowMessageNotification.method, (params) => {
        stop();
        resolve(params as { type: number; message: string });
      });
    });
    await server.client.connection.sendRequest(ExecuteCommandRequest.type, { command: pseudonym!.command!.command, arguments: pseudonym!.command!.arguments });
    const message = await shown;
    assert.equal(message.type, 3);
    assert.match(message.message, /pseudonym-key\.yaml, and \.gitignore now keeps it out of Git\. Never share it/);

    assert.match(here!.title, /^Keep `Kibrom` here only: .*<!-- anon-ok -->/);
    assert.deepEqual(here!.edit!.changes![uri('a.fn.md')], [{ range: { start: kibrom.range.end, end: kibrom.range.end }, newText: '<!-- anon-ok -->' }]);

    assert.match(allow!.title, /Allow `Kibrom`.*fieldnotes\.yaml/);
    const allowChanges = allow!.edit!.documentChanges!;
    assert.deepEqual((allowChanges[0] as CreateFile).uri, uri('fieldnotes.yaml'));
    assert.equal(((allowChanges[1] as TextDocumentEdit).edits[0] as { newText: string }).newText, 'anonymization:\n  allow:\n    - Kibrom\n');
    assert.equal(existsSync(path.join(server.folder, 'fieldnotes.yaml')) || existsSync(path.join(server.folder, 'pseudonym-key.yaml')), false, 'offering a fix writes nothing');
  });

  it('leaves a pseudonym key already in .gitignore alone, and says nothing more once the key exists', async () => {
    writeFileSync(path.join(server.folder, 'pseudonym-key.yaml'), 'Someone: "[navn 1]"\n');
    writeFileSync(path.join(server.folder, '.gitignore'), 'node_modules\n/pseudonym-key.yaml\n');
    try {
      const [kibrom] = (await server.client.diagnostics(uri('a.fn.md'))).filter((d) => d.code === 'anon/person');
      const actions = (await server.client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri('a.fn.md') }, range: kibrom!.range, context: { diagnostics: [kibrom!] } })) as CodeAction[];
      const pseudonym = actions.find((a) => /in every note/.test(a.title))!;
      assert.match(pseudonym.title, /\[navn 2\]/);
      const files = (pseudonym.edit!.documentChanges! as TextDocumentEdit[]).map((c) => c.textDocument.uri);
      assert.deepEqual(new Set(files), new Set([uri('a.fn.md'), uri('b.fn.md'), uri('pseudonym-key.yaml')]));
      assert.equal(pseudonym.command, undefined);
    } finally {
      rmSync(path.join(server.folder, 'pseudonym-key.yaml'));
      rmSync(path.join(server.folder, '.gitignore'));
    }
  });

  it('follows fieldnotes.yaml: allowed words and pseudonym patterns are not flagged, and a broken pattern is reported in the file', async () => {
    writeFileSync(path.join(server.folder, 'fieldnotes.yaml'), 'anonymization:\n  allow: [Kibrom]\n  pseudonyms: ["Flat[a-zø]+", "feil(["]\n');
    await server.client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('fieldnotes.yaml'), type: FileChangeType.Created }] });
    assert.deepEqual(await server.client.diagnostics(uri('a.fn.md'), (d) => d.length === 0), []);
    const [broken] = await server.client.diagnostics(uri('fieldnotes.yaml'), (d) => d.length > 0);
    assert.equal(broken!.code, 'config/invalid');
    assert.equal(broken!.range.start.line, 2);
    assert.match(broken!.message as string, /feil\(\[/);
  });
});
