/**
 * Benchmarks (`npm run bench`). Measured, never asserted: figures are
 * medians, with ratios against bare remark-parse run side by side on the
 * same text. Inputs are generated (test/support/realisticNotes.ts for the
 * headline CLI figure, test/support/generateNotes.ts for the rest) into a
 * temporary folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { loadCodebook } from '../server/src/core/codebook/codebook.js';
import { buildNoteModel } from '../server/src/core/checks/noteModel.js';
import { NoteParser, parseWhole } from '../server/src/core/dialect/note.js';
import { en } from '../server/src/core/i18n/messages.js';
import { generateNote, random } from '../test/support/generateNotes.js';
import { realisticLargeNote, realisticStudy } from '../test/support/realisticNotes.js';
import { median, ms, percentile, processTime, time } from './measure.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist', 'fieldnotes.js');
const BARE = path.join(ROOT, 'out', 'bench', 'bareRemark.js');
const CODEBOOK = path.join(ROOT, 'samples', 'codebook.yaml');
const codebook = loadCodebook(readFileSync(CODEBOOK, 'utf8'), CODEBOOK, en).codebook;

const kb = (n: number) => `${Math.round(n / 1000)} KB`;

const analyse = (text: string) => buildNoteModel(new NoteParser(en).parse(text), codebook, en);
const bare = (text: string) => unified().use(remarkParse).parse(text);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-bench-'));
const results: Record<string, unknown> = {
  machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version },
  date: new Date().toISOString(),
};

try {
  console.log(`Fieldnotes benchmarks on ${os.cpus()[0]?.model} (${os.cpus().length} cores), Node ${process.version}\n`);

  // 0. The dialect's parse against bare remark-parse, in process, on realistic notes (no sentence repeats).
  const study = realisticStudy(1000, 1, { secondCoder: true }).filter((f) => f.name.endsWith('.fn.md')).map((f) => f.text);
  const parses = {
    bare: (texts: readonly string[]) => texts.forEach((t) => bare(t)),
    whole: (texts: readonly string[]) => texts.forEach((t) => parseWhole(t, en)),
    cold: (texts: readonly string[]) => texts.forEach((t) => new NoteParser(en).parse(t)),
  };
  console.log('0. parsing, in process (median of 7, interleaved): bare remark-parse, parseWhole, NoteParser cold');
  const parsing: Record<string, unknown> = {};
  const large = realisticLargeNote(1_000_000, 1);
  const inputs: [string, string[]][] = [
    [`realistic study, ${study.length} notes, ${kb(study.reduce((n, t) => n + t.length, 0))}`, study],
    [`realistic note, ${kb(large.length)}`, [large]],
  ];
  for (const [label, texts] of inputs) {
    const runs = { bare: [] as number[], whole: [] as number[], cold: [] as number[] };
    for (const fn of Object.values(parses)) fn(texts); // warm up the JIT
    for (let i = 0; i < 7; i++) for (const [name, fn] of Object.entries(parses)) runs[name as keyof typeof runs].push(time(() => fn(texts)));
    const b = median(runs.bare);
    const ratio = (xs: number[]) => `${ms(median(xs))} (${(median(xs) / b).toFixed(2)}x)`;
    console.log(`   ${label}: bare ${ms(b)}   parseWhole ${ratio(runs.whole)}   NoteParser cold ${ratio(runs.cold)}   (aim <= 0.6x)`);
    parsing[label] = { bareMs: b, wholeMs: median(runs.whole), coldMs: median(runs.cold) };
  }
  console.log();
  results.parsing = parsing;

  // 1. The whole CLI process against a whole process of bare remark-parse, interleaved: on a realistic
  // note (distinct sentences, names and places), then on repeated blocks, which only measures the
  // content cache (the parser skips blocks it has seen).
  const cliOn = (label: string, name: string, text: string, runs: number) => {
    const file = path.join(tmp, name);
    writeFileSync(file, text);
    const cliRuns: number[] = [];
    const bareRuns: number[] = [];
    processTime([BARE, file]); // warm the file cache
    for (let i = 0; i < runs; i++) {
      bareRuns.push(processTime([BARE, file]));
      cliRuns.push(processTime([CLI, 'check', file, '--codebook', CODEBOOK]));
    }
    const ratio = median(cliRuns) / median(bareRuns);
    console.log(`${label} (${kb(text.length)}), whole process (median of ${runs}, interleaved)`);
    console.log(`   bare remark-parse   ${ms(median(bareRuns))}`);
    console.log(`   fieldnotes check    ${ms(median(cliRuns))}   ratio ${ratio.toFixed(2)}x\n`);
    return { bytes: text.length, bareMs: median(bareRuns), cliMs: median(cliRuns), ratio };
  };
  results.cli = cliOn('1. fieldnotes check on a realistic 1 MB note (target <= 1.0x)', 'realistic-1mb.fn.md', realisticLargeNote(1_000_000, 7), 5);
  const transcript = generateNote('transcript', 1_000_000, 1);
  results.cacheMeasurement = cliOn('   cache measurement (repeated blocks; the content cache skips them): fieldnotes check', 'transcript-1mb.fn.md', transcript, 5);

  // 2. Growth on list-heavy notes: 4x the size should cost at most 5x the time.
  const sizes = [25_000, 100_000, 250_000, 1_000_000];
  const growth: { bytes: number; coreMs: number; bareMs: number }[] = [];
  console.log('2. list-heavy notes (short lists between paragraphs), in process (median of 7; bare: 5, 3 at 1 MB)');
  console.log('   size      fieldnotes analysis   bare remark-parse');
  for (const size of sizes) {
    const text = generateNote('listHeavy', size, 3);
    analyse(text); // warm up the JIT for this size
    const core: number[] = [];
    const base: number[] = [];
    // Bare remark-parse takes ~17 s on the 1 MB note: fewer runs of it there.
    const bareRuns = size >= 1_000_000 ? 3 : 5;
    for (let i = 0; i < 7; i++) {
      core.push(time(() => analyse(text)));
      if (i < bareRuns) base.push(time(() => bare(text)));
    }
    growth.push({ bytes: text.length, coreMs: median(core), bareMs: median(base) });
    console.log(`   ${kb(text.length).padEnd(9)} ${ms(median(core)).padEnd(21)} ${ms(median(base))}`);
  }
  const at = (n: number) => growth.find((g) => g.bytes >= n * 0.95)!;
  for (const [small, big] of [
    [25_000, 100_000],
    [250_000, 1_000_000],
  ] as const) {
    const s = at(small);
    const b = at(big);
    console.log(`   4x ${kb(small)} -> ${kb(big)}: fieldnotes ${(b.coreMs / s.coreMs).toFixed(2)}x (target <= 5x), bare remark-parse ${(b.bareMs / s.bareMs).toFixed(2)}x`);
  }
  console.log();
  results.listHeavy = growth;

  // 3. Re-analysis after a one-character edit in a 1 MB note, with a warm parser.
  const parser = new NoteParser(en);
  let text = transcript;
  const cold = time(() => buildNoteModel(parser.parse(text), codebook, en));
  const rand = random(99);
  const edits: number[] = [];
  for (let i = 0; i < 60; i++) {
    const at = Math.floor(rand() * text.length);
    text = text.slice(0, at) + 'e' + text.slice(at);
    edits.push(time(() => buildNoteModel(parser.parse(text), codebook, en)));
  }
  const steady = edits.slice(10);
  console.log(`3. re-analysis (parse + model) after a one-character edit in a ${kb(transcript.length)} note`);
  console.log(`   cold, first analysis     ${ms(cold)}`);
  console.log(`   after an edit            median ${ms(median(steady))}, 95th percentile ${ms(percentile(steady, 0.95))}   (target median < 20 ms; 50 edits after 10 warm-up)`);
  results.edit = { bytes: transcript.length, coldMs: cold, medianMs: median(steady), p95Ms: percentile(steady, 0.95) };

  const out = path.join(ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`\nWritten to bench/results/latest.json`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
