import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './paths.cjs';
import { openNewNote, openTestNote, waitFor, workspaceFolder } from './support.cjs';

/** What the Coder comparison view shows, as the compare command and the extension's API give it. */
interface Snapshot {
  note: string;
  other: string;
  stale: boolean;
  figures: {
    words: number;
    decisions: Figures & { inflated: boolean };
    readings: Figures;
    codes: (Figures & { code: string })[];
  };
  description: string | undefined;
  message: string | undefined;
  items: { label: string; description: string | undefined; tooltip: string | undefined; command: string | undefined }[];
  runs: { start: vscode.Position; end: vscode.Position; text: string }[];
  markedEditors: number;
}
interface Figures {
  units: number;
  percent: number | null;
  kappa: number | null;
  alpha: number | null;
}
interface AgreeRun {
  words: number;
  text: string;
  a: { start: number; end: number; codes: { code: string; reading: string }[] };
  b: { codes: { code: string; reading: string }[] };
}
interface AgreeJson {
  transcripts: {
    words: number;
    overall: { pairs: (Figures & { inflated: boolean })[] };
    readings: { pooled: { pairs: Figures[] } };
    codes: { code: string; pairs: Figures[] }[];
    disagreements: { runs: AgreeRun[] }[];
  }[];
}

const figure = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));
const coded = (codes: { code: string; reading: string }[]) => codes.map((c) => `#${c.code}${c.reading ? ` (${c.reading})` : ''}`).join(' ');

/**
 * "Compare with another coder" on the samples' two copies of intervju-03
 * (MT's, which the analysis counts, and LH's), with the other copy given
 * as the command's argument (no picker). What the view shows is checked
 * against `fieldnotes agree` run as a process on the same files.
 */
