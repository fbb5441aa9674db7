/**
 * Benchmarks at study sizes (`npm run bench:study`, first in `npm run
 * bench`): generated studies of realistic notes (test/support/realisticNotes.ts;
 * 100, 300, 1,000 and 3,000 notes, or the sizes in FIELDNOTES_BENCH_SIZES)
 * and one 1 MB note, measured on the built CLI and the real language server
 * process (`fieldnotes lsp --stdio`), with bare remark-parse run side by side
 * on the same files where it applies. Prints one table, with the targets of
 * issue 16 beside the figures, and writes bench/results/study.json.
 * Measured, never asserted; a measure that runs too long is reported as
 * "did not finish in N s".
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type CompletionItem,
  type CompletionList,
  type Position,
  type MessageConnection,
} from 'vscode-languageserver-protocol/node';
import { duplicateBlocks, realisticLargeNote, realisticNote, realisticStudy } from '../test/support/realisticNotes.js';
import { fileUri, LspClient } from '../test/support/lspClient.js';
import { median, percentile, processTime, TimedOut } from './measure.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist', 'fieldnotes.js');
const BARE = path.join(ROOT, 'out', 'bench', 'bareRemark.js');
const SIZES = (process.env.FIELDNOTES_BENCH_SIZES ?? '100,300,1000,3000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
/** The server's default pause after a change before it checks (fieldnotes.diagnosticsDelay). */
const DEBOUNCE_MS = 50;
const EVIDENCE_TREE = 'fieldnotes/evidenceTree';
const TWENTY_KB_NOTE = 'intervju-20kb.fn.md';

