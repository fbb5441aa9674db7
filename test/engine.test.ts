import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CompletionRequest,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  type CompletionItem,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { loadCodebook } from '../server/src/core/codebook/codebook.js';
import { en } from '../server/src/core/i18n/messages.js';
import { fieldnotes } from './support/cli.js';
import { fileUri, LspClient } from './support/lspClient.js';
import { SAMPLES } from './support/paths.js';
import { realisticStudy } from './support/realisticNotes.js';

interface JsonDiagnostic {
  file: string;
  range: Diagnostic['range'];
  severity: string;
  code: string;
  message: string;
}

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

/** One line per diagnostic, comparable between the CLI's JSON and the server's publishes. */
const line = (file: string, d: { range: Diagnostic['range']; severity: string; code: string; message: string }) =>
  `${file} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`;

function writeStudy(folder: string, files: { name: string; text: string }[]): void {
  for (const file of files) writeFileSync(path.join(folder, file.name), file.text);
}

/**
 * `fieldnotes check` and the language server run one engine: what the
 * CLI prints for a folder is what the server publishes for it, note by
 * note. The one difference is by design: the CLI leaves out
 * `coders/copy` (which copy counts), which `report` tables instead.
 */
describe('one engine: the CLI and the language server say the same', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-engine-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  async function compare(folder: string): Promise<number> {
    const run = fieldnotes(['check', '.', '--format', 'json'], { cwd: folder });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    const fromCli = (JSON.parse(run.stdout) as JsonDiagnostic[]).map((d) => line(d.file, d)).sort();

    const client = new LspClient();
    await client.initialize(folder);
    const notes = (readdirSync(folder, { recursive: true }) as string[]).filter((f) => f.endsWith('.fn.md')).map((f) => f.split(path.sep).join('/'));
    const fromServer: string[] = [];
    for (const note of notes) {
      for (const d of await client.diagnostics(fileUri(path.join(folder, note)))) {
        if (d.code === 'coders/copy') continue;
        fromServer.push(line(note, { range: d.range, severity: SEVERITY[d.severity!]!, code: String(d.code), message: String(d.message) }));
      }
    }
    await client.stop();
    fromServer.sort();
    assert.deepEqual(fromServer, fromCli);
    return fromCli.length;
  }

  it('on the samples (two studies, several coders, open review comments)', async () => {
    const folder = path.join(root, 'samples');
    cpSync(SAMPLES, folder, { recursive: true });
    assert.ok((await compare(folder)) > 0);
  });

  it('on a generated study with names, places and a second coder', async () => {
    writeStudy(root, realisticStudy(60, 7, { secondCoder: true }));
    const count = await compare(root);
    // Realistic notes name people and places: the comparison covers the consistency pass across notes.
    assert.ok(count > 100, `${count} diagnostics`);
  });
});

describe('the check on two threads', () => {
  it('says exactly what one thread says', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-threads-'));
    try {
      // Enough notes that the second thread is used (see service/engine.ts).
      writeStudy(root, realisticStudy(120, 11, { secondCoder: true }));
      const two = fieldnotes(['check', '.', '--format', 'json'], { cwd: root });
      const one = fieldnotes(['check', '.', '--format', 'json'], { cwd: root, env: { FIELDNOTES_THREADS: '1' } });
      assert.equal(two.status, one.status, two.stderr + one.stderr);
      assert.ok((JSON.parse(one.stdout) as unknown[]).length > 100);
      assert.equal(two.stdout, one.stdout);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('completion right after a note opens at start-up', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-first-completion-'));
    writeStudy(root, realisticStudy(150, 3));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('offers the codebook’s dimensions even before the workspace is read', async () => {
    const codebook = loadCodebook(readFileSync(path.join(root, 'codebook.yaml'), 'utf8'), 'codebook.yaml', en).codebook;
    const note = readdirSync(root).find((f) => f.endsWith('.fn.md'))!;
    const text = readFileSync(path.join(root, note), 'utf8');
    const at = text.indexOf('\n\n', text.length >> 1);
    const typed = text.slice(0, at) + ' [ord]{#' + text.slice(at);
    const lines = typed.slice(0, at + ' [ord]{#'.length).split('\n');
    const uri = fileUri(path.join(root, note));

    const client = new LspClient();
    await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: fileUri(root), workspaceFolders: [{ uri: fileUri(root), name: 'study' }], capabilities: {} });
    // No waiting for the start-up check: the editor opens a note and completes at once.
    await client.connection.sendNotification(InitializedNotification.type, {});
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: typed } });
    const items = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: lines.length - 1, character: lines.at(-1)!.length },
    })) as CompletionItem[];
    await client.stop();
    const offered = items.map((item) => item.filterText ?? item.label).join('\n');
    for (const dimension of codebook.dimensions) assert.ok(offered.includes(dimension.id), `${dimension.id} in ${offered}`);
  });
});
