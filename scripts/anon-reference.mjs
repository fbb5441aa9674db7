/**
 * Writes test/fixtures/anon-reference.json: the anonymization findings of
 * a realistic study (test/support/realisticNotes.ts, 50 notes and their
 * second coder's copies, seed 7) and of the gold corpus
 * (../shared/corpus/anon-dev beside the repository, read in place), each
 * note on its own and with the other notes' knowledge, as
 * test/support/anonPasses.ts runs them. test/anonReference.test.ts holds
 * the check to it, so that a change meant only to make the check faster
 * finds exactly what it found before.
 *
 * Made from the check as it was before such a change (commit bb3f7c6,
 * with the realistic generator's few names per note): run it again only
 * when the findings or the generator are meant to change, and say why in
 * the commit. Needs `npm run build` first.
 *
 *   node scripts/anon-reference.mjs
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { anonPasses, compact } = await import(path.join(ROOT, 'out', 'test', 'support', 'anonPasses.js'));
const { realisticStudy } = await import(path.join(ROOT, 'out', 'test', 'support', 'realisticNotes.js'));

export const STUDY = { count: 50, seed: 7 };
const CORPUS = path.join(ROOT, '..', 'shared', 'corpus', 'anon-dev');
if (!existsSync(CORPUS)) {
  console.error(`No gold corpus at ${CORPUS}.`);
  process.exit(2);
}

const evidence = [];
const index = new Map();
const rows = (passes) =>
  passes.map((p) => ({ name: p.name, hash: p.hash, own: compact(p.own, evidence, index), ...(p.workspace ? { workspace: compact(p.workspace, evidence, index) } : {}) }));

const study = realisticStudy(STUDY.count, STUDY.seed, { secondCoder: true }).filter((f) => f.name.endsWith('.fn.md'));
const corpus = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.fn.md'))
  .sort()
  .map((name) => ({ name, text: readFileSync(path.join(CORPUS, name), 'utf8') }));
const fixture = { study: { ...STUDY, notes: rows(anonPasses(study)) }, corpus: { notes: rows(anonPasses(corpus)) }, evidence };

// One note a line: small in git, readable in a diff.
const lines = (notes) => notes.map((n) => '    ' + JSON.stringify(n)).join(',\n');
const out = `{\n  "study": { "count": ${STUDY.count}, "seed": ${STUDY.seed}, "notes": [\n${lines(fixture.study.notes)}\n  ] },\n  "corpus": { "notes": [\n${lines(fixture.corpus.notes)}\n  ] },\n  "evidence": [\n${evidence.map((e) => '    ' + JSON.stringify(e)).join(',\n')}\n  ]\n}\n`;
const file = path.join(ROOT, 'test', 'fixtures', 'anon-reference.json');
writeFileSync(file, out);
const count = (notes) => notes.reduce((sum, n) => sum + n.own.length + (n.workspace?.length ?? 0), 0);
console.log(`${file}: ${fixture.study.notes.length} study notes (${count(fixture.study.notes)} findings), ${fixture.corpus.notes.length} corpus notes (${count(fixture.corpus.notes)}), ${evidence.length} kinds of evidence, ${(out.length / 1024).toFixed(0)} KB`);
