import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './support/paths.js';

/* The second development corpus is built from notes with their spans marked inline (scripts/build-anon-corpus.mjs). */

const SCRIPT = path.join(ROOT, 'scripts', 'build-anon-corpus.mjs');
const build = (folder: string, ...args: string[]) => spawnSync(process.execPath, [SCRIPT, folder, ...args], { encoding: 'utf8' });

describe('the anonymization corpus built from marked notes', () => {
  it('anon-dev2 is what its marked notes make (run node scripts/build-anon-corpus.mjs test/fixtures/anon-dev2)', () => {
    const run = build(path.join(ROOT, 'test', 'fixtures', 'anon-dev2'), '--check');
    assert.equal(run.status, 0, run.stderr);
  });

  it('puts every span where its words are, past characters beyond the BMP, and refuses a mark it cannot read, naming the line', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-corpus-'));
    try {
      mkdirSync(path.join(folder, 'src'));
      writeFileSync(path.join(folder, 'src', '01-a.marked.md'), 'Hei 🙂 ⟦Ahmed Nur|person⟧ kom på ⟪mandag|weekday⟫.\n');
      assert.equal(build(folder).status, 0);
      const text = readFileSync(path.join(folder, '01-a.fn.md'), 'utf8');
      assert.equal(text, 'Hei 🙂 Ahmed Nur kom på mandag.\n');
      const gold = JSON.parse(readFileSync(path.join(folder, 'gold.json'), 'utf8')) as { start: number; end: number; text: string; type: string }[];
      const traps = JSON.parse(readFileSync(path.join(folder, 'traps.json'), 'utf8')) as { start: number; end: number; text: string; why: string }[];
      assert.deepEqual(gold.map((g) => [text.slice(g.start, g.end), g.type]), [['Ahmed Nur', 'person']]);
      assert.deepEqual(traps.map((t) => [text.slice(t.start, t.end), t.why]), [['mandag', 'weekday']]);
      writeFileSync(path.join(folder, 'src', '02-b.marked.md'), 'En linje.\nTo ⟦Ola|persn⟧ og ⟪tre.\n');
      const run = build(folder);
      assert.equal(run.status, 1);
      assert.match(run.stderr, /src\/02-b\.marked\.md:2: “persn” is not a type/);
      assert.match(run.stderr, /src\/02-b\.marked\.md:2: a mark is not closed/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
