import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  type CompletionItem,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { loadCodebook } from '../server/src/core/codebook/codebook.js';
import { toJson } from '../server/src/core/analysis/reportFormats.js';
import { en } from '../server/src/core/i18n/messages.js';
import { nodeFileSystem } from '../server/src/lsp/nodeFileSystem.js';
import { AnalysisPageRequest, type AnalysisPageResult } from '../server/src/protocol/requests.js';
import { analysisPageReport } from '../server/src/service/analysisPage.js';
import { WorkspaceEngine } from '../server/src/service/engine.js';
import { isProjectUri } from '../server/src/service/projectFiles.js';
import { workspacePath } from '../server/src/service/uriPaths.js';
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

/**
 * `fieldnotes report` and the editor's analysis page gather their studies
 * one way (`service/studies.ts`): the report's JSON is the analysis the
 * page is drawn from, the study's reading and one coder's, and the page the
 * server sends draws the same grids as `report --format html`.
 */
describe('one engine: fieldnotes report and the analysis page make one analysis', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-report-engine-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const pageData = (html: string) => JSON.parse(html.match(/<script type="application\/json" id="fieldnotes-data">([\s\S]*?)<\/script>/)![1]!) as { grids: unknown };

  /** Compares the CLI with the page for `root/name`, the study's reading and each coder's; returns the cases compared. */
  async function compare(name: string, coders: string[]): Promise<number> {
    const folder = path.join(root, name);
    const folders = [fileUri(folder)];
    // The engine as the language server opens a workspace folder (lsp/server.ts: scan, then the project files).
    const engine = new WorkspaceEngine(nodeFileSystem, en, (uri) => workspacePath(uri, folders));
    for (const uri of await engine.index.scan(folders)) if (isProjectUri(uri)) await engine.projects.reload(uri);
    let cases = 0;
    for (const coder of [undefined, ...coders]) {
      const run = fieldnotes(['report', name, '--format', 'json', ...(coder ? ['--coder', coder] : [])], { cwd: root });
      assert.equal(run.status, 0, run.stderr);
      const fromCli = JSON.parse(run.stdout) as { cases: unknown[] };
      const { report } = analysisPageReport(engine.index, engine.copies, folders, coder);
      assert.deepEqual(JSON.parse(toJson(report)), fromCli, coder ? `coder ${coder}` : 'the study');
      cases += fromCli.cases.length;
    }

    const client = new LspClient();
    await client.initialize(folder);
    const page = (await client.connection.sendRequest(AnalysisPageRequest.method, { nonce: 'n', cspSource: 'c' })) as AnalysisPageResult;
    await client.stop();
    assert.ok('html' in page);
    const html = fieldnotes(['report', name, '--format', 'html'], { cwd: root });
    assert.equal(html.status, 0, html.stderr);
    // The page's evidence carries each note's URI too, so that a click opens it; otherwise the grids are the report's.
    const withoutUris = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(withoutUris) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'uri').map(([key, v]) => [key, withoutUris(v)])) : value;
    const grids = pageData(page.html).grids;
    assert.ok(JSON.stringify(grids).includes('"uri":"file:'), 'the page links its evidence to the notes');
    assert.deepEqual(withoutUris(grids), pageData(html.stdout).grids);
    return cases;
  }

  it('on the samples (two studies, several coders)', async () => {
    cpSync(SAMPLES, path.join(root, 'samples'), { recursive: true });
    assert.ok((await compare('samples', ['MT', 'LH', 'AK'])) > 12);
  });

  it('on a generated study with a second coder, and a coded note whose codebook is missing', async () => {
    const folder = path.join(root, 'studie');
    mkdirSync(folder);
    writeStudy(folder, realisticStudy(60, 5, { secondCoder: true }));
    writeFileSync(path.join(folder, 'borte.fn.md'), '---\ncodebook: borte.yaml\ncase: k-1\n---\n\n[Vi drar ut]{#kontaktvei/arena}.\n');
    assert.ok((await compare('studie', ['MT', 'LH'])) > 10);
    const json = JSON.parse(fieldnotes(['report', 'studie', '--format', 'json'], { cwd: root }).stdout) as { leftOut: { note: string; reason: string }[] };
    assert.ok(json.leftOut.some((l) => l.note === 'studie/borte.fn.md' && l.reason === 'no-codebook'), 'the page lists the note left out as the report does');
  });
});

describe('the check on two threads', () => {
  it('says exactly what one thread says', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-threads-'));
    try {
      // Enough notes that the second thread is used (see service/engine.ts).
      writeStudy(root, realisticStudy(120, 11, { secondCoder: true }));
      const two = fieldnotes(['check', '.', '--format', 'json'], { cwd: root, env: { FIELDNOTES_THREADS: '2' } });
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

  it('publishes what was typed in a note while the workspace was read, once it is read', async () => {
    const note = readdirSync(root).filter((f) => f.endsWith('.fn.md'))[1]!;
    const text = readFileSync(path.join(root, note), 'utf8');
    const uri = fileUri(path.join(root, note));
    const client = new LspClient();
    await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: fileUri(root), workspaceFolders: [{ uri: fileUri(root), name: 'study' }], capabilities: {} });
    await client.connection.sendNotification(InitializedNotification.type, {});
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    // Typed at once, while the start-up check is still under way.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}\nRing meg på 41 52 73 84.\n` }] });
    const diagnostics = await client.diagnostics(uri, (d, version) => version === 2 && d.some((x) => x.code === 'anon/phone'));
    await client.stop();
    const phone = diagnostics.find((d) => d.code === 'anon/phone')!;
    assert.equal(phone.range.start.line, text.split('\n').length);
  });
});
