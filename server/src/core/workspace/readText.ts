import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '../checks/diagnostic.js';
import type { Messages } from '../i18n/messages.js';

/** Notes larger than this are refused rather than read into memory. */
export const MAX_NOTE_BYTES = 64 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Reads a note or codebook as UTF-8 text. A byte-order mark is dropped
 * (editors drop it too, so positions agree). Binary files, other
 * encodings, huge files, devices and pipes, and unreadable paths come back
 * as a diagnostic at the start of the file, never as an exception.
 *
 * The reading itself is synchronous: a note takes a few microseconds,
 * where each of Node's asynchronous file calls costs more than that in
 * hand-overs (1,000 notes: 35 ms this way, 195 ms through `fs.promises`,
 * the largest part of a language server's start-up scan).
 */
export async function readTextFile(path: string, msg: Messages): Promise<ReadResult> {
  const at = { start: 0, end: 0 };
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    // A pipe or device would never end (or block the thread opening it): only a regular file is read.
    if (!stat.isFile()) return { ok: false, diagnostic: { span: at, severity: 'error', code: 'file/unreadable', message: msg.fileUnreadable(stat.isDirectory() ? 'EISDIR' : 'ENOTFILE') } };
    if (stat.size > MAX_NOTE_BYTES) {
      return { ok: false, diagnostic: { span: at, severity: 'error', code: 'file/too-large', message: msg.fileTooLarge((stat.size / 1048576).toFixed(1), String(MAX_NOTE_BYTES / 1048576)) } };
    }
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, diagnostic: { span: at, severity: 'error', code: 'file/unreadable', message: msg.fileUnreadable(code) } };
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    return { ok: false, diagnostic: { span: at, severity: 'error', code: 'file/not-text', message: msg.fileNotText() } };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, diagnostic: { span: at, severity: 'error', code: 'file/not-text', message: msg.fileNotUtf8(firstBadLine(bytes)) } };
  }
}

/** 1-based line of the first byte sequence that is not valid UTF-8. */
function firstBadLine(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  const strict = new TextDecoder('utf-8', { fatal: true });
  // The longest valid prefix, found by bisection (a cut inside a character reads as invalid, so step back up to 3 bytes).
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    let valid = false;
    for (let back = 0; back < 4 && mid - back >= low; back++) {
      try {
        strict.decode(bytes.subarray(0, mid - back));
        valid = true;
        break;
      } catch {
        /* try a shorter prefix */
      }
    }
    if (valid) low = mid;
    else high = mid - 1;
  }
  let line = 1;
  for (let i = 0; i < low; i++) if (bytes[i] === 10) line++;
  return line;
}
