import type { ParsedNote } from '../dialect/model.js';
import { WORD } from './prose.js';
import type { AnonFinding } from './types.js';
import { FIELD_LABELS, NEVER_NAMES, PSEUDONYM, REPLIES } from './wordlists.js';

/**
 * Speakers a transcript names by their own names (`**Tharshan:** Ja.`): a
 * label that speaks again and again and is neither the study's pseudonym
 * (`NAV-leder 4`), a role (`Intervjuer`, `Mor`) nor a label of a memo's
 * (`**Merk:**`, which speaks once). Each word of such a label, in any case,
 * is a name.
 */
const GENERIC = new Set(
  `i int iv ip io inf res resp r p intervjuer intervjuar interviewer forsker forskar researcher informant informanten deltaker deltakar participant respondent moderator
  mod fasilitator facilitator ordstyrer ordstyrar observatør observer
  q a s spørsmål svar question answer alle all flere fleire ukjent unknown elev eleven ungdom ungdommen ungdommer mor far lærer læreren
  kvinne mann jente gutt speaker voice stemme tolk tolken interpreter veileder veilederen rettleiar rådgiver rådgjevar leder leiar
  sosionom saksbehandler caseworker teacher pupil student mother father youth parent forelder foreldre begge both merk note notat
  obs tema dato tid sted stad kommentar comment memo name navn namn dob address adresse phone tlf email age alder`.split(/\s+/u),
);

/** Whether a speaker's label (one word, any case) names a role, not a person: `IP`, `Int`, `Intervjuer`, `Tolk`. */
export function isSpeakerRole(label: string): boolean {
  return GENERIC.has(label.toLowerCase());
}

/** A speaker's role, then initials in brackets: `Veileder A (EM)`. */
const ROLE_AND_INITIALS = /^[\p{L}-]+(?:[ \t]+[\p{L}\d-]+){0,2}[ \t]*\((\p{Lu}{2,4})\)$/u;

/** How many times a label must speak before it is taken for a speaker's name. */
const TURNS = 2;

export function speakerNames(note: ParsedNote, isRole: (lower: string) => boolean, isWord: (lower: string) => boolean = () => false): AnonFinding[] {
  if (note.turns.length < TURNS) return [];
  const counts = new Map<string, number>();
  for (const turn of note.turns) counts.set(turn.speaker, (counts.get(turn.speaker) ?? 0) + 1);
  const found: AnonFinding[] = [];
  for (const turn of note.turns) {
    const speaker = turn.speaker.trim();
    // A role and the speaker's initials in brackets (`Rådgjevar (TH)`, `Leder (BNG)`): the initials are the person's, however
    // often they speak.
    const roleAndInitials = ROLE_AND_INITIALS.exec(speaker);
    if (roleAndInitials) {
      const at = note.text.indexOf(speaker, turn.labelSpan.start) + speaker.lastIndexOf(roleAndInitials[1]!);
      if (at >= turn.labelSpan.start && at < turn.labelSpan.end) found.push({ type: 'person', span: { start: at, end: at + roleAndInitials[1]!.length }, text: roleAndInitials[1]!, score: 0.85, evidence: [{ kind: 'shape', cue: 'speaker' }] });
      continue;
    }
    if (counts.get(turn.speaker)! < TURNS || PSEUDONYM.test(speaker) || speaker.length < 2 || /\d/u.test(speaker)) continue;
    const words = [...speaker.matchAll(WORD)].map((m) => m[0]);
    // (`**From:**`, `**Subject:**`: a pasted e-mail's header, no one speaking.)
    if (!words.length || words.some((w) => GENERIC.has(w.toLowerCase()) || isRole(w.toLowerCase()) || NEVER_NAMES.has(w) || REPLIES.has(w) || FIELD_LABELS.has(w))) continue;
    // (A label in lower case that is a word heads a note's remark, `**→ data:**`; a speaker's name in lower case is no word.)
    if (speaker === speaker.toLowerCase() && words.some((w) => isWord(w))) continue;
    const at = note.text.indexOf(speaker, turn.labelSpan.start);
    if (at < 0 || at >= turn.labelSpan.end) continue;
    for (const w of speaker.matchAll(WORD)) {
      const start = at + w.index;
      found.push({ type: 'person', span: { start, end: start + w[0].length }, text: w[0], score: 0.85, evidence: [{ kind: 'shape', cue: 'speaker' }] });
    }
  }
  return found;
}
