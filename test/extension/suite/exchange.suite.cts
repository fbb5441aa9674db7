import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openTestNote, TEST_NOTE_NAME, workspaceFolder } from './support.cjs';

/**
 * The export commands with a target argument (no save dialog): each
 * resolves with the file it wrote, which is then read back. The workspace
 * is a copy of samples/, which holds two studies (codebook.yaml at the top,
 * swot/codebook.yaml below).
 */
describe('the export commands', () => {
  const target = (name: string) => vscode.Uri.joinPath(workspaceFolder().uri, 'eksport', name);
  const read = async (uri: vscode.Uri) => Buffer.from(await vscode.workspace.fs.readFile(uri));
  const exists = (uri: vscode.Uri) =>
    vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );

  before(async () => {
    // The server is running and has read the workspace once it reports on the test note.
    await openTestNote();
  });

  it('"Export coded segments … (CSV)" writes every note\'s coded segments to the file given', async () => {
    const csv = target('segments.csv');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('fieldnotes.exportSegmentsCsv', csv);
    assert.equal(written?.toString(), csv.toString());
    const text = (await read(csv)).toString('utf8');
    assert.match(text, /^file,line,case,coder,speaker,code,dimension,variation,pole,text,memo\r\n/);
    assert.match(text, new RegExp(`\\r\\n${TEST_NOTE_NAME.replace(/\./g, '\\.')},\\d+,kommune-99,TE,`), 'the test note, as the editor holds it');
    assert.match(text, /\r\nswot\/intervju-samarbeid-01\.fn\.md,/);
  });

  it('"Export codebook … (REFI-QDA .qdc)" writes the codebook given', async () => {
    const qdc = target('codebook.qdc');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('fieldnotes.exportCodebookQdc', vscode.Uri.joinPath(workspaceFolder().uri, 'codebook.yaml'), qdc);
    assert.equal(written?.toString(), qdc.toString());
    const text = (await read(qdc)).toString('utf8');
    assert.match(text, /^<\?xml /);
    assert.match(text, /<CodeBook [^>]*xmlns="urn:QDA-XML:codebook:1\.0"/);
  });

  it('"Export project … (REFI-QDA .qdpx)" writes a zip of the folder given', async () => {
    const qdpx = target('swot.qdpx');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('fieldnotes.exportProjectQdpx', vscode.Uri.joinPath(workspaceFolder().uri, 'swot'), qdpx);
    assert.equal(written?.toString(), qdpx.toString());
    const bytes = await read(qdpx);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'starts with the zip signature PK\\x03\\x04');
  });

  it('"Export project … (REFI-QDA .qdpx)" of notes under two codebooks writes nothing', async () => {
    const qdpx = target('alt.qdpx');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('fieldnotes.exportProjectQdpx', qdpx);
    assert.equal(written, undefined);
    assert.equal(await exists(qdpx), false);
  });
});
