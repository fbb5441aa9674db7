/**
 * The anonymization check over a realistic study (`npm run bench:anon-study`):
 * 1,000 notes from test/support/realisticNotes.ts (with a second coder's
 * copies), each parsed once, then, in process, median of 7 runs:
 *
 * - bare remark-parse of every note's text, the baseline;
 * - every note checked on its own (as `fieldnotes check` and the server do
 *   first, each note with a fresh paragraph cache);
 * - the workspace pass: the notes the other notes' knowledge changes,
 *   checked again with `known` and `isWord`, reusing each note's cache
 *   from its own check, as `service/anonymity.ts` drives it.
 *
 * Measured, never asserted. `--profile own|workspace` runs only that part,
 * repeatedly, for `node --cpu-prof`.
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseArgs } from 'node:util';
import { AnonCache, checkAnonymity, type AnonResult } from '../server/src/core/anon/check.js';
import { readAnonSettings } from '../server/src/core/anon/anonSettings.js';
import { lexicon } from '../server/src/core/anon/lexicon.js';
import { WorkspaceNames } from '../server/src/core/anon/workspaceNames.js';
import { parseWhole } from '../server/src/core/dialect/note.js';
import { en } from '../server/src/core/i18n/messages.js';
import { realisticStudy } from '../test/support/realisticNotes.js';
import { median, ms, time } from './measure.js';

const { values } = parseArgs({ options: { notes: { type: 'string', default: '1000' }, runs: { type: 'string', default: '7' }, profile: { type: 'string' } } });
const RUNS = Number(values.runs);

const notes = realisticStudy(Number(values.notes), 1, { secondCoder: true })
  .filter((f) => f.name.endsWith('.fn.md'))
  .map((f) => ({ name: f.name, text: f.text, parsed: parseWhole(f.text, en) }));
const knowledge = lexicon();
// The study's fieldnotes.yaml has no anonymization section: what the project files give such a project.
const project = readAnonSettings(undefined, en, []);
const characters = notes.reduce((sum, n) => sum + n.text.length, 0);

const caches = new Map<string, AnonCache>();
const own = new Map<string, AnonResult>();
function ownPass(): void {
  for (const note of notes) {
    const cache = new AnonCache();
    caches.set(note.name, cache);
    own.set(note.name, checkAnonymity(note.parsed, knowledge, { project, cache }));
  }
}

ownPass();
const names = new WorkspaceNames();
for (const note of notes) names.set(note.name, own.get(note.name)!);
const concerned = notes.flatMap((note) => {
  const workspace = names.forNote(note.name);
  return workspace ? [{ note, workspace }] : [];
});
function workspacePass(): number {
  let findings = 0;
  for (const { note, workspace } of concerned) {
    findings += checkAnonymity(note.parsed, knowledge, { known: workspace.known, isWord: workspace.isWord, project, cache: caches.get(note.name)! }).findings.length;
  }
  return findings;
}
const bare = () => {
  for (const note of notes) unified().use(remarkParse).parse(note.text);
};

if (values.profile === 'own') {
  for (let i = 0; i < RUNS; i++) ownPass();
} else if (values.profile === 'workspace') {
  for (let i = 0; i < RUNS * 5; i++) workspacePass();
} else {
  const bares: number[] = [];
  const owns: number[] = [];
  const workspaces: number[] = [];
  // Interleaved, so that a slow moment of the machine falls on all three alike.
  for (let i = 0; i < RUNS; i++) {
    bares.push(time(bare));
    owns.push(time(ownPass));
    workspaces.push(time(workspacePass));
  }
  let findings = 0;
  for (const result of own.values()) findings += result.findings.length;
  console.log(`${notes.length} notes, ${(characters / 1e6).toFixed(2)} M characters, ${findings} findings on their own; ${concerned.length} notes in the workspace pass (${workspacePass()} findings)`);
  console.log(`   bare remark-parse   median ${ms(median(bares))}`);
  console.log(`   own check           median ${ms(median(owns))}   ratio ${(median(owns) / median(bares)).toFixed(3)}`);
  console.log(`   workspace pass      median ${ms(median(workspaces))}   ratio ${(median(workspaces) / median(bares)).toFixed(3)}`);
}
