import { scanIreland, type Report } from './irelandPatterns.js';
import { scanUkUs } from './ukUsPatterns.js';
import { scanNordicIds } from './nordicIds.js';
import { columnCells, inTableHeader, mayHoldTable } from './tables.js';
import type { AnonEvidence, AnonFinding, AnonType } from './types.js';

/**
 * Identifying details that have a fixed shape: Norwegian national identity
 * numbers (fødselsnummer, D- and H-numbers) with valid check digits,
 * Norwegian and British phone numbers, e-mail addresses, British
 * postcodes, and written dates next to a word about birth. Works on the
 * plain text of a note (the caller masks markup). Every scan is one
 * global or sticky regex over the whole text,
 * or `indexOf`; the surroundings of a candidate are read only for that
 * candidate, in windows of a few dozen characters, so the cost is linear
 * in the text and small per match.
 */
export function findPatterns(text: string): AnonFinding[] {
  const found: AnonFinding[] = [];
  // Every shape but an address and a birthday said in words holds a digit: most paragraphs have none, and one look rules
  // out the scans' eight looks.
  const digits = ANY_DIGIT.test(text);
  if (digits) scanNumbers(text, found);
  scanEmails(text, found);
  scanBirthDates(text, found);
  if (!digits) return found.sort(byPosition);
  scanPostcodes(text, found);
  // (A PPS, National Insurance or NHS number scores as an id number, an Eircode, district or ZIP code as a postcode, a
  // landline as a phone number.)
  // (What the scans above found stands: `+1 (613) 555-0147` is not found again as an American number inside it.)
  const report: Report = (type, start, end, evidence) => {
    if (found.some((f) => f.span.start < end && f.span.end > start)) return;
    found.push(finding(type, text, start, end, type === 'place' ? SCORE.postcode : type === 'idnum' ? SCORE.idnum : SCORE.phone, evidence));
  };
  scanIreland(text, report);
  scanUkUs(text, report);
  scanNordicIds(text, report);
  return found.sort(byPosition);
}

const byPosition = (a: AnonFinding, b: AnonFinding) => a.span.start - b.span.start || b.span.end - a.span.end;

const ANY_DIGIT = /[0-9]/;

const SCORE = { idnum: 0.95, phone: 0.85, phoneWithCue: 0.95, email: 0.95, dob: 0.9, postcode: 0.85 } as const;

function finding(type: AnonType, text: string, start: number, end: number, score: number, evidence: AnonEvidence[]): AnonFinding {
  return { type, span: { start, end }, text: text.slice(start, end), score, evidence };
}

// ---------------------------------------------------------------------------
// Characters around a candidate

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** A letter, mark or digit at `i` (either half of a surrogate pair looks at the whole code point). */
function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return isDigitCode(c) || ((c | 32) >= 97 && (c | 32) <= 122);
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
    const high = text.charCodeAt(i - 1);
    if (high >= 0xd800 && high <= 0xdbff) return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i - 1)!));
  }
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
  return WORD_CHAR.test(text[i]!);
}

const isDigitAt = (text: string, i: number) => i >= 0 && i < text.length && isDigitCode(text.charCodeAt(i));

/** Whether a number starting at `start` is glued to what precedes it: a word (`ID-123`, `abc123`, `snake_123`), a decimal (`3,5`), an `@` or a foreign `+`. */
function joinedLeft(text: string, start: number, plusToo: boolean): boolean {
  if (start === 0) return false;
  const c = text[start - 1]!;
  if (isWordAt(text, start - 1)) return true;
  if (c === '_' || c === '-') return isWordAt(text, start - 2);
  if (c === '.' || c === ',') return isDigitAt(text, start - 2);
  return c === '@' || (plusToo && c === '+');
}

/** Whether a number ending at `end` runs on into a word, a decimal part, a percentage or an e-mail address. */
function joinedRight(text: string, end: number): boolean {
  if (end >= text.length) return false;
  const c = text[end]!;
  if (isWordAt(text, end)) return true;
  if (c === '_') return isWordAt(text, end + 1);
  if (c === '.' || c === ',') return isDigitAt(text, end + 1);
  return c === '@' || c === '%';
}

/** Characters that end the token a candidate sits in, looking for a URL or an address around it. */
const TOKEN_END = /[\s|<>[\]()"'`«»]/;
const TOKEN_REACH = 256;

/** Whether the candidate is part of a URL (`https://`, `www.`) or an e-mail address, judged on the run of characters around it up to a space or a bracket. */
function inLinkOrAddress(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from < TOKEN_REACH && !TOKEN_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end < TOKEN_REACH && !TOKEN_END.test(text[to]!)) to++;
  if (from === start && to === end) return false;
  const token = text.slice(from, to);
  return token.includes('@') || token.includes('://') || /(?:^|[^\p{L}])www\./iu.test(token);
}

/** Only spaces, tabs and block-quote marks between the line start and `start`. */
function atLineStart(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0 && start - i <= 64; i--) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t' && c !== '>') return false;
  }
  return start <= 64 && text.slice(0, start).trim().replace(/>/g, '') === '';
}

/** The last `reach` characters before `start`, widened back to a word start so that a cue is never cut. */
function before(text: string, start: number, reach: number): string {
  let from = Math.max(0, start - reach);
  for (let n = 0; n < 24 && from > 0 && isWordAt(text, from - 1); n++) from--;
  return text.slice(from, start);
}

// ---------------------------------------------------------------------------
// Dates

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `year` may be undefined (unknown century): February then has 29 days. */
function plausibleDate(day: number, month: number, year?: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && year !== undefined) return day <= (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28);
  return day <= DAYS[month - 1]!;
}

// ---------------------------------------------------------------------------
// Fødselsnummer, D-number, H-number

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** mod-11 check digit over `digits`, or -1 where none is possible (remainder 1). */
function checkDigit(digits: ArrayLike<number>, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digits[i]! * weights[i]!;
  const k = 11 - (sum % 11);
  return k === 11 ? 0 : k === 10 ? -1 : k;
}

/** The century a fødselsnummer's individnummer gives its two-digit year, or undefined where the combination is not issued. */
function fullYear(yy: number, individual: number): number | undefined {
  if (individual <= 499) return 1900 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  if (yy <= 39) return 2000 + yy;
  if (individual >= 900) return 1900 + yy;
  return undefined;
}

const digitBuffer = new Uint8Array(11);

/**
 * Whether the 11 digits at `text[at..]` (with an optional single space after
 * the sixth, `gap` = 1) are a fødselsnummer, D-number (day + 40) or
 * H-number (month + 40) with a plausible date and both check digits right.
 */
function idNumberAt(text: string, at: number, gap = 0): { dNumber: boolean } | undefined {
  for (let i = 0; i < 11; i++) digitBuffer[i] = text.charCodeAt(at + i + (i >= 6 ? gap : 0)) - 48;
  const d = digitBuffer;
  let day = d[0]! * 10 + d[1]!;
  let month = d[2]! * 10 + d[3]!;
  const yy = d[4]! * 10 + d[5]!;
  const dNumber = day > 40;
  if (dNumber) day -= 40;
  if (month > 40) month -= 40;
  if (!plausibleDate(day, month, fullYear(yy, d[6]! * 100 + d[7]! * 10 + d[8]!))) return undefined;
  // (`010100 00000`, the number forms and examples write where no one's is meant: five zeros are no one's.)
  if (d[6] === 0 && d[7] === 0 && d[8] === 0 && d[9] === 0 && d[10] === 0) return undefined;
  if (checkDigit(d, K1) !== d[9] || checkDigit(d, K2) !== d[10]) return undefined;
  return { dNumber };
}

