import type { Report } from './irelandPatterns.js';

/**
 * Personal id numbers of Norway's neighbours, for the studies that
 * compare with their offices: a Danish CPR number (`210203-5103`: the
 * date of birth and four digits) and a Swedish personnummer (`20020419-7669`,
 * `020419-7669`: the date of birth the other way round and four digits,
 * the last a Luhn check digit). Written with the hyphen either is a
 * person's number wherever it stands; without it, only after its name
 * (`CPR 2102035103`). A number whose check digit does not add up after its
 * name is reported too: a mistyped number still identifies. Swedish mobile
 * numbers as Swedes write them at home (`070-312 44 81`) are phone numbers.
 */
export function scanNordicIds(text: string, report: Report): void {
  if (SWEDISH_MOBILE_HINT.test(text)) for (const m of text.matchAll(SWEDISH_MOBILE)) report('phone', m.index, m.index + m[0].length, [{ kind: 'phone' }]);
  if (!DIGITS_HINT.test(text)) return;
  for (const m of text.matchAll(SWEDISH_LONG)) {
    const [, century, yy, mm, dd, serial] = m;
    if (!plausible(Number(dd), Number(mm), Number(century! + yy!))) continue;
    const valid = luhn(yy! + mm! + dd! + serial!);
    if (valid || cueBefore(text, m.index)) report('idnum', m.index, m.index + m[0].length, [{ kind: 'idnum', dNumber: false, scheme: 'personnummer', mistyped: !valid || undefined }]);
  }
  for (const m of text.matchAll(SIX_FOUR)) {
    const [, a, b, c, digits] = m;
    const hyphen = m[0].includes('-') || m[0].includes('+');
    // Danish: day, month, year; Swedish: year, month, day.
    const danish = plausible(Number(a), Number(b), undefined);
    const swedish = plausible(Number(c), Number(b), undefined) && luhn(a! + b! + c! + digits!);
    const cued = cueBefore(text, m.index);
    if ((hyphen && (danish || swedish)) || (cued && (danish || plausible(Number(c), Number(b), undefined)))) {
      const scheme = swedish && !danish ? 'personnummer' : /pnr|personnummer|person number/iu.test(text.slice(Math.max(0, m.index - 30), m.index)) ? 'personnummer' : 'cpr';
      report('idnum', m.index, m.index + m[0].length, [{ kind: 'idnum', dNumber: false, scheme }]);
    }
  }
}

/** A Swedish mobile number with its trunk 0 (`070-312 44 81`, `073 123 45 67`). */
const SWEDISH_MOBILE_HINT = /07\d[- ]\d{3}/;
const SWEDISH_MOBILE = /(?<![\d+-])07[02369][- ]\d{3}[ ]?\d{2}[ ]?\d{2}(?![\d-])/g;
/** Ten or twelve digits with a hyphen or a plus before the last four, or ten together. */
const DIGITS_HINT = /\d{6}[-+]?\d{4}/;
/** `20020419-7669`: century, year, month, day, four digits. */
const SWEDISH_LONG = /(?<![\d-])(19|20)(\d{2})(\d{2})(\d{2})[-+]?(\d{4})(?![\d-])/g;
/** `210203-5103`, `2102035103`: three pairs and four digits. */
const SIX_FOUR = /(?<![\d-])(\d{2})(\d{2})(\d{2})[-+]?(\d{4})(?![\d-])/g;
/** Its name shortly before a number (`CPR`, `cpr-nr.`, `personnummer`, `pnr`). */
const CUE_BEFORE = /(?:CPR|cpr-?(?:nr|nummer)?|personnummer|person number|pnr|personnr)\.?:?[^.\n\d]{0,20}$/iu;

function cueBefore(text: string, at: number): boolean {
  return CUE_BEFORE.test(text.slice(Math.max(0, at - 40), at));
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function plausible(day: number, month: number, year: number | undefined): boolean {
  if (month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]!) return false;
  return year === undefined || (year >= 1900 && year <= 2099);
}

/** The Luhn check over the ten digits (year, month, day, serial), as Sweden computes the last digit. */
export function luhn(digits: string): boolean {
  let sum = 0;
  // Every second digit from the right is doubled, the check digit itself not: any length (a SIN's nine, a personnummer's ten).
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]) * (i % 2 === 1 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}