const TARGETS = {
  ready: '≤ 3 s at 1,000; linear',
  linear: '≤ 3.3× (3,000 vs 1,000)',
  progress: 'progress shown while indexing',
  completion: "the note's codes, always",
  change: '≤ 20 ms at every size',
  codebook: '≤ 2 s',
  codebookRequests: 'answered meanwhile',
  memory: '≤ 250 MB at 1,000; linear',
  hover: '≤ 5 ms',
  evidence: '≤ 20 ms',
  evidenceSize: 'children fetched when expanded',
  check: '≤ 1.0× bare remark-parse',
  oneMegabyte: '≤ 1.0× bare remark-parse',
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();
const duration = (ms: number) => (ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`);
const megabytes = (kb: number) => `${Math.round(kb / 1024)} MB`;
const thousands = (n: number) => n.toLocaleString('en');

interface Row {
  measure: string;
  size: string;
  figure: string;
  bare?: string;
  ratio?: string;
  target: string;
}
const rows: Row[] = [];
const results: Record<string, unknown> = {
  machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memoryMB: Math.round(os.totalmem() / 2 ** 20), node: process.version },
  date: new Date().toISOString(),
  sizes: SIZES,
  studies: {} as Record<string, unknown>,
};
const row = (r: Row) => {
  rows.push(r);
  console.log(`   ${r.measure} (${r.size}): ${r.figure}${r.bare ? `, bare remark-parse ${r.bare}` : ''}${r.ratio ? `, ratio ${r.ratio}` : ''}`);
};

/** `work`, or TimedOut when it takes longer than `seconds`. */
async function within<T>(seconds: number, work: Promise<T>): Promise<T | TimedOut> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<TimedOut>((resolve) => (timer = setTimeout(() => resolve(new TimedOut(seconds)), seconds * 1000)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The peak resident memory of a process (VmHWM), in kB; undefined where /proc does not tell. */
function peakMemoryKb(pid: number | undefined): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Resolves with the time at which every one of `uris` has been published (from now on). */
function everyPublished(client: LspClient, uris: Iterable<string>): Promise<number> {
  const remaining = new Set(uris);
  return new Promise((resolve) => {
    const stop = client.onPublish(({ uri }) => {
      remaining.delete(uri);
      if (remaining.size === 0) {
        stop();
        resolve(now());
      }
    });
  });
}

const itemCount = (answer: CompletionItem[] | CompletionList | null) => (Array.isArray(answer) ? answer.length : (answer?.items.length ?? 0));

function open(client: LspClient, uri: string, text: string, languageId = 'markdown') {
  return client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
}

/** Ends a server that does not answer any more (it is this benchmark's own child process). */
function kill(client: LspClient): void {
  try {
    if (client.pid) process.kill(client.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  client.connection.dispose();
}

/** Every measure on the language server for one study. */
async function serverMeasures(size: number, folder: string, notes: string[]): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = {};
  const label = thousands(size);
  const uris = notes.map((name) => fileUri(path.join(folder, name)));
  const readyTimeout = Math.round(60 + size * 0.3);
  const client = new LspClient(CLI);
  client.connection.onError(() => undefined);
  const progress: { kind: string; title?: string; atMs: number }[] = [];
  const started = now();
  // The JSON-RPC connection routes `$/progress` by token; tokens the server made itself arrive here.
  (client.connection as unknown as MessageConnection).onUnhandledProgress((params) => {
    const value = params.value as { kind?: string; title?: string } | undefined;
    progress.push({ kind: String(value?.kind), title: value?.title, atMs: now() - started });
  });
  const published = everyPublished(client, uris);
  let stopped = false;
  try {
    await client.initialize(folder, 'en', undefined, { progress: true, waitForStartup: false });

    // A note opened right at start-up, with `{#` just typed, and completion asked there.
    const firstUri = uris[0]!;
    const firstText = readFileSync(path.join(folder, notes[0]!), 'utf8');
    const paragraphEnd = firstText.indexOf('\n\n', firstText.length >> 1);
    const typed = ' [ordene her]{#';
    const openedText = firstText.slice(0, paragraphEnd) + typed + firstText.slice(paragraphEnd);
    await open(client, firstUri, openedText);
    const asked = now();
    const completion = client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: firstUri }, position: positionAt(openedText, paragraphEnd + typed.length) }).then((answer) => ({ items: itemCount(answer), ms: now() - asked }));

    const allPublished = await within(readyTimeout, published);
    if (allPublished instanceof TimedOut) {
      row({ measure: 'Server ready', size: label, figure: allPublished.message, target: TARGETS.ready });
      figures.ready = { timedOut: readyTimeout };
      return figures;
    }
    const treeAnswered = await within(readyTimeout, client.connection.sendRequest(EVIDENCE_TREE, {}));
    const readyMs = now() - started;
    const progressEnd = progress.find((p) => p.kind === 'end');
    figures.ready = { allPublishedMs: allPublished - started, readyMs, evidenceTreeAnswered: !(treeAnswered instanceof TimedOut), progress };
    row({ measure: 'Server ready (all published, then Evidence answered)', size: label, figure: treeAnswered instanceof TimedOut ? `Evidence ${treeAnswered.message}` : duration(readyMs), target: TARGETS.ready });
    row({
      measure: 'Server ready: $/progress end',
      size: label,
      figure: progressEnd ? `${duration(progressEnd.atMs)} (${progress.filter((p) => p.kind === 'begin').length} begin, ${progress.filter((p) => p.kind === 'end').length} end)` : 'no progress sent',
      target: TARGETS.progress,
    });
    const first = await within(60, completion);
    figures.completionAtStartup = first instanceof TimedOut ? { timedOut: 60 } : first;
    row({
      measure: 'Completion right after didOpen at start-up',
      size: label,
      figure: first instanceof TimedOut ? first.message : `${first.items} items, answered after ${duration(first.ms)}`,
      target: TARGETS.completion,
    });
    const memoryReady = peakMemoryKb(client.pid);

    // Hover on codes in an open note.
    const hoverName = notes[1]!;
    const hoverUri = fileUri(path.join(folder, hoverName));
    const hoverText = readFileSync(path.join(folder, hoverName), 'utf8');
    await open(client, hoverUri, hoverText);
    await within(60, client.diagnostics(hoverUri, (_d, version) => version === 1));
    const codeOffsets = [...hoverText.matchAll(/\{#([^\s}]+)/g)].map((m) => m.index! + 2 + (m[1]!.length >> 1));
    const hovers: number[] = [];
    for (let i = 0; i < 50 && codeOffsets.length; i++) {
      const askedHover = now();
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: hoverUri }, position: positionAt(hoverText, codeOffsets[i % codeOffsets.length]!) });
      hovers.push(now() - askedHover);
    }
    if (hovers.length) {
      figures.hover = { count: hovers.length, medianMs: median(hovers), p95Ms: percentile(hovers, 0.95) };
      row({ measure: 'Hover on a code (50 hovers)', size: label, figure: `median ${duration(median(hovers))}, p95 ${duration(percentile(hovers, 0.95))}`, target: TARGETS.hover });
    }

    // The Evidence tree request.
    const trees: number[] = [];
    let treeBytes = 0;
    for (let i = 0; i < 10; i++) {
      const askedTree = now();
      const tree = await client.connection.sendRequest(EVIDENCE_TREE, {});
      trees.push(now() - askedTree);
      treeBytes = Buffer.byteLength(JSON.stringify(tree));
    }
    figures.evidenceTree = { medianMs: median(trees), bytes: treeBytes };
    row({ measure: 'Evidence tree request (median of 10)', size: label, figure: `${duration(median(trees))}, ${(treeBytes / 1e6).toFixed(2)} MB of JSON`, target: `${TARGETS.evidence}; ${TARGETS.evidenceSize}` });

    // Typing in a 20 KB note: bursts of keystrokes, then the diagnostics of the last version.
    const bigUri = fileUri(path.join(folder, TWENTY_KB_NOTE));
    let bigText = readFileSync(path.join(folder, TWENTY_KB_NOTE), 'utf8');
    await open(client, bigUri, bigText);
    await within(60, client.diagnostics(bigUri, (_d, version) => version === 1));
    let at = bigText.indexOf('.', bigText.length >> 1) + 1;
    let version = 1;
    const beyondPause: number[] = [];
    const word = ' ungdommene';
    let typedChars = 0;
    for (let burst = 0; burst < 30; burst++) {
      let lastChange = 0;
      for (let key = 0; key < 5; key++) {
        const char = word[typedChars++ % word.length]!;
        const position = positionAt(bigText, at);
        bigText = bigText.slice(0, at) + char + bigText.slice(at);
        at++;
        version++;
        lastChange = now();
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: bigUri, version }, contentChanges: [{ range: { start: position, end: position }, text: char }] });
        await pause(20);
      }
      const last = version;
      const diagnosed = await within(60, client.diagnostics(bigUri, (_d, v) => v === last));
      if (diagnosed instanceof TimedOut) break;
      beyondPause.push(now() - lastChange - DEBOUNCE_MS);
    }
    figures.changeToDiagnostics = { bursts: beyondPause.length, medianBeyondPauseMs: median(beyondPause), p95BeyondPauseMs: percentile(beyondPause, 0.95) };
    row({
      measure: 'Change → diagnostics, 20 KB note, beyond the 50 ms pause',
      size: label,
      figure: beyondPause.length < 30 ? `did not finish (${beyondPause.length} of 30 bursts)` : `median ${duration(median(beyondPause))}, p95 ${duration(percentile(beyondPause, 0.95))}`,
      target: TARGETS.change,
    });

    // One edit to codebook.yaml (opening it re-checks the workspace too: wait for that first).
    if (size <= 1000) {
      const codebookUri = fileUri(path.join(folder, 'codebook.yaml'));
      const codebookText = readFileSync(path.join(folder, 'codebook.yaml'), 'utf8');
      const reopened = everyPublished(client, uris);
      await open(client, codebookUri, codebookText, 'yaml');
      const afterOpen = await within(readyTimeout, reopened);
      if (afterOpen instanceof TimedOut) {
        row({ measure: 'One edit to codebook.yaml', size: label, figure: `opening it: ${afterOpen.message}`, target: TARGETS.codebook });
      } else {
        const changedText = codebookText.replace('Hvilken aldersgruppe NAV-kontoret ser som sin målgruppe.', 'Hvilken aldersgruppe NAV-kontoret ser som sin viktigste målgruppe.');
        const republished = everyPublished(client, uris);
        const completionAt = bigText.indexOf('{#') + 2;
        const complete = () => {
          const sent = now();
          return client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: bigUri }, position: positionAt(bigText, completionAt) }).then(() => now() - sent);
        };
        const changed = now();
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: codebookUri, version: 2 }, contentChanges: [{ text: changedText }] });
        const rightAfter = complete();
        await pause(DEBOUNCE_MS + 50);
        const duringCheck = complete();
        const all = await within(readyTimeout, republished);
        const immediate = await within(readyTimeout, rightAfter);
        const during = await within(readyTimeout, duringCheck);
        const show = (x: number | TimedOut) => (x instanceof TimedOut ? x.message : duration(x));
        figures.codebookEdit = {
          allRepublishedMs: all instanceof TimedOut ? null : all - changed,
          completionRightAfterMs: immediate instanceof TimedOut ? null : immediate,
          completionDuringRecheckMs: during instanceof TimedOut ? null : during,
        };
        row({ measure: 'One edit to codebook.yaml: every note published again', size: label, figure: all instanceof TimedOut ? all.message : duration(all - changed), target: TARGETS.codebook });
        row({
          measure: 'One edit to codebook.yaml: completion in an open note',
          size: label,
          figure: `sent right after: ${show(immediate)}; sent 100 ms after: ${show(during)}`,
          target: TARGETS.codebookRequests,
        });
      }
    }

    const memoryAfter = peakMemoryKb(client.pid);
    figures.peakMemoryKb = { afterReady: memoryReady, afterAll: memoryAfter };
    if (memoryReady !== undefined) {
      row({ measure: 'Server peak memory (VmHWM)', size: label, figure: `${megabytes(memoryReady)} when ready, ${memoryAfter === undefined ? '?' : megabytes(memoryAfter)} at the end`, target: TARGETS.memory });
    }

    const exited = await within(60, client.stop());
    stopped = !(exited instanceof TimedOut);
    return figures;
  } finally {
    if (!stopped) kill(client);
  }
}

