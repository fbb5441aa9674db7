import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { ReviewsRequest, type ReviewItem } from '../server/src/protocol/requests.js';
import { LineIndex } from '../server/src/core/text/lineIndex.js';
import { fieldnotes } from './support/cli.js';
import { fileUri, serverForSuite } from './support/lspClient.js';
import { SAMPLES } from './support/paths.js';

/** Supervisors' review: the front matter's `status`, and the CLI refusing notes that are not reviewed. */
describe('fieldnotes check --require-reviewed', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-reviewed-'));
    writeFileSync(path.join(folder, 'ferdig.fn.md'), '---\nstatus: reviewed\n---\n\nTekst.\n');
    writeFileSync(path.join(folder, 'kladd.fn.md'), '---\nstatus: draft\n---\n\nTekst.\n');
    writeFileSync(path.join(folder, 'uten.fn.md'), 'Tekst.\n');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('refuses notes that are not reviewed, at their status, also with --anon-only, and says what to do', () => {
    for (const extra of [[], ['--anon-only']]) {
      const run = fieldnotes(['check', '--require-reviewed', '--format', 'json', ...extra, '.'], { cwd: folder });
      assert.equal(run.status, 1, run.stderr);
      const found = JSON.parse(run.stdout).filter((d: { code: string }) => d.code === 'review/not-reviewed');
      assert.deepEqual(
        found.map((d: { file: string; range: { start: { line: number; character: number } } }) => [d.file, d.range.start.line, d.range.start.character]),
        [
          ['kladd.fn.md', 1, 8],
          ['uten.fn.md', 0, 0],
        ],
      );
      assert.match(found[0].message, /status is `draft`, not `reviewed`/);
    }
  });

  it('checks status values against the front-matter schema', () => {
    writeFileSync(path.join(folder, 'feil.fn.md'), '---\nstatus: ferdig\n---\n\nTekst.\n');
    const run = fieldnotes(['check', '--format', 'json', 'feil.fn.md'], { cwd: folder });
    const [invalid] = JSON.parse(run.stdout).filter((d: { code: string }) => d.code === 'frontmatter/invalid');
    assert.match(invalid.message, /`status`.*`draft`, `coded` or `reviewed`/);
    rmSync(path.join(folder, 'feil.fn.md'));
  });
});

describe('language server: review comments', () => {
  const text = '**NAV-leder 2:** Vi tar det derfra.\n\n> [!REVIEW] veileder\n> Er dette egentlig kontaktvei?\n\n> [!REVIEW]- veileder (resolved)\n> Ok nå.\n';
  const server = serverForSuite('fieldnotes-lsp-review-', (temp) => {
    cpSync(SAMPLES, temp, { recursive: true });
    writeFileSync(path.join(temp, 'gjennomgang.fn.md'), text);
    return temp;
  });
  const note = () => fileUri(path.join(server.folder, 'gjennomgang.fn.md'));

  it('shows an open review comment as information at its marker, and not a resolved one', async () => {
    const diagnostics = (await server.client.diagnostics(note())).filter((d) => d.code === 'review/open');
    assert.deepEqual(
      diagnostics.map((d) => [d.severity, d.range.start.line, d.range.start.character, d.range.end.character]),
      [[3, 2, 2, 11]],
    );
    assert.match(diagnostics[0]!.message as string, /^Review comment from veileder: “Er dette egentlig kontaktvei\?” Answer it, then mark it resolved\.$/);
  });

  it('marks a review resolved with a quick fix: folded, and `(resolved)` after the name', async () => {
    const [open] = (await server.client.diagnostics(note())).filter((d) => d.code === 'review/open');
    const actions = (await server.client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: note() }, range: open!.range, context: { diagnostics: [open!] } })) as CodeAction[];
    const resolve = actions.find((a) => a.title === 'Mark this review comment resolved')!;
    const lines = new LineIndex(text);
    const edits = resolve.edit!.changes![note()]!.map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
    const resolved = edits.reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
    assert.equal(resolved.split('\n')[2], '> [!REVIEW]- veileder (resolved)');
  });

  it('lists every review comment of the workspace, open ones first, for the Reviews view', async () => {
    const items = (await server.client.connection.sendRequest(ReviewsRequest.method, {})) as ReviewItem[];
    const here = items.filter((i) => i.uri === note());
    assert.deepEqual(here.map((i) => [i.reviewer, i.text, i.resolved, i.range.start.line]), [
      ['veileder', 'Er dette egentlig kontaktvei?', false, 2],
      ['veileder', 'Ok nå.', true, 5],
    ]);
    assert.ok(items.findIndex((i) => i.resolved) === -1 || items.slice(items.findIndex((i) => i.resolved)).every((i) => i.resolved), 'open ones first');
  });
});
