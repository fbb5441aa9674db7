import { parentPort, workerData } from 'node:worker_threads';
import type { AnonProject } from '../core/anon/anonSettings.js';
import { AnonCache, checkAnonymity } from '../core/anon/check.js';
import { lexicon } from '../core/anon/lexicon.js';
import { readFrontMatter } from '../core/checks/frontMatter.js';
import type { ParsedNote } from '../core/dialect/model.js';
import { parseWhole } from '../core/dialect/note.js';
import { messagesFor, type Locale } from '../core/i18n/messages.js';
import type { ColdNote, ColdRead, ColdRecheck } from '../service/coldRead.js';
import type { ToWorker } from './readPool.js';

/*
 * A thread that reads closed notes for `readPool.ts`: each note parsed and
 * checked on its own, and kept here (with its paragraphs' results) until
 * the workspace's knowledge comes for the second check.
 */
const msg = messagesFor((workerData as { locale: Locale }).locale);
const knowledge = lexicon();
const kept = new Map<string, { parsed: ParsedNote; project: AnonProject; cache: AnonCache }>();

/** One batch (see `readPool.ts`), answered with one message. */
function read(notes: ColdNote[]): void {
  const reads: ColdRead[] = [];
  for (const note of notes) {
    const parsed = parseWhole(note.text, msg);
    const frontMatter = readFrontMatter(note.text, parsed.frontMatter, msg);
    // The second check needs the note's reading only, not its paragraphs' results (kept for typing, which never happens here).
    const cache = new AnonCache(false);
    const own = checkAnonymity(parsed, knowledge, { project: note.project, cache });
    kept.set(note.uri, { parsed, project: note.project, cache });
    // The text went the other way already: the main thread puts its own copy back.
    reads.push({ uri: note.uri, parsed: { ...parsed, text: '' }, frontMatter, own });
  }
  parentPort!.postMessage({ type: 'read', reads });
}

function recheck(notes: ColdRecheck[]): void {
  const findings = notes.flatMap(({ uri, known, words }) => {
    const note = kept.get(uri);
    if (!note) return [];
    const isWord = new Set(words);
    return [{ uri, findings: checkAnonymity(note.parsed, knowledge, { known, isWord: (word) => isWord.has(word), project: note.project, cache: note.cache }).findings }];
  });
  kept.clear();
  parentPort!.postMessage({ type: 'recheck', findings, done: true });
}

parentPort!.on('message', (message: ToWorker) => {
  if (message.type === 'read') read(message.notes);
  else recheck(message.notes);
});
