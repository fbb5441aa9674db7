import type { Report } from './irelandPatterns.js';
import { luhn } from './nordicIds.js';

/**
 * Identifiers as Britain and the United States write them, for the
 * studies that compare with their services: a National Insurance number
 * (`JT 48 27 91 B`), an NHS number or a Scottish CHI number after its
 * name (`NHS number 562 337 1914`, `CHI 1707063826`, whose last digit
 * checks the others), an American phone number
 * (`(206) 555-0147`, `206-555-0147`, `612.555.0148`), a ZIP code after its name or a
 * state (`ZIP 98118`, `Baltimore, MD 21217`), a Canadian postal code (`M6H 4C2`), and a
 * Canadian SIN or an American SSN after its name. Each is looked for only
 * where the note can hold it: cheap looks first, as most notes hold none.
 */
export function scanUkUs(text: string, report: Report): void {
  // Each holds a run of digits of its own shape: one look for any of them rules most paragraphs out.
  if (!DIGITS_HINT.test(text)) return;
  if (NINO_HINT.test(text)) {
    for (const m of text.matchAll(NINO)) report('idnum', m.index, m.index + m[0].length, [{ kind: 'idnum', dNumber: false, scheme: 'nino' }]);
  }
  if (/NHS|CHI/u.test(text)) scanNhsNumbers(text, report);
  if (US_PHONE_HINT.test(text)) {
    for (const m of text.matchAll(US_PHONE)) report('phone', m.index, m.index + m[0].length, [{ kind: 'phone' }]);
  }
  if (/\d{5}/u.test(text) && ZIP_HINT.test(text)) scanZipCodes(text, report);
  if (NATIONAL_NUMBER_CUE.test(text)) scanNationalNumbers(text, report);
  if (CA_POSTCODE_HINT.test(text)) for (const m of text.matchAll(CA_POSTCODE)) report('place', m.index, m.index + m[0].length, [{ kind: 'shape', cue: 'postcode' }]);
}

/** The names of Canada's social insurance number and America's social security number, which the digits follow. */
const NATIONAL_NUMBER_CUE = /\bSIN\b|[Ss]ocial [Ii]nsurance|\bSSN\b|[Ss]ocial [Ss]ecurity/u;
/** A cue, then within a few words nine digits: 3-3-3 for a SIN, 3-2-4 for an SSN (`his SIN as 527 319 040`, `SSN 078-05-1120`). */
const NATIONAL_NUMBER = /(\bSIN\b|[Ss]ocial [Ii]nsurance(?: [Nn]umber)?|\bSSN\b|[Ss]ocial [Ss]ecurity(?: [Nn]umber)?)[^.\n\d]{0,24}?(?<![\d-])(\d{3}[ -]?\d{3}[ -]?\d{3}|\d{3}-\d{2}-\d{4})(?![\d-])/gdu;

function scanNationalNumbers(text: string, report: Report): void {
  for (const m of text.matchAll(NATIONAL_NUMBER)) {
    const [start, end] = m.indices![2]!;
    const digits = m[2]!.replace(/\D/gu, '');
    if (/SSN|ecurity/u.test(m[1]!)) report('idnum', start, end, [{ kind: 'idnum', dNumber: false, scheme: 'ssn' }]);
    else report('idnum', start, end, [{ kind: 'idnum', dNumber: false, scheme: 'sin', mistyped: !luhn(digits) || undefined }]);
  }
}

/** A Canadian postal code (`M6H 4C2`, `K1A0B1`): letter, digit, letter, then digit, letter, digit; D, F, I, O, Q and U are never used. */
const CA_POSTCODE_HINT = /[A-Z]\d[A-Z] ?\d[A-Z]\d/;
const CA_POSTCODE = /(?<![0-9A-Za-z])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d(?![0-9A-Za-z])/g;

/** The digits any of them holds: three pairs before a letter, ten in groups, an area code in brackets, five together. */
const DIGITS_HINT = /\d\d ?\d\d ?\d\d ?[A-D]|\d{3}[ .-]?\d{3}[ .-]?\d{3,4}|\(\d{3}\)|\d{5}|\d[A-Z] ?\d|\d{3}-\d\d-\d{4}/;