describe('Compare with another coder, and the Coder comparison view', () => {
  let document: vscode.TextDocument;
  let lh: vscode.Uri;
  let cli: AgreeJson['transcripts'][number];
  let runs: AgreeRun[];
  const api = () => vscode.extensions.getExtension(EXTENSION_ID)!.exports as { comparison(): Snapshot | undefined };
  const editor = () => {
    const shown = vscode.window.visibleTextEditors.find((e) => e.document === document);
    assert.ok(shown, 'intervju-03.fn.md is no longer shown');
    return shown;
  };
  const selected = () => [document.offsetAt(editor().selection.start), document.offsetAt(editor().selection.end)];

  before(async () => {
    // The server has read the workspace once it reports on the test note.
    await openTestNote();
    const folder = workspaceFolder().uri;
    document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'intervju-03.fn.md'));
    await vscode.window.showTextDocument(document);
    lh = vscode.Uri.joinPath(folder, 'intervju-03.LH.fn.md');
    // The installed extension's own command line; in VS Code (Electron) the executable runs as Node only when told to.
    const fieldnotes = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'fieldnotes.js');
    const run = spawnSync(process.execPath, [fieldnotes, 'agree', 'intervju-03.fn.md', 'intervju-03.LH.fn.md', '--format', 'json'], {
      cwd: folder.fsPath,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', FIELDNOTES_LANG: 'en' },
    });
    assert.equal(run.status, 0, `fieldnotes agree: ${run.stderr}`);
    cli = (JSON.parse(run.stdout) as AgreeJson).transcripts[0]!;
    runs = cli.disagreements[0]!.runs;
    assert.ok(runs.length > 1, 'the samples\' copies of intervju-03 differ in more than one place');
  });

  after(() => vscode.commands.executeCommand('fieldnotes.comparison.close'));

  it('compares with the copy given: the view lists every run with what each coder gave, under the pair\'s figures', async () => {
    const shown = await vscode.commands.executeCommand<Snapshot | undefined>('fieldnotes.compareCoder', lh);
    assert.ok(shown, 'the command compared');
    assert.deepEqual(api().comparison(), shown, 'the API gives what the command gave');
    assert.equal(shown.stale, false);
    assert.equal(shown.other, lh.toString());

    const pair = ({ units, percent, kappa, alpha }: Figures) => ({ units, percent, kappa, alpha });
    const overall = cli.overall.pairs[0]!;
    assert.deepEqual(shown.figures, {
      words: cli.words,
      decisions: { ...pair(overall), inflated: overall.inflated },
      readings: pair(cli.readings.pooled.pairs[0]!),
      codes: cli.codes.map((c) => ({ code: c.code, ...pair(c.pairs[0]!) })),
    });
    const readings = cli.readings.pooled.pairs[0]!;
    for (const value of [String(cli.words), figure(overall.percent), figure(overall.kappa), figure(overall.alpha), figure(readings.percent), figure(readings.kappa), figure(readings.alpha)]) {
      assert.ok(shown.message?.includes(value), `the view's message lacks ${value}: ${shown.message}`);
    }
    assert.match(shown.description ?? '', new RegExp(`^MT and LH · ${runs.length} disagreements$`));

    assert.deepEqual(
      shown.items.map((item) => [item.label, item.description, item.command]),
      runs.map((run) => [run.text, `MT: ${coded(run.a.codes) || 'no code'} · LH: ${coded(run.b.codes) || 'no code'}`, 'fieldnotes.comparison.show']),
    );
    const reading = shown.items.find((item) => item.description?.includes('#kontaktvei/via-samarbeidspartnere (proactive)') && item.description.includes('LH: #kontaktvei/via-samarbeidspartnere (reactive)'));
    assert.ok(reading, `no run where MT read #kontaktvei/via-samarbeidspartnere as proactive and LH as reactive: ${shown.items.map((i) => i.description).join('; ')}`);
    assert.deepEqual(
      shown.runs.map((run) => [document.offsetAt(run.start), document.offsetAt(run.end)]),
      runs.map((run) => [run.a.start, run.a.end]),
    );
    assert.equal(shown.markedEditors, 1, 'the note\'s editor carries the marks');
  });

  it('"Next disagreement" and "Previous disagreement" select each run in the note, in order', async () => {
    const places = runs.map((run) => [run.a.start, run.a.end]);
    editor().selection = new vscode.Selection(0, 0, 0, 0);
    for (const [index, place] of places.entries()) {
      assert.equal(await vscode.commands.executeCommand<number | undefined>('fieldnotes.comparison.next'), index);
      assert.deepEqual(selected(), place, `run ${index + 1}`);
    }
    assert.equal(await vscode.commands.executeCommand<number | undefined>('fieldnotes.comparison.next'), 0, 'after the last, the first');
    assert.equal(await vscode.commands.executeCommand<number | undefined>('fieldnotes.comparison.previous'), places.length - 1, 'before the first, the last');
    for (let index = places.length - 2; index >= 0; index--) {
      assert.equal(await vscode.commands.executeCommand<number | undefined>('fieldnotes.comparison.previous'), index);
      assert.deepEqual(selected(), places[index], `run ${index + 1}, going back`);
    }
    // A click on an item in the view selects its run.
    const last = places.length - 1;
    assert.equal(await vscode.commands.executeCommand<number | undefined>('fieldnotes.comparison.show', last), last);
    assert.deepEqual(selected(), places[last]);
  });

  it('says it is out of date once the note is edited, and compares again with the same copy', async () => {
    const end = document.positionAt(document.getText().length);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, end, '\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const stale = await waitFor('the comparison to say it is out of date', [vscode.workspace.onDidChangeTextDocument], () => (api().comparison()?.stale ? api().comparison() : undefined));
    assert.deepEqual(
      stale.items.map((item) => [item.label, item.command]),
      [['Compare again with intervju-03.LH.fn.md', 'fieldnotes.comparison.compareAgain']],
    );
    assert.match(stale.message ?? '', /intervju-03\.fn\.md changed after the comparison/);
    assert.equal(stale.markedEditors, 0, 'the marks are gone');
    assert.equal(await vscode.commands.executeCommand<number | undefined>('fieldnotes.comparison.next'), undefined, 'nothing to walk while out of date');

    const undo = new vscode.WorkspaceEdit();
    undo.delete(document.uri, new vscode.Range(end, document.positionAt(document.getText().length)));
    assert.equal(await vscode.workspace.applyEdit(undo), true);
    assert.equal(await document.save(), true);
    const again = await vscode.commands.executeCommand<Snapshot | undefined>('fieldnotes.comparison.compareAgain');
    assert.ok(again && !again.stale, 'compared again');
    assert.equal(again.other, lh.toString());
    assert.deepEqual(
      again.items.map((item) => item.label),
      runs.map((run) => run.text),
    );
    assert.equal(again.markedEditors, 1);
  });

  it('with no disagreement, says so in the view under the figures; without coders, names "this note" and the other file', async () => {
    const text = '# Enige\n\n[Vi drar dit de er]{#kontaktvei/tilgjengelig-på-arenaer}, sa hun.\n';
    const other = await openNewNote('enig-b.fn.md', text);
    await openNewNote('enig-a.fn.md', text);
    const shown = await vscode.commands.executeCommand<Snapshot | undefined>('fieldnotes.compareCoder', other.uri);
    assert.ok(shown && !shown.stale, 'compared');
    assert.deepEqual(
      shown.items.map((item) => item.label),
      ['this note and enig-b.fn.md gave every word the same codes and readings.'],
    );
    // 8 words (the heading's too), 5 coded alike and 3 uncoded by both: every unit agrees, with two categories, so kappa and alpha are 1;
    // the codebook fixes the code's pole, so there is no reading to agree on (n/a).
    assert.match(shown.message ?? '', /^8 words · all codes: agreement 1\.000, Cohen's kappa 1\.000, Krippendorff's alpha 1\.000 · readings where both coded \(0 units\): agreement n\/a, kappa n\/a, alpha n\/a$/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.window.showTextDocument(document);
  });

  it('"Close comparison" clears the marks and the view, and leaves nothing to walk', async () => {
    assert.ok(await vscode.commands.executeCommand<Snapshot | undefined>('fieldnotes.compareCoder', lh));
    await vscode.commands.executeCommand('fieldnotes.comparison.next');
    const before = selected();
    await vscode.commands.executeCommand('fieldnotes.comparison.close');
    assert.equal(api().comparison(), undefined);
    assert.equal(await vscode.commands.executeCommand<number | undefined>('fieldnotes.comparison.next'), undefined);
    assert.deepEqual(selected(), before, 'the selection stays where it was');
  });
});