/** An id number that forms and examples write where no one's is meant: its last five digits zeros (`010100 00000`). */
function placeholderNumber(written: string): boolean {
  return /0{5}$/u.test(written.replace(/\D/gu, ''));
}

/** The words that say an 11-digit number is an id number, right before it. */
const ID_CUE_BEFORE = /(?:fødselsnummer\p{L}*|personnummer\p{L}*|d-nummer\p{L}*|d-nr\.?|f\.?[ ]?nr\.?|fnr\.?|fødselsnr\.?|pnr\.?|pesel(?:[ \u00a0]?(?:number|nummer|nr\.?|no\.?))?|id[- ]number|national identity number|personal number)[ \u00a0:,]*(?:er|is|var|was)?[ \u00a0:]*$/iu;

/**
 * An id number named in the sentence before (`leste opp fødselsnummeret sitt. Jeg noterte 14020515748`): a number
 * that starts with a date there is that number, mistyped or not.
 */
const ID_CUE_NEARBY = /(?:fødselsnummer|personnummer|d-nummer|d-nr|f\.?[ ]?nr|fnr|fødselsnr|pesel|id number|identity number)[^\d]*$/iu;
/** A chat's or log's dates and times between the cue and the number (`> 14.03.2024, 08:55 - Stein:`), which are no other number. */
const TIMESTAMPS = /\d{1,4}[.:/-]\d{1,2}(?:[.:/-]\d{2,4})?/gu;

/** The word for an id number in the 120 characters before, with no other number between (dates and times aside). */
function idCueNearby(text: string, at: number): boolean {
  const window = text.slice(Math.max(0, at - 120), at);
  return ID_CUE_NEARBY.test(window) || (/\d/u.test(window) && ID_CUE_NEARBY.test(window.replace(TIMESTAMPS, '')));
}

/** Whether the 11 digits at `at` start with a birth date, as an id number does (day + 40 in a D-number, month + 40 in an H-number). */
function datePrefix(text: string, at: number): boolean {
  const day = numberAt(text, at, 2) % 40;
  const month = numberAt(text, at + 2, 2) % 40;
  return plausibleDate(day, month, undefined);
}

/** As `idNumberAt`, on a string of exactly 11 digits (for tests and callers outside a text). */
export function isIdNumber(digits: string): boolean {
  return /^\d{11}$/.test(digits) && idNumberAt(digits, 0) !== undefined;
}

// ---------------------------------------------------------------------------
// Numbers: id numbers and phone numbers

/**
 * A run of digit groups joined by single separators (space, no-break
 * space, `-`, `.`), with an optional Norwegian country prefix. Greedy, so
 * every run is seen whole: a phone number inside a longer run of numbers
 * is never taken for one.
 */
const NUMBER = /((?:\+47|\(\+47\)|0047|\(0047\))[ \u00a0.-]?)?\d+(?:[ \u00a0.-]\d+)*/g;
/**
 * Public services' numbers, printed for anyone to call (NAV's switchboard,
 * Kirkens SOS, Giftinformasjonen, Skatteetaten): no one's phone.
 */
const PUBLIC_NUMBERS = new Set(['55553333', '22400040', '22591300', '80080000']);

const SEP_NONE = 0;
const SEP_SPACE = 1;
const SEP_DASH = 2;
const SEP_DOT = 3;
const sepKind = (c: number) => (c === 45 ? SEP_DASH : c === 46 ? SEP_DOT : SEP_SPACE);

/** How Norwegian phone numbers are grouped (group lengths as hex digits): 41527384, 415 27 384, 71 25 80 00, 4152 7384. */
const PHONE_SHAPES = new Set([0x8, 0x323, 0x2222, 0x44]);

/** Words before a phone number that say what it is (`ring`, `tlf`, `mobilnummer`). */
const PHONE_CUE = /(?<![\p{L}\p{N}])(ring\p{L}*|tlf|tel|telefon\p{L}*|mobil\p{L}*|mob|sms|\p{L}*nummer\p{L}*|\p{L}*nr)(?![\p{L}\p{N}])/giu;
/** A phone's word right before a number (`tlf`, `mobil:`, `nummer er`, `phone`). */
const FOREIGN_PHONE_CUE_BEFORE = /(?:^|[^\p{L}])(?:ring\p{L}*|tlf\.?|tel\.?|telefon\p{L}*|mobil\p{L}*|mob\.?|phone|number|nummer\p{L}*|nr\.?)[ \u00a0:]*(?:er|is)?[ \u00a0:]*$/iu;
/** A cheap first look for `PHONE_CUE`. */
const MAY_HAVE_PHONE_CUE = /ring|tlf|tel|mob|sms|nummer|nr/i;
/** Before: an amount (`kr`, `NOK`, `€`), a time (`kl.`), a section (`§`). */
const NOT_PHONE_BEFORE = /(?:(?<![\p{L}\p{N}])(?:kr|nok|kroner|usd|eur|sek|dkk|kl|klokka|klokken)\.?|[$€£§])[ \u00a0]*$/iu;
/** After: a currency or unit (`kroner`, `,-`, `%`, `år`). */
const NOT_PHONE_AFTER = /^[ \u00a0]*(?:(?:kr|kroner|nok|mill|millioner|mrd|milliarder|euro|dollar|prosent|år|års|stk|timer|minutter|km|kg|poeng)(?![\p{L}\p{N}])|,-|%)/iu;
const LIST_MARKER_END = /^[.)](?:[ \t\r\n]|$)/;

const numberAt = (text: string, at: number, n: number) => {
  let v = 0;
  for (let i = at; i < at + n; i++) v = v * 10 + text.charCodeAt(i) - 48;
  return v;
};

/**
 * Numbers with another country's code written as people write them, in
 * brackets or with the trunk `(0)` (`(+1) 613-555-0147`, `+233 (0)24 455
 * 0192`): eight to fifteen digits after the code. Returns where they are,
 * for the scan of plain numbers to leave alone.
 */
function scanInternational(text: string, found: AnonFinding[]): { start: number; end: number }[] {
  if (!text.includes('+')) return [];
  const spans: { start: number; end: number }[] = [];
  INTERNATIONAL.lastIndex = 0;
  for (let m = INTERNATIONAL.exec(text); m !== null; m = INTERNATIONAL.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // Only what the plain scan cannot read: a bracket in the number.
    const code = m[1] ?? m[2]!;
    if (!m[0].includes('(') || joinedRight(text, end) || code === '47') continue;
    const digits = m[0].replace(/\(0\)/u, '').replace(/\D/gu, '').length - code.length;
    if (digits < 7 || digits > 13 || inLinkOrAddress(text, start, end)) continue;
    found.push(finding('phone', text, start, end, SCORE.phoneWithCue, [{ kind: 'phone' }]));
    spans.push({ start, end });
  }
  return spans;
}

/** `(+1) 613-555-0147`, `+233 (0)24 455 0192`, `+44 (0)20 7946 0018`: the country's code (group 1), then the number. */
const INTERNATIONAL = /(?<![\p{L}\p{N}+])(?:\(\+(\d{1,3})\)|\+(\d{1,3}))(?:[ \u00a0.-]?(?:\(\d{1,4}\)|\d+))+/gu;

