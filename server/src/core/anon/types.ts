import type { Span } from '../text/range.js';

/** What kind of identifying detail a finding is; each has its own diagnostic code `anon/<type>`. */
export type AnonType = 'person' | 'place' | 'org' | 'idnum' | 'phone' | 'email' | 'dob' | 'indirect';

export const ANON_TYPES: readonly AnonType[] = ['person', 'place', 'org', 'idnum', 'phone', 'email', 'dob', 'indirect'];

/**
 * Why something was flagged, as evidence the message can explain. Like
 * Microsoft Presidio, a finding's score is built from its evidence: a
 * pattern or a list match gives a base score, context raises it, and an
 * allow-list removes it last.
 */
export type AnonEvidence =
  /** A fødselsnummer or D-number whose check digits are right. */
  /** `mistyped`: the check digits are wrong, but the word before says it is an id number. `pps`: an Irish PPS number; `scheme`: a British National Insurance, NHS or Scottish CHI number, a Danish CPR number or a Swedish personnummer. */
  | { kind: 'idnum'; dNumber: boolean; mistyped?: boolean; pps?: boolean; scheme?: 'nino' | 'nhs' | 'chi' | 'cpr' | 'personnummer' | 'sin' | 'ssn' }
  | { kind: 'phone' }
  | { kind: 'email' }
  /** A written-out date next to a word about birth (`født`). */
  | { kind: 'dob'; cue: string }
  /** In a list of names or places (`list` names which one). */
  | { kind: 'list'; list: 'firstName' | 'surname' | 'place' | 'county' }
  /** A word before or after it says what it is (`heter`, `rektor`, `i`, `gate 12`). */
  /** `following`: the cue comes after the words (`Moen ringte`, `Chichi, we called her`). */
  | { kind: 'context'; cue: string; following?: boolean }
  /** Written with a capital letter inside a sentence, where Norwegian capitalises only names. */
  | { kind: 'capitalised' }
  /** The name a quoted chat or text message is sent under (`> [09:03] amal: …`), or that name written in lower case in one. */
  | { kind: 'chat' }
  /** Built like a name of its kind (a place-name ending, a company form such as `AS`). */
  | { kind: 'shape'; cue: string }
  /** The same words were flagged elsewhere in the note or workspace. */
  | { kind: 'consistency'; where: string }
  /** An age, an occupation: not identifying alone, but a reviewer should look. */
  | { kind: 'indirect'; cue: string };

export interface AnonFinding {
  type: AnonType;
  /** UTF-16 offsets into the note's text, end exclusive. */
  span: Span;
  text: string;
  /** 0 to 1; findings under the reporting threshold are dropped. */
  score: number;
  evidence: AnonEvidence[];
  /**
   * Only a list match or standing alone, at a sentence start: an ordinary
   * word of the same spelling anywhere in the workspace outweighs it.
   */
  weak?: boolean;
}
