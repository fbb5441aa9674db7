import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnonFinding } from '../core/anon/types.js';
import type { Locale } from '../core/i18n/messages.js';
import type { ColdNote, ColdRead, ColdReader, ColdRecheck } from '../service/coldRead.js';

export type ToWorker = { type: 'read'; notes: ColdNote[] } | { type: 'recheck'; notes: ColdRecheck[] };
type FromWorker = { type: 'read'; reads: ColdRead[]; done?: boolean } | { type: 'recheck'; findings: { uri: string; findings: AnonFinding[] }[]; done?: boolean };

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

  read(notes: ColdNote[], onRead: (read: ColdRead) => void): Promise<void> {
    const texts = new Map(notes.map((note) => [note.uri, note.text]));
    return this.exchange({ type: 'read', notes }, (message) => {
      if (message.type !== 'read') return false;
      for (const read of message.reads) onRead({ ...read, parsed: { ...read.parsed, text: texts.get(read.uri)! } });
      return message.done === true;
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
