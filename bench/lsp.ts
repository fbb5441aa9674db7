/**
 * Language-server benchmark (`npm run bench:lsp`): the real server process
 * over stdio, while "typing fast" (bursts of keystrokes 20 ms apart, a
 * completion request after each). Reports the time from the last change
 * of a burst to the diagnostics published for that version, and the
 * completion latency, as median and 95th percentile. Measured, never
 * asserted.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompletionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { generateNote } from '../test/support/generateNotes.js';
import { fileUri, LspClient } from '../test/support/lspClient.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist', 'fieldnotes.js');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

interface Figures {
  startupMs: number;
  diagnostics: number[];
  completion: number[];
}

async function typeInto(label: string, folder: string, noteName: string): Promise<Figures> {
  const client = new LspClient(CLI);
  const started = performance.now();
  await client.initialize(folder);
  const uri = fileUri(path.join(folder, noteName));
  let text = readFileSync(path.join(folder, noteName), 'utf8');
  await client.diagnostics(uri);
  const startupMs = performance.now() - started;
  // Type at the end of a paragraph in the middle of the note, inside an annotation being written.
  let at = text.indexOf('\n\n', text.length >> 1);
  const insertion = ' [ord]{#kontaktvei/';
  text = text.slice(0, at) + insertion + text.slice(at);
  at += insertion.length;
  let version = 1;
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  await client.diagnostics(uri, (_d, v) => v === version);
  const diagnostics: number[] = [];
  const completion: number[] = [];
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
  for (let burst = 0; burst < 30; burst++) {
    let lastChange = 0;
    for (let key = 0; key < 5; key++) {
      const line = lineOf(at);
      const character = at - text.lastIndexOf('\n', at - 1) - 1;
      const char = 'e';
      text = text.slice(0, at) + char + text.slice(at);
      version++;
      lastChange = performance.now();
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: char }],
      });
      at += char.length;
      const asked = performance.now();
      await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character: character + 1 } });
      completion.push(performance.now() - asked);
      await pause(20);
    }
    const last = version;
    await client.diagnostics(uri, (_d, v) => v === last);
    diagnostics.push(performance.now() - lastChange);
  }
  await client.stop();
  console.log(`${label}`);
  console.log(`   start-up to first diagnostics   ${ms(startupMs)}`);
  console.log(`   change -> diagnostics           median ${ms(median(diagnostics))}, p95 ${ms(p95(diagnostics))}   (target p95 < 150 ms; includes the 50 ms typing pause)`);
  console.log(`   completion                      median ${ms(median(completion))}, p95 ${ms(p95(completion))}   (target p95 < 50 ms)\n`);
  return { startupMs, diagnostics, completion };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-bench-lsp-'));
try {
  console.log(`Language server benchmark on ${os.cpus()[0]?.model} (${os.cpus().length} cores), Node ${process.version}\n`);
  const big = path.join(tmp, 'big');
  mkdirSync(big);
  copyFileSync(path.join(ROOT, 'samples', 'codebook.yaml'), path.join(big, 'codebook.yaml'));
  writeFileSync(path.join(big, 'transcript.fn.md'), generateNote('transcript', 1_000_000, 1));
  const one = await typeInto('1. a 1 MB transcript', big, 'transcript.fn.md');

  const many = path.join(tmp, 'many');
  mkdirSync(many);
  copyFileSync(path.join(ROOT, 'samples', 'codebook.yaml'), path.join(many, 'codebook.yaml'));
  for (let i = 0; i < 200; i++) writeFileSync(path.join(many, `intervju-${String(i).padStart(3, '0')}.fn.md`), generateNote('transcript', 8_000, 1000 + i));
  const workspace = await typeInto('2. a workspace of 200 notes (8 KB each), typing in one', many, 'intervju-100.fn.md');

  const out = path.join(ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const summary = (f: Figures) => ({
    startupMs: f.startupMs,
    diagnosticsMedianMs: median(f.diagnostics),
    diagnosticsP95Ms: p95(f.diagnostics),
    completionMedianMs: median(f.completion),
    completionP95Ms: p95(f.completion),
  });
  writeFileSync(path.join(out, 'lsp.json'), JSON.stringify({ machine: { cpu: os.cpus()[0]?.model, node: process.version }, oneMegabyte: summary(one), workspace200: summary(workspace) }, null, 2) + '\n');
  console.log('Written to bench/results/lsp.json');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
