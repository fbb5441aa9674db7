/**
 * The anonymization check over a set of notes the way `fieldnotes check`
 * and the server run it (service/anonymity.ts): every note on its own,
 * each with its paragraph cache, then the notes the others' knowledge
 * concerns again, with `known` and `isWord`, reusing that cache. Shared by
 * the reference fixture's script (scripts/anon-reference.mjs) and the test
 * that holds the check to it (test/anonReference.test.ts).
 */
import { createHash } from 'node:crypto';
import { readAnonSettings } from '../../server/src/core/anon/anonSettings.js';
import { AnonCache, checkAnonymity, type AnonResult } from '../../server/src/core/anon/check.js';
import { lexicon } from '../../server/src/core/anon/lexicon.js';
import type { AnonFinding } from '../../server/src/core/anon/types.js';
import { WorkspaceNames } from '../../server/src/core/anon/workspaceNames.js';
import { parseWhole } from '../../server/src/core/dialect/note.js';
import { en } from '../../server/src/core/i18n/messages.js';

export interface NotePasses {
  name: string;
  /** The first 16 hex digits of the text's SHA-256: tells whether a fixture was made from the same text. */
  hash: string;
  own: AnonFinding[];
  /** The findings with the other notes' knowledge; undefined when it changes nothing here (the own findings stand). */
  workspace: AnonFinding[] | undefined;
}

export const textHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

export function anonPasses(notes: { name: string; text: string }[]): NotePasses[] {
  const knowledge = lexicon();
  // A fieldnotes.yaml without an anonymization section.
  const project = readAnonSettings(undefined, en, []);
  const parsed = notes.map((note) => parseWhole(note.text, en));
  const caches = notes.map(() => new AnonCache());
  const own: AnonResult[] = parsed.map((p, i) => checkAnonymity(p, knowledge, { project, cache: caches[i]! }));
  const names = new WorkspaceNames();
  notes.forEach((note, i) => names.set(note.name, own[i]!));
  return notes.map((note, i) => {
    const workspace = names.forNote(note.name);
    return {
      name: note.name,
      hash: textHash(note.text),
      own: own[i]!.findings,
      workspace: workspace && checkAnonymity(parsed[i]!, knowledge, { known: workspace.known, isWord: workspace.isWord, project, cache: caches[i]! }).findings,
    };
  });
}

/**
 * Findings in a compact form for a fixture: `[start, end, type, score,
 * evidence]`, with `1` after them for a weak finding; the evidence is an
 * index into a table of distinct evidence lists (as JSON). The text is the
 * note's at the span, so it is not kept.
 */
export type CompactFinding = [number, number, string, number, number] | [number, number, string, number, number, 1];

export function compact(findings: AnonFinding[], evidence: string[], index: Map<string, number>): CompactFinding[] {
  return findings.map((f) => {
    const json = JSON.stringify(f.evidence);
    let at = index.get(json);
    if (at === undefined) {
      index.set(json, (at = evidence.length));
      evidence.push(json);
    }
    const row: CompactFinding = [f.span.start, f.span.end, f.type, f.score, at];
    return f.weak ? [...row, 1] : row;
  });
}

/** The findings a compact row stands for, their text taken from the note. */
export function expand(rows: CompactFinding[], evidence: string[], text: string): AnonFinding[] {
  return rows.map(([start, end, type, score, at, weak]) => ({
    type: type as AnonFinding['type'],
    span: { start, end },
    text: text.slice(start, end),
    score,
    evidence: JSON.parse(evidence[at]!),
    ...(weak ? { weak: true } : {}),
  }));
}
