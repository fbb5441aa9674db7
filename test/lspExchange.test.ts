import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { ExportRequest, type ExportParams, type ExportResult } from '../server/src/protocol/requests.js';
import { fileUri, LspClient, serverForSuite } from './support/lspClient.js';
import { SAMPLES } from './support/paths.js';
import { schemaErrors } from './support/xmllint.js';

/** Validates an XML file against a REFI-QDA schema (the copies in test/fixtures) with xmllint. */
function validate(file: string, schema: 'Project.xsd' | 'Codebook.xsd'): void {
  assert.deepEqual(schemaErrors(readFileSync(file, 'utf8'), schema), [], `${path.basename(file)} validates against ${schema}`);
}

/** "Export …" in the editor: the server over stdio writes the REFI-QDA and CSV files from what it holds. */
describe('language server exports (fieldnotes/export)', () => {
  const server = serverForSuite(
    'fieldnotes-lsp-exchange-',
    (temp) => {
      // samples/ holds two studies: codebook.yaml at the top, swot/codebook.yaml below.
      cpSync(SAMPLES, path.join(temp, 'studie'), { recursive: true });
      mkdirSync(path.join(temp, 'eksport'));
      return path.join(temp, 'studie');
    },
    { settings: {} },
  );
  const uri = (name: string) => fileUri(path.join(server.folder, name));
  const target = (name: string) => path.join(server.root, 'eksport', name);
  const exportTo = (params: Omit<ExportParams, 'target'>, file: string) =>
    server.client.connection.sendRequest(ExportRequest.method, { ...params, target: fileUri(target(file)) } satisfies ExportParams) as Promise<ExportResult>;
  const written = (result: ExportResult) => {
    assert.ok('written' in result, `nothing was written: ${result.message}`);
    return result;
  };

  it('writes the coded segments of every note as CSV, one row per code', async () => {
    const result = written(await exportTo({ kind: 'csv' }, 'segments.csv'));
    assert.equal(result.written, fileUri(target('segments.csv')));
    const csv = readFileSync(target('segments.csv'), 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines[0], 'file,line,case,coder,speaker,code,dimension,variation,pole,text,memo');
    // Both studies: a CSV is not bound to one codebook. Names are paths in the workspace folder, as `fieldnotes export` run there gives them.
    assert.ok(lines.some((l) => l.startsWith('intervju-01.fn.md,')));
    assert.ok(lines.some((l) => l.startsWith('swot/intervju-samarbeid-01.fn.md,')));
    assert.match(result.message, /^Exported .*segments\.csv: \d+ rows, one per code on a segment\.$/);
    const rows = Number(/(\d+) rows/.exec(result.message)![1]);
    assert.ok(rows > 20);
    assert.equal(lines.length - 1, rows, 'the message counts the rows written (no field holds a CRLF in the samples)');
  });

  it('refuses a REFI-QDA export of notes under two codebooks, saying what to do, and writes nothing', async () => {
    for (const kind of ['qdpx', 'qdc'] as const) {
      const result = await exportTo({ kind }, `alt.${kind}`);
      assert.ok(!('written' in result));
      assert.match(result.message, /^The notes use 2 codebooks \(codebook\.yaml, swot\/codebook\.yaml\), and a REFI-QDA project holds one\. In the Explorer, right-click/);
      assert.ok(!existsSync(target(`alt.${kind}`)), `${kind}: a file was written`);
    }
    assert.deepEqual(readdirSync(path.join(server.root, 'eksport')).filter((f) => f.startsWith('alt') || f.endsWith('.tmp')), [], 'no file, not even a temporary one');
  });

  it('writes a .qdpx of one folder: a zip whose project.qde validates against Project.xsd', async function () {
    const result = written(await exportTo({ kind: 'qdpx', folder: uri('swot') }, 'swot.qdpx'));
    assert.deepEqual(result.warnings, []);
    const notes = readdirSync(path.join(server.folder, 'swot')).filter((f) => f.endsWith('.fn.md'));
    assert.match(result.message, new RegExp(`: ${notes.length} texts, \\d+ coded segments\\.$`));
    const archive = readFileSync(target('swot.qdpx'));
    assert.deepEqual([...archive.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a zip file');
    const files = unzipSync(archive);
    const qde = new TextDecoder().decode(files['project.qde']);
    assert.match(qde, /<Project [^>]*xmlns="urn:QDA-XML:project:1\.0"/);
    // Only the folder's study: its codebook, its notes.
    assert.match(qde, /Tverrsektorielt samarbeid/);
    assert.equal(Object.keys(files).filter((f) => f.startsWith('sources/')).length, notes.length);
    assert.doesNotMatch(qde, /intervju-01/);
    writeFileSync(target('project.qde'), files['project.qde']!);
    validate(target('project.qde'), 'Project.xsd');
  });

  it('writes a .qdpx of one codebook\'s notes when asked for that codebook', async () => {
    const result = written(await exportTo({ kind: 'qdpx', codebook: uri('codebook.yaml') }, 'hoved.qdpx'));
    const qde = new TextDecoder().decode(unzipSync(readFileSync(target('hoved.qdpx')))['project.qde']);
    assert.match(qde, /name="intervju-01"/);
    assert.doesNotMatch(qde, /intervju-samarbeid/);
    assert.match(result.message, /: \d+ texts \(2 of them coded by several coders\), \d+ coded segments\.$/);
  });

  it('writes the codebook as a .qdc that validates against Codebook.xsd', async function () {
    const result = written(await exportTo({ kind: 'qdc', codebook: uri('codebook.yaml') }, 'codebook.qdc'));
    const qdc = readFileSync(target('codebook.qdc'), 'utf8');
    assert.match(qdc, /<CodeBook [^>]*xmlns="urn:QDA-XML:codebook:1\.0"/);
    assert.match(qdc, /Tilgjengelig på arenaer/i);
    assert.match(result.message, /^Exported .*codebook\.qdc: the codebook, \d+ codes\.$/);
    // The folder's codebook, too, and the same file for the same codebook.
    written(await exportTo({ kind: 'qdc', folder: uri('swot') }, 'swot.qdc'));
    assert.match(readFileSync(target('swot.qdc'), 'utf8'), /Informasjonsdeling/);
    validate(target('codebook.qdc'), 'Codebook.xsd');
    validate(target('swot.qdc'), 'Codebook.xsd');
  });

  it('exports an open note as the editor holds it, unsaved edits included', async () => {
    const name = 'swot/intervju-samarbeid-01.fn.md';
    const onDisk = readFileSync(path.join(server.folder, name), 'utf8');
    const added = 'Vi har nettopp fått et felles journalsystem';
    const text = `${onDisk}\n**Koordinator 1:** [${added}]{#informasjonsdeling/felles-system}.\n`;
    await server.client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(name), languageId: 'markdown', version: 1, text } });
    try {
      written(await exportTo({ kind: 'qdpx', folder: uri('swot') }, 'utkast.qdpx'));
      const files = unzipSync(readFileSync(target('utkast.qdpx')));
      const qde = new TextDecoder().decode(files['project.qde']);
      const sources = Object.keys(files).filter((f) => f.startsWith('sources/')).map((f) => new TextDecoder().decode(files[f]));
      assert.ok(sources.some((s) => s.includes(added)), 'the unsaved words are in the source');
      assert.match(qde, new RegExp(`<PlainTextSelection [^>]*name="${added.slice(0, 20)}`), 'and coded');

      written(await exportTo({ kind: 'csv' }, 'utkast.csv'));
      const row = readFileSync(target('utkast.csv'), 'utf8').split('\r\n').find((l) => l.includes(added));
      assert.ok(row?.startsWith(`${name},`) && row.includes(',informasjonsdeling/felles-system,'), row);
      assert.equal(readFileSync(path.join(server.folder, name), 'utf8'), onDisk, 'the note on disk is untouched');
    } finally {
      await server.client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri(name) } });
    }
  });

  it('warns about each memo kept in the text because it holds codes, naming the note and the line', async () => {
    const name = 'swot/slukt.fn.md';
    const text = '**I:** Hvordan deler dere informasjon?\n\n> [!MEMO]\n> Viktig.\n**Koordinator 1:** [Vi har et felles system]{#informasjonsdeling/felles-system}.\n';
    await server.client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(name), languageId: 'markdown', version: 1, text } });
    try {
      const result = written(await exportTo({ kind: 'qdpx', folder: uri('swot') }, 'slukt.qdpx'));
      assert.deepEqual(result.warnings, [
        "The memo on line 3 of swot/slukt.fn.md holds coded segments, so it stays in the exported text, where its codings are, and is not exported as a note. If the coded words are transcript that the memo swallowed (no blank line under it; the Problems panel shows where), put a blank line before them and export again; if you coded the memo's own words, take the codes out to export it as a note.",
      ]);
      // The quick fix's blank line: the memo becomes a note, and there is nothing to say.
      await server.client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: uri(name), version: 2 },
        contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '\n' }],
      });
      await server.client.diagnostics(uri(name), (_, version) => version === 2);
      assert.deepEqual(written(await exportTo({ kind: 'qdpx', folder: uri('swot') }, 'slukt-2.qdpx')).warnings, []);
    } finally {
      await server.client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri(name) } });
    }
  });

  it('leaves out the notes the settings exclude', async () => {
    await server.client.changeSettings({ exclude: ['swot/**'] });
    try {
      written(await exportTo({ kind: 'csv' }, 'uten-swot.csv'));
      const csv = readFileSync(target('uten-swot.csv'), 'utf8');
      assert.doesNotMatch(csv, /swot\//);
      assert.match(csv, /\r\nintervju-01\.fn\.md,/);
      // Without the swot notes, one study is left: the project can be exported.
      written(await exportTo({ kind: 'qdpx' }, 'uten-swot.qdpx'));
    } finally {
      await server.client.changeSettings({});
    }
  });

  it('says there is nothing to export in a folder without notes, and names the folder', async () => {
    const result = await exportTo({ kind: 'qdpx', folder: fileUri(path.join(server.folder, 'tom')) }, 'tom.qdpx');
    assert.deepEqual(result, { message: 'There are no notes (*.fn.md) in tom to export. Choose a folder that holds notes; notes the "fieldnotes.exclude" setting leaves out are never exported.' });
    assert.ok(!existsSync(target('tom.qdpx')));
  });

  it('reports a file it cannot write, and leaves nothing behind', async () => {
    // The target's folder is a file: no folder can be made there.
    writeFileSync(target('en-fil'), 'x');
    const result = await exportTo({ kind: 'csv' }, 'en-fil/segments.csv');
    assert.ok(!('written' in result));
    assert.match(result.message, /^Could not write .*en-fil\/segments\.csv \(E\w+: .*\)\. Nothing was written; choose another place or name\.$/);
    assert.equal(readFileSync(target('en-fil'), 'utf8'), 'x');
  });

  it('replaces a file that exists (the save dialog has asked)', async () => {
    writeFileSync(target('erstatt.csv'), 'gammel');
    written(await exportTo({ kind: 'csv' }, 'erstatt.csv'));
    assert.match(readFileSync(target('erstatt.csv'), 'utf8'), /^file,line,/);
  });
});

describe('language server exports in Bokmål', () => {
  it('says what was written, and what is wrong, in Bokmål', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-lsp-exchange-nb-'));
    const folder = path.join(root, 'studie');
    cpSync(SAMPLES, folder, { recursive: true });
    const client = new LspClient();
    try {
      await client.initialize(folder, 'nb');
      const ask = (params: ExportParams) => client.connection.sendRequest(ExportRequest.method, params) as Promise<ExportResult>;
      const refused = await ask({ kind: 'qdpx', target: fileUri(path.join(root, 'alt.qdpx')) });
      assert.match(refused.message, /^Notatene bruker 2 kodebøker \(codebook\.yaml, swot\/codebook\.yaml\), og et REFI-QDA-prosjekt har én\./);
      const done = await ask({ kind: 'qdpx', target: fileUri(path.join(root, 'swot.qdpx')), folder: fileUri(path.join(folder, 'swot')) });
      assert.match(done.message, /^Eksporterte .*swot\.qdpx: \d+ tekster, \d+ kodede segmenter\.$/);
    } finally {
      assert.equal(await client.stop(), 0, client.stderr);
      rmSync(root, { recursive: true, force: true });
    }
  });
});
