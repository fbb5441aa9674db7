import type { NameFinding } from './names.js';

/**
 * A person's initials: `A.S.` (how someone signs a queue list), `K-H`
 * (Karl-Henrik, as colleagues write him), `J. K.`. Each letter alone is
 * too short to be read as a name, so initials are looked for as a shape of
 * their own. Two-letter capitals without marks (`MT`, `SL`) are left alone:
 * researchers sign with them, and so do acronyms.
 */
const INITIALS = /(?<![\p{L}\p{N}.\-/])(?:\p{Lu}\.[ \u00a0]?\p{Lu}\.(?:[ \u00a0]?\p{Lu}\.)?|\p{Lu}-\p{Lu})(?![\p{L}\p{N}\-/]|\.\p{L})/gu;

/** Abbreviations of the same shape that stand for no one: a postscript, a note, a country, an era, an unknown name. */
const NOT_INITIALS = new Set(['P.S.', 'N.B.', 'O.K.', 'U.S.', 'U.K.', 'E.U.', 'A.D.', 'B.C.', 'N.N.', 'D.C.', 'P.P.', 'T.O.', 'R.I.P.']);

export function findInitials(text: string, mask: Uint8Array): NameFinding[] {
  if (!text.includes('.') && !text.includes('-')) return [];
  const found: NameFinding[] = [];
  for (const m of text.matchAll(INITIALS)) {
    if (mask[m.index] || NOT_INITIALS.has(m[0].replace(/[ \u00a0]/gu, ''))) continue;
    found.push({ type: 'person', span: { start: m.index, end: m.index + m[0].length }, text: m[0], score: 0.6, evidence: [{ kind: 'shape', cue: 'initials' }], parts: [] });
  }
  return found;
}
