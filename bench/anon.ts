/**
 * Anonymization benchmark (`npm run bench:anon`, part of `npm run bench`):
 * the check on 1 MB notes, in process (median of warm runs, and the first,
 * cold run) and as the whole `fieldnotes check --anon-only` process, with
 * bare remark-parse on the same text side by side as the baseline.
 * Measured, never asserted. Target: under 300 ms for a 1 MB note.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { checkAnonymity } from '../server/src/core/anon/check.js';
import { lexicon } from '../server/src/core/anon/lexicon.js';
import { NoteParser } from '../server/src/core/dialect/note.js';
import { en } from '../server/src/core/i18n/messages.js';
import { generateNote } from '../test/support/generateNotes.js';
import { median, ms, processTime, time } from './measure.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist', 'fieldnotes.js');
const HELD_OUT = path.join(ROOT, 'test', 'fixtures', 'anon-heldout');
const RUNS = 9;

/** Transcript prose with a name, a place or a number in about one sentence in twenty. */
function realistic(): string {
  let sentence = 0;
  return generateNote('transcript', 1_000_000, 11).replace(/\. (\p{Lu})/gu, (match, next: string) =>
    ++sentence % 20 === 0 ? `. Hun heter Kibrom Tesfay og bor på Flatøy, tlf. 415 27 384. ${next}` : match,
  );
}

/** The held-out corpus's notes repeated: names in nearly every sentence, the worst case. */
function dense(): string {
  const bodies = readdirSync(HELD_OUT)
    .filter((f) => f.endsWith('.fn.md'))
    .map((f) => readFileSync(path.join(HELD_OUT, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
  let text = '';
  while (text.length < 1_000_000) text += bodies.join('\n\n');
  return text;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-bench-anon-'));
try {
  console.log(`Anonymization benchmark on ${os.cpus()[0]?.model} (${os.cpus().length} cores), Node ${process.version}\n`);
  const knowledge = lexicon();
  for (const [label, text] of [
    ['1 MB transcript, a name now and then', realistic()],
    ['1 MB of names in nearly every sentence', dense()],
  ] as const) {
    const parsed = new NoteParser(en).parse(text);
    let findings = 0;
    const cold = time(() => (findings = checkAnonymity(parsed, knowledge).findings.length));
    const warm = Array.from({ length: RUNS }, () => time(() => checkAnonymity(parsed, knowledge)));
    const bare = Array.from({ length: RUNS }, () => time(() => unified().use(remarkParse).parse(text)));
    const file = path.join(tmp, `${label.length}.fn.md`);
    writeFileSync(file, text);
    const cli = Array.from({ length: 5 }, () => processTime([CLI, 'check', '--anon-only', '--format', 'json', file]));
    console.log(`${label} (${(text.length / 1e6).toFixed(2)} M characters, ${findings} findings)`);
    console.log(`   check, in process      median ${ms(median(warm))} (first run ${ms(cold)}); bare remark-parse ${ms(median(bare))}; ratio ${(median(warm) / median(bare)).toFixed(2)}`);
    console.log(`   fieldnotes check --anon-only, whole process   median ${ms(median(cli))}\n`);
  }
  console.log('Target: the check under 300 ms for a 1 MB note.');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