function scanNumbers(text: string, found: AnonFinding[]): void {
  const international = scanInternational(text, found);
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m !== null; m = NUMBER.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (international.length && international.some((span) => start < span.end && end > span.start)) continue;
    const prefixed = m[1] !== undefined;
    const bodyStart = start + (m[1]?.length ?? 0);
    // `+48 601 233 418`: another country's code after a `+`, then the number.
    const foreign = !prefixed && start > 0 && text.charCodeAt(start - 1) === 43 && !joinedLeft(text, start - 1, true);
    if ((!foreign && joinedLeft(text, start, !prefixed)) || joinedRight(text, end)) continue;
    // Walk the digit groups: their count, total digits, a shape key of the
    // first four lengths, whether the separators agree; 11-digit groups set
    // off by spaces are fødselsnummer candidates.
    let groups = 0;
    let digits = 0;
    let shape = 0;
    let firstSep = SEP_NONE;
    let sameSeps = true;
    let idFound = false;
    let sepBefore = SEP_NONE;
    for (let i = bodyStart; i < end; ) {
      let j = i;
      while (j < end && isDigitCode(text.charCodeAt(j))) j++;
      const sepAfter = j < end ? sepKind(text.charCodeAt(j)) : SEP_NONE;
      const length = j - i;
      groups++;
      digits += length;
      if (groups <= 4) shape = shape * 16 + Math.min(length, 15);
      if (sepAfter !== SEP_NONE) {
        if (firstSep === SEP_NONE) firstSep = sepAfter;
        else if (sepAfter !== firstSep) sameSeps = false;
      }
      if (!prefixed && !foreign && length === 11 && sepBefore !== SEP_DASH && sepBefore !== SEP_DOT && sepAfter !== SEP_DASH && sepAfter !== SEP_DOT) {
        const id = idNumberAt(text, i);
        if (id && !inLinkOrAddress(text, start, end)) {
          found.push(finding('idnum', text, i, j, SCORE.idnum, [{ kind: 'idnum', dNumber: id.dNumber }]));
          idFound = true;
        } else if (!id && !placeholderNumber(text.slice(i, j)) && (ID_CUE_BEFORE.test(text.slice(Math.max(0, i - 30), i)) || (idCueNearby(text, i) && datePrefix(text, i)))) {
          // A mistyped number still identifies someone, and the word before says what it is.
          found.push(finding('idnum', text, i, j, SCORE.idnum, [{ kind: 'idnum', dNumber: false, mistyped: true }]));
          idFound = true;
        }
      }
      sepBefore = sepAfter;
      i = j + 1;
    }
    if (idFound) continue;
    // Nine to fifteen digits in all, the country's code with them (no country's numbers are shorter).
    if (foreign) {
      if (digits >= 9 && digits <= 15 && !inLinkOrAddress(text, start, end)) found.push(finding('phone', text, start - 1, end, SCORE.phoneWithCue, [{ kind: 'phone' }]));
      continue;
    }
    // `tlf 0037061234567`: another country's number after the international prefix `00`, where the words before call it a
    // phone's, or where it is grouped as phone numbers are, three groups or more (`Fra: 0048 603 118 472`). (`0047`, Norway's,
    // is read with Norway's numbers.)
    const groupedAsPhone = groups >= 3 && sameSeps && firstSep !== SEP_NONE;
    if (!prefixed && text.startsWith('00', bodyStart) && digits >= 11 && digits <= 17 && (groupedAsPhone || FOREIGN_PHONE_CUE_BEFORE.test(text.slice(Math.max(0, start - 24), start))) && !inLinkOrAddress(text, start, end)) {
      found.push(finding('phone', text, start, end, SCORE.phoneWithCue, [{ kind: 'phone' }]));
      continue;
    }
    // Eleven digits in two groups otherwise cut (`0207069 8547`), right after an id's cue: the number, typed as it came.
    if (!prefixed && groups === 2 && digits === 11 && shape !== 0x65 && firstSep === SEP_SPACE && ID_CUE_BEFORE.test(text.slice(Math.max(0, start - 30), start))) {
      const id = idNumberAt(text.slice(start, end).replace(/ /gu, ''), 0);
      found.push(finding('idnum', text, start, end, SCORE.idnum, [id ? { kind: 'idnum', dNumber: id.dNumber } : { kind: 'idnum', dNumber: false, mistyped: true }]));
      continue;
    }
    if (!prefixed && groups === 2 && shape === 0x65 && firstSep === SEP_SPACE) {
      // `300908 51221`
      const id = idNumberAt(text, start, 1);
      if (id && !inLinkOrAddress(text, start, end)) found.push(finding('idnum', text, start, end, SCORE.idnum, [{ kind: 'idnum', dNumber: id.dNumber }]));
      // (Mistyped, where the words before ask for one: `Har du fnr?` … `220507 84338`.)
      else if (!id && !placeholderNumber(text.slice(start, end)) && (ID_CUE_BEFORE.test(text.slice(Math.max(0, start - 30), start)) || (idCueNearby(text, start) && datePrefix(text, start))))
        found.push(finding('idnum', text, start, end, SCORE.idnum, [{ kind: 'idnum', dNumber: false, mistyped: true }]));
      continue;
    }
    if (digits === 8 && groups <= 4 && sameSeps && PHONE_SHAPES.has(shape) && text.charCodeAt(bodyStart) >= 50) phoneNumber(text, start, end, bodyStart, groups, firstSep, found);
    else if (!prefixed && digits === 11 && sameSeps && UK_PHONE_SHAPES.has(shape) && ukTrunkPrefix(text, bodyStart)) phoneNumber(text, start, end, bodyStart, groups, firstSep, found);
    // A British mobile in one run of eleven digits, as a spreadsheet keeps it (`07700900562`): no fødselsnummer or H-number has
    // month 53–99 (`07123…` stays a possible id).
    else if (!prefixed && digits === 11 && groups === 1 && text.startsWith('07', bodyStart) && numberAt(text, bodyStart + 2, 2) >= 53) phoneNumber(text, start, end, bodyStart, groups, firstSep, found);
    // Another country's number with its trunk 0, as Australia and Ireland write mobiles (`0491 570 156`, `087 914 2236`) and
    // landlines, the area code first (`061 412 778`, `022 21456`).
    else if (!prefixed && digits === 10 && groups === 3 && sameSeps && firstSep === SEP_SPACE && TRUNK_PHONE_SHAPES.has(shape) && text.charCodeAt(bodyStart) === 48 && text.charCodeAt(bodyStart + 1) !== 48)
      phoneNumber(text, start, end, bodyStart, groups, firstSep, found);
    else if (!prefixed && digits >= 8 && digits <= 9 && sameSeps && firstSep === SEP_SPACE && AREA_CODE_SHAPES.has(shape) && text.charCodeAt(bodyStart) === 48 && text.charCodeAt(bodyStart + 1) !== 48)
      phoneNumber(text, start, end, bodyStart, groups, firstSep, found);
  }
}

/**
 * A British postcode (`S8 0GT`, `SW1A 1AA`): it names a street or a few
 * houses, a place as exact as an address. Norwegian postcodes are four
 * digits and say no more than the town named beside them.
 */
const UK_POSTCODE = /[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}$/;
/** The inward half (` 0GT`), which prose rarely holds: looked for first, then the outward half before it. */
const UK_POSTCODE_END = / \d[ABD-HJLNP-UW-Z]{2}/g;

function scanPostcodes(text: string, found: AnonFinding[]): void {
  for (const m of text.matchAll(UK_POSTCODE_END)) {
    const end = m.index + m[0].length;
    const whole = UK_POSTCODE.exec(text.slice(Math.max(0, m.index - 4), end));
    if (!whole) continue;
    const start = end - whole[0].length;
    if (isWordAt(text, start - 1) || isWordAt(text, end)) continue;
    found.push(finding('place', text, start, end, SCORE.postcode, [{ kind: 'shape', cue: 'postcode' }]));
  }
}

/**
 * British numbers as written at home, with the trunk 0 and no country
 * code (`0114 496 0872`, `07700 900316`, `020 7946 0958`): eleven digits,
 * grouped as Britons group them. Norwegian numbers never start with 0.
 */
