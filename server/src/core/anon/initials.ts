import type { NameFinding } from './names.js';
import type { AnonFinding } from './types.js';

/**
 * A person's initials: `A.S.` (how someone signs a queue list), `K-H`
 * (Karl-Henrik, as colleagues write him), `J. K.`. Each letter alone is
 * too short to be read as a name, so initials are looked for as a shape of
 * their own. Two-letter capitals without marks (`MT`, `SL`) are left alone:
 * researchers sign with them, and so do acronyms.
 */
const INITIALS = /(?<![\p{L}\p{N}.\-/])(?:\p{Lu}\.[ \u00a0]?\p{Lu}\.(?:[ \u00a0]?\p{Lu}\.)?|\p{Lu}-\p{Lu})(?![\p{L}\p{N}\-/]|\.\p{L})/gu;

const MAY_HOLD = /\p{Lu}[.-][ \u00a0]?\p{Lu}/u;

/** Abbreviations of the same shape that stand for no one: a postscript, a note, a country, an era, an unknown name. */
const NOT_INITIALS = new Set(['P.S.', 'N.B.', 'O.K.', 'U.S.', 'U.K.', 'E.U.', 'A.D.', 'B.C.', 'N.N.', 'D.C.', 'P.P.', 'T.O.', 'R.I.P.']);

export function findInitials(text: string, mask: Uint8Array): NameFinding[] {
  // What every match holds, looked for first with a cheap expression: most paragraphs hold no initials.
  if (!MAY_HOLD.test(text)) return [];
  const found: NameFinding[] = [];
  for (const m of text.matchAll(INITIALS)) {
    if (mask[m.index] || NOT_INITIALS.has(m[0].replace(/[ \u00a0]/gu, ''))) continue;
    found.push({ type: 'person', span: { start: m.index, end: m.index + m[0].length }, text: m[0], score: 0.6, evidence: [{ kind: 'shape', cue: 'initials' }], parts: [] });
  }
  return found;
}

/** A person's initials as a minutes' table writes them (`Tor Erik Haugland` → `TEH`, `Ngozi Eze-Larsen` → `NEL`). */
export function initialsOf(parts: readonly string[]): string {
  return parts
    .flatMap((part) => part.split('-'))
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}

const CAPITALS = /(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu;

/**
 * Persons the note names, written in capitals elsewhere in it: their
 * initials without full stops (`TEH` once `Tor Erik Haugland` is named, as
 * a table of cases writes who is responsible) and a name in capitals
 * (`HAUGLAND`). Capitals that stand for no one named in the note are left
 * alone: coders sign with theirs, and acronyms abound.
 */
export function personsInCapitals(text: string, names: readonly NameFinding[], isPerson: (name: string) => boolean): AnonFinding[] {
  const initials = new Set<string>();
  for (let i = 0; i < names.length; i++) {
    const { type, parts, span } = names[i]!;
    if (type !== 'person') continue;
    if (parts.length >= 2 && parts.length <= 4) initials.add(initialsOf(parts));
    // `Haugland, Tor Erik`: a participant list's surname first, then the given names.
    const before = names[i - 1];
    if (before && before.parts.length === 1 && /^,[ \t]*$/u.test(text.slice(before.span.end, span.start))) initials.add(initialsOf([...parts, ...before.parts]));
  }
  if (!initials.size && !names.some((f) => f.type === 'person')) return [];
  const found: AnonFinding[] = [];
  for (const m of text.matchAll(CAPITALS)) {
    const word = m[0];
    const name = word.length > 2 ? word[0] + word.slice(1).toLocaleLowerCase('nb') : undefined;
    const cue = initials.has(word) ? 'initials' : name !== undefined && isPerson(name) ? undefined : null;
    if (cue === null) continue;
    found.push({ type: 'person', span: { start: m.index, end: m.index + word.length }, text: word, score: 0.85, evidence: cue ? [{ kind: 'shape', cue }] : [{ kind: 'consistency', where: 'note' }] });
  }
  return found;
}
