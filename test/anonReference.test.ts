/**
 * The anonymization check finds exactly what it found before its speed-up
 * (same spans, types, scores, evidence, weakness and order), on every note
 * of a realistic study and of the gold corpus, each note on its own and
 * with the other notes' knowledge. The reference
 * (test/fixtures/anon-reference.json) was written by
 * scripts/anon-reference.mjs from the check as it was at commit 4d9f8d4;
 * it is regenerated only when findings are meant to change.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { anonPasses, expand, textHash, type CompactFinding } from './support/anonPasses.js';
import { FIXTURES, ROOT } from './support/paths.js';
import { realisticStudy } from './support/realisticNotes.js';

interface ReferenceNote {
  name: string;
  hash: string;
  own: CompactFinding[];
  workspace?: CompactFinding[];
}

const reference = JSON.parse(readFileSync(path.join(FIXTURES, 'anon-reference.json'), 'utf8')) as {
  study: { count: number; seed: number; notes: ReferenceNote[] };
  corpus: { notes: ReferenceNote[] };
  evidence: string[];
};
const CORPUS = path.join(ROOT, '..', 'shared', 'corpus', 'anon-dev');

function holdToReference(notes: { name: string; text: string }[], expected: ReferenceNote[]): void {
  assert.deepEqual(
    notes.map((n) => n.name),
    expected.map((n) => n.name),
    'the notes the reference was made from',
  );
  const passes = anonPasses(notes);
  notes.forEach((note, i) => {
    const want = expected[i]!;
    assert.equal(textHash(note.text), want.hash, `${note.name} is not the text the reference was made from: was the generator or the corpus changed? Then run scripts/anon-reference.mjs on the check as it was.`);
    const got = passes[i]!;
    assert.deepStrictEqual(got.own, expand(want.own, reference.evidence, note.text), `${note.name}, on its own`);
    assert.equal(got.workspace !== undefined, want.workspace !== undefined, `${note.name}: whether the other notes change its findings`);
    if (want.workspace) assert.deepStrictEqual(got.workspace, expand(want.workspace, reference.evidence, note.text), `${note.name}, with the other notes' knowledge`);
  });
}

describe('anonymization check against its reference findings', () => {
  it('finds in a realistic study exactly what the reference holds', () => {
    const { count, seed, notes } = reference.study;
    assert.ok(notes.length >= 50 && notes.some((n) => n.workspace), 'the reference holds a study with a workspace pass');
    const study = realisticStudy(count, seed, { secondCoder: true }).filter((f) => f.name.endsWith('.fn.md'));
    holdToReference(study, notes);
  });

  it('finds in the gold corpus exactly what the reference holds', function () {
    // The corpus lives beside the repository, not in it: a clone elsewhere has nothing to compare with.
    if (!existsSync(CORPUS)) this.skip();
    const corpus = readdirSync(CORPUS)
      .filter((f) => f.endsWith('.fn.md'))
      .sort()
      .map((name) => ({ name, text: readFileSync(path.join(CORPUS, name), 'utf8') }));
    holdToReference(corpus, reference.corpus.notes);
  });
});