/** The CLI against bare remark-parse, whole processes, interleaved; medians. */
function checkAgainstBare(target: string[], runs: number, timeoutSeconds: number): { checkMs: number; bareMs: number } | TimedOut {
  const check: number[] = [];
  const bare: number[] = [];
  try {
    processTime([BARE, ...target], timeoutSeconds); // warm the file cache
    for (let i = 0; i < runs; i++) {
      bare.push(processTime([BARE, ...target], timeoutSeconds));
      check.push(processTime([CLI, 'check', ...target], timeoutSeconds));
    }
  } catch (error) {
    if (error instanceof TimedOut) return error;
    throw error;
  }
  return { checkMs: median(check), bareMs: median(bare) };
}

function checkRow(measure: string, size: string, runs: number, result: ReturnType<typeof checkAgainstBare>, target: string): unknown {
  if (result instanceof TimedOut) {
    row({ measure, size, figure: result.message, target });
    return { timedOut: result.seconds };
  }
  row({ measure: `${measure} (median of ${runs})`, size, figure: duration(result.checkMs), bare: duration(result.bareMs), ratio: `${(result.checkMs / result.bareMs).toFixed(2)}×`, target });
  return { runs, ...result, ratio: result.checkMs / result.bareMs };
}

/** What `fieldnotes check` says about a study beyond anonymization (the generator's notes should give nothing). */
function findingsBeyondAnonymization(folder: string): Record<string, number> {
  const run = spawnSync(process.execPath, [CLI, 'check', folder, '--format', 'json'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const findings = JSON.parse(run.stdout) as { code: string }[];
  const counts: Record<string, number> = {};
  for (const finding of findings) if (!finding.code.startsWith('anon/')) counts[finding.code] = (counts[finding.code] ?? 0) + 1;
  return counts;
}

function printTable(): void {
  const header: Row = { measure: 'Measure', size: 'Notes', figure: 'Fieldnotes', bare: 'Bare remark-parse', ratio: 'Ratio', target: 'Target (issue 16)' };
  const columns: (keyof Row)[] = ['measure', 'size', 'figure', 'bare', 'ratio', 'target'];
  const widths = columns.map((c) => Math.max(...[header, ...rows].map((r) => (r[c] ?? '').length)));
  const line = (r: Row) => '| ' + columns.map((c, i) => (r[c] ?? '').padEnd(widths[i]!)).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
}

const benchStarted = now();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'fieldnotes-bench-study-'));
try {
  console.log(`Fieldnotes at study sizes on ${os.cpus()[0]?.model} (${os.cpus().length} cores), Node ${process.version}; sizes ${SIZES.join(', ')}\n`);
  const studies = results.studies as Record<string, unknown>;
  for (const size of SIZES) {
    const folder = path.join(tmp, `study-${size}`);
    mkdirSync(folder);
    const generated = now();
    const seen = new Set<string>();
    const files = realisticStudy(size, 1, { secondCoder: true, seen });
    files.push({ name: TWENTY_KB_NOTE, text: realisticNote(900_001, { bytes: 20_000, kind: 'interview', language: 'nb', id: 'intervju-20kb', case: 'kommune-lang', seen }) });
    for (const file of files) writeFileSync(path.join(folder, file.name), file.text);
    const notes = files.filter((f) => f.name.endsWith('.fn.md')).map((f) => f.name);
    const originals = files.filter((f) => f.name.endsWith('.fn.md') && !f.name.includes('.LH.'));
    const bytes = originals.reduce((sum, f) => sum + f.text.length, 0);
    const self = duplicateBlocks(originals.map((f) => f.text));
    console.log(
      `Study of ${thousands(size)} notes (+ ${notes.length - originals.length} second coder's copies, ${(bytes / 1e6).toFixed(1)} MB), generated in ${duration(now() - generated)}; ` +
        `self-check: ${thousands(self.duplicates)} duplicate blocks among ${thousands(self.blocks)}`,
    );
    const study: Record<string, unknown> = { notes: size, files: notes.length, bytes, selfCheck: self };
    studies[size] = study;
    if (size === SIZES[0]) {
      const beyond = findingsBeyondAnonymization(folder);
      study.findingsBeyondAnonymization = beyond;
      console.log(`   self-check: findings beyond anonymization: ${Object.keys(beyond).length ? JSON.stringify(beyond) : 'none'}`);
    }
    Object.assign(study, await serverMeasures(size, folder, notes));
    const runs = size >= 1000 ? 3 : 5;
    study.check = checkRow('fieldnotes check on the whole study, whole process', thousands(size), runs, checkAgainstBare([folder], runs, Math.round(120 + size * 0.2)), TARGETS.check);
    console.log();
  }
  const ready = (size: number) => ((studies[size] as { ready?: { readyMs?: number } } | undefined)?.ready?.readyMs);
  if (ready(1000) && ready(3000)) {
    const growth = ready(3000)! / ready(1000)!;
    results.readyGrowth3000vs1000 = growth;
    row({ measure: 'Server ready, growth', size: '3,000 vs 1,000', figure: `${growth.toFixed(2)}×`, target: TARGETS.linear });
  }

  const large = path.join(tmp, 'one-megabyte');
  mkdirSync(large);
  writeFileSync(path.join(large, 'codebook.yaml'), readFileSync(path.join(ROOT, 'samples', 'codebook.yaml')));
  const note = realisticLargeNote(1_000_000, 7);
  writeFileSync(path.join(large, 'intervju-lang.fn.md'), note);
  const self = duplicateBlocks([note]);
  console.log(`One note of ${(note.length / 1e6).toFixed(2)} MB; self-check: ${self.duplicates} duplicate blocks among ${thousands(self.blocks)}`);
  results.oneMegabyte = checkRow('fieldnotes check of one 1 MB realistic note, cold, whole process', '1 note', 5, checkAgainstBare([large], 5, 300), TARGETS.oneMegabyte);

  const total = now() - benchStarted;
  results.totalSeconds = total / 1000;
  results.table = rows;
  console.log();
  printTable();
  const out = path.join(ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'study.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`\nThe whole run took ${duration(total)}. Written to bench/results/study.json`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