const UK_PHONE_SHAPES = new Set([0x434, 0x56, 0x533, 0x344]);
/** Eight or nine digits with the trunk 0 and a three-digit area code: 3-5, 3-3-3, 3-3-2 (`022 21456`, `061 412 778`). */
const AREA_CODE_SHAPES = new Set([0x35, 0x333, 0x36]);
/** Ten digits with the trunk 0 in three groups: 4-3-3 and 3-3-4. */
const TRUNK_PHONE_SHAPES = new Set([0x433, 0x334]);
/** 01 and 02 (places), 03 (non-geographic), 07 (mobiles), 08 (free and shared). */
const ukTrunkPrefix = (text: string, at: number) => text.charCodeAt(at) === 48 && '12378'.includes(text[at + 1]!);

/** A candidate of the right shape: reject amounts, times, sections, list numbers, year ranges and dates; look for a cue. */
function phoneNumber(text: string, start: number, end: number, bodyStart: number, groups: number, sep: number, found: AnonFinding[]): void {
  if (inLinkOrAddress(text, start, end) || PUBLIC_NUMBERS.has(text.slice(bodyStart, end).replace(/\D/gu, ''))) return;
  const preceding = before(text, start, 30);
  const following = text.slice(end, end + 16);
  if (NOT_PHONE_BEFORE.test(preceding) || NOT_PHONE_AFTER.test(following)) return;
  if (start === bodyStart && LIST_MARKER_END.test(following) && atLineStart(text, start)) return; // `41527384. item`: a list number
  if (groups === 2) {
    // 4-4: a year range (`2020-2021`, `2019 2020`) or clock times (`2200-2330`).
    const a = numberAt(text, bodyStart, 4);
    const b = numberAt(text, bodyStart + 5, 4);
    if (a >= 1800 && a <= 2099 && b >= 1800 && b <= 2099) return;
    const hhmm = (n: number) => Math.floor(n / 100) <= 24 && n % 100 < 60;
    if (sep !== SEP_SPACE && hhmm(a) && hhmm(b)) return;
  }
  let cue: string | undefined;
  if (MAY_HAVE_PHONE_CUE.test(preceding)) {
    PHONE_CUE.lastIndex = 0;
    for (let c = PHONE_CUE.exec(preceding); c !== null; c = PHONE_CUE.exec(preceding)) cue = c[1]!.toLowerCase();
  }
  if (groups === 1 && cue === undefined) {
    // Eight digits in one run that read as a date (28022005, 20050228) are a date unless a cue says phone.
    const yyyy = numberAt(text, bodyStart + 4, 4);
    if (yyyy >= 1900 && yyyy <= 2099 && plausibleDate(numberAt(text, bodyStart, 2), numberAt(text, bodyStart + 2, 2), yyyy)) return;
    const y = numberAt(text, bodyStart, 4);
    if (y >= 1900 && y <= 2099 && plausibleDate(numberAt(text, bodyStart + 6, 2), numberAt(text, bodyStart + 4, 2), y)) return;
  }
  const evidence: AnonEvidence[] = [{ kind: 'phone' }];
  if (cue !== undefined) evidence.push({ kind: 'context', cue });
  found.push(finding('phone', text, start, end, cue !== undefined ? SCORE.phoneWithCue : SCORE.phone, evidence));
}

// ---------------------------------------------------------------------------
// E-mail addresses

const LOCAL_CHAR = /[\p{L}\p{M}\p{N}._%+-]/u;
const MAX_LOCAL = 64;
/** The domain after `@`: labels of letters and digits (hyphens inside), then a top-level domain of letters, never trailing punctuation. */
const DOMAIN = /(?:[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{M}\p{N}_@])/uy;

function isLocalAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isDigitCode(c) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
  return isWordAt(text, i) || LOCAL_CHAR.test(text[i]!);
}

function scanEmails(text: string, found: AnonFinding[]): void {
  for (let at = text.indexOf('@'); at !== -1; ) {
    let start = at;
    while (start > 0 && at - start <= MAX_LOCAL && isLocalAt(text, start - 1)) start--;
    const tooLong = at - start > MAX_LOCAL;
    while (start < at && (text[start] === '.' || text[start] === '-' || text[start] === '+')) start++;
    if (!tooLong && start < at && text[at - 1] !== '.') {
      DOMAIN.lastIndex = at + 1;
      if (DOMAIN.test(text)) {
        const end = DOMAIN.lastIndex;
        if (!isFunctionalMailbox(text.slice(start, at), text.slice(at + 1, end))) found.push(finding('email', text, start, end, SCORE.email, [{ kind: 'email' }]));
        at = text.indexOf('@', end);
        continue;
      }
    }
    at = text.indexOf('@', at + 1);
  }
}

/**
 * A mailbox's words that name a function, a committee or a project, not a person (`postmottak`, `personvernombud`,
 * `personverntjenester`, `rek-sorost`, `ungnav-prosjekt`, `ub-ref`, `yt-compare`): a word of its own, or a compound's last
 * part (`personverntjenester`, `kundesenter`).
 */
const FUNCTIONAL_LOCAL =
  /^(?:[a-z0-9]+[._-])*(?:post|postmottak|postkasse|kontakt|contact|info|prosjekt|project|forskning|research|admin|noreply|no-reply|dpo|secretariat|support|service|hjelp|help|ref|bibliotek|library|ub|servicesenter|sentralbord|nav|study|studie|studien|team|compare|comparative|survey|data|ethics|etikk|office|enquiries|lab|rek|nsd|sikt|irb|[a-zæøå]*(?:tjeneste|tjenester|tjenesten|teneste|tenester|ombud|sekretariat|kontor|senter|personvern|service))(?:[._-][a-z0-9]+)*$/u;
/** Domains of public bodies and universities (`hvl.no`, `uit.no`, `x.kommune.no`, `nav.no`, `ac.uk`): a function's mailbox there identifies no one. */
const PUBLIC_DOMAIN = /(?:^|\.)(?:nav\.no|[a-z]+\.kommune\.no|kommune\.no|fylkeskommune\.no|udir\.no|sikt\.no|uit\.no|uio\.no|uib\.no|ntnu\.no|hvl\.no|oslomet\.no|usn\.no|nord\.no|inn\.no|hiof\.no|uia\.no|uis\.no|nmbu\.no|nhh\.no|himolde\.no|hivolda\.no|uni[a-z.-]*|[a-z.-]*\.ac\.uk|[a-z.-]*\.edu|[a-z.-]*\.gov(?:\.[a-z]{2})?|[a-z.-]*\.gov\.uk)$/u;

/**
 * A function's mailbox at a public body or a university (`personvernombud@uit.no`, `ungnav-prosjekt@hvl.no`): no one's
 * address. A small employer's `post@` names the workplace and is still found.
 */
function isFunctionalMailbox(local: string, domain: string): boolean {
  return FUNCTIONAL_LOCAL.test(local.toLowerCase()) && PUBLIC_DOMAIN.test(domain.toLowerCase());
}

// ---------------------------------------------------------------------------
// Dates of birth

const MONTHS: Record<string, number> = {
  januar: 1, jan: 1,
  februar: 2, febr: 2, feb: 2,
  mars: 3, mar: 3,
  april: 4, apr: 4,
  mai: 5,
  juni: 6, jun: 6,
  juli: 7, jul: 7,
  august: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  oktober: 10, okt: 10,
  november: 11, nov: 11,
  desember: 12, des: 12,
  // English, for notes written in English (`born 3 March 2006`).
  january: 1, february: 2, march: 3, may: 5, june: 6, july: 7, october: 10, oct: 10, december: 12, dec: 12,
};
const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
/**
 * A day of the month as Bokmål and Nynorsk say it (`fjortende februar`, `tjueførste mai`, `fjortande februar`): the
 * ordinals of one to nineteen, and twenty and thirty before them or alone.
 */
