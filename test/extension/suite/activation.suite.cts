import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './paths.cjs';
import { codeOf, fieldnotesDiagnostics, hasUnknownCode, openNewNote, openTestNote, TEST_NOTE_NAME, waitForDiagnostics } from './support.cjs';

describe('the extension in VS Code', () => {
  it('is active once a note is open, without the tests activating it, and the note stays Markdown', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded as the extension under development`);
    // Nothing here calls activate(): the note's diagnostics can only come
    // from a server that the extension's own activation started.
    const { document } = await openTestNote();
    assert.equal(extension.isActive, true);
    assert.equal(typeof (extension.exports as { extendMarkdownIt?: unknown } | undefined)?.extendMarkdownIt, 'function', 'activate() returns the markdown-it plugin');
    assert.equal(document.languageId, 'markdown');
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'markdown');
  });

  it('shows the server diagnostic for a code not in the codebook, and only that one', async () => {
    const { document } = await openTestNote();
    const diagnostics = fieldnotesDiagnostics(document.uri);
    assert.deepEqual(diagnostics.map(codeOf), ['code/unknown'], `diagnostics on ${TEST_NOTE_NAME}`);
    const [unknown] = diagnostics;
    assert.equal(document.getText(unknown!.range), '#kontaktvei/finnes-ikke');
    assert.equal(unknown!.severity, vscode.DiagnosticSeverity.Error);
    assert.match(unknown!.message, /kontaktvei\/finnes-ikke/);
  });

  it('clears the diagnostic when the code is corrected in the editor', async () => {
    const document = await openNewNote('rettes.fn.md', '---\nid: rettes\nkind: memo\ncoder: TE\ndate: 2024-01-16\n---\n\n[Ungdommene ringer selv]{#kontaktvei/egen-henvendelsen}.\n');
    const unknown = (await waitForDiagnostics('code/unknown on rettes.fn.md', document.uri, hasUnknownCode)).find((d) => codeOf(d) === 'code/unknown');
    assert.equal(document.getText(unknown!.range), '#kontaktvei/egen-henvendelsen');

    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, unknown!.range, '#kontaktvei/egen-henvendelse');
    assert.equal(await vscode.workspace.applyEdit(edit), true, 'the edit was applied');
    await waitForDiagnostics('no diagnostics on rettes.fn.md after the fix', document.uri, (diagnostics) => diagnostics.length === 0);
    assert.equal(await document.save(), true);
  });

  it('registers the Code selection command', async () => {
    await openTestNote();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('fieldnotes.codeSelection'), 'fieldnotes.codeSelection is not among the registered commands');
  });

  it('registers every command its manifest contributes', async () => {
    await openTestNote();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const declared = manifest.contributes.commands.map((c) => c.command);
    assert.ok(declared.includes('fieldnotes.exportProjectQdpx'));
    assert.deepEqual(declared.filter((command) => !registered.has(command)), []);
  });
});
