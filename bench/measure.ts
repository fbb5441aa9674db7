/** What every benchmark measures with: medians, percentiles, wall-clock times of a call or a whole process. */
import { spawnSync } from 'node:child_process';

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
export const ms = (x: number) => `${x.toFixed(1)} ms`;

export function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** A process that ran longer than it was given. */
export class TimedOut extends Error {
  constructor(readonly seconds: number) {
    super(`did not finish in ${seconds} s`);
  }
}

/**
 * A whole `node` process, timed; exit status 0 or 1 (a check that found problems) is a normal run.
 * With `timeoutSeconds`, a process that runs longer is killed and TimedOut thrown.
 */
export function processTime(args: string[], timeoutSeconds?: number): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: timeoutSeconds && timeoutSeconds * 1000 });
  const elapsed = performance.now() - start;
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') throw new TimedOut(timeoutSeconds!);
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return elapsed;
}