const NORWEGIAN_ORDINAL_DAYS: [string, number][] = (() => {
  const units: [string[], number][] = [
    [['første', 'fyrste'], 1], [['andre'], 2], [['tredje'], 3], [['fjerde'], 4], [['femte'], 5], [['sjette'], 6], [['sjuende', 'syvende', 'sjuande'], 7],
    [['åttende', 'åttande'], 8], [['niende', 'niande'], 9], [['tiende', 'tiande'], 10], [['ellevte'], 11], [['tolvte'], 12], [['trettende', 'trettande'], 13],
    [['fjortende', 'fjortande'], 14], [['femtende', 'femtande'], 15], [['sekstende', 'sekstande'], 16], [['syttende', 'syttande'], 17],
    [['attende', 'attande'], 18], [['nittende', 'nittande'], 19],
  ];
  const days: [string, number][] = units.flatMap(([words, day]) => words.map((word) => [word, day] as [string, number]));
  for (const [tens, value] of [[['tjuende', 'tyvende', 'tjuande'], 20], [['trettiende', 'trettiande'], 30]] as [string[], number][]) for (const word of tens) days.push([word, value]);
  for (const [prefix, value] of [['tjue', 20], ['tyve', 20]] as [string, number][]) for (const [words, day] of units.slice(0, 9)) for (const word of words) days.push([prefix + word, value + day]);
  days.push(['trettiførste', 31], ['trettifyrste', 31]);
  return days;
})();

/** A day of the month as English says it (`the second of September`, `thirty-first`). */
const ORDINAL_DAYS: Record<string, number> = Object.fromEntries(
  'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth'
    .split(' ')
    .map((word, i) => [word, i + 1] as [string, number])
    .flatMap(([word, day]) => (day < 10 ? [[word, day], [`twenty-${word}`, day + 20], ...(day === 1 ? [[`thirty-${word}`, 31]] : [])] : [[word, day]]) as [string, number][])
    .concat([['thirtieth', 30]])
    .concat(NORWEGIAN_ORDINAL_DAYS),
);
/**
 * The ordinals as a pattern: the English ones listed, the Norwegian ones by their parts (a list of every form would be
 * tried at every place of a note).
 */
const ORDINAL_NAMES = [
  ...Object.keys(ORDINAL_DAYS).filter((word) => /^[a-z-]+$/u.test(word) && !NORWEGIAN_ORDINAL_DAYS.some(([norwegian]) => norwegian === word)).sort((a, b) => b.length - a.length),
  String.raw`(?:tjue|tyve)?(?:første|fyrste|andre|tredje|fjerde|femte|sjette|sjuende|syvende|sjuande|åttende|åttande|niende|niande)`,
  String.raw`tiende|tiande|ellevte|tolvte|trett[ae]nde|fjort[ae]nde|femt[ae]nde|sekst[ae]nde|sytt[ae]nde|att[ae]nde|nitt[ae]nde|tju[ae]nde|tyvende|tretti[ae]nde|tretti(?:første|fyrste)`,
].join('|');

/**
 * A written date: `28. februar 2005`, `2. jan. 2006`, `3. mars` (no year),
 * `28.02.2005`, `28/2-2005`, `28-02-05`, `2005-02-28`, `28022005`, `280205`,
 * and the American `Oct 2, 2005`, `March 3rd, '04`.
 */
const DATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}]|\d[.,/-])(?:` +
    String.raw`(\d{1,2})(?:\.|st|nd|rd|th)?(?:[ \u00a0]+of)?[ \u00a0]*(${MONTH_NAMES})(?!\p{L})(?:\.?[ \u00a0]+(\d{4})(?![\p{L}\p{N}]|[.,]\d))?` +
    String.raw`|(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?![\p{L}\p{N}]|[./-]\d)` +
    String.raw`|(\d{4})-(\d{2})-(\d{2})(?![\p{L}\p{N}]|[./-]\d)` +
    String.raw`|(\d{2})(\d{2})(\d{4}|\d{2})(?![\p{L}\p{N}]|[ \u00a0./-]\d)` +
    String.raw`|(${MONTH_NAMES})\.?[ \u00a0]+(\d{1,2})(?:st|nd|rd|th)?,?[ \u00a0]+(\d{4}|['’]\d{2})(?![\p{L}\p{N}]|[.,]\d)` +
    String.raw`|(${ORDINAL_NAMES})(?:[ \u00a0]+of)?[ \u00a0]+(${MONTH_NAMES})(?!\p{L})(?:\.?[ \u00a0]+(\d{4})(?![\p{L}\p{N}]|[.,]\d))?` +
    String.raw`|(${MONTH_NAMES})\.?[ \u00a0]+(\d{4})(?![\p{L}\p{N}]|[.,]\d)` +
    `)`,
  'giu',
);

/** The words about birth before a date (`født`, `f.`), or `bursdag` in `3. mars har hun bursdag`. */
const BIRTH_CUE = /(?<![\p{L}\p{N}])(?:(født|fødd|fødselsdato\p{L}*|fødselsdag\p{L}*|bursdag\p{L}*|fyller år|born|dates? of birth|birth ?dates?|birthdays?|bday|b-day|dobs?|d\.o\.b\.?)(?![\p{L}\p{N}])|(f\.|b\.)(?![ \u00a0]*eks))/giu;
/**
 * A first look for `BIRTH_CUE`, without its flags (the `i` and `u` flags and the lookbehind cost on a whole note): each
 * cue's letters in either case where they differ in case, and the abbreviations' full stops.
 */
const BIRTH_CUE_HINT = /[fF][øØ][dD]|[bB][uU][rR][sS][dD][aA][gG]|[fF][yY][lL][lL][eE][rR] [åÅ][rR]|[bB][oO][rR][nN]|[dD][aA][tT][eE] [oO][fF] [bB]|[bB][iI][rR][tT][hH]|[bB]-?[dD][aA][yY]|[dD][oO][bB]|[dD]\.[oO]\.[bB]|[fFbB]\./;
/** A birthday's word (`her birthday`, `bursdagen`, `fødselsdagen`), in the case prose writes it in. */
const BIRTHDAY_WORD = /[bB]irthday|BIRTHDAY|[bB]ursdag|BURSDAG|[fF]ødselsdag|FØDSELSDAG/;
/** The age a birthday brings, before its date (`fyller 18 den 3. juni`, `turns 18 on 3 June`): looked for only where `fyller` or `turns` stands. */
const AGE_WORDS = 'tretten|fjorten|femten|seksten|sytten|atten|nitten|tjue|tjueen|tjueto|tjuetre|tjuefire|tjuefem|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty';
const BIRTHDAY_AGE = new RegExp(
  `(?<![\\p{L}\\p{N}])(fyller (?:\\d{1,2}|${AGE_WORDS})(?: år)?(?: den| på)?|turns (?:\\d{1,2}|${AGE_WORDS})(?: on)?)(?![\\p{L}\\p{N}])`,
  'giu',
);
/** A date with the birthday said after it (`03.07.06, her birthday`, `3. mars, bursdagen hennes`). */
const BIRTHDAY_AFTER = /^,?[ \u00a0]*(?:(?:her|his|their|my)[ \u00a0]+birthday|(?:hennes|hans|deres|min|mi)[ \u00a0]+(?:bursdag|fødselsdag)|(?:bursdagen|fødselsdagen)[ \u00a0]+(?:hennes|hans|hennar|deira|min|mi))(?!\p{L})/iu;
const CUE_REACH = 40;
/**
 * How far after its cue a date of birth pointed at stands: after a colon, a bracket or a quote (`Her birthday came up
 * when we talked about the cut-off: "3rd of May 2001`, `Fødselsdatoen er lett å lese ut av nummeret (27.09.05)`).
 */
const POINTED_REACH = 60;
/** What points at a date right before it. */
const POINTED = /(?::[ \t]*[«"“]?|[(«"“])$/u;
/** A new clause (`født i Bergen, og 3. mars 2020 flyttet hun`): the date there is about something else. */
const CLAUSE_BREAK = /;|\|[ \t]*\n|,[ \u00a0]*(?:og|men|så|mens|eller|da|før|etter|fordi|når)(?!\p{L})/iu;
const HAR = /(?<!\p{L})har(?!\p{L})/iu;
/** Where a sentence or paragraph ends: a date is not looked for beyond it. */
const SENTENCE_END = /[.!?…][ \t]*(?:[\r\n]|[ \t]\p{Lu})|(?:\r\n|\n|\r(?!\n))[ \t]*[\r\n]/u;

/** A year as written after a month and day, in full or shortened after an apostrophe (`2004`, `'04`). */
function fullYearOf(written: string): number {
  if (written.length === 4) return Number(written);
  const short = Number(written.slice(1));
  return short + (short > 30 ? 1900 : 2000);
}

function dateAt(match: RegExpExecArray): boolean {
  const n = (i: number) => Number(match[i]);
  if (match[2] !== undefined) return plausibleDate(n(1), MONTHS[match[2].toLowerCase()]!, match[3] !== undefined ? n(3) : undefined) && (match[3] === undefined || (n(3) >= 1850 && n(3) <= 2099));
  if (match[4] !== undefined) return plausibleDate(n(4), n(5), match[6]!.length === 4 ? n(6) : undefined) && (match[6]!.length === 2 || (n(6) >= 1850 && n(6) <= 2099));
  if (match[7] !== undefined) return n(7) >= 1850 && n(7) <= 2099 && plausibleDate(n(9), n(8), n(7));
  if (match[13] !== undefined) return plausibleDate(n(14), MONTHS[match[13].toLowerCase()]!, fullYearOf(match[15]!)) && fullYearOf(match[15]!) >= 1850 && fullYearOf(match[15]!) <= 2099;
  if (match[16] !== undefined) return plausibleDate(ORDINAL_DAYS[match[16].toLowerCase()]!, MONTHS[match[17]!.toLowerCase()]!, match[18] !== undefined ? n(18) : undefined) && (match[18] === undefined || (n(18) >= 1850 && n(18) <= 2099));
  if (match[19] !== undefined) return n(20) >= 1850 && n(20) <= 2099;
  return plausibleDate(n(10), n(11), match[12]!.length === 4 ? n(12) : undefined) && (match[12]!.length === 2 || (n(12) >= 1850 && n(12) <= 2099));
}

/** The first date that starts within `CUE_REACH` after `from`, in the same sentence, with no other number between. */
function dateAfter(text: string, from: number, immediate: boolean): { start: number; end: number } | undefined {
  const window = text.slice(from, from + POINTED_REACH + 40);
  const stop = window.search(SENTENCE_END);
  DATE.lastIndex = 0;
  const m = DATE.exec(window);
  if (m === null) return undefined;
  const gap = window.slice(0, m.index);
  const reach = POINTED.test(gap) ? POINTED_REACH : CUE_REACH;
  if (m.index > Math.min(reach, stop === -1 ? reach : stop)) return undefined;
  // (After its cue a date is one either way round, as an American form writes it: `DOB 03/14/2006`.)
  if (/\d/.test(gap) || CLAUSE_BREAK.test(gap) || (immediate && gap.trim() !== '') || (!dateAt(m) && !dateTurnedRound(m))) return undefined;
  return { start: from + m.index, end: from + m.index + m[0].length };
}

/** The last date ending within `CUE_REACH` before `to`, with `har` between it and the cue and no sentence end. */
function dateBefore(text: string, to: number): { start: number; end: number } | undefined {
  const from = Math.max(0, to - CUE_REACH - 40);
  const window = text.slice(from, to);
  let last: { start: number; end: number } | undefined;
  DATE.lastIndex = 0;
  for (let m = DATE.exec(window); m !== null; m = DATE.exec(window)) {
    const gap = window.slice(m.index + m[0].length);
    const start = from + m.index;
    if (gap.length > CUE_REACH || /\d/.test(gap) || SENTENCE_END.test(gap) || CLAUSE_BREAK.test(gap) || !HAR.test(gap) || !dateAt(m)) continue;
    // The window may have cut a longer number in two: look at the text itself.
    if (m.index === 0 && start > 0 && (isWordAt(text, start - 1) || (/[.,/-]/.test(text[start - 1]!) && isDigitAt(text, start - 2)))) continue;
    last = { start, end: start + m[0].length };
  }
  return last;
}

/** Cues after which a year alone is a year of birth (`f. 2006`, `født i 1999`, `born in 2004`). */
const BORN = new Set(['født', 'fødd', 'f.', 'born']);
// The year ends the phrase (`f. 2006, falt`, `født i 1999 og`), unlike a number of things born (`født 2000 barn`).
const YEAR_AFTER = /^[ \u00a0]*(?:(?:i|in)[ \u00a0]+)?((?:19|20)\d{2})(?![\p{L}\p{N}]|[.,/-]\d)(?=[ \u00a0]*(?:[,.;:)\]!?–—-]|\r|\n|$|(?:og|and|i|in|på|men|but|som|who|da|when)(?!\p{L})))/u;

/** A year of birth right after the cue, alone: it narrows who someone is as a full date does. */
function yearAfter(text: string, from: number): { start: number; end: number } | undefined {
  const m = YEAR_AFTER.exec(text.slice(from, from + 12));
  if (!m) return undefined;
  const start = from + m[0].length - m[1]!.length;
  return { start, end: start + 4 };
}

function scanBirthDates(text: string, found: AnonFinding[]): void {
  const seen = new Set<number>();
  const ages = text.includes('fyller ') || text.includes('turns ');
  if (BIRTH_CUE_HINT.test(text)) birthDatesAfter(text, BIRTH_CUE, seen, found, false);
  // The age's date follows it at once (`fyller 18 den 3. juni`), not a holiday it comes near (`fyller tjue rett etter 17. mai`).
  if (ages) birthDatesAfter(text, BIRTHDAY_AGE, seen, found, true);
  if (BIRTHDAY_WORD.test(text)) birthdaysSaidAfter(text, seen, found);
  if (mayHoldTable(text)) birthDatesInTables(text, seen, found);
  if (seen.size) sameDatesAgain(text, found, seen);
}

/**
 * A table's header over dates of birth (`Born`, `Fødselsdato`, `DOB`, `Fødd`), markup and a colon aside, also beside
 * another thing the column holds (`DOB / ID`, `Fnr/fødselsdato`).
 */
const BIRTH_HEADER = String.raw`(?:born|b\.|født|fødd|f\.|fødselsdato|fødselsdag|f\.? ?dato|dob|d\.o\.b\.?|date of birth|birth ?date|birthday|bursdag|født \(dato\)|fødd \(dato\))`;
const BIRTH_COLUMN = new RegExp(String.raw`^(?:[^/|]{1,30}[ \t]*/[ \t]*)?${BIRTH_HEADER}(?:[ \t]*/[ \t]*[^/|]{1,30})?$`, 'iu');
/**
 * Dates in a table's column of births (`| Born |` over `| 2005-03-14 |`):
 * a tracker of recruits lists them so, with the cue once at the top. A
 * sheet may have turned a date round (`3/4/2008`): in that column either
 * reading makes it a date of birth.
 */
function birthDatesInTables(text: string, seen: Set<number>, found: AnonFinding[]): void {
  for (const cell of columnCells(text, BIRTH_COLUMN)) {
    DATE.lastIndex = 0;
    for (let m = DATE.exec(cell.text); m !== null; m = DATE.exec(cell.text)) {
      if (!dateAt(m) && !dateTurnedRound(m)) continue;
      const start = cell.start + m.index;
      if (seen.has(start)) continue;
      seen.add(start);
      found.push(finding('dob', text, start, start + m[0].length, SCORE.dob, [{ kind: 'dob', cue: cell.header }]));
    }
  }
}

