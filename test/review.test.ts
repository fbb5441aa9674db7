import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fieldnotes } from './support/cli.js';

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
