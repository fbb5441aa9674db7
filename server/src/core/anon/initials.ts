import type { NameFinding } from './names.js';
import type { AnonFinding } from './types.js';
import type { Word } from './prose.js';

/**
 * A person's initials: `A.S.` (how someone signs a queue list), `K-H`
 * (Karl-Henrik, as colleagues write him), `J. K.`. Each letter alone is
 * too short to be read as a name, so initials are looked for as a shape of
 * their own. Two-letter capitals without marks (`MT`, `SL`) are left alone:
 * researchers sign with them, and so do acronyms.
 */
const INITIALS = /(?<![\p{L}\p{N}.\-/])(?:\p{Lu}\.[ \u00a0]?\p{Lu}\.(?:[ \u00a0]?\p{Lu}\.)?|\p{Lu}-\p{Lu})(?![\p{L}\p{N}\-/]|\.\p{L})/gu;

/** Abbreviations of the same shape that stand for no one: a postscript, a note, a country, an era, an unknown name. */
const NOT_INITIALS = new Set(['P.S.', 'N.B.', 'O.K.', 'U.S.', 'U.K.', 'E.U.', 'A.D.', 'B.C.', 'N.N.', 'D.C.', 'P.P.', 'T.O.', 'R.I.P.', 'D.O.B.', 'D.O.B', 'E.G.', 'I.E.', 'A.M.', 'P.M.', 'N.A.', 'F.O.']);

export function findInitials(text: string, mask: Uint8Array, words: readonly Word[]): NameFinding[] {
  // Initials are single capitals with a full stop, side by side (`A`, `S`), or two joined by a hyphen (`K-H`): told from the
  // words before the expression runs, since most paragraphs have none (`I` alone, `Veileder D`, are no initials).
  if (!words.some((w, i) => w.upper && ((w.text.length === 3 && w.text[1] === '-') || (w.text.length === 1 && text[w.end] === '.' && letterAfter(words[i + 1], w.end))))) return [];
  const found: NameFinding[] = [];
  for (const m of text.matchAll(INITIALS)) {
    if (mask[m.index] || NOT_INITIALS.has(m[0].replace(/[ \u00a0]/gu, ''))) continue;
    found.push({ type: 'person', span: { start: m.index, end: m.index + m[0].length }, text: m[0], score: 0.6, evidence: [{ kind: 'shape', cue: 'initials' }], parts: [] });
  }
  return found;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Whether the next word is a single capital right after a full stop (and perhaps a space). */
function letterAfter(next: Word | undefined, stop: number): boolean {
  return next !== undefined && next.upper && next.text.length === 1 && next.start - stop <= 2;
}

/** A person's initials as a minutes' table writes them (`Tor Erik Haugland` → `TEH`, `Ngozi Eze-Larsen` → `NEL`). */
export function initialsOf(parts: readonly string[]): string {
  return parts
    .flatMap((part) => part.split('-'))
    .map((part) => initialOf(part))
    .join('');
}

/**
 * A name's initial as a coder types it: without an accent (`Órla` is `O`, `Éamon` is `E`), but with Norwegian's own letters
 * (`Åse` is `Å`, as `Øystein` is `Ø`).
 */
function initialOf(part: string): string {
  const first = part.charAt(0).toUpperCase();
  return first === 'Å' ? first : first.normalize('NFD').charAt(0);
}

/**
 * Persons the note names, written in capitals elsewhere in it: their
 * initials without full stops (`TEH` once `Tor Erik Haugland` is named, as
 * a table of cases writes who is responsible) and a name in capitals
 * (`HAUGLAND`). Capitals that stand for no one named in the note are left
 * alone: coders sign with theirs (`studyPeople.ts` takes the study's own
 * people's out, even where a participant shares them), and acronyms abound.
 */
export function personsInCapitals(
  text: string,
  uppers: Int32Array,
  names: readonly NameFinding[],
  isPerson: (name: string) => boolean,
): AnonFinding[] {
  const initials = new Set<string>();
  for (let i = 0; i < names.length; i++) {
    const { type, parts, span } = names[i]!;
    if (type !== 'person') continue;
    if (parts.length >= 2 && parts.length <= 4) initials.add(initialsOf(parts));
    // (Initials the note gives a person as their nickname, `Tor-Arne Bakken («TA»)`.)
    else if (parts.length === 1 && /^\p{Lu}{2,4}$/u.test(parts[0]!) && names[i]!.evidence.some((e) => e.kind === 'shape' && e.cue === 'nickname')) initials.add(parts[0]!);
    // `Haugland, Tor Erik`: a participant list's surname first, then the given names.
    const before = names[i - 1];
    if (before && before.parts.length === 1 && /^,[ \t]*$/u.test(text.slice(before.span.end, span.start))) initials.add(initialsOf([...parts, ...before.parts]));
  }
  if (!initials.size && !names.some((f) => f.type === 'person')) return [];
  const found: AnonFinding[] = [];
  for (let i = 0; i < uppers.length; i += 2) {
    const start = uppers[i]!;
    const end = uppers[i + 1]!;
    // (A code's letters before a hyphen and a number are the study's label: `Ung DK-1`, `IE-14`.)
    if (text.charCodeAt(end) === 45 && isDigit(text.charCodeAt(end + 1))) continue;
    const word = text.slice(start, end);
    const name = word.length > 2 ? word[0] + word.slice(1).toLowerCase() : undefined;
    const cue = initials.has(word) ? 'initials' : name !== undefined && isPerson(name) ? undefined : null;
    if (cue === null) continue;
    found.push({ type: 'person', span: { start, end }, text: word, score: 0.85, evidence: cue ? [{ kind: 'shape', cue }] : [{ kind: 'consistency', where: 'note' }] });
  }
  return found;
}
