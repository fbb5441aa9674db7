import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnonFinding } from '../core/anon/types.js';
import { WordList } from '../core/anon/wordList.js';
import type { Locale } from '../core/i18n/messages.js';
import type { ColdNote, ColdRead, ColdReader, ColdRecheck } from '../service/coldRead.js';

/**
 * Notes go to the worker a few at a time, and the next batch is sent when
 * one comes back, so the worker takes only as many as it reads while this
 * thread reads the rest (a worker reads more slowly: it starts cold, and
 * its results are copied back).
 */
const BATCH = 16;
/** Batches waiting at the worker, so that it never waits for the next. */
const BATCHES_AHEAD = 2;

export type ToWorker = { type: 'read'; notes: ColdNote[] } | { type: 'recheck'; notes: ColdRecheck[] };
type FromWorker = { type: 'read'; reads: ColdRead[] } | { type: 'recheck'; findings: { uri: string; findings: AnonFinding[] }[]; done?: boolean };

/**
 * Whether reading on a second thread pays. Measured on a 2-core machine it
 * does not: V8's own background threads (garbage collection, compiling)
 * already use the second core, so a reading thread only takes turns with
 * them and adds the copying (a 1,000-note check took 4.0 s on two threads,
 * 3.1 s on one). With more cores it is used. `FIELDNOTES_THREADS=1` or `2`
 * decides instead (a machine shared with other work; the tests).
 */
export function hasSpareCore(): boolean {
  const asked = process.env.FIELDNOTES_THREADS;
  if (asked === '1' || asked === '2') return asked === '2';
  return availableParallelism() > 2;
}

/**
 * The service's `ColdReader` on a worker thread (`readWorker.js`, beside
 * this module in `dist/` and in `out/`). A worker that fails leaves its
 * notes unread: the engine then reads them on the main thread, so a
 * failure costs time, never results.
 */
export class WorkerColdReader implements ColdReader {
  private readonly worker: Worker;
  private failed = false;
  private waiting: ((message: FromWorker | undefined) => void) | undefined;

  constructor(locale: Locale) {
    this.worker = new Worker(new URL('./readWorker.js', import.meta.url), { workerData: { locale }, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    this.worker.on('message', (message: FromWorker) => this.waiting?.(message));
    const fail = () => {
      this.failed = true;
      this.waiting?.(undefined);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', fail);
  }

  read(take: (count: number) => ColdNote[], onRead: (read: ColdRead) => void): Promise<void> {
    if (this.failed) return Promise.resolve();
    const texts = new Map<string, string>();
    let inFlight = 0;
    const send = (): boolean => {
      const notes = take(BATCH);
      if (!notes.length) return false;
      for (const note of notes) texts.set(note.uri, note.text);
      inFlight++;
      this.worker.postMessage({ type: 'read', notes } satisfies ToWorker);
      return true;
    };
    return new Promise((resolve) => {
      const finish = () => {
        this.waiting = undefined;
        resolve();
      };
      this.waiting = (message) => {
        // A failed worker's notes stay unread: the engine reads them itself.
        if (!message) return finish();
        if (message.type !== 'read') return;
        for (const read of message.reads) {
          // A structured clone keeps fields, not classes or the text sent the other way: both are put back.
          onRead({ ...read, parsed: { ...read.parsed, text: texts.get(read.uri)! }, own: { ...read.own, vocabulary: WordList.revive(read.own.vocabulary), mentions: WordList.revive(read.own.mentions) } });
          texts.delete(read.uri);
        }
        inFlight--;
        send();
        if (!inFlight) finish();
      };
      while (inFlight < BATCHES_AHEAD && send());
      if (!inFlight) finish();
    });
  }

  recheck(notes: ColdRecheck[], onFindings: (uri: string, findings: AnonFinding[]) => void): Promise<void> {
    return this.exchange({ type: 'recheck', notes }, (message) => {
      if (message.type !== 'recheck') return false;
      for (const { uri, findings } of message.findings) onFindings(uri, findings);
      return message.done === true;
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  /** Sends a request and hands each answer to `take` until it says the request is done (or the worker failed). */
  private exchange(request: ToWorker, take: (message: FromWorker) => boolean): Promise<void> {
    if (this.failed) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiting = (message) => {
        if (message && !take(message)) return;
        this.waiting = undefined;
        resolve();
      };
      this.worker.postMessage(request);
    });
  }
}
