/**
 * Evidence view benchmark (`node out/bench/evidence.js` after a build): the
 * real server process over stdio on a study of 1,000 generated notes
 * (40 KB each, samples/codebook.yaml). Times the top of the tree and one
 * variation's segments (the largest, as when the user expands it), median
 * of 20 after one warm-up, with the size of each answer as JSON. Measured,
 * never asserted.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EvidenceTreeRequest, type EvidenceTree, type EvidenceTreeParams } from '../server/src/protocol/requests.js';
import { generateNote } from '../test/support/generateNotes.js';
import { fileUri, LspClient } from '../test/support/lspClient.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist', 'fieldnotes.js');
const NOTES = 1_000;
const NOTE_SIZE = 40_000;
const noteName = (i: number) => `intervju-${String(i).padStart(4, '0')}.fn.md`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function time(client: LspClient, params: EvidenceTreeParams): Promise<{ ms: number; bytes: number; answer: unknown }> {
  const times: number[] = [];
  let answer: unknown;
  for (let i = 0; i <= 20; i++) {
    const started = performance.now();
    answer = await client.connection.sendRequest(EvidenceTreeRequest.method, params);
    if (i > 0) times.push(performance.now() - started);
  }
  return { ms: median(times), bytes: Buffer.byteLength(JSON.stringify(answer)), answer };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-bench-evidence-'));
try {
  console.log(`Evidence view benchmark on ${os.cpus()[0]?.model} (${os.cpus().length} cores), Node ${process.version}\n`);
  copyFileSync(path.join(ROOT, 'samples', 'codebook.yaml'), path.join(tmp, 'codebook.yaml'));
  for (let i = 0; i < NOTES; i++) writeFileSync(path.join(tmp, noteName(i)), generateNote('transcript', NOTE_SIZE, 1000 + i));
  const client = new LspClient(CLI);
  await client.initialize(tmp);
  // Timed once the server is idle: every note's diagnostics published.
  for (let i = 0; i < NOTES; i++) await client.diagnostics(fileUri(path.join(tmp, noteName(i))));
  const top = await time(client, {});
  const tree = top.answer as EvidenceTree;
  const variations = tree.poles.flatMap((pole) => pole.dimensions.flatMap((dimension) => dimension.variations.map((variation) => ({ pole, dimension, variation }))));
  const largest = variations.reduce((a, b) => (b.variation.count > a.variation.count ? b : a));
  const parent = { ...(largest.pole.id === undefined ? {} : { pole: largest.pole.id }), dimension: largest.dimension.id, code: largest.variation.code };
  const child = await time(client, { parent });
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const segments = tree.poles.reduce((n, p) => n + p.count, 0);
  console.log(`${NOTES} notes of ${NOTE_SIZE / 1000} KB, ${segments} coded segments (a segment with two codes counted twice), ${variations.length} variations`);
  console.log(`   top of the tree                 median ${top.ms.toFixed(1)} ms, ${kb(top.bytes)}`);
  console.log(`   ${largest.variation.code} (${largest.pole.label}, ${largest.variation.count} segments)   median ${child.ms.toFixed(1)} ms, ${kb(child.bytes)}`);
  await client.stop();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
