import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CompletionRequest,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  HoverRequest,
  type CompletionItem,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { CLI, SAMPLES } from './support/paths.js';
import { fileUri, serverForSuite } from './support/lspClient.js';

/** The server keeps up with the disk, with notes outside the workspace, and with files deleted under it. */
describe('language server and the files around it', () => {
  const server = serverForSuite('fieldnotes-lsp-files-', (temp) => {
    cpSync(SAMPLES, path.join(temp, 'studie'), { recursive: true });
    return path.join(temp, 'studie');
  });
  const uri = (name: string) => fileUri(path.join(server.folder, name));
  const changed = (name: string, type: FileChangeType) => server.client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(name), type }] });

  it('checks a note that appears on disk, follows its changes, and forgets it once deleted', async () => {
    writeFileSync(path.join(server.folder, 'ny-på-disk.fn.md'), '**NAV-leder 5:** [Vi venter]{#kontaktvei/ukjent}.\n');
    await changed('ny-på-disk.fn.md', FileChangeType.Created);
    const [unknown] = await server.client.diagnostics(uri('ny-på-disk.fn.md'), (d) => d.length > 0);
    assert.equal(unknown!.code, 'code/unknown');
    writeFileSync(path.join(server.folder, 'ny-på-disk.fn.md'), '**NAV-leder 5:** [Vi venter]{#kontaktvei/egen-henvendelse}.\n');
    await changed('ny-på-disk.fn.md', FileChangeType.Changed);
    assert.deepEqual(await server.client.diagnostics(uri('ny-på-disk.fn.md'), (d) => d.length === 0), []);
    writeFileSync(path.join(server.folder, 'ny-på-disk.fn.md'), '[x]{#finnes/ikke}\n');
    await changed('ny-på-disk.fn.md', FileChangeType.Changed);
    await server.client.diagnostics(uri('ny-på-disk.fn.md'), (d) => d.length > 0);
    unlinkSync(path.join(server.folder, 'ny-på-disk.fn.md'));
    await changed('ny-på-disk.fn.md', FileChangeType.Deleted);
    assert.deepEqual(await server.client.diagnostics(uri('ny-på-disk.fn.md'), (d) => d.length === 0), []);
  });

  it('checks a whole folder of notes that appears at once, and forgets them when it goes', async () => {
    // More than the server takes one by one: they go through the whole-workspace check.
    const names = Array.from({ length: 80 }, (_, i) => `samtidig-${i}.fn.md`);
    for (const [i, name] of names.entries()) writeFileSync(path.join(server.folder, name), `**NAV-leder ${i}:** [Vi venter ${i}]{#kontaktvei/ukjent-${i}}.\n`);
    await server.client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: names.map((name) => ({ uri: uri(name), type: FileChangeType.Created as FileChangeType })) });
    for (const [i, name] of names.entries()) {
      const [unknown] = await server.client.diagnostics(uri(name), (d) => d.length > 0);
      assert.equal(unknown!.code, 'code/unknown');
      assert.match(String(unknown!.message), new RegExp(`ukjent-${i}\\b`));
    }
    for (const name of names) unlinkSync(path.join(server.folder, name));
    await server.client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: names.map((name) => ({ uri: uri(name), type: FileChangeType.Deleted as FileChangeType })) });
    for (const name of names) assert.deepEqual(await server.client.diagnostics(uri(name), (d) => d.length === 0), []);
  });

  it('re-checks every note when the codebook changes on disk', async () => {
    const codebook = path.join(server.folder, 'codebook.yaml');
    const original = readFileSync(codebook, 'utf8');
    writeFileSync(codebook, original.replace('      - id: over-18\n', '      - id: over-atten\n'));
    await changed('codebook.yaml', FileChangeType.Changed);
    const broken = await server.client.problems(uri('intervju-11.fn.md'), (d) => d.length > 0);
    assert.deepEqual(broken.map((d) => d.code), ['code/unknown']);
    writeFileSync(codebook, original);
    await changed('codebook.yaml', FileChangeType.Changed);
    assert.deepEqual(await server.client.problems(uri('intervju-11.fn.md'), (d) => d.length === 0), []);
  });

  it('keeps answering about an open note whose file is deleted under it, and keeps its text', async () => {
    const name = 'intervju-03.fn.md';
    const text = readFileSync(path.join(server.folder, name), 'utf8');
    await server.client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(name), languageId: 'markdown', version: 1, text } });
    unlinkSync(path.join(server.folder, name));
    await changed(name, FileChangeType.Deleted);
    const offset = text.indexOf('#kontaktvei/') + 2;
    const position = { line: text.slice(0, offset).split('\n').length - 1, character: offset - text.lastIndexOf('\n', offset - 1) - 1 };
    const hover = (await server.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri(name) }, position })) as Hover | null;
    assert.match((hover?.contents as MarkupContent).value, /kontaktvei/);
    // Closed in the editor, with no file behind it, the note is gone: its diagnostics are cleared.
    await server.client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri(name) } });
    assert.deepEqual(await server.client.diagnostics(uri(name), (d) => d.length === 0), []);
    assert.deepEqual(readFileSync(path.join(server.folder, 'intervju-11.fn.md'), 'utf8').length > 0, true, 'no other file was touched');
  });

  it('checks a note outside the workspace against the codebook beside it, or says it has none', async () => {
    const elsewhere = path.join(server.root, 'andre-studie');
    mkdirSync(path.join(elsewhere, 'notater'), { recursive: true });
    cpSync(path.join(SAMPLES, 'codebook.yaml'), path.join(elsewhere, 'codebook.yaml'));
    const note = fileUri(path.join(elsewhere, 'notater', 'besøk.fn.md'));
    const text = '[Vi drar ut]{#kontaktvei/tilgjengelig-på-arenaer} og [ringer]{#kontaktvei/ringer-alle}.\n';
    await server.client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: note, languageId: 'markdown', version: 1, text } });
    const found = await server.client.diagnostics(note, (d) => d.length > 0 && d.every((x) => x.code !== 'codebook/not-found'));
    assert.deepEqual(found.map((d) => d.code), ['code/unknown']);
    const items = (await server.client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: note }, position: { line: 0, character: 26 } })) as CompletionItem[];
    assert.ok(items.some((i) => i.label === 'tilgjengelig-på-arenaer'), 'completion from the codebook beside it');
    await server.client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: note } });

    const alone = fileUri(path.join(os.tmpdir(), `fieldnotes-alene-${process.pid}.fn.md`));
    await server.client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: alone, languageId: 'markdown', version: 1, text } });
    const missing = await server.client.diagnostics(alone, (d) => d.length > 0);
    assert.deepEqual(missing.map((d) => [d.code, d.severity]), [['codebook/not-found', 2]]);
    await server.client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: alone } });
  });
});