/** Two letters, three pairs of digits and a letter from A to D, the pairs spaced or not. */
const NINO_HINT = /\d\d ?\d\d ?\d\d ?[A-D](?![0-9A-Za-z])/;
/** The prefix's letters are never D, F, I, Q, U or V (the second never O), and BG, GB, NK, KN, TN, NT and ZZ are not given. */
const NINO = /(?<![0-9A-Za-z])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![0-9A-Za-z])/g;

/** Ten digits, in threes and a four or run together. */
const NHS_NUMBER = /(?<![\d-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d-])/g;
/**
 * The name of an NHS number shortly before it (`NHS number:`, `NHS no. is`), or of Scotland's CHI number (`CHI 1707063826`:
 * a date of birth and four digits, checked as an NHS number is).
 */
const NHS_CUE_BEFORE = /(NHS|[Nn]hs|\bCHI)[ \t]*(?:[Nn]umber|[Nn]o\.?|[Nn]r\.?|[Nn]ummer)?[^.\n]{0,40}$/u;

function scanNhsNumbers(text: string, report: Report): void {
  for (const m of text.matchAll(NHS_NUMBER)) {
    const digits = m[0].replace(/\D/gu, '');
    const cue = NHS_CUE_BEFORE.exec(text.slice(Math.max(0, m.index - 56), m.index))?.[1];
    if (cue === undefined) continue;
    const valid = nhsCheckDigit(digits) === Number(digits[9]);
    const scheme = cue === 'CHI' ? 'chi' : 'nhs';
    report('idnum', m.index, m.index + m[0].length, [{ kind: 'idnum', dNumber: false, scheme, mistyped: !valid || undefined }]);
  }
}

/** The check digit of an NHS number: the first nine digits weighted 10 to 2, 11 less the sum modulo 11 (11 is 0; 10 is never given). */
export function nhsCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check;
}

/**
 * An area code in brackets, or three digits and a dash or a dot, then three digits and four (`(206) 555-0147`,
 * `206-555-0147`, `612.555.0148`, in brackets too: `(612-555-0164)`).
 */
const US_PHONE_HINT = /\(\d{3}\) ?\d{3}[-. ]\d{4}|\d{3}-\d{3}-\d{4}|\d{3}\.\d{3}\.\d{4}/;
const US_PHONE = /(?<![\d(.-])(?:\(\d{3}\) ?\d{3}[-. ]\d{4}|\d{3}-\d{3}-\d{4}|\d{3}\.\d{3}\.\d{4})(?![\d-]|\.\d)|(?<=\()\d{3}-\d{3}-\d{4}(?=\))/g;

/** The states' two-letter codes, as an address writes them before a ZIP code. */
const STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
/** Five digits after a state, or after the word (`ZIP 98118`, `ZIP codes (21217, 21223`). */
const ZIP_HINT = /ZIP|[Zz]ip ?code|[A-Z]{2},? \d{5}/;
const ZIP_AFTER_STATE = new RegExp(String.raw`(?<![A-Za-z])(?:${STATES}),?[ \u00a0]+(\d{5})(?:-\d{4})?(?![\d-])`, 'dg');
const ZIP_AFTER_WORD = /(?:ZIP|[Zz]ip ?codes?)(?: codes?)?[ \t]*[:(]?[ \t]*((?:\d{5}(?:-\d{4})?(?:,[ \t]*|[ \t]+(?:and|og)[ \t]+)?)+)/g;

function scanZipCodes(text: string, report: Report): void {
  for (const m of text.matchAll(ZIP_AFTER_STATE)) {
    const [start, end] = m.indices![1]!;
    report('place', start, end, [{ kind: 'shape', cue: 'zip' }]);
  }
  for (const m of text.matchAll(ZIP_AFTER_WORD)) {
    const listStart = m.index + m[0].length - m[1]!.length;
    for (const zip of m[1]!.matchAll(/\d{5}(?:-\d{4})?/gu)) report('place', listStart + zip.index, listStart + zip.index + zip[0].length, [{ kind: 'shape', cue: 'zip' }]);
  }
}