/** A numeric date that is one read month first (`08/30/2001`, as a sheet on American settings writes it). */
function dateTurnedRound(match: RegExpExecArray): boolean {
  if (match[4] === undefined) return false;
  const year = match[6]!.length === 4 ? Number(match[6]) : undefined;
  return plausibleDate(Number(match[5]), Number(match[4]), year) && (year === undefined || (year >= 1850 && year <= 2099));
}

/** Dates the words after call a birthday (`wrote 03.07.06, her birthday`). */
function birthdaysSaidAfter(text: string, seen: Set<number>, found: AnonFinding[]): void {
  DATE.lastIndex = 0;
  for (let m = DATE.exec(text); m !== null; m = DATE.exec(text)) {
    const end = m.index + m[0].length;
    const cue = BIRTHDAY_AFTER.exec(text.slice(end, end + 30));
    if (!cue || seen.has(m.index) || !dateAt(m)) continue;
    seen.add(m.index);
    found.push(finding('dob', text, m.index, end, SCORE.dob, [{ kind: 'dob', cue: cue[0].replace(/^,?\s*/u, '') }]));
  }
}

function birthDatesAfter(text: string, cues: RegExp, seen: Set<number>, found: AnonFinding[], immediate: boolean): void {
  cues.lastIndex = 0;
  const tables = mayHoldTable(text);
  for (let c = cues.exec(text); c !== null; c = cues.exec(text)) {
    const cue = (c[1] ?? c[2]!).toLowerCase();
    const cueEnd = c.index + c[0].length;
    // (A table's header names its columns, whatever stands beside the cue there: `| born | status Dec 2024 |`.)
    if (tables && inTableHeader(text, c.index)) continue;
    let date = dateAfter(text, cueEnd, immediate || c[2] !== undefined);
    if (!date && cue.startsWith('bursdag')) date = dateBefore(text, c.index);
    if (!date && BORN.has(cue)) date = yearAfter(text, cueEnd);
    // (A label's colon after the cue, `Date of birth for consent form:`, points at every dated name on its line.)
    const labelled = !immediate && LABEL_AFTER_CUE.test(text.slice(cueEnd, cueEnd + 40));
    for (const birth of [...(date ? [date, ...contrastedDates(text, date.end)] : []), ...(labelled ? datesOnLine(text, cueEnd) : [])]) {
      if (seen.has(birth.start)) continue;
      seen.add(birth.start);
      found.push(finding('dob', text, birth.start, birth.end, SCORE.dob, [{ kind: 'dob', cue }]));
    }
  }
}

/** A label's words and colon right after a cue (`Date of birth for consent form:`, `Fødselsdato (fra skjemaet):`). */
const LABEL_AFTER_CUE = /^[^:\n.!?\d]{0,30}:/u;
/** The words between a date of birth and another said against it (`, men papirene fra UDI sier`, `but he says himself`). */
const CONTRAST_BETWEEN = /^[^.!?\n\d;]{0,40}?(?<![\p{L}])(?:men|but|though|although|mens|eller|or)(?![\p{L}])[^.!?\n\d;]{0,40}$/iu;

/** Another date of birth said against the one ending at `from`, in its sentence (`født 23.11.2007, men papirene sier 1.1.2007`). */
function contrastedDates(text: string, from: number): { start: number; end: number }[] {
  const window = text.slice(from, from + 100);
  DATE.lastIndex = 0;
  const m = DATE.exec(window);
  if (!m || !CONTRAST_BETWEEN.test(window.slice(0, m.index)) || !withYear(m) || (!dateAt(m) && !dateTurnedRound(m))) return [];
  return [{ start: from + m.index, end: from + m.index + m[0].length }];
}

/** The dates with a year on the rest of a labelled line (`the father is registered 01.01.1974 (…), Yousef 2005-06-19`). */
function datesOnLine(text: string, from: number): { start: number; end: number }[] {
  const lineEnd = text.indexOf('\n', from);
  const line = text.slice(from, Math.min(lineEnd === -1 ? text.length : lineEnd, from + 240));
  const out: { start: number; end: number }[] = [];
  DATE.lastIndex = 0;
  for (let m = DATE.exec(line); m !== null; m = DATE.exec(line)) if (withYear(m) && (dateAt(m) || dateTurnedRound(m))) out.push({ start: from + m.index, end: from + m.index + m[0].length });
  return out;
}

/** Whether a date match gives its year in four digits: a day and month alone (`1 January`) are no one's birth. */
function withYear(m: RegExpExecArray): boolean {
  return /(?:18|19|20)\d\d/u.test(m[0]);
}

/**
 * A date of birth given as the answer to a question about it (`may I check
 * your date of birth?` … `**Youth 15:** 2nd of February 2004.`, `Når er
 * du født?` … `14. mars 2006`): the first date at the start of the answer,
 * after the speaker's label. Read over the whole note, as the answer is
 * the next paragraph.
 */
export function birthDatesAnswered(text: string): AnonFinding[] {
  if (!text.includes('?') || !BIRTH_HINT.test(text)) return [];
  const found: AnonFinding[] = [];
  BIRTH_CUE.lastIndex = 0;
  for (let c = BIRTH_CUE.exec(text); c !== null; c = BIRTH_CUE.exec(text)) {
    const after = c.index + c[0].length;
    const question = QUESTION_END.exec(text.slice(after, after + 60));
    if (!question) continue;
    const answerAt = after + question[0].length;
    const label = ANSWER_START.exec(text.slice(answerAt, answerAt + 60));
    const from = answerAt + (label?.[0].length ?? 0);
    // The answer is another turn, on a line of its own.
    if (!text.slice(answerAt, from).includes('\n')) continue;
    DATE.lastIndex = 0;
    const window = text.slice(from, from + 40);
    const m = DATE.exec(window);
    if (!m || m.index > 12 || /[.!?\d]/u.test(window.slice(0, m.index)) || !dateAt(m)) continue;
    found.push(finding('dob', text, from + m.index, from + m.index + m[0].length, SCORE.dob, [{ kind: 'dob', cue: (c[1] ?? c[2]!).toLowerCase() }]));
  }
  return found;
}

/** A cheap first look for a word about birth, without the `u` flag. */
const BIRTH_HINT = /[fF][øo]d[dt]|[fF][øo]dsel|[bB]ursdag|[bB]orn|[bB]irth|[bB]day|[bB]-day|[dD][oO][bB]|[fF]yller år/;

/** The rest of a question after a word about birth (`your date of birth?`, `født?`), with no sentence ending before the mark. */
const QUESTION_END = /^[^.!?\n]*\?/u;
/** Blank lines and a speaker's label before an answer (`**Youth 15:**`, `IP:`, `> Ungdom:`). */
const ANSWER_START = /^\s*(?:>[ \t]*)?(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]*)?(?:\*\*[^*\n]{1,40}\*\*[ \t]*:?|[\p{L}\p{N} ]{1,30}:)?[ \t]*(?:\*\*)?(?:[ \t]*\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]*)?/u;

/**
 * Eleven digits that start with a date of birth the note gives (`b.
 * 26/07/05` … `26070562313`): a fødselsnummer, mistyped or not, since
 * its first six digits are the birth date. The new findings are returned.
 */