/** JSON-RPC framed as LSP sends it. */
const frame = (message: object) => {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
};

describe('language server cancellation', () => {
  it('answers a request cancelled while it waits in the queue as cancelled, not late', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-lsp-cancel-'));
    cpSync(SAMPLES, folder, { recursive: true });
    const server = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const responses = new Map<number, { result?: unknown; error?: { code: number } }>();
    const waiting = new Map<number, () => void>();
    let buffer = Buffer.alloc(0);
    server.stdout.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))![1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (typeof message.id === 'number' && !message.method) {
          responses.set(message.id, message);
          waiting.get(message.id)?.();
        } else if (message.method === 'fieldnotes/evidenceChanged') checked();

      }
    });
    let checked = () => {};
    const startupChecked = new Promise<void>((resolve) => (checked = resolve));
    const response = (id: number) => new Promise<void>((resolve) => (responses.has(id) ? resolve() : waiting.set(id, resolve))).then(() => responses.get(id)!);
    const note = fileUri(path.join(folder, 'ny.fn.md'));
    const position = { line: 0, character: 7 };

    try {
      server.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: fileUri(folder), capabilities: {} } }));
      await response(1);
      server.stdin.write(frame({ method: 'initialized', params: {} }));
      await startupChecked;
      server.stdin.write(frame({ method: 'textDocument/didOpen', params: { textDocument: { uri: note, languageId: 'markdown', version: 1, text: '[ord]{#' } } }));
      // One write (well under the size a pipe delivers whole): both requests are queued before the cancel arrives.
      const burst = Buffer.concat([
        frame({ id: 2, method: 'textDocument/completion', params: { textDocument: { uri: note }, position } }),
        frame({ id: 3, method: 'textDocument/completion', params: { textDocument: { uri: note }, position } }),
        frame({ method: '$/cancelRequest', params: { id: 3 } }),
      ]);
      assert.ok(burst.length < 4096);
      server.stdin.write(burst);
      const [answered, cancelled] = await Promise.all([response(2), response(3)]);
      assert.equal(cancelled.error?.code, -32800, 'RequestCancelled');
      assert.equal(cancelled.result, undefined);
      assert.ok(Array.isArray(answered.result) && answered.result.length > 0, 'the request not cancelled is answered');

      server.stdin.write(frame({ id: 4, method: 'shutdown' }));
      await response(4);
      const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
      server.stdin.write(frame({ method: 'exit' }));
      assert.equal(await exited, 0);
    } finally {
      // A failed assertion must not leave the server running (mocha would wait for it).
      if (server.exitCode === null) server.kill();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