export function idNumbersOfBirthDates(text: string, found: readonly AnonFinding[]): AnonFinding[] {
  const births = new Set<string>();
  for (const f of found) {
    if (f.type !== 'dob') continue;
    DATE.lastIndex = 0;
    const m = DATE.exec(f.text);
    const key = m && m.index === 0 ? dateKey(m) : undefined;
    if (key) births.add(key.replace(/-(?:19|20)(\d\d)$/u, '-$1'));
  }
  if (!births.size) return [];
  const out: AnonFinding[] = [];
  for (const m of text.matchAll(ELEVEN_DIGITS)) {
    const key = `${Number(m[1]!.slice(0, 2))}-${Number(m[1]!.slice(2, 4))}-${m[1]!.slice(4, 6)}`;
    const end = m.index + m[0].length;
    if (births.has(key) && !found.some((f) => f.span.start < end && f.span.end > m.index)) {
      out.push(finding('idnum', text, m.index, end, SCORE.idnum, [{ kind: 'idnum', dNumber: false, mistyped: true }]));
    }
  }
  return out;
}

/** Eleven digits, six and five, perhaps a space between (`26070562313`, `260705 62313`). */
const ELEVEN_DIGITS = /(?<![\p{N}\p{L}.,/-])(\d{6})[ \u00a0]?\d{5}(?![\p{N}]|[.,/-]\d)/gu;

/**
 * An id number found once, written again elsewhere in the note without its cue (`CHI 1703064685?` … `copied it as
 * 1703064685`): the same digits are the same number. The new findings are returned.
 */
export function idNumbersAgain(text: string, found: readonly AnonFinding[]): AnonFinding[] {
  const ids = new Set(found.filter((f) => f.type === 'idnum' && /\d{6}/u.test(f.text)).map((f) => f.text));
  const out: AnonFinding[] = [];
  for (const id of ids) {
    for (let at = text.indexOf(id); at !== -1; at = text.indexOf(id, at + 1)) {
      const end = at + id.length;
      if (isDigitCode(text.charCodeAt(at - 1)) || isDigitCode(text.charCodeAt(end))) continue;
      if (!found.some((f) => f.span.start < end && f.span.end > at) && !out.some((f) => f.span.start === at)) {
        out.push(finding('idnum', text, at, end, SCORE.idnum, [{ kind: 'idnum', dNumber: false, mistyped: true }]));
      }
    }
  }
  return out;
}

/**
 * The dates of birth of one paragraph written again in another paragraph
 * of the note (`born 8 Nov 2006` … a reply: `it doesn't match 08.11.06`).
 * `found` holds the note's findings; the new ones are returned.
 */
export function birthDatesAgain(text: string, found: readonly AnonFinding[]): AnonFinding[] {
  const births = found.filter((f) => f.type === 'dob');
  if (!births.length) return [];
  const seen = new Set(births.map((f) => f.span.start));
  const all = [...births];
  sameDatesAgain(text, all, seen);
  return all.slice(births.length);
}

/**
 * A date of birth written again in another form (`born 17 June 2005` …
 * `her form says 17/06/2005`): the same day, month and year anywhere in the
 * note is the same birth date. Looked for only in a note with a date of
 * birth.
 */
function sameDatesAgain(text: string, found: AnonFinding[], seen: Set<number>): void {
  const births = new Map<string, string>();
  for (const f of found) {
    if (f.type !== 'dob') continue;
    DATE.lastIndex = 0;
    const m = DATE.exec(f.text);
    const key = m && m.index === 0 ? dateKey(m) : undefined;
    const cue = f.evidence[0]?.kind === 'dob' ? f.evidence[0].cue : '';
    if (key) births.set(key, cue);
  }
  if (!births.size) return;
  DATE.lastIndex = 0;
  for (let m = DATE.exec(text); m !== null; m = DATE.exec(text)) {
    const key = dateKey(m);
    // (`born Oct 2 2005` … `the form says 10/2/05`: written the American way.)
    const cue = key === undefined ? undefined : (births.get(key) ?? births.get(americanKey(m) ?? ''));
    if (cue === undefined || seen.has(m.index) || !dateAt(m)) continue;
    seen.add(m.index);
    found.push(finding('dob', text, m.index, m.index + m[0].length, SCORE.dob, [{ kind: 'dob', cue }]));
  }
}

/** A written date's day, month and year as one key (`17-6-2005`), or undefined without a year. */
function dateKey(m: RegExpExecArray): string | undefined {
  const n = (i: number) => Number(m[i]);
  const year = (i: number) => (m[i]!.length === 4 ? n(i) : n(i) + (n(i) > 30 ? 1900 : 2000));
  if (m[2] !== undefined) return m[3] === undefined ? undefined : `${n(1)}-${MONTHS[m[2].toLowerCase()]}-${n(3)}`;
  if (m[4] !== undefined) return `${n(4)}-${n(5)}-${year(6)}`;
  if (m[7] !== undefined) return `${n(9)}-${n(8)}-${n(7)}`;
  if (m[13] !== undefined) return `${n(14)}-${MONTHS[m[13].toLowerCase()]}-${fullYearOf(m[15]!)}`;
  if (m[16] !== undefined) return m[18] === undefined ? undefined : `${ORDINAL_DAYS[m[16].toLowerCase()]}-${MONTHS[m[17]!.toLowerCase()]}-${n(18)}`;
  // (A month and a year alone is no day to find again.)
  if (m[19] !== undefined) return undefined;
  return `${n(10)}-${n(11)}-${year(12)}`;
}

/** A full date right after a name, perhaps after a comma or in brackets (`Kasia Nowak 14.09.2006`, `Ali Omar (2005-03-14)`). */
const DATE_AFTER_NAME = /^[ \t]*,?[ \t]*\(?(?:(\d{1,2})[./-](\d{1,2})[./-](\d{4})|(\d{4})-(\d{2})-(\d{2}))(?![\p{L}\p{N}]|[./-]\d)/u;
/** How many years before the note's own date a date after a name is a birth: a young person's at least, an old one's at most. */
const BIRTH_YEARS_BEFORE = { least: 12, most: 90 };

/**
 * The dates right after persons named in full, years before the note's own date (`Kasia Nowak 14.09.2006` in a note dated
 * 2024): their births, as a contact list or a forwarded form gives them. Not a date of the note's own time (`Kari Holm
 * 12.03.2024`, a meeting's), nor one where the note has no date to weigh it by.
 */
export function birthDatesAfterNames(text: string, names: readonly { span: { end: number }; text: string }[], noteYear: number | undefined, found: readonly AnonFinding[]): AnonFinding[] {
  if (noteYear === undefined) return [];
  const out: AnonFinding[] = [];
  for (const name of names) {
    const end = name.span.end;
    const m = DATE_AFTER_NAME.exec(text.slice(end, end + 24));
    if (!m) continue;
    const [day, month, year] = m[1] !== undefined ? [Number(m[1]), Number(m[2]), Number(m[3])] : [Number(m[6]), Number(m[5]), Number(m[4])];
    if (!plausibleDate(day, month, year) || year > noteYear - BIRTH_YEARS_BEFORE.least || year < noteYear - BIRTH_YEARS_BEFORE.most) continue;
    const dateStart = end + m[0].search(/\d/u);
    const dateEnd = end + m[0].length;
    if (found.some((f) => f.span.start < dateEnd && dateStart < f.span.end)) continue;
    out.push(finding('dob', text, dateStart, dateEnd, SCORE.dob, [{ kind: 'dob', cue: name.text }]));
  }
  return out;
}

/** The key of a date written with slashes, read the American way round (`10/2/05` for 2 October), else undefined. */
function americanKey(m: RegExpExecArray): string | undefined {
  if (m[4] === undefined || !m[0].includes('/')) return undefined;
  const n = (i: number) => Number(m[i]);
  return `${n(5)}-${n(4)}-${m[6]!.length === 4 ? n(6) : n(6) + (n(6) > 30 ? 1900 : 2000)}`;
}
